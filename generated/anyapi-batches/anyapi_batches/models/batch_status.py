# Generated from openapi.yaml by openapi-python-client's default literal_enum.py.jinja: never edit; regenerate with `nox -s generate`.
from typing import Literal

BatchStatus = Literal[
    "cancelled", "cancelling", "completed", "expired", "failed", "finalizing", "in_progress", "validating"
]

BATCH_STATUS_VALUES: set[BatchStatus] = {
    "cancelled",
    "cancelling",
    "completed",
    "expired",
    "failed",
    "finalizing",
    "in_progress",
    "validating",
}


def check_batch_status(value: str) -> BatchStatus:
    if value in BATCH_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BATCH_STATUS_VALUES!r}")
