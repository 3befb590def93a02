# Generated from openapi.yaml by openapi-python-client's default literal_enum.py.jinja: never edit; regenerate with `nox -s generate`.
from typing import Literal

BatchEndpoint = Literal["/v1/chat/completions", "/v1/completions", "/v1/embeddings"]

BATCH_ENDPOINT_VALUES: set[BatchEndpoint] = {
    "/v1/chat/completions",
    "/v1/completions",
    "/v1/embeddings",
}


def check_batch_endpoint(value: str) -> BatchEndpoint:
    if value in BATCH_ENDPOINT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_ENDPOINT_VALUES!r}")
