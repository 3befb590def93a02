"""What a wait reads from a body through the spec's ``x-anyapi-wait``: exact values, and what it leaves unknown."""

from __future__ import annotations

import time

import pytest

from anyapi_batches._runtime.poll_schedule import AdaptiveSchedule, FixedSchedule, Progress
from anyapi_batches._runtime.waiting import WaitRule, value_at

NOW = 1_000_000


def full_rule() -> WaitRule:
    """Built inside each test, so that mutation testing sees the constructor run (see docs/mutation.md)."""
    return WaitRule(
        status="status",
        terminal=["completed"],
        done=["counts.completed", "counts.failed"],
        total="counts.total",
        created="created_at",
        ends_by="expires_at",
    )


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: float(NOW))


def adaptive(body: dict[str, object], elapsed: float) -> tuple[float, float | None]:
    schedule = full_rule().schedule(body, None, elapsed)
    assert isinstance(schedule, AdaptiveSchedule)
    return schedule.age, schedule.ends_by


def test_a_dotted_path_reaches_into_objects() -> None:
    body = {"counts": {"total": 3}, "status": "running"}
    assert value_at(body, "counts.total") == 3
    assert value_at(body, "status") == "running"
    assert value_at(body, "status.total") is None, "a string has no keys"
    assert value_at(body, "missing.total") is None
    assert value_at(body, None) is None
    assert value_at({"": 1}, "") is None, "an empty path names nothing"


def test_the_counts_add_up_to_the_work_done_of_the_total() -> None:
    body = {"counts": {"completed": 2, "failed": 1, "total": 10}}
    assert full_rule().progress(body) == Progress(done=3, total=10)


@pytest.mark.parametrize(
    "counts",
    [
        {"completed": 2, "failed": 1},
        {"completed": 2, "total": 10},
        {"completed": 2, "failed": -1, "total": 10},
        {"completed": 2, "failed": 1.0, "total": 10},
    ],
    ids=["no total", "a count missing", "a negative count", "a count that is no whole number"],
)
def test_progress_is_unknown_unless_every_number_is_there(counts: dict[str, object]) -> None:
    assert full_rule().progress({"counts": counts}) is None


def test_a_rule_without_counts_knows_no_progress() -> None:
    rule = WaitRule(status="status", terminal=["completed"], total="counts.total")
    assert rule.progress({"counts": {"total": 10}}) is None


def test_age_and_end_count_from_when_the_wait_began() -> None:
    # First seen 5 s into the wait: created 100 s before now, so 95 s old when the wait began; it expires in
    # 1000 s, 1005 s after the wait began.
    assert adaptive({"created_at": NOW - 100, "expires_at": NOW + 1000}, elapsed=5) == (95, 1005)


def test_times_that_say_nothing_are_left_unknown() -> None:
    assert adaptive({}, elapsed=5) == (0, None)
    # Created in the future (or in milliseconds): no age. Expired already: no end to expect.
    assert adaptive({"created_at": NOW + 3, "expires_at": NOW}, elapsed=5) == (0, None)
    assert adaptive({"expires_at": NOW + 1}, elapsed=5) == (0, 6)


def test_a_poll_interval_pins_the_schedule() -> None:
    schedule = full_rule().schedule({"created_at": NOW - 100}, 7, elapsed=0)
    assert isinstance(schedule, FixedSchedule)
    assert schedule.next_delay(0) == 7
