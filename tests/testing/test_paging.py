"""Listing batches and files a page at a time: order, cursors, filters, and pages that outlive a deletion."""

from __future__ import annotations

import httpx
import pytest

from anyapi_batches import AnyAPI
from anyapi_batches.testing import FakeAnyAPI
from tests.support.batch_files import chat_requests, start_batch, upload


def page(raw: httpx.Client, path: str) -> tuple[list[str], str | None, str | None, bool]:
    body = raw.get(path).json()
    return [item["id"] for item in body["data"]], body["first_id"], body["last_id"], body["has_more"]


def test_batches_come_newest_first_a_page_at_a_time(fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client) -> None:
    made = []
    for _ in range(5):
        made.append(start_batch(client, chat_requests(1)))
        fake.advance(1)
    newest = made[::-1]
    assert page(raw, "batches?limit=2") == (newest[:2], newest[0], newest[1], True)
    assert page(raw, f"batches?limit=2&after={newest[1]}") == (newest[2:4], newest[2], newest[3], True)
    assert page(raw, f"batches?limit=2&after={newest[3]}") == (newest[4:], newest[4], newest[4], False)
    assert page(raw, f"batches?after={newest[4]}") == ([], None, None, False)
    assert [batch.id for batch in client.batches.list(limit=2)] == newest
    assert [len(each.data) for each in client.batches.list(limit=2).pages()] == [2, 2, 1]


def test_the_default_page_of_batches_holds_twenty(client: AnyAPI, raw: httpx.Client) -> None:
    for _ in range(21):
        start_batch(client, chat_requests(1))
    ids, _, _, has_more = page(raw, "batches")
    assert (len(ids), has_more) == (20, True)


def test_files_come_in_either_order_and_by_purpose(fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client) -> None:
    inputs = [upload(client, chat_requests(1)).id for _ in range(3)]
    picture = client.files.create(file=b"GIF89a", purpose="vision").id
    batch_id = start_batch(client, chat_requests(1))
    fake.advance(60)
    output = client.batches.retrieve(batch_id).output_file_id
    batch_input = client.batches.retrieve(batch_id).input_file_id
    oldest_first = [*inputs, picture, batch_input, output]
    assert page(raw, "files?order=asc")[0] == oldest_first
    assert page(raw, "files")[0] == oldest_first[::-1]
    assert page(raw, "files?purpose=batch&order=asc")[0] == [*inputs, batch_input]
    assert page(raw, "files?purpose=batch_output")[0] == [output]
    assert page(raw, f"files?order=asc&limit=2&after={inputs[1]}") == ([inputs[2], picture], inputs[2], picture, True)
    assert [stored.id for stored in client.files.list(order="asc", limit=4)] == oldest_first


def test_a_cursor_still_works_after_its_file_was_deleted(client: AnyAPI, raw: httpx.Client) -> None:
    ids = [upload(client, chat_requests(1)).id for _ in range(4)]
    first_page, _, cursor, _ = page(raw, "files?order=asc&limit=2")
    assert (first_page, cursor) == (ids[:2], ids[1])
    client.files.delete(ids[1])
    assert page(raw, f"files?order=asc&limit=2&after={cursor}")[0] == ids[2:]
    assert [stored.id for stored in client.files.list(order="asc")] == [ids[0], ids[2], ids[3]]


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_paging_files_with_the_client_sees_each_once(client: AnyAPI, order: str) -> None:
    ids = [upload(client, chat_requests(1)).id for _ in range(7)]
    listed = [stored.id for stored in client.files.list(limit=3, order=order)]  # type: ignore[arg-type]
    assert listed == (ids if order == "asc" else ids[::-1])


def test_a_deleted_file_is_gone_but_a_batch_made_from_it_runs_on(
    fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client
) -> None:
    uploaded = upload(client, chat_requests(2))
    batch_id = client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    ).id
    deleted = client.files.delete(uploaded.id)
    assert deleted.to_dict() == {"id": uploaded.id, "object": "file", "deleted": True}
    assert raw.get(f"files/{uploaded.id}/content").status_code == 404
    fake.advance(60)
    assert client.batches.retrieve(batch_id).status == "completed"
