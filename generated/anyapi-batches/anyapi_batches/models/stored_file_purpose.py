# Generated from openapi.yaml by openapi-python-client's default literal_enum.py.jinja: never edit; regenerate with `nox -s generate`.
from typing import Literal

StoredFilePurpose = Literal[
    "assistants", "assistants_output", "batch", "batch_output", "fine-tune", "fine-tune-results", "user_data", "vision"
]

STORED_FILE_PURPOSE_VALUES: set[StoredFilePurpose] = {
    "assistants",
    "assistants_output",
    "batch",
    "batch_output",
    "fine-tune",
    "fine-tune-results",
    "user_data",
    "vision",
}


def check_stored_file_purpose(value: str) -> StoredFilePurpose:
    if value in STORED_FILE_PURPOSE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STORED_FILE_PURPOSE_VALUES!r}")
