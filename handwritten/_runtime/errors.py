"""Every exception the client raises on purpose, shaped like the openai SDK's.

One root, ``AnyAPIError``; ``except errors.AnyAPIError`` catches everything below::

    AnyAPIError
    ├── ConfigurationError            no API key, or a key or base URL that cannot be used
    ├── BatchNotEndedError            results asked for before the batch ended
    └── APIError                      an API call failed
        ├── APIStatusError            the server answered with an error status
        │   ├── BadRequestError           400
        │   ├── AuthenticationError       401
        │   ├── PaymentRequiredError      402 (out of credits)
        │   ├── PermissionDeniedError     403
        │   ├── NotFoundError             404
        │   ├── ConflictError             409
        │   ├── UnprocessableEntityError  422
        │   ├── RateLimitError            429
        │   └── InternalServerError       500 and above
        ├── APIConnectionError        no answer: refused, reset, DNS, TLS
        │   └── APITimeoutError           no complete answer within the timeout
        ├── ResponseValidationError   an answer that does not match openapi.yaml, or cannot be decoded
        ├── WaitTimeoutError          a wait ran out of time before a terminal state
        └── UnexpectedStatus          an undocumented status (low-level functions only, when asked)

Arguments that a call can never accept (an empty id, a negative or non-finite
timeout, a metadata mapping the spec refuses, something that is not a file)
raise ``ValueError`` or ``TypeError`` before anything is sent, as in the openai
SDK and Python itself: they are mistakes in the calling code, not conditions a
program handles at run time. ``UnknownEnumValueWarning`` is a warning, not an error.

No exception here keeps a request, a response or an httpx exception: those
carry the ``Authorization`` header, and an exception travels far (logs, error
trackers). What a caller needs from a response is copied out instead.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AnyAPIError",
    "AuthenticationError",
    "BadRequestError",
    "BatchNotEndedError",
    "ConfigurationError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "UnexpectedStatus",
    "UnknownEnumValueWarning",
    "UnprocessableEntityError",
    "WaitTimeoutError",
]


class AnyAPIError(Exception):
    """Base class of every error this package raises on purpose."""

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigurationError(AnyAPIError):
    """The client cannot be built as configured: no API key, or a key or base URL that cannot be used.

    The message never repeats the key or the URL, which may carry credentials too.
    """


class BatchNotEndedError(AnyAPIError):
    """The results of a batch were asked for before it ended (completed, failed, expired or cancelled).

    Not an API failure: the API answered, with a batch that is still ``validating``, ``in_progress``,
    ``finalizing`` or ``cancelling`` (or in a status this client does not know).
    """

    def __init__(self, message: str, *, batch: Any) -> None:
        super().__init__(message)
        self.batch = batch
        """The batch as the API just sent it."""
        self.status: str = batch.status
        """Its status, which is not one a batch ends in."""


class APIError(AnyAPIError):
    """Base class of the failures of an API call."""


class APIStatusError(APIError):
    """The server answered with a status code that is not a success."""

    status_code: int
    request_id: str | None
    headers: httpx.Headers
    body: object
    """The decoded JSON body, or the raw text when the body is not JSON."""
    type: str | None
    code: str | int | None

    def __init__(self, response: httpx.Response, *, content: bytes | None = None) -> None:
        """``content`` is the body when it was read apart from ``response`` (or could not be decoded: ``b""``)."""
        # The response itself is not kept: its request carries the API key.
        self.status_code = response.status_code
        self.headers = response.headers
        self.request_id = response.headers.get("x-request-id")
        self.body = _decode_body(response.content if content is None else content, response)
        detail = _error_detail(self.body)
        message = detail.get("message")
        self.type = _optional_str(detail.get("type"))
        code = detail.get("code")
        self.code = code if isinstance(code, (str, int)) and not isinstance(code, bool) else None
        text = message if isinstance(message, str) and message else _reason(response)
        super().__init__(f"Error code: {self.status_code} - {text}")


class BadRequestError(APIStatusError):
    """400: the request was malformed."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or invalid."""


class PaymentRequiredError(APIStatusError):
    """402: the account is out of credits."""


class PermissionDeniedError(APIStatusError):
    """403: the API key may not access this resource."""


class NotFoundError(APIStatusError):
    """404: the resource does not exist."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's current state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well formed but could not be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests."""


class InternalServerError(APIStatusError):
    """Any status of 500 or above, standard or not (520, 561, ...)."""


class APIConnectionError(APIError):
    """The request did not get an answer: connection refused, reset, DNS, TLS."""

    def __init__(self, message: str = "Connection error.", *, reached_server: bool = True) -> None:
        super().__init__(message)
        # False only when the request provably never left: then even a create is safe to send again.
        self._reached_server = reached_server


class APITimeoutError(APIConnectionError):
    """The request got no complete answer within its timeout."""

    def __init__(self, message: str = "Request timed out.") -> None:
        super().__init__(message)


class ResponseValidationError(APIError):
    """A success response whose body cannot be trusted to match the spec."""

    path: str
    """JSON path of the offending value, such as ``$.request_counts.total``."""
    body: object
    """The raw body: decoded JSON when it was JSON, else its text."""

    def __init__(self, message: str, *, path: str = "$", body: object = None) -> None:
        super().__init__(message)
        self.path = path
        self.body = body


class WaitTimeoutError(APIError):
    """A wait ran out of time before the resource reached a terminal state."""

    def __init__(self, message: str, *, batch: Any) -> None:
        super().__init__(message)
        self.batch = batch
        """The last object seen before time ran out, or None if none was."""


class UnexpectedStatus(APIError):
    """Raised by the low-level functions for a status the spec does not document.

    Only when ``raise_on_unexpected_status`` is set on the low-level client.
    """

    def __init__(self, status_code: int, content: bytes) -> None:
        self.status_code = status_code
        self.content = content
        super().__init__(f"Unexpected status code: {status_code}")


class UnknownEnumValueWarning(UserWarning):
    """A response carried an enum value the spec does not list; it was kept as is."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(response: httpx.Response, content: bytes | None = None) -> APIStatusError:
    """The exception for an error response, chosen by its status code."""
    status = response.status_code
    if status >= 500:
        return InternalServerError(response, content=content)
    return _STATUS_ERRORS.get(status, APIStatusError)(response, content=content)


def decode_json(content: str | bytes) -> object:
    """``json.loads``, with the RecursionError of a hostile, deeply nested body turned into a ValueError."""
    try:
        return json.loads(content)
    except RecursionError:
        raise ValueError("nested too deeply to decode") from None


def _decode_body(content: bytes, response: httpx.Response) -> object:
    try:
        return decode_json(content)
    except ValueError:
        # Decoded as httpx would (charset from the headers, else a guess), with no error on bad bytes.
        return content.decode(response.encoding or "utf-8", errors="replace")


def _error_detail(body: object) -> dict[str, Any]:
    # AnyAPI and OpenAI-compatible upstreams both nest the detail under "error".
    if isinstance(body, dict):
        detail = body.get("error")
        if isinstance(detail, dict):
            return detail
    return {}


def _optional_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _reason(response: httpx.Response) -> str:
    # httpx knows no phrase for non-standard codes such as 520.
    return response.reason_phrase or "no reason given"
