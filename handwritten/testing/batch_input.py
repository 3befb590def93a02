"""Reading a batch's input file: which lines are requests the batch can run, and what is wrong with the others.

The file is scanned in place, one line at a time; a request is kept as its
``custom_id`` and where its line sits in the file, so the file is never copied
and its parsed bodies are never all held at once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..errors import ResponseValidationError
from ..models import BatchRequestInput

LINE = re.compile(rb"[^\n]*\n?")

MAX_PROBLEMS = 100
"""Scanning stops after this many bad lines: enough to fix a file by, small enough to send with every retrieve."""

REQUIRED_BODY_FIELDS = {
    "/v1/chat/completions": ("model", "messages"),
    "/v1/completions": ("model", "prompt"),
    "/v1/embeddings": ("model", "input"),
}
"""What each endpoint cannot run without (OpenAI's request bodies)."""


@dataclass(frozen=True, slots=True)
class RequestLine:
    custom_id: str
    start: int
    end: int
    """Where the line sits in the file, as byte offsets."""


@dataclass(frozen=True)
class LineProblem:
    code: str
    message: str
    line: int | None
    param: str | None = None


@dataclass(frozen=True)
class ScannedInput:
    requests: list[RequestLine]
    problems: list[LineProblem]
    model: str | None
    """The model the first request names, reported as the batch's model."""


def scan(content: memoryview, endpoint: str) -> ScannedInput:
    requests: list[RequestLine] = []
    problems: list[LineProblem] = []
    seen: set[str] = set()
    model: str | None = None
    number = 0
    for match in LINE.finditer(content):
        if match.start() == match.end() or len(problems) >= MAX_PROBLEMS:
            break
        number += 1
        text = match.group()
        if not text.strip():
            continue
        parsed, problem = check_line(text, number, endpoint)
        if problem is None and parsed["custom_id"] in seen:
            problem = LineProblem(
                "duplicate_custom_id",
                f"Line {number}: custom_id {parsed['custom_id']!r} is already used by an earlier line",
                number,
                "custom_id",
            )
        if problem is not None:
            problems.append(problem)
            continue
        seen.add(parsed["custom_id"])
        requests.append(RequestLine(parsed["custom_id"], match.start(), match.end()))
        if model is None and isinstance(parsed["body"].get("model"), str):
            model = parsed["body"]["model"]
    if not requests and not problems:
        problems.append(LineProblem("empty_file", "The input file holds no requests", None))
    return ScannedInput(requests, problems, model)


def check_line(text: bytes, number: int, endpoint: str) -> tuple[dict[str, Any], LineProblem | None]:
    """The line's JSON object, or what makes it no request for ``endpoint``."""
    try:
        parsed = json.loads(text)
    except ValueError as error:
        return {}, LineProblem("invalid_json_line", f"Line {number} is not valid JSON ({error})", number)
    if not isinstance(parsed, dict):
        return {}, LineProblem("invalid_json_line", f"Line {number} is not a JSON object", number)
    try:
        BatchRequestInput.from_dict(parsed, strict=True)
    except ResponseValidationError as error:
        param = error.path.removeprefix("$").removeprefix(".") or None
        return parsed, LineProblem("invalid_request", f"Line {number}: {error.message}", number, param)
    if not parsed["custom_id"]:
        return parsed, LineProblem("invalid_request", f"Line {number}: custom_id is empty", number, "custom_id")
    if parsed["url"] != endpoint:
        message = f"Line {number}: url {parsed['url']!r} does not match the batch's endpoint {endpoint!r}"
        return parsed, LineProblem("invalid_url", message, number, "url")
    for name in REQUIRED_BODY_FIELDS[endpoint]:
        if name not in parsed["body"]:
            message = f"Line {number}: body.{name} is required by {endpoint}"
            return parsed, LineProblem("missing_required_parameter", message, number, f"body.{name}")
    return parsed, None


def request_body(content: memoryview, request: RequestLine) -> dict[str, Any]:
    """The body of a request that ``scan`` accepted, parsed again from its line when it runs."""
    body: dict[str, Any] = json.loads(content[request.start : request.end].tobytes())["body"]
    return body
