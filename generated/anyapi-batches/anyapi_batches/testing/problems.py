# Copied from handwritten/testing/problems.py by `nox -s generate`: edit it there.
"""The errors the fake answers with, in the provider's format: ``{"error": {"code", "message", "type"}}``."""

from __future__ import annotations

from typing import Any

ERROR_TYPES = {
    400: "bad_request",
    401: "authentication_error",
    402: "payment_required",
    403: "permission_denied",
    404: "not_found",
    409: "conflict",
    422: "unprocessable_entity",
    429: "rate_limit_exceeded",
    500: "internal_error",
    503: "service_unavailable",
}
"""The provider's error type for each status its error guide names."""


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"code": status, "message": message, "type": ERROR_TYPES[status]}}


class ApiProblem(Exception):
    """Raised by an operation to answer with an error status instead of its success."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def bad_request(message: str) -> ApiProblem:
    return ApiProblem(400, message)


def not_found(kind: str, object_id: str) -> ApiProblem:
    return ApiProblem(404, f"No {kind} found with id {object_id!r}")
