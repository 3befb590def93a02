# Copied from handwritten/_runtime/waiting.py by `nox -s generate`: edit it there.
"""Polling a resource until it reaches a terminal state (``batches.wait``).

The wait's ``timeout`` bounds the whole wait: every poll, every retry inside a
poll, and every sleep, ``Retry-After`` ones included. Each poll is handed the
time left (``min_timeout``), and the client's retry loop stops at that
deadline too. Between polls, the same rule as a call's retries
(``retries.transient``) decides which failures are ridden over.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import httpx

from . import arguments
from .attempts import Deadline, TimeoutTypes, async_sleep, phase_limits
from .errors import APIError, WaitTimeoutError
from .retries import requested_wait, transient

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
        self.timeout = arguments.seconds("timeout", timeout)
        self.poll_interval = arguments.seconds("poll_interval", poll_interval)
        self.is_done = is_done
        self.on_poll = on_poll
        self.deadline = Deadline.after(self.timeout)
        self.last_seen: T | None = None

    def observe(self, current: T) -> bool:
        """Record a fresh poll result; True when it is terminal."""
        self.last_seen = current
        if self.on_poll is not None:
            self.on_poll(current)
        return self.is_done(current)

    def remaining(self) -> float:
        """Seconds left before the deadline; each poll gets at most this."""
        return max(self.deadline.remaining(), 0.0)

    def delay_after(self, error: APIError | None) -> float:
        """Seconds to sleep before the next poll; raises when the deadline has passed.

        A transient error (connection trouble, 429, 5xx) is ridden over; any other is raised again.
        """
        if error is not None and not transient(error):
            raise error
        if self.remaining() <= 0:
            raise self.timed_out()
        requested = requested_wait(error) if error is not None else None
        return requested if requested is not None else self.poll_interval

    def after_sleep(self) -> None:
        """Called after each sleep: a poll that could only start at the deadline is not made."""
        if self.remaining() <= 0:
            raise self.timed_out()

    def timed_out(self) -> WaitTimeoutError:
        return WaitTimeoutError(
            f"Gave up waiting after {self.timeout:g}s: no terminal status reached.", batch=self.last_seen
        )


class PollTimeout(httpx.Timeout):
    """A poll's timeout: the client's, cut to the wait's time left, with the wait's deadline for the retry loop."""

    def __init__(self, timeout: TimeoutTypes, deadline: Deadline) -> None:
        super().__init__(**phase_limits(timeout, deadline))
        self.deadline = deadline


def min_timeout(timeout: TimeoutTypes, remaining: float) -> PollTimeout:
    """The client's timeout, cut down so that one poll, retries included, cannot outlast the wait's deadline."""
    return PollTimeout(timeout, Deadline.after(remaining))


def call_deadline(timeout: object) -> Deadline | None:
    """The deadline a call's retries must keep: a wait's, when the call is one of its polls."""
    return timeout.deadline if isinstance(timeout, PollTimeout) else None


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
            delay = schedule.delay_after(error)
        else:
            if schedule.observe(current):
                return current
            delay = schedule.delay_after(None)
        time.sleep(min(delay, schedule.remaining()))
        schedule.after_sleep()


async def async_wait_until(
    fetch: Callable[[float], Awaitable[T]],
    is_done: Callable[[T], bool],
    *,
    timeout: float,
    poll_interval: float,
    on_poll: Callable[[T], object] | None,
) -> T:
    schedule = PollSchedule(is_done, on_poll, timeout, poll_interval)
    while True:
        try:
            current = await fetch(schedule.remaining())
        except APIError as error:
            delay = schedule.delay_after(error)
        else:
            if schedule.observe(current):
                return current
            delay = schedule.delay_after(None)
        await async_sleep(min(delay, schedule.remaining()))
        schedule.after_sleep()
