"""``batches.wait`` polls until a terminal status, riding over transient trouble, within its timeout."""

from __future__ import annotations

import time

import httpx
import pytest

from anyapi_batches import errors
from anyapi_batches.models import Batch
from devtools.fault_server import FaultServer, Reply, Reset, Stall, batch_reply, error_reply, json_reply
from tests.support.flavours import ApiFactory

pytestmark = pytest.mark.anyio

SLACK = 1.0
"""Seconds a deadline may seem to be overrun by on a busy machine."""


def in_progress(completed: int) -> dict[str, object]:
    return {"status": "in_progress", "request_counts": {"total": 10, "completed": completed, "failed": 0}}


async def test_polls_until_completed_and_shows_every_batch(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(status="validating"), batch_reply(**in_progress(4)), batch_reply())
    seen: list[Batch] = []
    batch = await make_api().wait("batch_abc123", timeout=5, poll_interval=0.01, on_poll=seen.append)
    assert batch.status == "completed"
    assert [polled.status for polled in seen] == ["validating", "in_progress", "completed"]
    assert seen[-1] is batch
    assert len(fault_server.received) == 3


@pytest.mark.parametrize("status", ["completed", "failed", "expired", "cancelled"])
async def test_any_terminal_status_is_returned_not_raised(
    make_api: ApiFactory, fault_server: FaultServer, status: str
) -> None:
    fault_server.script(batch_reply(status=status), batch_reply(status="validating"))
    batch = await make_api().wait("batch_abc123", timeout=5, poll_interval=0.01)
    assert batch.status == status
    assert len(fault_server.received) == 1


async def test_sleeps_poll_interval_between_polls(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(**in_progress(1)), batch_reply())
    await make_api().wait("batch_abc123", timeout=5, poll_interval=0.2)
    assert fault_server.gaps()[0] >= 0.2


async def test_rides_over_server_and_connection_errors(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(**in_progress(1)), error_reply(503), Reset(), error_reply(429), batch_reply())
    seen: list[Batch] = []
    batch = await make_api(max_retries=0).wait("batch_abc123", timeout=5, poll_interval=0.01, on_poll=seen.append)
    assert batch.status == "completed"
    assert [polled.status for polled in seen] == ["in_progress", "completed"]
    assert len(fault_server.received) == 5


async def test_honours_retry_after_between_polls(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(error_reply(503, {"retry-after-ms": "200"}), batch_reply())
    await make_api(max_retries=0).wait("batch_abc123", timeout=5, poll_interval=0.01)
    assert fault_server.gaps()[0] >= 0.2


async def test_other_errors_end_the_wait(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(**in_progress(1)), error_reply(404), batch_reply())
    with pytest.raises(errors.NotFoundError):
        await make_api().wait("batch_abc123", timeout=5, poll_interval=0.01)
    assert len(fault_server.received) == 2


async def test_timeout_raises_with_the_last_batch_seen(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(*(batch_reply(**in_progress(done)) for done in range(1, 10)))
    seen: list[Batch] = []
    with pytest.raises(errors.WaitTimeoutError) as caught:
        await make_api().wait("batch_abc123", timeout=0.3, poll_interval=0.05, on_poll=seen.append)
    assert len(seen) >= 2
    assert caught.value.batch is seen[-1]
    assert seen[-1].to_dict()["request_counts"]["completed"] == len(seen)


async def test_timeout_after_only_errors_has_no_batch(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(error_reply(503))
    with pytest.raises(errors.WaitTimeoutError) as caught:
        await make_api(max_retries=0).wait("batch_abc123", timeout=0.2, poll_interval=0.05)
    assert caught.value.batch is None
    assert len(fault_server.received) >= 2


@pytest.mark.parametrize("status", [429, 503])
async def test_a_retry_after_above_the_cap_ends_the_wait_as_it_ends_a_call(
    make_api: ApiFactory, fault_server: FaultServer, status: int
) -> None:
    # The same rule as a call's retries (test_retries): a server that will not be back within a minute is believed.
    fault_server.script(batch_reply(**in_progress(1)), error_reply(status, {"retry-after": "120"}), batch_reply())
    started = time.monotonic()
    with pytest.raises(errors.APIStatusError) as caught:
        await make_api().wait("batch_abc123", timeout=300, poll_interval=0.01)
    assert caught.value.status_code == status
    assert time.monotonic() - started < 1
    assert len(fault_server.received) == 2


@pytest.mark.parametrize(
    "client_timeout",
    [httpx.Timeout(60.0, connect=5.0), 30.0, httpx.Timeout(30.0, connect=None)],
    ids=["default", "plain-float", "unbounded-connect"],
)
async def test_a_stalled_poll_cannot_outlast_the_wait(
    make_api: ApiFactory, fault_server: FaultServer, client_timeout: float | httpx.Timeout
) -> None:
    # The client's own timeout would let this poll hang far past the wait's deadline. The command line
    # builds its client with a plain float, a path of its own through the timeout arithmetic.
    fault_server.script(batch_reply(status="validating"), Stall(8))
    started = time.monotonic()
    with pytest.raises(errors.WaitTimeoutError) as caught:
        await make_api(max_retries=0, timeout=client_timeout).wait("batch_abc123", timeout=1.5, poll_interval=0.01)
    assert time.monotonic() - started < 1.5 + SLACK
    assert caught.value.batch is not None
    assert caught.value.batch.status == "validating"


@pytest.mark.parametrize(
    "answer",
    [json_reply({"id": "batch_abc123", "object": "batch"}), Reply(200, b"<html>proxy says hi</html>")],
    ids=["missing-fields", "not-json"],
)
async def test_an_answer_outside_the_spec_ends_the_wait_at_once(
    make_api: ApiFactory, fault_server: FaultServer, answer: Reply
) -> None:
    # Polling again would only read the same broken answer until the wait's timeout (an hour by default).
    fault_server.script(batch_reply(**in_progress(1)), answer, batch_reply())
    started = time.monotonic()
    with pytest.raises(errors.ResponseValidationError):
        await make_api().wait("batch_abc123", timeout=30, poll_interval=0.01)
    assert time.monotonic() - started < SLACK
    assert len(fault_server.received) == 2


async def test_an_unreadable_retry_after_ms_between_polls_falls_back_to_retry_after(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    fault_server.script(error_reply(503, {"retry-after-ms": "soon", "retry-after": "0.3"}), batch_reply())
    await make_api(max_retries=0).wait("batch_abc123", timeout=5, poll_interval=0.01)
    assert fault_server.gaps()[0] >= 0.3
