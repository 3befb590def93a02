"""What is worth trying again, and how long to wait first: the one rule for a call's retries and for wait().

``transient`` decides, for both, whether a failure may pass if the same request
is sent again later; ``pause`` says how long to wait before that. A server that
asks for a wait longer than ``MAX_RETRY_AFTER`` is taken at its word that it
will not be back soon: its error is raised at once, by a call's retries and by
wait() alike, rather than having either sleep for minutes on the caller's behalf.

The loop itself is hand-written (``RetryPlan``, driven by ``retrying``). It used
to be tenacity's, with the first attempt made outside it for speed and its
error raised again inside so that tenacity could count it; on top of that, every
sleep now has to stop at the deadline of a wait around the call, and a retry
that could not start before it must not be made. Those rules fit in a few
lines here, and would have been hooks and workarounds around tenacity's loop,
so the dependency went. Every retry sends the very same bytes: bodies are built
once per call, and uploads are read into memory first (``multipart.as_file``).
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Awaitable, Callable
from email.utils import parsedate_to_datetime
from typing import TypeVar

import httpx

from .attempts import Deadline, async_sleep
from .errors import APIConnectionError, APIError, APIStatusError

INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0
MAX_RETRY_AFTER = 60.0
"""A server asking for a longer wait than this gets its error raised at once."""

RETRYABLE_STATUSES = frozenset({408, 409, 429})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

T = TypeVar("T")


def finite_number(text: str | None) -> float | None:
    """The number ``text`` spells, or None; nan and inf, which ``float()`` also reads, are no wait a server can mean."""
    if text is None:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the server asked us to wait: ``retry-after-ms``, else ``Retry-After`` as seconds or an HTTP date."""
    milliseconds = finite_number(headers.get("retry-after-ms"))
    if milliseconds is not None:
        return max(milliseconds / 1000, 0.0)
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = finite_number(value)
    if seconds is not None:
        return max(seconds, 0.0)
    try:
        return max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def requested_wait(error: APIError) -> float | None:
    return retry_after(error.headers) if isinstance(error, APIStatusError) else None


def transient(error: APIError) -> bool:
    """Would the same request, sent again a little later, plausibly succeed?

    Connection trouble and timeouts, 408, 409, 429 and every 5xx, unless the server asked for more than
    ``MAX_RETRY_AFTER`` seconds first.
    """
    if isinstance(error, APIConnectionError):
        return True
    if not isinstance(error, APIStatusError):
        return False
    if error.status_code not in RETRYABLE_STATUSES and error.status_code < 500:
        return False
    requested = requested_wait(error)
    return requested is None or requested <= MAX_RETRY_AFTER


def pause(error: APIError, retries_done: int) -> float:
    """Seconds to wait before the next try: what the server asked for, else capped exponential backoff with jitter."""
    requested = requested_wait(error)
    if requested is not None:
        return requested
    delay = min(INITIAL_BACKOFF * 2.0**retries_done, MAX_BACKOFF)
    return delay * (1 - 0.25 * random.random())


def never_reached_server(error: APIError) -> bool:
    """True only when the request provably was not received, so even a non-idempotent one is safe to resend."""
    return isinstance(error, APIConnectionError) and not error._reached_server


class RetryPlan:
    """The retries of one call: how many are left, which failures qualify, and when time is up."""

    __slots__ = ("deadline", "idempotent", "max_retries", "retries_done")

    def __init__(self, *, max_retries: int, idempotent: bool, deadline: Deadline | None = None) -> None:
        self.max_retries = max_retries
        self.idempotent = idempotent
        """A method that may run twice (GET, ...), or a caller who allowed resending the others."""
        self.deadline = deadline
        """When the whole call, every retry and pause included, must be over (a wait's deadline); None: never."""
        self.retries_done = 0

    def next_pause(self, error: APIError) -> float | None:
        """Seconds to sleep before sending the request again; None when ``error`` is final."""
        if self.retries_done >= self.max_retries:
            return None
        if not (never_reached_server(error) or (self.idempotent and transient(error))):
            return None
        delay = pause(error, self.retries_done)
        # A retry that could only start at or after the deadline could not finish before it either.
        if self.deadline is not None and delay >= self.deadline.remaining():
            return None
        self.retries_done += 1
        return delay


def retrying(plan: RetryPlan, attempt: Callable[[], T]) -> T:
    """``attempt()`` again after each failure the plan allows, pausing first; the last failure is raised."""
    while True:
        try:
            return attempt()
        except APIError as error:
            delay = plan.next_pause(error)
            if delay is None:
                raise
        time.sleep(delay)


async def async_retrying(plan: RetryPlan, attempt: Callable[[], Awaitable[T]]) -> T:
    """``retrying`` for an async attempt."""
    while True:
        try:
            return await attempt()
        except APIError as error:
            delay = plan.next_pause(error)
            if delay is None:
                raise
        await async_sleep(delay)
