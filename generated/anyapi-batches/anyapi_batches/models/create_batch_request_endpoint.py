from typing import Literal

CreateBatchRequestEndpoint = Literal["/v1/chat/completions", "/v1/completions", "/v1/embeddings"]

CREATE_BATCH_REQUEST_ENDPOINT_VALUES: set[CreateBatchRequestEndpoint] = {
    "/v1/chat/completions",
    "/v1/completions",
    "/v1/embeddings",
}


def check_create_batch_request_endpoint(value: str) -> CreateBatchRequestEndpoint:
    if value in CREATE_BATCH_REQUEST_ENDPOINT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREATE_BATCH_REQUEST_ENDPOINT_VALUES!r}")
