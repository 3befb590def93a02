"""``wait()`` without ``poll_interval``: the adaptive schedule, fed by what ``x-anyapi-wait`` says of the batch."""

from __future__ import annotations

import time
from typing import Any

import pytest

from anyapi_batches import AnyAPI, errors
from anyapi_batches._runtime.poll_schedule import Progress
from anyapi_batches._runtime.waiting import Waiter, WaitRule
from anyapi_batches.models import Batch
from devtools.fault_server import FaultServer, batch_body, batch_reply, error_reply
from tests.support.flavours import SECRET
from tests.support.wait_clock import DAY, NOW, WaitClock

RULE = WaitRule(
    status="status",
    terminal=["completed", "failed", "expired", "cancelled"],
    done=["request_counts.completed", "request_counts.failed"],
    total="request_counts.total",
    created="created_at",
    ends_by="expires_at",
)


def running(created_at: int, *, completed: int = 0, total: int = 100, **changes: Any) -> Batch:
    counts = {"total": total, "completed": completed, "failed": 0}
    body = batch_body(status="in_progress", created_at=created_at, request_counts=counts, **changes)
    return Batch.from_dict(body, strict=True)


def first_delay(batch: Batch, poll_interval: float | None = None) -> float:
    waiter: Waiter[Batch] = Waiter(RULE, None, timeout=7200, poll_interval=poll_interval)
    assert waiter.observe(batch) is False
    return waiter.delay_after(None)


def test_a_young_batch_is_polled_every_two_seconds(wait_clock: WaitClock) -> None:
    assert first_delay(running(created_at=NOW)) == 2.0


def test_a_day_old_batch_is_polled_at_most_every_ten_minutes(wait_clock: WaitClock) -> None:
    assert first_delay(running(created_at=NOW - DAY)) == 600.0


def test_an_hour_old_batch_is_polled_at_five_percent_of_its_age(wait_clock: WaitClock) -> None:
    assert first_delay(running(created_at=NOW - 3600)) == pytest.approx(180.0)


def test_a_batch_about_to_expire_is_polled_when_it_expires(wait_clock: WaitClock) -> None:
    batch = running(created_at=NOW - DAY + 120, expires_at=NOW + 120)
    assert first_delay(batch) == pytest.approx(120.0)


def test_a_created_at_in_milliseconds_counts_as_a_young_batch(wait_clock: WaitClock) -> None:
    assert first_delay(running(created_at=NOW * 1000)) == 2.0


def test_a_fixed_interval_wins_over_the_schedule(wait_clock: WaitClock) -> None:
    assert first_delay(running(created_at=NOW - DAY), poll_interval=7.5) == 7.5


def test_progress_brings_the_poll_forward_to_the_expected_end(wait_clock: WaitClock) -> None:
    waiter: Waiter[Batch] = Waiter(RULE, None, timeout=7200, poll_interval=None)
    waiter.observe(running(created_at=NOW - DAY, completed=50))
    wait_clock.sleep(waiter.delay_after(None))
    waiter.observe(running(created_at=NOW - DAY, completed=75))
    wait_clock.sleep(waiter.delay_after(None))
    waiter.observe(running(created_at=NOW - DAY, completed=99))
    # 49 requests done in the 1200 s since 50 were: the last one is due 1200/49 s from now, long before
    # the ten minutes a day-old batch would otherwise wait.
    assert waiter.delay_after(None) == pytest.approx(1200 / 49, rel=0.01)


def test_no_progress_fields_means_no_progress(wait_clock: WaitClock) -> None:
    assert RULE.progress({"status": "in_progress"}) is None
    assert RULE.progress({"request_counts": {"total": 10, "completed": 3, "failed": "2"}}) is None
    assert RULE.progress({"request_counts": {"total": 10, "completed": 3, "failed": 2}}) == Progress(5, 10)


def test_a_first_poll_that_fails_is_followed_by_the_shortest_delay(wait_clock: WaitClock) -> None:
    waiter: Waiter[Batch] = Waiter(RULE, None, timeout=7200, poll_interval=None)
    assert waiter.delay_after(None) == 2.0


def test_the_generated_wait_reads_the_rule_from_the_spec(fault_server: FaultServer, wait_clock: WaitClock) -> None:
    """A day-old batch polled through the client: the schedule saw created_at, so it waits the longest delay."""
    day_old = {"created_at": NOW - DAY, "request_counts": {"total": 100, "completed": 10, "failed": 0}}
    fault_server.script(
        batch_reply(status="in_progress", **day_old),
        error_reply(503, {"retry-after": "3"}),
        batch_reply(status="completed", **day_old),
    )
    with AnyAPI(api_key=SECRET, base_url=fault_server.url, max_retries=0) as client:
        batch = client.batches.wait("batch_abc123", timeout=7200)
    assert batch.status == "completed"
    # The server's Retry-After wins over the schedule for the pause it asked for.
    assert wait_clock.sleeps == [600.0, 3.0]


def test_a_real_wait_without_poll_interval_still_ends_on_time(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(status="in_progress", created_at=int(time.time())))
    with AnyAPI(api_key=SECRET, base_url=fault_server.url) as client:
        started = time.monotonic()
        with pytest.raises(errors.WaitTimeoutError, match="Gave up waiting after 1s"):
            client.batches.wait("batch_abc123", timeout=1)
    assert time.monotonic() - started < 2.0
