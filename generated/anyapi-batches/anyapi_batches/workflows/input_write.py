# Copied from handwritten/workflows/input_write.py by `nox -s generate`: edit it there.
"""Writing a JSONL file of batch requests from Python objects, checked as ``check_input`` checks a file."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .._runtime.atomic_files import replacing
from ..models.batch_request_input import BatchRequestInput
from .errors import ProblemCode
from .input_check import DEFAULT_LIMITS, MAX_PROBLEMS, InputLimits, InputSummary, LineChecker

Request = tuple[str, Mapping[str, Any]] | Mapping[str, Any] | BatchRequestInput
"""A ``(custom_id, body)`` pair, a mapping with the fields of a line, or a ``BatchRequestInput``."""

encode_json = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def write_input(
    path: str | os.PathLike[str],
    requests: Iterable[Request],
    *,
    endpoint: str,
    limits: InputLimits = DEFAULT_LIMITS,
    max_problems: int = MAX_PROBLEMS,
) -> InputSummary:
    """Write requests to a JSONL file for a batch on ``endpoint``, one compact JSON object per line.

    ``method`` and ``url`` are filled in where a request does not give them. Every line is checked as
    ``check_input`` checks a file, and the file replaces ``path`` only when all are good: on any problem nothing
    is written, ``path`` is left as it was, and the error lists the problems by line (the request's position,
    counted from 1). ``requests`` is read once, so it may be a generator.

    Raises:
        InvalidInputError: a request is not one the API would take, or the requests exceed ``limits``.
        ValueError: ``endpoint`` is not one the spec lists, or a limit is not a whole number of at least 1.
        OSError: the file cannot be written.
    """
    target = Path(path)
    checker = LineChecker(endpoint, limits, max_problems)
    template = {"method": checker.method, "url": checker.endpoint}
    with replacing(target) as file:
        for request in requests:
            line = as_line(request, template)
            if line is None:
                kind = type(request).__name__
                message = f"{kind}, not a (custom_id, body) pair, mapping or BatchRequestInput"
                checker.reject(ProblemCode.NOT_OBJECT, message)
                continue
            try:
                raw = encode_json(line).encode()
            except UnicodeEncodeError as error:
                checker.reject(ProblemCode.NOT_UTF8, f"cannot be written as UTF-8: {error.reason}")
                continue
            except (TypeError, ValueError, RecursionError) as error:
                checker.reject(ProblemCode.NOT_JSON, f"cannot be written as JSON: {error}")
                continue
            checker.add(raw)
            file.write(raw + b"\n")
        # Raises InvalidInputError inside the block, so that the new file is dropped.
        return checker.summary(target, file.tell())


def as_line(request: object, template: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The JSON object of a line, or None for something that is no request at all."""
    if isinstance(request, tuple) and len(request) == 2:
        custom_id, body = request
        return {"custom_id": custom_id, **template, "body": body}
    fields = request.to_dict() if isinstance(request, BatchRequestInput) else request
    if isinstance(fields, Mapping):
        line = dict(fields)
        for key, value in template.items():
            line.setdefault(key, value)
        return line
    return None
