"""What only the async client promises: waiting and retrying leave the event loop free for other tasks."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import anyio
import pytest

from anyapi_batches import AsyncAnyAPI
from anyapi_batches.models import Batch
from devtools.fault_server import FaultServer, Reply, batch_reply, error_reply
from tests.support.flavours import SECRET

pytestmark = pytest.mark.anyio


async def ticks_while(work: anyio.Event, period: float) -> int:
    """How often a task got to run every ``period`` seconds until ``work`` was set."""
    count = 0
    while not work.is_set():
        await anyio.sleep(period)
        count += 1
    return count


async def wait_for_batch(client: AsyncAnyAPI) -> Batch:
    return await client.batches.wait("batch_abc123", timeout=5, poll_interval=0.3)


async def retrieve_batch(client: AsyncAnyAPI) -> Batch:
    return await client.batches.retrieve("batch_abc123")


@pytest.mark.parametrize(
    ("steps", "action"),
    [
        ([batch_reply(status="in_progress"), batch_reply()], wait_for_batch),
        ([error_reply(503, {"retry-after-ms": "300"}), batch_reply()], retrieve_batch),
    ],
    ids=["between-polls", "before-a-retry"],
)
async def test_sleeping_does_not_block_the_event_loop(
    fault_server: FaultServer, steps: list[Reply], action: Callable[[AsyncAnyAPI], Awaitable[Batch]]
) -> None:
    fault_server.script(*steps)
    done = anyio.Event()
    ticks: list[int] = []

    async def count_ticks() -> None:
        ticks.append(await ticks_while(done, 0.01))

    async with AsyncAnyAPI(api_key=SECRET, base_url=fault_server.url) as client, anyio.create_task_group() as tasks:
        tasks.start_soon(count_ticks)
        started = time.monotonic()
        await action(client)
        elapsed = time.monotonic() - started
        done.set()
    assert elapsed >= 0.3
    assert ticks[0] >= 5
