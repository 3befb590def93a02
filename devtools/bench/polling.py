"""Polls and notice delays of the adaptive poll schedule next to a fixed 5 s interval, on a simulated clock.

    python -m devtools.bench.polling            # every shape, run time and start offset
    python -m devtools.bench.polling --quick    # fewer start offsets

A simulated batch ends (reaches a terminal status) a set time after the wait begins, and reports its
progress along the way in one of several shapes. The wait polls at once, then sleeps whatever the schedule
says; it notices the end at the first poll at or after it. Each batch runs at several offsets around its
nominal run time, so that no result hangs on a lucky alignment of polls with the end; the table shows the
most polls and the latest notice over those offsets. Exits 1 when a target is missed:

- a batch that ends after 24 hours costs at most 400 polls;
- every end is noticed within the larger of 60 s and 5% of the time the batch ran;
- a batch that ends after 2 minutes is noticed within 10 s.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from dataclasses import dataclass

from anyapi_batches._runtime.poll_schedule import AdaptiveSchedule, FixedSchedule, Progress, Schedule

TOTAL = 50_000
"""Requests in a simulated batch."""

Shape = Callable[[float, float], Progress | None]
"""Progress at an elapsed time, for a batch that ends at the second argument."""


def done_share(total: int, share: float) -> Progress:
    return Progress(min(total, max(0, math.floor(total * share))), total)


def steady(elapsed: float, end: float) -> Progress:
    return done_share(TOTAL, elapsed / end)


def no_progress(elapsed: float, end: float) -> None:
    return None


def stall_then_jump(elapsed: float, end: float) -> Progress:
    """40% done in the first fifth, then nothing, then the rest at the very end."""
    return done_share(TOTAL, 0.4 * min(elapsed / (0.2 * end), 1.0))


def finalizing(elapsed: float, end: float) -> Progress:
    """Every request done at 80% of the run; the last fifth is spent writing the results."""
    return done_share(TOTAL, elapsed / (0.8 * end))


def stragglers(elapsed: float, end: float) -> Progress:
    """99% done in the first half; the last 1% takes the other half."""
    share = 0.99 * elapsed / (0.5 * end) if elapsed < 0.5 * end else 0.99 + 0.01 * (elapsed - 0.5 * end) / (0.5 * end)
    return done_share(TOTAL, share)


def ends_early(elapsed: float, end: float) -> Progress:
    """Progress that points to a run four times as long: the batch failed or was cancelled part way."""
    return done_share(TOTAL, elapsed / (4 * end))


def validating_first(elapsed: float, end: float) -> Progress:
    """No requests counted for the first tenth (the server is still validating), then steady."""
    return Progress(0, 0) if elapsed < 0.1 * end else done_share(TOTAL, (elapsed - 0.1 * end) / (0.9 * end))


SHAPES: dict[str, Shape] = {
    "steady": steady,
    "no progress": no_progress,
    "stall, then jump": stall_then_jump,
    "20% finalizing": finalizing,
    "1% stragglers": stragglers,
    "ends early": ends_early,
    "validating first": validating_first,
}


@dataclass(frozen=True)
class Outcome:
    end: float
    polls: int
    late: float
    """Seconds from the end to the poll that noticed it."""

    @property
    def in_time(self) -> bool:
        """Noticed within the larger of 60 s and 5% of the time the batch ran."""
        return self.late <= max(60.0, 0.05 * self.end)


def simulate(schedule: Schedule, end: float, shape: Shape, *, age: float = 0.0) -> Outcome:
    """Poll a batch that ends ``end`` seconds after the wait began, until a poll sees it ended."""
    elapsed, polls = 0.0, 0
    while True:
        polls += 1
        if elapsed >= end:
            return Outcome(end, polls, elapsed - end)
        delay = schedule.next_delay(elapsed, shape(age + elapsed, age + end))
        if not delay > 0:
            raise AssertionError(f"the schedule asked for a delay of {delay!r} at {elapsed!r}")
        elapsed += delay


@dataclass(frozen=True)
class Outcomes:
    """The same batch ending at several times."""

    each: tuple[Outcome, ...]

    @property
    def polls(self) -> int:
        return max(outcome.polls for outcome in self.each)

    @property
    def late(self) -> float:
        return max(outcome.late for outcome in self.each)


@dataclass(frozen=True)
class Row:
    run_time: float
    shape: str
    adaptive: Outcomes
    fixed: Outcomes


def offsets(run_time: float, count: int) -> list[float]:
    """Run times spread over ±1% of the nominal one (at least ±3 s), so polls fall at every phase of the end."""
    spread = max(0.01 * run_time, 3.0)
    return [run_time - spread + 2 * spread * index / (count - 1) for index in range(count)]


def measure(run_time: float, shape_name: str, count: int) -> Row:
    shape = SHAPES[shape_name]
    ends = offsets(run_time, count)
    adaptive = Outcomes(tuple(simulate(AdaptiveSchedule(), end, shape) for end in ends))
    fixed = Outcomes(tuple(simulate(FixedSchedule(5.0), end, shape) for end in ends))
    return Row(run_time, shape_name, adaptive, fixed)


RUN_TIMES = {"2 min": 120.0, "1 h": 3600.0, "24 h": 86400.0}


def misses(row: Row) -> list[str]:
    found = []
    if row.run_time >= 86400 and row.adaptive.polls > 400:
        found.append(f"{row.adaptive.polls} polls > 400")
    late = [outcome for outcome in row.adaptive.each if not outcome.in_time]
    if late:
        found.append(f"{len(late)} noticed later than max(60 s, 5%)")
    if row.run_time <= 120 and row.adaptive.late > 10:
        found.append(f"noticed {row.adaptive.late:.1f}s late > 10s")
    return found


def run(quick: bool) -> bool:
    """Print the table; True when every target is met."""
    count = 5 if quick else 41
    header = ("run time", "shape", "polls", "latest notice", "5 s: polls", "5 s: latest", "target")
    rows = [header]
    missed = 0
    for label, run_time in RUN_TIMES.items():
        for shape_name in SHAPES:
            row = measure(run_time, shape_name, count)
            problems = misses(row)
            missed += bool(problems)
            rows.append(
                (
                    label,
                    shape_name,
                    f"{row.adaptive.polls:,}",
                    f"{row.adaptive.late:.1f} s",
                    f"{row.fixed.polls:,}",
                    f"{row.fixed.late:.1f} s",
                    "; ".join(problems) or "PASS",
                )
            )
    widths = [max(len(cell) for cell in column) for column in zip(*rows, strict=True)]
    print(f"adaptive poll schedule vs a fixed 5 s interval: worst of {count} end times within ±1% of each run time")
    for cells in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip())
    print(f"targets: {len(rows) - 1 - missed} met, {missed} missed")
    return missed == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="5 end times per run time instead of 41")
    return 0 if run(parser.parse_args().quick) else 1


if __name__ == "__main__":
    raise SystemExit(main())
