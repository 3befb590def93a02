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
    """The upload as a File whose payload is the file's bytes, read once, now.

    Read into memory (as the openai SDK does; the API takes at most 200 MB per file) rather than streamed from
    the file, so that every attempt of a retried upload sends exactly the same bytes, and httpx works out the
    Content-Length from them. A pipe has no length to ask the file system for (it reports 0), a file that is
    still being written changes length under a streaming upload, and neither can be read twice.
    """
    if isinstance(value, bytes):
        return File(payload=io.BytesIO(value), file_name="upload")
    if isinstance(value, File):
        return File(payload=io.BytesIO(read_all(value.payload)), file_name=value.file_name, mime_type=value.mime_type)
    if not hasattr(value, "read"):
        raise TypeError(f"expected a File, an open binary file or bytes, got {type(value).__name__}")
    name = getattr(value, "name", None)
    return File(
        payload=io.BytesIO(read_all(value)), file_name=os.path.basename(name) if isinstance(name, str) else "upload"
    )


def read_all(source: BinaryIO) -> bytes:
    data = source.read()
    if not isinstance(data, bytes):
        raise TypeError(f"the file must be opened in binary mode ('rb'): reading it gave {type(data).__name__}")
    return data
