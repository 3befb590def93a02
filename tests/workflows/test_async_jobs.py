"""AsyncJob polls and cancels the batches of a job all at once, over real HTTP to the fake."""

from __future__ import annotations

import time
from pathlib import Path

import anyio
import pytest

from anyapi_batches import AsyncAnyAPI, errors
from anyapi_batches.testing import FakeAnyAPI, Stall
from tests.support.jobs import write_requests

pytestmark = pytest.mark.anyio

PARTS = 3


@pytest.mark.parametrize("operation", ["retrieve_batch", "cancel_batch"])
async def test_every_part_is_asked_for_at_once_not_one_after_another(
    fake: FakeAnyAPI, tmp_path: Path, operation: str
) -> None:
    with fake.serve() as url:
        async with AsyncAnyAPI(api_key="k", base_url=url, max_retries=0, timeout=1) as client:
            job = await client.jobs.submit(
                write_requests(tmp_path / "requests.jsonl", PARTS),
                endpoint="/v1/chat/completions",
                max_requests_per_batch=1,
            )
            # Every answer is held back until the client gives up: one part at a time, only one would be asked.
            fake.faults.add(Stall(), operation=operation, times=PARTS)
            in_flight: list[int] = []

            async def watch() -> None:
                deadline = time.monotonic() + 0.8
                while time.monotonic() < deadline:
                    in_flight.append(sum(call.operation_id == operation for call in fake.received))
                    await anyio.sleep(0.01)

            async with anyio.create_task_group() as group:
                group.start_soon(watch)
                with pytest.raises(errors.APITimeoutError):
                    await (job.refresh() if operation == "retrieve_batch" else job.cancel())
    assert max(in_flight) == PARTS
