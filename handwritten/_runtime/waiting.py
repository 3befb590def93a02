"""Polling a resource until it reaches a terminal state (``batches.wait``)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import httpx

from .errors import APIConnectionError, APIError, APIStatusError, WaitTimeoutError
from .retries import is_retryable_status, requested_wait

T = TypeVar("T")


class PollSchedule(Generic[T]):
    """What a wait has seen so far, and how long to sleep before polling again."""

    def __init__(
        self,
        is_done: Callable[[T], bool],
        on_poll: Callable[[T], object] | None,
        timeout: float,
        poll_interval: float,
    ) -> None:
        if timeout < 0 or poll_interval <= 0:
            raise ValueError("timeout must be 0 or more and poll_interval more than 0")
        self.is_done = is_done
        self.on_poll = on_poll
        self.timeout = timeout
        self.poll_interval = poll_interval
        self.deadline = time.monotonic() + timeout
        self.last_seen: T | None = None

    def observe(self, current: T) -> bool:
        """Record a fresh poll result; True when it is terminal."""
        self.last_seen = current
        if self.on_poll is not None:
            self.on_poll(current)
        return self.is_done(current)

    def remaining(self) -> float:
        """Seconds left before the deadline; each poll gets at most this as its timeout."""
        return max(self.deadline - time.monotonic(), 0.0)

    def delay_after(self, error: APIError | None) -> float:
        """Seconds to sleep before the next poll; raises when the deadline has passed.

        A retryable error (connection trouble, 429, 5xx) is ridden over; any other is re-raised.
        """
        if error is not None and not rides_over(error):
            raise error
        remaining = self.remaining()
        if remaining <= 0:
            raise WaitTimeoutError(
                f"Gave up waiting after {self.timeout:g}s: no terminal status reached.", batch=self.last_seen
            )
        requested = requested_wait(error) if error is not None else None
        return min(requested if requested is not None else self.poll_interval, remaining)


MIN_POLL_TIMEOUT = 1.0
"""Even with no time left, the last poll gets this long: a timeout of 0 could not succeed."""


def min_timeout(timeout: float | httpx.Timeout | None, remaining: float) -> httpx.Timeout:
    """The client's timeout, cut down so that one poll cannot outlast the wait's deadline."""
    cap = max(remaining, MIN_POLL_TIMEOUT)
    if not isinstance(timeout, httpx.Timeout):
        return httpx.Timeout(cap if timeout is None else min(timeout, cap))
    return httpx.Timeout(
        connect=min(timeout.connect or cap, cap),
        read=min(timeout.read or cap, cap),
        write=min(timeout.write or cap, cap),
        pool=min(timeout.pool or cap, cap),
    )


def rides_over(error: APIError) -> bool:
    if isinstance(error, APIStatusError):
        return is_retryable_status(error.status_code)
    return isinstance(error, APIConnectionError)


def wait_until(
    fetch: Callable[[float], T],
    is_done: Callable[[T], bool],
    *,
    timeout: float,
    poll_interval: float,
    on_poll: Callable[[T], object] | None,
) -> T:
    schedule = PollSchedule(is_done, on_poll, timeout, poll_interval)
    while True:
        try:
            current = fetch(schedule.remaining())
        except APIError as error:
            time.sleep(schedule.delay_after(error))
            continue
        if schedule.observe(current):
            return current
        time.sleep(schedule.delay_after(None))


async def async_wait_until(
    fetch: Callable[[float], Awaitable[T]],
    is_done: Callable[[T], bool],
    *,
    timeout: float,
    poll_interval: float,
    on_poll: Callable[[T], object] | None,
) -> T:
    # Imported here, where an event loop already runs and has loaded it: a sync-only program never pays for it.
    import asyncio

    schedule = PollSchedule(is_done, on_poll, timeout, poll_interval)
    while True:
        try:
            current = await fetch(schedule.remaining())
        except APIError as error:
            await asyncio.sleep(schedule.delay_after(error))
            continue
        if schedule.observe(current):
            return current
        await asyncio.sleep(schedule.delay_after(None))
