# Copied from handwritten/_runtime/waiting.py by `nox -s generate`: edit it there.
"""Polling a resource until it reaches a terminal state (``batches.wait``).

How long to sleep between polls is the poll schedule's business (poll_schedule.py): a fixed
``poll_interval`` when the caller gives one, else an adaptive schedule fed by what the spec's
``x-anyapi-wait`` says of the resource (``WaitRule``): its age, its progress and its latest end.

The wait's ``timeout`` bounds the whole wait: every poll, every retry inside a
poll, and every sleep, ``Retry-After`` ones included (None: no bound). Each poll is handed the
time left (``min_timeout``), and the client's retry loop stops at that
deadline too. Between polls, the same rule as a call's retries
(``retries.transient``) decides which failures are ridden over.
"""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

import httpx

from . import arguments
from .attempts import Deadline, TimeoutTypes, async_sleep, phase_limits
from .errors import APIError, WaitTimeoutError
from .poll_schedule import AdaptiveSchedule, FixedSchedule, Progress, Schedule
from .retries import requested_wait, transient


class Encodable(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


T = TypeVar("T", bound=Encodable)


class WaitRule:
    """What the spec's ``x-anyapi-wait`` says of a resource, read from its JSON body.

    ``status`` names the field whose ``terminal`` values end the wait. The optional fields feed the adaptive
    schedule: the counts whose sum is the work ``done`` of a ``total``, and the Unix times at which the resource
    was ``created`` and by which it ``ends_by`` at the latest. Each is a dotted path of JSON keys; a value that
    is missing or not a whole number is simply not known.
    """

    def __init__(
        self,
        *,
        status: str,
        terminal: Collection[str],
        done: Sequence[str] = (),
        total: str | None = None,
        created: str | None = None,
        ends_by: str | None = None,
    ) -> None:
        self.status = status
        self.terminal = frozenset(terminal)
        self.done = tuple(done)
        self.total = total
        self.created = created
        self.ends_by = ends_by

    def is_done(self, body: Mapping[str, Any]) -> bool:
        return value_at(body, self.status) in self.terminal

    def progress(self, body: Mapping[str, Any]) -> Progress | None:
        counts = [whole_number_at(body, path) for path in self.done]
        total = whole_number_at(body, self.total)
        if not counts or total is None or any(count is None for count in counts):
            return None
        return Progress(sum(count for count in counts if count is not None), total)

    def schedule(self, body: Mapping[str, Any], poll_interval: float | None, elapsed: float) -> Schedule:
        """The schedule of a wait that first saw ``body`` ``elapsed`` seconds after it began."""
        if poll_interval is not None:
            return FixedSchedule(poll_interval)
        now = time.time()
        created = whole_number_at(body, self.created)
        ends_by = whole_number_at(body, self.ends_by)
        # A time in the future, or in milliseconds by mistake, says nothing of the age: taken as none.
        age = max(now - created - elapsed, 0.0) if created is not None else 0.0
        until_end = ends_by - now + elapsed if ends_by is not None and ends_by - now > 0 else None
        return AdaptiveSchedule(age=age, ends_by=until_end)


def value_at(body: Mapping[str, Any], path: str | None) -> object:
    value: object = body
    for key in path.split(".") if path else ():
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value if path else None


def whole_number_at(body: Mapping[str, Any], path: str | None) -> int | None:
    value = value_at(body, path)
    return value if type(value) is int and value >= 0 else None


class Waiter(Generic[T]):
    """What a wait has seen so far, and how long to sleep before polling again."""

    def __init__(
        self,
        rule: WaitRule,
        on_poll: Callable[[T], object] | None,
        timeout: float | None,
        poll_interval: float | None,
    ) -> None:
        self.timeout = None if timeout is None else arguments.seconds("timeout", timeout)
        self.poll_interval = None if poll_interval is None else arguments.seconds("poll_interval", poll_interval)
        self.rule = rule
        self.on_poll = on_poll
        self.started = time.monotonic()
        self.deadline = Deadline.after(self.timeout)
        self.last_seen: T | None = None
        self.schedule: Schedule | None = None
        self.progress: Progress | None = None

    def observe(self, current: T) -> bool:
        """Record a fresh poll result; True when it is terminal."""
        self.last_seen = current
        if self.on_poll is not None:
            self.on_poll(current)
        body = current.to_dict()
        if self.schedule is None:
            self.schedule = self.rule.schedule(body, self.poll_interval, self.elapsed())
        self.progress = self.rule.progress(body)
        return self.rule.is_done(body)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def remaining(self) -> float:
        """Seconds left before the deadline (``math.inf`` without one); each poll gets at most this."""
        return max(self.deadline.remaining(), 0.0)

    def delay_after(self, error: APIError | None) -> float:
        """Seconds to sleep before the next poll; raises when the deadline has passed.

        A transient error (connection trouble, 429, 5xx) is ridden over; any other is raised again. The server's
        requested wait (``Retry-After``) wins over the schedule.
        """
        if error is not None and not transient(error):
            raise error
        remaining = self.remaining()
        if remaining <= 0:
            raise self.timed_out()
        requested = requested_wait(error) if error is not None else None
        if requested is not None:
            return min(requested, remaining)
        if self.schedule is None:
            # Nothing seen yet (the first poll failed): no age or progress to go by.
            self.schedule = FixedSchedule(self.poll_interval) if self.poll_interval is not None else AdaptiveSchedule()
        bound = remaining if math.isfinite(remaining) else None
        return self.schedule.next_delay(self.elapsed(), self.progress, remaining=bound)

    def after_sleep(self) -> None:
        """Called after each sleep: a poll that could only start at the deadline is not made."""
        if self.remaining() <= 0:
            raise self.timed_out()

    def timed_out(self) -> WaitTimeoutError:
        return WaitTimeoutError(
            f"Gave up waiting after {self.deadline.seconds:g}s: no terminal status reached.", batch=self.last_seen
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
    rule: WaitRule,
    *,
    timeout: float | None,
    poll_interval: float | None,
    on_poll: Callable[[T], object] | None,
) -> T:
    schedule = Waiter(rule, on_poll, timeout, poll_interval)
    while True:
        try:
            current = fetch(schedule.remaining())
        except APIError as error:
            delay = schedule.delay_after(error)
        else:
            if schedule.observe(current):
                return current
            delay = schedule.delay_after(None)
        time.sleep(delay)
        schedule.after_sleep()


async def async_wait_until(
    fetch: Callable[[float], Awaitable[T]],
    rule: WaitRule,
    *,
    timeout: float | None,
    poll_interval: float | None,
    on_poll: Callable[[T], object] | None,
) -> T:
    schedule = Waiter(rule, on_poll, timeout, poll_interval)
    while True:
        try:
            current = await fetch(schedule.remaining())
        except APIError as error:
            delay = schedule.delay_after(error)
        else:
            if schedule.observe(current):
                return current
            delay = schedule.delay_after(None)
        await async_sleep(delay)
        schedule.after_sleep()
