"""How long a wait sleeps before it polls a running resource again: an adaptive schedule, or a fixed interval.

Both are pure: no clock, no sleeping, no I/O. The caller passes the seconds since its wait began (on its own
monotonic clock, or a simulated one) and, when the resource reports it, its progress as requests done of a
total; the schedule answers with the delay before the next poll, never more than the time left before the
wait's deadline.

The adaptive schedule polls often while the resource is young and backs off as it ages, so that its end is
noticed within a share of the time it ran: at most 10 s late in its first two minutes, at most 60 s or 5% of
its age after that, and never more than ``max_delay``. A resource that has run for 24 hours then costs about
230 polls rather than the 17,280 of a 5 s interval. Progress only ever brings a poll forward: the schedule
polls when the done count is expected to reach the total, or when the resource is known to end at the latest
(``ends_by``), and, once that moment has passed without an end, again at delays that grow with how overdue it
is. So a resource that ends earlier than its progress suggests (failed, cancelled) or whose progress stalls
and then jumps is still noticed within the shares above.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from . import arguments

MIN_DELAY = 2.0
MAX_DELAY = 600.0
# The longest delay is the largest of three shares of the resource's age, each capped: a quarter of it up to
# 10 s (so an end in the first 2 minutes, and a little beyond, is noticed within 10 s), a fifteenth up to 60 s
# (which reaches 10 s at 2.5 minutes and 60 s at 15), and 5% (which passes 60 s at 20 minutes), never more
# than max_delay.
YOUNG_SHARE, YOUNG_CAP = 1 / 4, 10.0
EARLY_SHARE, EARLY_CAP = 1 / 15, 60.0
LATE_SHARE = 0.05
OVERDUE_SHARE = 0.5
"""Of the time since the resource was expected to end."""


@dataclass(frozen=True)
class Progress:
    """Work done of a total, as the resource reports it (requests completed or failed, of all its requests)."""

    done: int
    total: int

    def __post_init__(self) -> None:
        for name in ("done", "total"):
            value = getattr(self, name)
            if type(value) is not int or value < 0:
                raise ValueError(f"{name} must be a whole number of at least 0, not {value!r}")


class Schedule(Protocol):
    def next_delay(self, elapsed: float, progress: Progress | None = None, *, remaining: float | None = None) -> float:
        """Seconds to sleep before the next poll.

        ``elapsed``: seconds since the wait began, never less than at the call before. ``progress``: what the poll
        just made reports, if anything. ``remaining``: seconds left before the wait's deadline, if it has one;
        the delay is never longer.
        """
        ...


def seconds(name: str, value: float, *, positive: bool = False) -> float:
    return arguments.seconds(name, value, allow_zero=not positive)


def within(delay: float, remaining: float | None) -> float:
    return delay if remaining is None else min(delay, seconds("remaining", remaining))


class FixedSchedule:
    """The same delay before every poll."""

    def __init__(self, interval: float) -> None:
        self.interval = seconds("interval", interval, positive=True)

    def next_delay(self, elapsed: float, progress: Progress | None = None, *, remaining: float | None = None) -> float:
        seconds("elapsed", elapsed)
        return within(self.interval, remaining)


class AdaptiveSchedule:
    """Frequent polls at first, then fewer as the resource ages; a poll when its end is due.

    Args:
        age: how long the resource had run when the wait began (from its creation time), in seconds.
        ends_by: seconds after the wait began by which the resource ends at the latest (its expiry), if known.
        min_delay: the shortest delay.
        max_delay: the longest delay, however old the resource.
    """

    def __init__(
        self,
        *,
        age: float = 0.0,
        ends_by: float | None = None,
        min_delay: float = MIN_DELAY,
        max_delay: float = MAX_DELAY,
    ) -> None:
        self.age = seconds("age", age)
        self.ends_by = None if ends_by is None else seconds("ends_by", ends_by)
        self.min_delay = seconds("min_delay", min_delay, positive=True)
        self.max_delay = seconds("max_delay", max_delay, positive=True)
        if self.max_delay < self.min_delay:
            raise ValueError(f"max_delay ({max_delay!r}) must be at least min_delay ({min_delay!r})")
        self.last_elapsed = 0.0
        self.first_seen: tuple[float, Progress] | None = None
        """When progress of the current total was first seen, and what it was: the start of the rate's span."""
        self.due: float | None = None
        """When the end was first expected within one delay: the time from which it counts as overdue."""

    def longest_delay(self, age: float) -> float:
        """The delay that still notices an end within the promised share of the resource's age."""
        allowed = max(min(YOUNG_SHARE * age, YOUNG_CAP), min(EARLY_SHARE * age, EARLY_CAP), LATE_SHARE * age)
        return min(max(allowed, self.min_delay), self.max_delay)

    def next_delay(self, elapsed: float, progress: Progress | None = None, *, remaining: float | None = None) -> float:
        elapsed = seconds("elapsed", elapsed)
        if elapsed < self.last_elapsed:
            raise ValueError(f"elapsed went back from {self.last_elapsed!r} to {elapsed!r}")
        self.last_elapsed = elapsed
        longest = self.longest_delay(self.age + elapsed)
        ends = [end for end in (self.expected_end(elapsed, progress), self.ends_by) if end is not None]
        end = min(ends, default=math.inf)
        if end - elapsed > longest:
            # The end is not near: the next poll after the usual delay comes first.
            self.due = None
            return within(longest, remaining)
        self.due = end if self.due is None else min(self.due, end)
        if elapsed < self.due:
            return within(max(self.due - elapsed, self.min_delay), remaining)
        # Overdue: poll at the new estimate, but no sooner than a share of the time it has been overdue.
        delay = max(end - elapsed, OVERDUE_SHARE * (elapsed - self.due))
        return within(min(max(delay, self.min_delay), longest), remaining)

    def expected_end(self, elapsed: float, progress: Progress | None) -> float | None:
        """When the done count should reach the total at the rate seen so far, if it can be told."""
        if progress is None or progress.total == 0:
            return None
        if progress.done >= progress.total:
            return elapsed
        first = self.first_seen
        if first is None or progress.total != first[1].total or progress.done < first[1].done:
            self.first_seen = (elapsed, progress)
            return None
        since, then = first
        if progress.done == then.done or elapsed == since:
            return None
        rate = (progress.done - then.done) / (elapsed - since)
        return elapsed + (progress.total - progress.done) / rate


def poll_schedule(poll_interval: float | None = None, *, age: float = 0.0, ends_by: float | None = None) -> Schedule:
    """A fixed ``poll_interval`` when one is given, else the adaptive schedule."""
    if poll_interval is not None:
        return FixedSchedule(poll_interval)
    return AdaptiveSchedule(age=age, ends_by=ends_by)
