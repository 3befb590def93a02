"""Requests and answers as the fake handles them, whichever way they arrived (httpx transport or ASGI)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

CHUNK = 64 * 1024
"""How much of a body is handed over at a time, so that a large file is never copied whole."""


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    """The path as sent, percent-escapes and all, e.g. ``/v1/batches/batch_1``."""
    query: str
    """The raw query string, without the ``?``."""
    headers: Mapping[str, str]
    """Header names in lower case."""
    body: bytearray = field(default_factory=bytearray)
    body_too_large: bool = False
    """The body went past the fake's size limit; what was read of it is dropped."""


@dataclass(frozen=True)
class Response:
    status: int
    content: bytes | memoryview = b""
    headers: tuple[tuple[str, str], ...] = ()
    dropped: bool = False
    """No answer at all: the connection is to be cut instead."""
    stalled: bool = False
    """No answer at all: the connection is to be held open until the client goes away."""

    def chunks(self) -> Iterator[bytes]:
        view = memoryview(self.content)
        for start in range(0, len(view), CHUNK):
            yield bytes(view[start : start + CHUNK])


def json_response(status: int, body: Any, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    content = json.dumps(body).encode()
    return Response(status, content, (("content-type", "application/json"), *headers))


class BodyBuffer:
    """Collects a request body chunk by chunk into one buffer, up to a size limit.

    With a declared length the buffer is made at its final size up front: growing
    it chunk by chunk would briefly hold two copies of a large upload.
    """

    def __init__(self, declared_length: str | None, limit: int) -> None:
        expected = int(declared_length) if declared_length and declared_length.isdigit() else None
        self.limit = limit
        self.too_large = expected is not None and expected > limit
        self.body = bytearray(0 if self.too_large else expected or 0)
        self.filled = 0

    def add(self, chunk: bytes) -> bool:
        """Take the next chunk; False once the body is over the limit, when reading should stop."""
        end = self.filled + len(chunk)
        if self.too_large or end > self.limit:
            self.too_large = True
            self.body = bytearray()
            return False
        self.body[self.filled : min(end, len(self.body))] = chunk
        self.filled = end
        return True

    def request(self, method: str, path: str, query: str, headers: Mapping[str, str]) -> Request:
        del self.body[self.filled :]
        return Request(method.upper(), path, query, headers, self.body, self.too_large)
