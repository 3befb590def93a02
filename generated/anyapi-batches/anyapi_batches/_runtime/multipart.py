# Copied from handwritten/_runtime/multipart.py by `nox -s generate`: edit it there.
"""Request bodies sent as multipart/form-data: file uploads."""

from __future__ import annotations

import io
import json
import os
from typing import Any, BinaryIO

from ..types import UNSET, File, FileTypes
from .decoding import Model, Run
from .errors import ResponseValidationError


class FileField:
    """The codec of a binary property: it travels as a file part, never inside JSON."""

    def decode(self, value: object, path: str, run: Run) -> Any:
        raise ResponseValidationError(f"{path}: a file cannot be read from a JSON body", path=path)

    def encode(self, value: Any) -> Any:
        return value

    def check(self, value: object, path: str, run: Run) -> None:
        if not isinstance(value, File):
            raise TypeError(f"{path}: expected a file, got {type(value).__name__}")

    def holds(self, value: object) -> bool:
        return isinstance(value, File)


FILE = FileField()


def encode_multipart(model: Model) -> list[tuple[str, FileTypes]]:
    """The parts httpx sends as ``files=``: files as they are, every other field as a text part."""
    parts: list[tuple[str, FileTypes]] = []
    for field in model.json_schema().fields:
        value = getattr(model, field.attribute)
        if value is UNSET:
            continue
        if isinstance(value, File):
            parts.append((field.key, value.to_tuple()))
        else:
            encoded = field.codec.encode(value)
            text = encoded if isinstance(encoded, str) else json.dumps(encoded)
            parts.append((field.key, (None, text.encode(), "text/plain")))
    return parts


FileInput = File | BinaryIO | bytes
"""What an upload accepts: a File, an open binary file, or the bytes themselves."""


def as_file(value: FileInput) -> File:
    if isinstance(value, File):
        return value
    if isinstance(value, bytes):
        return File(payload=io.BytesIO(value), file_name="upload")
    if not hasattr(value, "read"):
        raise TypeError(f"expected a File, an open binary file or bytes, got {type(value).__name__}")
    name = getattr(value, "name", None)
    return File(payload=value, file_name=os.path.basename(name) if isinstance(name, str) else "upload")
