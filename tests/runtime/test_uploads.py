"""Uploads send the whole file, from any kind of file, and a retried request sends exactly the bytes it sent first."""

from __future__ import annotations

import io
import os
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import httpx
import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI
from anyapi_batches.types import File
from devtools.fault_server import FaultServer, Received, batch_body, error_reply, json_reply
from tests.support.cli_runner import uploaded_reply
from tests.support.flavours import SECRET

pytestmark = pytest.mark.anyio

CONTENT = b"".join(
    b'{"custom_id": "r%d", "method": "POST", "url": "/v1/embeddings", "body": {}}\n' % n for n in range(3000)
)
"""About 230 kB: more than a pipe's buffer, so the writer blocks until the upload reads it."""


@contextmanager
def pipe_with(content: bytes) -> Iterator[BinaryIO]:
    """The read end of a pipe, fed ``content`` by a thread, as ``cat requests.jsonl |`` would."""
    read_end, write_end = os.pipe()

    def feed() -> None:
        with os.fdopen(write_end, "wb") as writer:
            writer.write(content)

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    with os.fdopen(read_end, "rb") as reader:
        yield reader
    feeder.join(timeout=5)


def file_part(received: Received) -> bytes:
    """The content of the multipart body's ``file`` part."""
    boundary = received.headers["content-type"].partition("boundary=")[2].encode()
    part = received.body.split(b'name="file"', 1)[1]
    content = part.split(b"\r\n\r\n", 1)[1]
    return content.split(b"\r\n--" + boundary, 1)[0]


async def upload(flavour: str, url: str, file: Any, **options: Any) -> None:
    if flavour == "sync":
        with AnyAPI(api_key=SECRET, base_url=url, **options) as client:
            client.files.create(file=file, purpose="batch")
    else:
        async with AsyncAnyAPI(api_key=SECRET, base_url=url, **options) as aclient:
            await aclient.files.create(file=file, purpose="batch")


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def test_an_upload_from_a_pipe_sends_every_byte(fault_server: FaultServer, flavour: str) -> None:
    fault_server.script(uploaded_reply())
    with pipe_with(CONTENT) as pipe:
        await upload(flavour, fault_server.url, pipe)
    [received] = fault_server.received
    assert file_part(received) == CONTENT
    assert int(received.headers["content-length"]) == len(received.body)


@pytest.mark.parametrize("kind", ["bytes", "open-file", "pipe", "file-object"])
async def test_a_retried_upload_sends_the_same_bytes(
    fault_server: FaultServer, flavour: str, kind: str, tmp_path: Path
) -> None:
    fault_server.script(error_reply(503, {"retry-after-ms": "1"}), uploaded_reply())
    path = tmp_path / "requests.jsonl"
    path.write_bytes(CONTENT)
    with ExitStack() as files:
        sources: dict[str, Callable[[], Any]] = {
            "bytes": lambda: CONTENT,
            "open-file": lambda: files.enter_context(path.open("rb")),
            "pipe": lambda: files.enter_context(pipe_with(CONTENT)),
            "file-object": lambda: File(payload=io.BytesIO(CONTENT), file_name="requests.jsonl"),
        }
        given = sources[kind]()
        await upload(flavour, fault_server.url, given, retry_non_idempotent=True)
    first, second = fault_server.received
    assert file_part(first) == CONTENT
    assert second.body == first.body


async def test_a_retried_create_sends_the_same_bytes(fault_server: FaultServer) -> None:
    fault_server.script(error_reply(503, {"retry-after-ms": "1"}), json_reply(batch_body(status="validating")))
    with AnyAPI(api_key=SECRET, base_url=fault_server.url, retry_non_idempotent=True) as client:
        client.batches.create(
            input_file_id="file-abc123", endpoint="/v1/embeddings", completion_window="24h", metadata={"job": "é"}
        )
    first, second = fault_server.received
    assert first.body.startswith(b"{")
    assert second.body == first.body


async def test_a_file_opened_as_text_is_refused_before_sending(
    fault_server: FaultServer, flavour: str, tmp_path: Path
) -> None:
    path = tmp_path / "requests.jsonl"
    path.write_bytes(CONTENT)
    with path.open() as text, pytest.raises(TypeError, match=r"opened in binary mode \('rb'\)"):
        await upload(flavour, fault_server.url, text)
    assert fault_server.received == []


async def test_a_file_read_part_way_sends_the_rest(fault_server: FaultServer, flavour: str, tmp_path: Path) -> None:
    path = tmp_path / "requests.jsonl"
    path.write_bytes(b"skipped header line\n" + CONTENT)
    fault_server.script(uploaded_reply())
    with path.open("rb") as file:
        file.readline()
        await upload(flavour, fault_server.url, file)
    [received] = fault_server.received
    assert file_part(received) == CONTENT


async def test_a_buffer_read_part_way_sends_the_rest(fault_server: FaultServer, flavour: str) -> None:
    buffer = io.BytesIO(b"skipped header line\n" + CONTENT)
    buffer.readline()
    fault_server.script(uploaded_reply())
    await upload(flavour, fault_server.url, buffer)
    [received] = fault_server.received
    assert file_part(received) == CONTENT


class CountingTransport(httpx.BaseTransport):
    """Reads the request body chunk by chunk, keeping only its size, and answers with an uploaded file."""

    def __init__(self) -> None:
        self.body_bytes = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        for chunk in request.stream:
            self.body_bytes += len(chunk)
        return httpx.Response(200, content=uploaded_reply().body, headers={"content-type": "application/json"})


def test_a_file_on_disk_is_streamed_not_read_into_memory(tmp_path: Path) -> None:
    size = 16 * 2**20
    path = tmp_path / "big.jsonl"
    with path.open("wb") as file:
        file.truncate(size)
    transport = CountingTransport()
    client = AnyAPI(api_key=SECRET, base_url="http://127.0.0.1:9/v1", http_client=httpx.Client(transport=transport))
    tracemalloc.start()
    try:
        with path.open("rb") as file:
            client.files.create(file=file, purpose="batch")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert transport.body_bytes > size
    assert peak < size / 4, f"{peak} bytes held at once to upload a {size}-byte file"
