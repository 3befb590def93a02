"""Every operation's answer read back by value, from a server that answers from what it was sent: the package's fake.

Prism answers every request with the spec's example, so a test against it shows
only that a request was accepted. The fake keeps state: the ids, fields and
metadata that come back here are the ones these requests made, through
AnyAPI and AsyncAnyAPI alike.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from anyapi_batches import errors
from anyapi_batches.models import Batch, BatchCancellation, Metadata
from anyapi_batches.testing import FakeAnyAPI
from anyapi_batches.types import File
from tests.support.flavours import Api, AsyncApi, SyncApi

pytestmark = pytest.mark.anyio

LINE = b'{"custom_id": "r1", "method": "POST", "url": "/v1/embeddings", "body": {"input": "x"}}\n'


@pytest.fixture(params=["sync", "async"])
async def api(request: pytest.FixtureRequest) -> AsyncIterator[Api]:
    fake = FakeAnyAPI()
    made: Api = SyncApi(fake.client()) if request.param == "sync" else AsyncApi(fake.async_client())
    yield made
    await made.close()


async def upload(api: Api, name: str = "requests.jsonl", content: bytes = LINE) -> str:
    uploaded = await api.files.create(file=File(payload=io.BytesIO(content), file_name=name), purpose="batch")
    return str(uploaded.id)


async def test_an_upload_comes_back_with_its_name_size_and_purpose(api: Api) -> None:
    file_id = await upload(api, "mine.jsonl", LINE * 3)
    stored = await api.files.retrieve(file_id)
    assert (stored.id, stored.filename, stored.bytes_, stored.purpose) == (
        file_id,
        "mine.jsonl",
        3 * len(LINE),
        "batch",
    )


async def test_an_open_file_is_stored_under_its_base_name(api: Api, tmp_path: Path) -> None:
    path = tmp_path / "deep" / "input.jsonl"
    path.parent.mkdir()
    path.write_bytes(LINE)
    with path.open("rb") as file:
        uploaded = await api.files.create(file=file, purpose="batch")
    assert (uploaded.filename, uploaded.bytes_) == ("input.jsonl", len(LINE))


async def test_a_created_batch_holds_what_was_sent(api: Api) -> None:
    file_id = await upload(api)
    created = await api.batches.create(
        input_file_id=file_id, endpoint="/v1/embeddings", completion_window="24h", metadata={"owner": "a=b"}
    )
    assert isinstance(created, Batch)
    assert (created.input_file_id, created.endpoint, created.completion_window) == (file_id, "/v1/embeddings", "24h")
    assert isinstance(created.metadata, Metadata)
    assert created.metadata.to_dict() == {"owner": "a=b"}
    assert created.status == "validating"
    fetched = await api.batches.retrieve(created.id)
    assert fetched.to_dict() == created.to_dict()


async def test_a_create_from_an_unknown_file_is_refused(api: Api) -> None:
    with pytest.raises(errors.APIStatusError):
        await api.batches.create(input_file_id="file-nope", endpoint="/v1/embeddings", completion_window="24h")


async def test_list_gives_the_batches_made_newest_first_across_pages(api: Api) -> None:
    file_id = await upload(api)
    made = [
        (await api.batches.create(input_file_id=file_id, endpoint="/v1/embeddings", completion_window="24h")).id
        for _ in range(3)
    ]
    pages = await api.batches.list(limit=2)
    assert [[batch.id for batch in page.data] for page in pages] == [made[:0:-1], made[:1]]


async def test_cancel_answers_for_the_batch_it_cancelled(api: Api) -> None:
    file_id = await upload(api)
    created = await api.batches.create(input_file_id=file_id, endpoint="/v1/embeddings", completion_window="24h")
    cancelled = await api.batches.cancel(created.id)
    assert isinstance(cancelled, Batch)
    assert (cancelled.id, cancelled.status, cancelled.input_file_id) == (created.id, "cancelling", file_id)


async def test_the_short_cancel_answer_names_the_batch_it_cancelled() -> None:
    fake = FakeAnyAPI(short_cancel_answer=True)
    with fake.client() as client:
        file_id = client.files.create(file=File(payload=io.BytesIO(LINE), file_name="r.jsonl"), purpose="batch").id
        created = client.batches.create(input_file_id=file_id, endpoint="/v1/embeddings", completion_window="24h")
        cancelled = client.batches.cancel(created.id)
    assert isinstance(cancelled, BatchCancellation)
    assert (cancelled.id, cancelled.status) == (created.id, "cancelling")


async def test_files_list_and_delete_act_on_the_files_uploaded(api: Api) -> None:
    kept, dropped = await upload(api, "kept.jsonl"), await upload(api, "dropped.jsonl")
    deleted = await api.files.delete(dropped)
    assert (deleted.id, deleted.deleted) == (dropped, True)
    pages = await api.files.list()
    assert [file.id for page in pages for file in page.data] == [kept]
    with pytest.raises(errors.NotFoundError):
        await api.files.retrieve(dropped)
