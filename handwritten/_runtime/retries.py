"""When a failed request is tried again, and how long to wait first.

The loop itself is tenacity's (sync and async alike): a well-kept library with
both flavours, which keeps this module down to the policy. A transport-level
retry layer such as httpx-retries was not used because it cannot wrap an
``httpx.Client`` the caller passes in, and it would see raw httpx errors rather
than this package's typed ones.

The clients make the first attempt on their own and build a retry loop only
after a failure that ``retryable`` accepts: a tenacity loop costs about 15 µs
even when its first attempt succeeds, more than the rest of the client's own
work on a call, and most calls succeed at once. tenacity itself is imported
only when the first loop is built, so a program that never retries does not
pay for importing it.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

import httpx

from .errors import APIConnectionError, APIStatusError, APITimeoutError

if TYPE_CHECKING:
    from tenacity import AsyncRetrying, RetryCallState, Retrying

INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0
MAX_RETRY_AFTER = 60.0
"""A server asking for a longer wait than this gets the error raised at once."""

RETRYABLE_STATUSES = frozenset({408, 409, 429})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def is_retryable_status(status_code: int) -> bool:
    return status_code in RETRYABLE_STATUSES or status_code >= 500


def finite_float(text: str) -> float:
    """``float()``, without the nan and inf it also accepts: neither is a wait a server can mean."""
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"not a finite number: {text!r}")
    return number


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the server asked us to wait: ``retry-after-ms``, else ``Retry-After`` as seconds or an HTTP date."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return max(finite_float(milliseconds) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(finite_float(value), 0.0)
    except ValueError:
        pass
    try:
        return max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
    except (TypeError, ValueError, IndexError):
        return None


def requested_wait(error: BaseException) -> float | None:
    return retry_after(error.headers) if isinstance(error, APIStatusError) else None


def is_transient(error: BaseException) -> bool:
    """Would the same request, sent again, plausibly succeed?"""
    if isinstance(error, APIConnectionError):
        return True
    if isinstance(error, APIStatusError) and is_retryable_status(error.status_code):
        wait = requested_wait(error)
        return wait is None or wait <= MAX_RETRY_AFTER
    return False


def never_reached_server(error: BaseException) -> bool:
    """True only when the request provably was not received, so even a non-idempotent one is safe to resend."""
    return (
        isinstance(error, APIConnectionError)
        and not isinstance(error, APITimeoutError)
        and isinstance(error.__cause__, httpx.ConnectError)
    )


def retryable(method: str, retry_non_idempotent: bool) -> Callable[[BaseException], bool]:
    """Which failures of a request with this method are worth sending it again for."""
    if method.upper() in IDEMPOTENT_METHODS or retry_non_idempotent:
        return is_transient
    return never_reached_server


def backoff(state: RetryCallState) -> float:
    """The server's requested wait when it gave one, else capped exponential backoff with jitter."""
    error = state.outcome.exception() if state.outcome else None
    requested = requested_wait(error) if error else None
    if requested is not None:
        return requested
    delay: float = min(INITIAL_BACKOFF * 2.0 ** (state.attempt_number - 1), MAX_BACKOFF)
    return delay * (1 - 0.25 * random.random())


def policy(method: str, max_retries: int, retry_non_idempotent: bool) -> dict[str, Any]:
    """The settings of a retry loop, the same for tenacity's sync and async flavours."""
    from tenacity import retry_if_exception, stop_after_attempt

    return {
        "stop": stop_after_attempt(max_retries + 1),
        "wait": backoff,
        "retry": retry_if_exception(retryable(method, retry_non_idempotent)),
        "reraise": True,
    }


def retrying(method: str, max_retries: int, *, retry_non_idempotent: bool = False) -> Retrying:
    from tenacity import Retrying

    return Retrying(**policy(method, max_retries, retry_non_idempotent))


def async_retrying(method: str, max_retries: int, *, retry_non_idempotent: bool = False) -> AsyncRetrying:
    from tenacity import AsyncRetrying

    return AsyncRetrying(**policy(method, max_retries, retry_non_idempotent))
