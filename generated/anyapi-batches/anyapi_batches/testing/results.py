# Copied from handwritten/testing/results.py by `nox -s generate`: edit it there.
"""The lines of a batch's output and error files: one ``BatchRequestOutput`` per request, keyed by custom_id."""

from __future__ import annotations

import json

from .responders import Answer

NOT_RUN = {
    "expired": ("batch_expired", "This request could not be executed before the completion window expired."),
    "cancelled": ("batch_cancelled", "This request was not executed because the batch was cancelled."),
}
"""The error of a request a batch never ran, by how the batch ended."""


def answered_line(line_id: str, custom_id: str, answer: Answer, request_id: str) -> bytes:
    response = {"status_code": answer.status_code, "request_id": request_id, "body": answer.body}
    return line({"id": line_id, "custom_id": custom_id, "response": response, "error": None})


def not_run_line(line_id: str, custom_id: str, ending: str) -> bytes:
    code, message = NOT_RUN[ending]
    return line({"id": line_id, "custom_id": custom_id, "response": None, "error": {"code": code, "message": message}})


def line(result: dict[str, object]) -> bytes:
    return json.dumps(result).encode() + b"\n"
