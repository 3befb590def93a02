"""``wait`` and ``create --wait`` poll adaptively unless ``--interval`` fixes the pause."""

from __future__ import annotations

import pytest

from devtools.fault_server import FaultServer, batch_reply
from tests.support.cli_runner import cli
from tests.support.wait_clock import DAY, NOW, WaitClock

DAY_OLD = {"created_at": NOW - DAY, "request_counts": {"total": 100, "completed": 10, "failed": 0}}


@pytest.mark.parametrize(("options", "pauses"), [((), [600.0]), (("--interval", "7"), [7.0])])
def test_wait_pauses_by_the_schedule_or_the_interval(
    fault_server: FaultServer, wait_clock: WaitClock, options: tuple[str, ...], pauses: list[float]
) -> None:
    fault_server.script(batch_reply(status="in_progress", **DAY_OLD), batch_reply(status="completed", **DAY_OLD))
    run = cli(fault_server.url, "wait", "batch_abc123", *options)
    assert run.code == 0
    assert wait_clock.sleeps == pauses
