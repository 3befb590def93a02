"""The poll schedules at their edges: exact delays where a rule takes over, and the messages of bad arguments.

test_poll_schedule measures whole simulated waits; these pin single answers, so that a rule
that shifts by one comparison or forgets the wait's deadline shows.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from anyapi_batches._runtime.poll_schedule import AdaptiveSchedule, FixedSchedule, Progress, poll_schedule

OLD = 3600.0
"""An age at which the longest delay is 5% of it: 180 s at the start of a wait."""


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: FixedSchedule(0), "interval must be a finite number of seconds, more than 0, got 0"),
        (lambda: FixedSchedule(-1), "interval must be a finite number of seconds, more than 0, got -1"),
        (lambda: FixedSchedule(float("nan")), "interval must be a finite number of seconds, more than 0, got nan"),
        (lambda: AdaptiveSchedule(age=float("inf")), "age must be a finite number of seconds, 0 or more, got inf"),
        (lambda: AdaptiveSchedule(age=-1), "age must be a finite number of seconds, 0 or more, got -1"),
        (lambda: AdaptiveSchedule(ends_by=-2.5), "ends_by must be a finite number of seconds, 0 or more, got -2.5"),
        (lambda: AdaptiveSchedule(min_delay=0), "min_delay must be a finite number of seconds, more than 0, got 0"),
        (lambda: AdaptiveSchedule(max_delay=0), "max_delay must be a finite number of seconds, more than 0, got 0"),
        (lambda: AdaptiveSchedule(min_delay=3, max_delay=2), "max_delay (2) must be at least min_delay (3)"),
        (lambda: FixedSchedule(5).next_delay(-1), "elapsed must be a finite number of seconds, 0 or more, got -1"),
        (lambda: AdaptiveSchedule().next_delay(-1), "elapsed must be a finite number of seconds, 0 or more, got -1"),
        (
            lambda: FixedSchedule(5).next_delay(0, remaining=-1),
            "remaining must be a finite number of seconds, 0 or more, got -1",
        ),
    ],
)
def test_a_bad_argument_is_named_in_its_error(make: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError) as caught:
        make()
    assert str(caught.value) == message


def test_min_and_max_delay_may_be_equal() -> None:
    assert AdaptiveSchedule(min_delay=5, max_delay=5).next_delay(0) == 5


def test_a_known_end_brings_the_poll_forward_but_not_past_the_deadline() -> None:
    assert AdaptiveSchedule(age=OLD, ends_by=100).next_delay(0) == 100
    assert AdaptiveSchedule(age=OLD, ends_by=100).next_delay(0, remaining=5) == 5
    assert AdaptiveSchedule(age=OLD).next_delay(0) == 180


def test_an_overdue_end_is_polled_again_within_the_deadline() -> None:
    schedule = AdaptiveSchedule(age=OLD, ends_by=100)
    schedule.next_delay(0)
    # 50 s overdue: the next poll comes after half of that, unless the wait's deadline comes first.
    assert schedule.next_delay(150) == 25
    assert schedule.next_delay(150, remaining=1) == 1


@pytest.mark.parametrize("progress", [Progress(1, 1), Progress(40, 40)])
def test_progress_that_reports_the_end_polls_at_the_shortest_delay(progress: Progress) -> None:
    assert AdaptiveSchedule(age=OLD).next_delay(0, progress) == 2


def test_progress_with_nothing_to_do_tells_nothing() -> None:
    assert AdaptiveSchedule(age=OLD).next_delay(0, Progress(0, 0)) == 180


def test_the_rate_is_measured_from_the_first_poll_of_the_same_count() -> None:
    schedule = AdaptiveSchedule(age=OLD)
    schedule.next_delay(0, Progress(0, 100))
    schedule.next_delay(50, Progress(0, 100))
    # 50 done in 100 s since the first 0 of 100: the other 50 take 100 s more.
    assert schedule.next_delay(100, Progress(50, 100)) == 100


def test_an_end_that_moved_later_as_it_fell_due_is_polled_at_the_new_estimate() -> None:
    schedule = AdaptiveSchedule(age=OLD)
    schedule.next_delay(0, Progress(0, 100))
    assert schedule.next_delay(100, Progress(50, 100)) == 100
    # Due now, but 60 of 100 in 200 s puts the end 133 s away: the next poll is then, not at the shortest delay.
    assert schedule.next_delay(200, Progress(60, 100)) == pytest.approx(400 / 3)


def test_a_new_total_starts_the_rate_afresh() -> None:
    schedule = AdaptiveSchedule(age=OLD)
    schedule.next_delay(0, Progress(0, 100))
    # With 60 in all now, no rate is known yet: the usual delay of a resource 3700 s old.
    assert schedule.next_delay(100, Progress(50, 60)) == 185


def test_poll_schedule_is_adaptive_from_the_age_and_end_given() -> None:
    # A young resource: a quarter of its age, 9 s, is the longest delay.
    assert poll_schedule().next_delay(9) == 2.25
    assert poll_schedule(age=OLD, ends_by=100).next_delay(0) == 100
    assert poll_schedule(7).next_delay(0) == 7


def test_an_end_expected_exactly_one_delay_away_is_due_and_never_moves_later() -> None:
    schedule = AdaptiveSchedule(age=OLD * 1000, min_delay=1, max_delay=10)  # so old that every delay is 10 s
    assert schedule.next_delay(0, Progress(done=0, total=100)) == 10
    # Half done in 10 s: the end is expected at 20 s, exactly one longest delay away, so it is due then.
    assert schedule.next_delay(10, Progress(done=50, total=100)) == 10
    # A slower rate puts the estimate past 20 s; the due end stays at 20 s.
    assert schedule.next_delay(12, Progress(done=55, total=100)) == 8
