"""Checking a JSONL file of batch requests before it costs anything: every problem, with its line number.

What a line must hold comes from the spec's ``BatchRequestInput`` (its fields, which are required, that no
other key is allowed, the one method) and ``BatchEndpoint`` (the endpoints); the rest follows OpenAI's Batch
API, which the provider is compatible with: ``custom_id`` is a non-empty string unique within the file, every
line goes to the same endpoint, and a file holds at most 50,000 requests and 200 MB.

Two choices where neither the provider nor OpenAI says:

- A blank line (empty, or only whitespace) is a problem, not skipped: JSON Lines has no blank lines, and
  OpenAI-compatible servers differ in whether they skip one or fail the batch on it. A line break after the
  last line is optional.
- 200 MB is read as 200,000,000 bytes, the smaller of the two readings. No limit applies to a single line by
  default: OpenAI documents none beyond the file's.

The file is read in chunks, never whole; memory grows only with the number of distinct ``custom_id`` values.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from .._runtime.decoding import json_type
from ..models.batch_endpoint import BATCH_ENDPOINT_VALUES, BatchEndpoint, check_batch_endpoint
from ..models.batch_request_input import BatchRequestInput
from .errors import InputProblem, InvalidInputError, ProblemCode

MAX_REQUESTS = 50_000
"""The most requests one batch takes."""
MAX_BYTES = 200_000_000
"""The largest input file one batch takes, in bytes."""
MAX_PROBLEMS = 20
"""How many problems an error lists by default; it counts the rest."""

QUICK_TEST_FIELDS = frozenset({"custom_id", "method", "url", "body"})
"""The fields the quick test of a line looks at; it is used only while the spec's fields are exactly these."""

CHUNK_BYTES = 1 << 20
SHOWN_CHARACTERS = 60
"""A value from the file is cut to this length in a message."""


@dataclass(frozen=True)
class InputLimits:
    """The limits of one batch's input; None lifts a limit (when a larger input is to be split, say)."""

    max_requests: int | None = MAX_REQUESTS
    max_bytes: int | None = MAX_BYTES
    max_line_bytes: int | None = None
    """The longest line, in bytes without its line break."""

    def __post_init__(self) -> None:
        for name in ("max_requests", "max_bytes", "max_line_bytes"):
            value = getattr(self, name)
            if value is not None and (type(value) is not int or value < 1):
                raise ValueError(f"{name} must be a whole number of at least 1, or None, not {value!r}")

    @property
    def longest_line(self) -> int | None:
        """The longest line worth reading into memory: nothing longer can pass."""
        limits = [limit for limit in (self.max_line_bytes, self.max_bytes) if limit is not None]
        return min(limits) if limits else None


DEFAULT_LIMITS = InputLimits()


@dataclass(frozen=True)
class InputSummary:
    """A file of requests that passed the check."""

    path: Path
    requests: int
    """One per line."""
    bytes: int
    endpoint: BatchEndpoint


@dataclass(frozen=True)
class RequestShape:
    """What the spec says a line holds."""

    fields: tuple[str, ...]
    required: tuple[str, ...]
    closed: bool
    """No key beyond ``fields`` is allowed."""
    method: str


@cache
def request_shape() -> RequestShape:
    schema = BatchRequestInput.json_schema()
    by_key = {field.key: field for field in schema.fields}
    method = getattr(by_key["method"].codec, "value", None)
    if not isinstance(method, str):
        raise RuntimeError("BatchRequestInput.method in openapi.yaml is no longer a single constant")
    return RequestShape(
        fields=tuple(by_key),
        required=tuple(key for key, field in by_key.items() if field.required),
        closed=schema.extra is None,
        method=method,
    )


def batch_endpoint(endpoint: str) -> BatchEndpoint:
    """``endpoint`` if the spec lists it; ValueError otherwise (an argument, not a line of the file)."""
    try:
        return check_batch_endpoint(endpoint)
    except TypeError:
        known = ", ".join(sorted(BATCH_ENDPOINT_VALUES))
        raise ValueError(f"endpoint {shown(endpoint)} is not one of {known}") from None


def shown(value: object) -> str:
    """A value from the file as a message shows it: escaped, so no control sequence reaches a terminal, and short."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 3] + "..."


def refuse_constant(name: str) -> object:
    # Python's json reads NaN and Infinity, which are not JSON and which the API refuses.
    raise ValueError(f"{name} is not a JSON value")


decode_json = json.JSONDecoder(parse_constant=refuse_constant).decode


def read_lines(file: BinaryIO, longest: int | None) -> Iterator[bytes | int]:
    """The lines of ``file`` without their line breaks, a chunk at a time.

    A line longer than ``longest`` bytes comes as its length instead, and is never held in memory whole.
    """
    head: list[bytes] = []  # the start of a line that runs on into the next chunk
    head_bytes = 0
    while chunk := file.read(CHUNK_BYTES):
        lines = chunk.split(b"\n")
        rest = lines.pop()
        if lines:
            first = lines[0]
            length = head_bytes + len(first)
            if longest is not None and length > longest:
                yield length
            else:
                yield b"".join((*head, first)) if head else first
            head, head_bytes = [], 0
            if longest is not None and len(chunk) > longest:
                yield from (line if len(line) <= longest else len(line) for line in lines[1:])
            else:
                yield from lines[1:]
        if rest:
            head_bytes += len(rest)
            # Past the limit only the length still matters.
            head = [] if longest is not None and head_bytes > longest else [*head, rest]
    if head_bytes:
        yield head_bytes if longest is not None and head_bytes > longest else b"".join(head)


class LineChecker:
    """Checks lines in the order they stand in a file, and sums up the file once every line was seen."""

    def __init__(self, endpoint: str | None, limits: InputLimits, max_problems: int) -> None:
        if type(max_problems) is not int or max_problems < 0:
            raise ValueError(f"max_problems must be a whole number of at least 0, not {max_problems!r}")
        self.shape = request_shape()
        self.limits = limits
        self.max_problems = max_problems
        self.given: BatchEndpoint | None = None if endpoint is None else batch_endpoint(endpoint)
        self.endpoint = self.given
        """The batch's endpoint: the one given, else the first line's that the spec knows."""
        self.endpoint_line = 0
        self.first_use: dict[str, int] = {}
        self.lines = 0
        self.bytes = 0
        """Line breaks included, counted after every line."""
        self.first_line_over_bytes: int | None = None
        # Plain attributes for the test every line goes through; "no limit" is a limit nothing reaches.
        self.max_bytes = sys.maxsize if limits.max_bytes is None else limits.max_bytes
        self.max_line_bytes = sys.maxsize if limits.max_line_bytes is None else limits.max_line_bytes
        self.method = self.shape.method
        quick = set(self.shape.required) == set(self.shape.fields) == QUICK_TEST_FIELDS
        self.quick_size = len(QUICK_TEST_FIELDS) if quick else -1
        self.problems: list[InputProblem] = []
        self.more = 0

    def report(self, line: int | None, code: ProblemCode, message: str) -> None:
        if len(self.problems) < self.max_problems:
            self.problems.append(InputProblem(line, code, message))
        else:
            self.more += 1

    def add(self, raw: bytes | int) -> None:
        """Check the next line (its bytes without the line break, or its length when it was too long to read)."""
        self.lines += 1
        number = self.lines
        size = raw if isinstance(raw, int) else len(raw)
        self.bytes += size + 1
        if self.bytes > self.max_bytes and self.first_line_over_bytes is None:
            self.first_line_over_bytes = number
        if isinstance(raw, int) or size > self.max_line_bytes:
            self.report_long_line(number, size)
            return
        try:
            request = decode_json(raw.decode())
        except (ValueError, RecursionError) as error:
            self.report_unreadable(number, raw, error)
            return
        # The usual line, with nothing wrong, costs only these lookups.
        if type(request) is dict and len(request) == self.quick_size:
            custom_id = request.get("custom_id")
            if (
                type(custom_id) is str
                and custom_id
                and custom_id not in self.first_use
                and request.get("url") == self.endpoint
                and request.get("method") == self.method
                and type(request.get("body")) is dict
            ):
                self.first_use[custom_id] = number
                return
        self.check_closely(number, request)

    def reject(self, code: ProblemCode, message: str) -> None:
        """Count the next line as one that could not even be written, for ``message``."""
        self.lines += 1
        self.report(self.lines, code, message)

    def report_long_line(self, number: int, size: int) -> None:
        limits = self.limits
        if limits.max_line_bytes is not None and size > limits.max_line_bytes:
            message = f"{size:,} bytes long, more than the {limits.max_line_bytes:,} a line may have"
        else:
            message = f"{size:,} bytes long, more than the {limits.max_bytes:,} a whole file may have"
        self.report(number, ProblemCode.LINE_TOO_LARGE, message)

    def report_unreadable(self, number: int, raw: bytes, error: ValueError | RecursionError) -> None:
        if isinstance(error, UnicodeDecodeError):
            byte = raw[error.start]
            self.report(number, ProblemCode.NOT_UTF8, f"not UTF-8: byte 0x{byte:02x} at column {error.start + 1}")
        elif not raw.strip():
            self.report(number, ProblemCode.BLANK_LINE, "blank line; JSON Lines has none")
        elif raw.startswith(codecs.BOM_UTF8):
            self.report(number, ProblemCode.NOT_JSON, "not JSON: starts with a byte order mark")
        elif isinstance(error, json.JSONDecodeError):
            self.report(number, ProblemCode.NOT_JSON, f"not JSON: {error.msg} at column {error.colno}")
        elif isinstance(error, RecursionError):
            self.report(number, ProblemCode.NOT_JSON, "not JSON that can be read: nested too deeply")
        else:
            self.report(number, ProblemCode.NOT_JSON, f"not JSON: {error}")

    def check_closely(self, number: int, request: Any) -> None:
        """Report every problem of a line that the quick test did not pass."""
        if not isinstance(request, dict):
            self.report(number, ProblemCode.NOT_OBJECT, f"expected an object, got {json_type(request)}")
            return
        shape = self.shape
        for key in shape.required:
            if key not in request:
                self.report(number, ProblemCode.MISSING_FIELD, f"{key} is missing")
        if shape.closed:
            for key in request:
                if key not in shape.fields:
                    self.report(number, ProblemCode.UNKNOWN_FIELD, f"{shown(key)} is not a field of a request")
        if "custom_id" in request:
            self.check_custom_id(number, request["custom_id"])
        if "method" in request and request["method"] != shape.method:
            self.report(number, ProblemCode.WRONG_METHOD, f"method is {shown(request['method'])}, not {shape.method!r}")
        if "url" in request:
            self.check_url(number, request["url"])
        if "body" in request and not isinstance(request["body"], dict):
            self.report(number, ProblemCode.WRONG_TYPE, f"body: expected an object, got {json_type(request['body'])}")

    def check_custom_id(self, number: int, custom_id: object) -> None:
        if not isinstance(custom_id, str):
            self.report(number, ProblemCode.WRONG_TYPE, f"custom_id: expected a string, got {json_type(custom_id)}")
        elif not custom_id:
            self.report(number, ProblemCode.EMPTY_CUSTOM_ID, "custom_id is empty")
        elif custom_id in self.first_use:
            first = self.first_use[custom_id]
            message = f"custom_id {shown(custom_id)} is used on line {first}"
            self.report(number, ProblemCode.DUPLICATE_CUSTOM_ID, message)
        else:
            self.first_use[custom_id] = number

    def check_url(self, number: int, url: object) -> None:
        if not isinstance(url, str) or url not in BATCH_ENDPOINT_VALUES:
            known = ", ".join(sorted(BATCH_ENDPOINT_VALUES))
            self.report(number, ProblemCode.UNKNOWN_ENDPOINT, f"url {shown(url)} is not one of {known}")
        elif self.given is not None and url != self.given:
            self.report(number, ProblemCode.WRONG_ENDPOINT, f"url is {url!r}, not the batch's endpoint {self.given!r}")
        elif self.endpoint is None:
            self.endpoint = batch_endpoint(url)
            self.endpoint_line = number
        elif url != self.endpoint:
            message = f"url is {url!r}, but {self.endpoint!r} on line {self.endpoint_line}; a batch has one endpoint"
            self.report(number, ProblemCode.MIXED_ENDPOINTS, message)

    def whole_file_problems(self, size: int) -> list[InputProblem]:
        limits, found = self.limits, []
        if self.lines == 0:
            found.append(InputProblem(None, ProblemCode.NO_REQUESTS, "no requests: the file is empty"))
        if limits.max_requests is not None and self.lines > limits.max_requests:
            message = f"{self.lines:,} requests, more than the {limits.max_requests:,} a batch may have"
            found.append(InputProblem(limits.max_requests + 1, ProblemCode.TOO_MANY_REQUESTS, message))
        if self.first_line_over_bytes is not None:
            message = f"{size:,} bytes, more than the {limits.max_bytes:,} a batch may have; this line goes over"
            found.append(InputProblem(self.first_line_over_bytes, ProblemCode.FILE_TOO_LARGE, message))
        return found

    def summary(self, path: Path, size: int) -> InputSummary:
        """The file's counts, or InvalidInputError with the problems found; ``size`` is its real length."""
        whole = self.whole_file_problems(size)
        if whole or self.problems or self.more:
            kept = self.problems[: max(self.max_problems - len(whole), 0)]
            more = self.more + len(self.problems) - len(kept)
            raise InvalidInputError(path, (*whole, *kept), more)
        assert self.endpoint is not None  # a line without problems set it
        return InputSummary(path=path, requests=self.lines, bytes=size, endpoint=self.endpoint)


def check_input(
    path: str | os.PathLike[str],
    endpoint: str | None = None,
    *,
    limits: InputLimits = DEFAULT_LIMITS,
    max_problems: int = MAX_PROBLEMS,
) -> InputSummary:
    """Check a JSONL file of batch requests, a line at a time, before it is uploaded.

    Args:
        path: the file.
        endpoint: the endpoint the batch will run on; by default, the first line's, which every line must share.
        limits: the limits of one batch: 50,000 requests and 200 MB unless told otherwise.
        max_problems: how many problems the error lists; it counts the rest.

    Returns the number of requests, the file's size in bytes, and the endpoint.

    Raises:
        InvalidInputError: the file has problems; each has its line number, a code and a message.
        ValueError: ``endpoint`` is not one the spec lists, or a limit is not a whole number of at least 1.
        OSError: the file cannot be read.
    """
    checker = LineChecker(endpoint, limits, max_problems)
    file_path = Path(path)
    with file_path.open("rb") as file:
        # deque(..., maxlen=0) runs the loop in C: every line costs only its check.
        deque(map(checker.add, read_lines(file, limits.longest_line)), maxlen=0)
        size = file.tell()
    return checker.summary(file_path, size)
