"""The poll schedules on a simulated clock: how many polls a batch costs, and how late its end is noticed."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from anyapi_batches._runtime.poll_schedule import AdaptiveSchedule, FixedSchedule, Progress, Schedule, poll_schedule
from devtools.bench.polling import SHAPES, no_progress, offsets, simulate, steady

HOUR = 3600.0
DAY = 24 * HOUR


def allowed_late(run_time: float) -> float:
    return max(60.0, 0.05 * run_time)


@pytest.mark.parametrize("shape_name", list(SHAPES))
def test_a_day_long_batch_costs_at_most_400_polls_and_is_noticed_in_time(shape_name: str) -> None:
    for end in offsets(DAY, 9):
        outcome = simulate(AdaptiveSchedule(), end, SHAPES[shape_name])
        assert outcome.polls <= 400
        assert outcome.late <= allowed_late(end)


@pytest.mark.parametrize("shape_name", list(SHAPES))
def test_a_two_minute_batch_is_noticed_within_10_s(shape_name: str) -> None:
    for end in offsets(120.0, 21):
        assert simulate(AdaptiveSchedule(), end, SHAPES[shape_name]).late <= 10.0


@pytest.mark.parametrize("shape_name", list(SHAPES))
@pytest.mark.parametrize("run_time", [5.0, 45.0, 600.0, HOUR, 6 * HOUR, 30 * HOUR])
def test_any_end_is_noticed_within_60_s_or_5_percent(shape_name: str, run_time: float) -> None:
    for end in offsets(run_time, 7):
        assert simulate(AdaptiveSchedule(), end, SHAPES[shape_name]).late <= allowed_late(end)


def test_a_day_long_batch_costs_far_fewer_polls_than_a_5_s_interval() -> None:
    adaptive = simulate(AdaptiveSchedule(), DAY, no_progress)
    fixed = simulate(FixedSchedule(5.0), DAY, no_progress)
    assert fixed.polls == DAY / 5 + 1
    assert adaptive.polls * 40 < fixed.polls


def test_steady_progress_brings_the_poll_to_the_expected_end() -> None:
    for end in offsets(DAY, 9):
        without = simulate(AdaptiveSchedule(), end, no_progress)
        with_progress = simulate(AdaptiveSchedule(), end, steady)
        assert with_progress.late <= 5.0
        assert with_progress.polls <= without.polls + 3
    assert max(simulate(AdaptiveSchedule(), end, no_progress).late for end in offsets(DAY, 9)) > 60.0


@pytest.mark.parametrize("end", [0.0, 0.5, 1.9])
def test_a_batch_that_ends_right_away_is_noticed_within_the_shortest_delay(end: float) -> None:
    outcome = simulate(AdaptiveSchedule(), end, no_progress)
    assert outcome.polls <= 2
    assert outcome.late <= 2.0


def test_first_delays_are_short_and_grow_with_age() -> None:
    schedule = AdaptiveSchedule()
    delays = [schedule.next_delay(elapsed) for elapsed in (0.0, 4.0, 20.0, 100.0, 600.0, 3000.0, 20000.0, 80000.0)]
    assert delays == [2.0, 2.0, 5.0, 10.0, 40.0, 150.0, 600.0, 600.0]


def test_a_wait_that_begins_late_starts_from_the_resource_age() -> None:
    schedule = AdaptiveSchedule(age=HOUR)
    assert schedule.next_delay(0.0) == 0.05 * HOUR
    outcome = simulate(AdaptiveSchedule(age=HOUR), HOUR, steady, age=HOUR)
    assert outcome.late <= 5.0
    assert simulate(AdaptiveSchedule(age=HOUR), HOUR, no_progress).late <= allowed_late(2 * HOUR)


def test_polls_when_the_resource_ends_at_the_latest() -> None:
    schedule = AdaptiveSchedule(ends_by=1000.0)
    assert schedule.next_delay(500.0) == pytest.approx(500.0 / 15)
    assert schedule.next_delay(980.0) == pytest.approx(20.0)
    # Overdue: the delays grow with the time past the expected end, from the shortest delay.
    assert schedule.next_delay(1000.0) == 2.0
    assert schedule.next_delay(1010.0) == 5.0
    assert schedule.next_delay(1100.0) == 50.0


def test_after_every_request_is_done_the_delays_grow_from_the_shortest() -> None:
    schedule = AdaptiveSchedule()
    schedule.next_delay(0.0, Progress(0, 100))
    assert schedule.next_delay(3000.0, Progress(100, 100)) == 2.0
    assert schedule.next_delay(3040.0, Progress(100, 100)) == 20.0
    assert schedule.next_delay(3200.0, Progress(100, 100)) == 100.0


def test_progress_that_goes_back_or_changes_its_total_starts_the_rate_again() -> None:
    schedule = AdaptiveSchedule()
    assert schedule.next_delay(1000.0, Progress(10, 100)) == 60.0
    # 10 more in 30 s: 80 left at that rate is 240 s, beyond the next usual poll.
    assert schedule.next_delay(1030.0, Progress(20, 100)) == 60.0
    # Fewer done than before, then another total: each starts the rate again, and one observation tells none.
    assert schedule.next_delay(1090.0, Progress(5, 100)) == 60.0
    assert schedule.next_delay(1150.0, Progress(100, 200)) == 60.0
    # 99 more in 60 s: the last one is expected in under a second, so the next poll comes as soon as it may.
    assert schedule.next_delay(1210.0, Progress(199, 200)) == 2.0


def stall_for_good(elapsed: float, end: float) -> Progress:
    return Progress(min(int(elapsed), 100), 1000)


def test_a_stall_after_quick_progress_falls_back_to_the_usual_delays() -> None:
    outcome = simulate(AdaptiveSchedule(), 2 * HOUR, stall_for_good)
    assert outcome.late <= allowed_late(2 * HOUR)
    assert outcome.polls <= simulate(AdaptiveSchedule(), 2 * HOUR, no_progress).polls + 3


def test_the_deadline_caps_every_delay() -> None:
    adaptive, fixed = AdaptiveSchedule(), FixedSchedule(5.0)
    assert adaptive.next_delay(50000.0, remaining=7.5) == 7.5
    assert adaptive.next_delay(50001.0, remaining=0.0) == 0.0
    assert fixed.next_delay(10.0, remaining=1.25) == 1.25
    assert fixed.next_delay(10.0, remaining=100.0) == 5.0


def test_the_fixed_schedule_pins_its_interval_whatever_the_progress() -> None:
    schedule = FixedSchedule(7.0)
    observed = [(0.0, None), (7.0, Progress(0, 10)), (14.0, Progress(10, 10)), (DAY, Progress(5, 10))]
    assert [schedule.next_delay(elapsed, progress) for elapsed, progress in observed] == [7.0] * 4
    assert simulate(FixedSchedule(7.0), 70.0, steady).polls == 11


def test_poll_schedule_is_fixed_when_an_interval_is_given() -> None:
    assert isinstance(poll_schedule(), AdaptiveSchedule)
    assert poll_schedule(age=10.0).next_delay(0.0) == 2.5
    fixed = poll_schedule(3.0)
    assert isinstance(fixed, FixedSchedule)
    assert fixed.next_delay(100.0) == 3.0


BAD_SECONDS = [math.nan, math.inf, -math.inf, -1.0]
NOT_SECONDS = ["5", True, None]


@pytest.mark.parametrize("bad", [*BAD_SECONDS, 0.0])
def test_a_bad_interval_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="interval"):
        FixedSchedule(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", NOT_SECONDS)
def test_an_interval_that_is_no_number_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="interval"):
        FixedSchedule(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("option", ["age", "ends_by", "min_delay", "max_delay"])
@pytest.mark.parametrize("bad", BAD_SECONDS)
def test_bad_adaptive_options_are_refused(option: str, bad: object) -> None:
    with pytest.raises(ValueError, match=option):
        AdaptiveSchedule(**{option: bad})  # type: ignore[arg-type]


def test_a_longest_delay_below_the_shortest_is_refused() -> None:
    with pytest.raises(ValueError, match="max_delay"):
        AdaptiveSchedule(min_delay=10.0, max_delay=5.0)
    with pytest.raises(ValueError, match="min_delay"):
        AdaptiveSchedule(min_delay=0.0)


@pytest.mark.parametrize("schedule_kind", [AdaptiveSchedule, lambda: FixedSchedule(5.0)])
@pytest.mark.parametrize("bad", BAD_SECONDS)
def test_bad_times_are_refused(schedule_kind: Callable[[], Schedule], bad: object) -> None:
    schedule = schedule_kind()
    with pytest.raises(ValueError, match="elapsed"):
        schedule.next_delay(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="remaining"):
        schedule.next_delay(1.0, remaining=bad)  # type: ignore[arg-type]


def test_time_that_goes_back_is_refused() -> None:
    schedule = AdaptiveSchedule()
    schedule.next_delay(10.0)
    with pytest.raises(ValueError, match="went back"):
        schedule.next_delay(9.0)


@pytest.mark.parametrize(("done", "total"), [(-1, 10), (1, -10), (1.5, 10), (True, 10), (1, None)])
def test_bad_progress_is_refused(done: object, total: object) -> None:
    with pytest.raises(ValueError, match=r"done|total"):
        Progress(done, total)  # type: ignore[arg-type]


def test_more_done_than_the_total_counts_as_all_done() -> None:
    schedule = AdaptiveSchedule()
    assert schedule.next_delay(1000.0, Progress(150, 100)) == 2.0
