"""What each operation puts on the wire, by value: method, target, headers and body, from AnyAPI and AsyncAnyAPI.

Prism only checks that a request has the spec's shape; here the scripted server
keeps every request, and each test compares it with the exact fields or bytes a
caller's arguments must become.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from anyapi_batches.types import File
from devtools.fault_server import FaultServer, Received, batch_body, batch_reply, json_reply
from tests.support.cli_runner import page_reply, uploaded_reply
from tests.support.flavours import SECRET, ApiFactory
from tests.support.sent import FormPart, form_sent, json_sent

pytestmark = pytest.mark.anyio

ENDPOINT = "/v1/chat/completions"


def only_request(fault_server: FaultServer) -> Received:
    (received,) = fault_server.received
    assert received.headers["authorization"] == f"Bearer {SECRET}"
    assert received.headers["user-agent"].startswith("anyapi-batches/")
    return received


def without_body(received: Received) -> None:
    assert received.body == b""
    assert "content-type" not in received.headers
    assert received.headers.get("content-length", "0") == "0"


def file_page(ids: list[str], has_more: bool = False) -> dict[str, Any]:
    files = [{**json.loads(uploaded_reply().body), "id": file_id} for file_id in ids]
    return {"object": "list", "data": files, "first_id": ids[0], "last_id": ids[-1], "has_more": has_more}


async def test_create_sends_exactly_the_fields_given(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(json_reply(batch_body(status="validating")))
    await make_api().batches.create(
        input_file_id="file-abc123",
        endpoint="/v1/embeddings",
        completion_window="24h",
        metadata={"owner": "a=b", "note": "café"},
        output_expires_after={"anchor": "created_at", "seconds": 3600},
    )
    received = only_request(fault_server)
    assert (received.method, received.target) == ("POST", "/v1/batches")
    assert json_sent(received.headers, received.body) == {
        "input_file_id": "file-abc123",
        "endpoint": "/v1/embeddings",
        "completion_window": "24h",
        "metadata": {"owner": "a=b", "note": "café"},
        "output_expires_after": {"anchor": "created_at", "seconds": 3600},
    }
    # UTF-8 as it is, not \u escapes: the bytes a server stores are the ones the caller gave.
    assert "café".encode() in received.body


async def test_create_leaves_out_what_was_not_given(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(json_reply(batch_body(status="validating")))
    await make_api().batches.create(input_file_id="file-abc123", endpoint=ENDPOINT, completion_window="24h")
    received = only_request(fault_server)
    assert json_sent(received.headers, received.body) == {
        "input_file_id": "file-abc123",
        "endpoint": ENDPOINT,
        "completion_window": "24h",
    }


async def test_create_sends_null_metadata_when_given_none(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(json_reply(batch_body(status="validating")))
    await make_api().batches.create(
        input_file_id="file-abc123", endpoint=ENDPOINT, completion_window="24h", metadata=None
    )
    received = only_request(fault_server)
    assert json_sent(received.headers, received.body)["metadata"] is None


async def test_cancel_posts_to_the_encoded_id_without_a_body(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(json_reply({"id": "a/b c", "object": "batch", "status": "cancelled"}))
    cancelled = await make_api().batches.cancel("a/b c")
    received = only_request(fault_server)
    assert (received.method, received.target) == ("POST", "/v1/batches/a%2Fb%20c/cancel")
    without_body(received)
    assert cancelled.id == "a/b c"


async def test_retrieve_gets_the_encoded_id(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(id="b/1?x"))
    batch = await make_api().batches.retrieve("b/1?x")
    received = only_request(fault_server)
    assert (received.method, received.target) == ("GET", "/v1/batches/b%2F1%3Fx")
    without_body(received)
    assert batch.id == "b/1?x"


@pytest.mark.parametrize(
    ("options", "query"),
    [
        ({}, "limit=20"),
        ({"limit": 3}, "limit=3"),
        ({"after": "batch_9", "limit": 100}, "after=batch_9&limit=100"),
        ({"after": "a&b=c d"}, "after=a%26b%3Dc+d&limit=20"),
    ],
)
async def test_batch_list_sends_its_query(
    make_api: ApiFactory, fault_server: FaultServer, options: dict[str, Any], query: str
) -> None:
    fault_server.script(page_reply([]))
    await make_api().batches.list(**options)
    received = only_request(fault_server)
    assert (received.method, received.target) == ("GET", f"/v1/batches?{query}")
    without_body(received)


async def test_batch_list_asks_for_each_page_after_the_last_id(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(
        page_reply([batch_body(id="b1"), batch_body(id="b2")], has_more=True), page_reply([batch_body(id="b3")])
    )
    pages = await make_api().batches.list(limit=2)
    assert [[batch.id for batch in page.data] for page in pages] == [["b1", "b2"], ["b3"]]
    assert [request.target for request in fault_server.received] == [
        "/v1/batches?limit=2",
        "/v1/batches?after=b2&limit=2",
    ]


async def test_a_listing_stops_when_the_server_repeats_the_cursor(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    # Following it would ask for the same page for ever.
    fault_server.script(page_reply([batch_body(id="b1")], has_more=True))
    pages = await make_api().batches.list(after="b1")
    assert [[batch.id for batch in page.data] for page in pages] == [["b1"]]
    assert [request.target for request in fault_server.received] == ["/v1/batches?after=b1&limit=20"]


@pytest.mark.parametrize(
    ("options", "query"),
    [
        ({}, "limit=10000&order=desc"),
        ({"purpose": "batch_output", "order": "asc", "limit": 5}, "limit=5&order=asc&purpose=batch_output"),
        ({"after": "file-1"}, "after=file-1&limit=10000&order=desc"),
    ],
)
async def test_file_list_sends_its_query(
    make_api: ApiFactory, fault_server: FaultServer, options: dict[str, Any], query: str
) -> None:
    fault_server.script(json_reply(file_page(["file-1"])))
    pages = await make_api().files.list(**options)
    received = only_request(fault_server)
    assert (received.method, received.target) == ("GET", f"/v1/files?{query}")
    without_body(received)
    assert [file.id for file in pages[0].data] == ["file-1"]


async def test_file_list_asks_for_each_page_after_the_last_id(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(json_reply(file_page(["f1", "f2"], has_more=True)), json_reply(file_page(["f3"])))
    pages = await make_api().files.list(limit=2)
    assert [[file.id for file in page.data] for page in pages] == [["f1", "f2"], ["f3"]]
    assert [request.target for request in fault_server.received] == [
        "/v1/files?limit=2&order=desc",
        "/v1/files?after=f2&limit=2&order=desc",
    ]


async def test_file_retrieve_gets_the_encoded_id(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(uploaded_reply())
    await make_api().files.retrieve("file/1")
    received = only_request(fault_server)
    assert (received.method, received.target) == ("GET", "/v1/files/file%2F1")
    without_body(received)


async def test_file_delete_deletes_the_encoded_id(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(json_reply({"id": "file 1", "object": "file", "deleted": True}))
    deleted = await make_api().files.delete("file 1")
    received = only_request(fault_server)
    assert (received.method, received.target) == ("DELETE", "/v1/files/file%201")
    without_body(received)
    assert (deleted.id, deleted.deleted) == ("file 1", True)


CONTENT = b'{"custom_id": "r1", "method": "POST", "url": "/v1/embeddings", "body": {"input": "caf\xc3\xa9"}}\n'


def upload_parts(fault_server: FaultServer) -> list[FormPart]:
    received = only_request(fault_server)
    assert (received.method, received.target) == ("POST", "/v1/files")
    return form_sent(received.headers, received.body)


async def test_an_open_file_is_sent_under_its_base_name(
    make_api: ApiFactory, fault_server: FaultServer, tmp_path: Path
) -> None:
    fault_server.script(uploaded_reply())
    path = tmp_path / "private" / "requests.jsonl"
    path.parent.mkdir()
    path.write_bytes(CONTENT)
    with path.open("rb") as file:
        await make_api().files.create(file=file, purpose="batch")
    assert upload_parts(fault_server) == [
        FormPart("file", "requests.jsonl", "application/octet-stream", CONTENT),
        FormPart("purpose", None, "text/plain", b"batch"),
    ]
    assert str(tmp_path).encode() not in fault_server.received[0].body


@pytest.mark.parametrize(
    ("given", "filename", "content_type"),
    [
        (lambda: CONTENT, "upload", "application/octet-stream"),
        (lambda: io.BytesIO(CONTENT), "upload", "application/octet-stream"),
        (lambda: File(payload=io.BytesIO(CONTENT), file_name="mine.jsonl"), "mine.jsonl", "application/octet-stream"),
        (
            lambda: File(payload=io.BytesIO(CONTENT), file_name="mine.jsonl", mime_type="application/jsonl"),
            "mine.jsonl",
            "application/jsonl",
        ),
    ],
    ids=["bytes", "buffer", "file", "file-with-type"],
)
async def test_an_upload_sends_its_bytes_and_purpose(
    make_api: ApiFactory, fault_server: FaultServer, given: Callable[[], Any], filename: str, content_type: str
) -> None:
    fault_server.script(uploaded_reply())
    await make_api().files.create(file=given(), purpose="batch")
    assert upload_parts(fault_server) == [
        FormPart("file", filename, content_type, CONTENT),
        FormPart("purpose", None, "text/plain", b"batch"),
    ]
