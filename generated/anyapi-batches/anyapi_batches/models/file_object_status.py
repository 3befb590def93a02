# Generated from openapi.yaml by openapi-python-client's default literal_enum.py.jinja: never edit; regenerate with `nox -s generate`.
from typing import Literal

FileObjectStatus = Literal["error", "processed", "uploaded"]

FILE_OBJECT_STATUS_VALUES: set[FileObjectStatus] = {
    "error",
    "processed",
    "uploaded",
}


def check_file_object_status(value: str) -> FileObjectStatus:
    if value in FILE_OBJECT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FILE_OBJECT_STATUS_VALUES!r}")
