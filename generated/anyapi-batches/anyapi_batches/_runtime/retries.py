"""When a failed request is tried again, and how long to wait first.

The loop itself is tenacity's (sync and async alike): a well-kept library with
both flavours, which keeps this module down to the policy. A transport-level
retry layer such as httpx-retries was not used because it cannot wrap an
``httpx.Client`` the caller passes in, and it would see raw httpx errors rather
than this package's typed ones.
"""

from __future__ import annotations

import math
import random
import time
from email.utils import parsedate_to_datetime

import httpx
from tenacity import AsyncRetrying, RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from .errors import APIConnectionError, APIStatusError, APITimeoutError

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


def should_retry(method: str, retry_unsafe: bool) -> retry_if_exception:
    if method.upper() in IDEMPOTENT_METHODS or retry_unsafe:
        return retry_if_exception(is_transient)
    return retry_if_exception(never_reached_server)


def backoff(state: RetryCallState) -> float:
    """The server's requested wait when it gave one, else capped exponential backoff with jitter."""
    error = state.outcome.exception() if state.outcome else None
    requested = requested_wait(error) if error else None
    if requested is not None:
        return requested
    delay: float = min(INITIAL_BACKOFF * 2.0 ** (state.attempt_number - 1), MAX_BACKOFF)
    return delay * (1 - 0.25 * random.random())


def retrying(method: str, max_retries: int, *, retry_unsafe: bool = False) -> Retrying:
    return Retrying(
        stop=stop_after_attempt(max_retries + 1),
        wait=backoff,
        retry=should_retry(method, retry_unsafe),
        reraise=True,
    )


def async_retrying(method: str, max_retries: int, *, retry_unsafe: bool = False) -> AsyncRetrying:
    return AsyncRetrying(
        stop=stop_after_attempt(max_retries + 1),
        wait=backoff,
        retry=should_retry(method, retry_unsafe),
        reraise=True,
    )
