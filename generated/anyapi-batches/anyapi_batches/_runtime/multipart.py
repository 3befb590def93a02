# Copied from handwritten/_runtime/multipart.py by `nox -s generate`: edit it there.
"""Request bodies sent as multipart/form-data: file uploads."""

from __future__ import annotations

import io
import json
import os
import stat
from typing import Any, BinaryIO

from ..types import UNSET, File, FileTypes
from .decoding import NO_TYPES, Model, Run
from .errors import ResponseValidationError


class FileField:
    """The codec of a binary property: it travels as a file part, never inside JSON."""

    passes = NO_TYPES
    claims = NO_TYPES  # no JSON value is a file

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
    """The upload as a File that every attempt of the request sends byte for byte the same.

    A file on disk read from its start is streamed: httpx takes its length from the file system and rewinds
    it before each attempt, so a 200 MB input never sits in memory. Anything else (a pipe, a socket, a file
    read part-way) is read into memory once, now: a pipe reports no length and cannot be read twice.
    """
    if isinstance(value, bytes):
        return File(payload=io.BytesIO(value), file_name="upload")
    if isinstance(value, File):
        return File(payload=rewindable(value.payload), file_name=value.file_name, mime_type=value.mime_type)
    if not hasattr(value, "read"):
        raise TypeError(f"expected a File, an open binary file or bytes, got {type(value).__name__}")
    name = getattr(value, "name", None)
    return File(payload=rewindable(value), file_name=os.path.basename(name) if isinstance(name, str) else "upload")


def rewindable(source: BinaryIO) -> BinaryIO:
    """``source`` itself when httpx can measure it and rewind it for a retry, else its bytes, read now."""
    if not isinstance(source.read(0), bytes):
        raise TypeError("the file must be opened in binary mode ('rb'): reading it gives text")
    if at_start_of_regular_file(source):
        return source
    data = source.read()
    if not isinstance(data, bytes):
        raise TypeError(f"the file must be opened in binary mode ('rb'): reading it gave {type(data).__name__}")
    return io.BytesIO(data)


def at_start_of_regular_file(source: BinaryIO) -> bool:
    try:
        return stat.S_ISREG(os.fstat(source.fileno()).st_mode) and source.seekable() and source.tell() == 0
    except (AttributeError, OSError, ValueError):
        # No file descriptor (an in-memory buffer, a wrapper), or a closed file: not one to stream.
        return False
