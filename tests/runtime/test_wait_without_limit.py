"""A wait given ``timeout=None`` has no deadline: it polls on the adaptive schedule until the end, however late."""

from __future__ import annotations

import math

import pytest

from anyapi_batches._runtime.waiting import Waiter, wait_until
from anyapi_batches.models import Batch
from devtools.fault_server import batch_body
from tests.runtime.test_adaptive_wait import RULE, running
from tests.support.wait_clock import DAY, NOW, WaitClock


def test_a_wait_without_a_timeout_outlasts_any_day_and_ends_with_the_batch(wait_clock: WaitClock) -> None:
    polls: list[float] = []

    def fetch(remaining: float) -> Batch:
        polls.append(remaining)
        if wait_clock.elapsed < 3 * DAY:
            return running(created_at=NOW)
        return Batch.from_dict(batch_body(status="completed", created_at=NOW), strict=True)

    done = wait_until(fetch, RULE, timeout=None, poll_interval=None, on_poll=None)
    assert done.status == "completed"
    assert wait_clock.elapsed >= 3 * DAY
    assert all(remaining == math.inf for remaining in polls)
    # The adaptive schedule still holds: no pause beyond its ten-minute cap.
    assert max(wait_clock.sleeps) == 600.0


def test_without_a_timeout_the_schedule_is_the_same_as_with_a_long_one(wait_clock: WaitClock) -> None:
    delays = []
    for timeout in (None, 30 * DAY):
        waiter: Waiter[Batch] = Waiter(RULE, None, timeout=timeout, poll_interval=None)
        waiter.observe(running(created_at=NOW - 3600))
        delays.append(waiter.delay_after(None))
    assert delays[0] == delays[1] == pytest.approx(180.0)
