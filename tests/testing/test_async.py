"""AsyncAnyAPI on the fake's async transport: the same API, and many tasks at once on one state."""

from __future__ import annotations

import io

import anyio
import httpx
import pytest

from anyapi_batches import AsyncAnyAPI, errors
from anyapi_batches.testing import Disconnect, FakeAnyAPI
from tests.support.batch_files import chat_requests

pytestmark = pytest.mark.anyio


async def start(client: AsyncAnyAPI, content: bytes) -> str:
    named = io.BytesIO(content)
    named.name = "requests.jsonl"
    uploaded = await client.files.create(file=named, purpose="batch")
    batch = await client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    return batch.id


async def test_a_batch_runs_and_ends_as_with_the_sync_client(fake: FakeAnyAPI, async_client: AsyncAnyAPI) -> None:
    batch_id = await start(async_client, chat_requests(2))
    assert (await async_client.batches.retrieve(batch_id)).status == "validating"
    fake.advance(60)
    batch = await async_client.batches.retrieve(batch_id)
    assert batch.status == "completed"
    assert isinstance(batch.output_file_id, str)
    async with httpx.AsyncClient(transport=fake.async_transport(), base_url=fake.base_url + "/") as raw:
        content = await raw.get(f"files/{batch.output_file_id}/content", headers={"Authorization": "Bearer k"})
    assert content.content.count(b"\n") == 2
    assert [each.id async for each in async_client.batches.list()] == [batch_id]
    deleted = await async_client.files.delete(batch.output_file_id)
    assert deleted.deleted is True
    with pytest.raises(errors.NotFoundError, match="No file found with id"):
        await async_client.files.retrieve(batch.output_file_id)


async def test_cancel_and_wait(fake: FakeAnyAPI, async_client: AsyncAnyAPI) -> None:
    batch_id = await start(async_client, chat_requests(3))
    cancelling = await async_client.batches.cancel(batch_id)
    assert cancelling.status == "cancelling"
    fake.advance(10)
    done = await async_client.batches.wait(batch_id, timeout=5, poll_interval=0.001)
    assert done.status == "cancelled"
    with pytest.raises(errors.ConflictError):
        await async_client.batches.cancel(batch_id)


async def test_many_tasks_at_once_each_get_their_own_batch(fake: FakeAnyAPI, async_client: AsyncAnyAPI) -> None:
    made: list[str] = []

    async def make() -> None:
        made.append(await start(async_client, chat_requests(1)))

    async with anyio.create_task_group() as tasks:
        for _ in range(20):
            tasks.start_soon(make)
    assert len(set(made)) == 20
    assert sorted([each.id async for each in async_client.batches.list(limit=7)]) == sorted(made)


async def test_a_dropped_connection_is_an_api_connection_error() -> None:
    fake = FakeAnyAPI()
    fake.faults.add(Disconnect())
    async with fake.async_client(max_retries=0) as client:
        with pytest.raises(errors.APIConnectionError):
            await client.batches.retrieve("batch_any")
    assert [call.status for call in fake.received] == [None]


async def test_the_helper_client_is_bound_to_the_fake_with_its_key() -> None:
    fake = FakeAnyAPI(api_key="sk-async", tick=5)
    async with fake.async_client() as client:
        batch_id = await start(client, chat_requests(1))
        done = await client.batches.wait(batch_id, timeout=5, poll_interval=0.001)
    assert done.status == "completed"
    async with fake.async_client(api_key="sk-wrong", max_retries=0) as stranger:
        with pytest.raises(errors.AuthenticationError):
            await stranger.batches.retrieve(batch_id)
