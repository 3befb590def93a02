# Generated from openapi.yaml by openapi-python-client's default literal_enum.py.jinja: never edit; regenerate with `nox -s generate`.
from typing import Literal

FilePurpose = Literal["assistants", "batch", "fine-tune", "vision"]

FILE_PURPOSE_VALUES: set[FilePurpose] = {
    "assistants",
    "batch",
    "fine-tune",
    "vision",
}


def check_file_purpose(value: str) -> FilePurpose:
    if value in FILE_PURPOSE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FILE_PURPOSE_VALUES!r}")
