"""Streamed bodies in tests: scripted answers that break off or come whole, and both clients behind one interface."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI
from anyapi_batches.workflows import BatchResult
from devtools.fault_server import FaultServer, Reply
from tests.support.flavours import SECRET

Client = AnyAPI | AsyncAnyAPI


@dataclass(frozen=True)
class Encoded(Reply):
    """A reply sent exactly as ``wire`` holds it: made once, up front, so that sending it allocates nothing."""

    wire: bytes = b""

    def encode(self) -> bytes:
        return self.wire


def encoded(reply: Reply) -> Encoded:
    return Encoded(wire=reply.encode())


def cut_off(reply: Reply, sent: int) -> Encoded:
    """``reply``, its ``Content-Length`` declaring the whole body, but only ``sent`` bytes of the body sent."""
    wire = reply.encode()
    return Encoded(wire=wire[: len(wire) - len(reply.body) + sent])


def octets(body: bytes, **headers: str) -> Reply:
    return Reply(200, body, {"Content-Type": "application/octet-stream", **headers})


def result_line(custom_id: str, status: int = 200, error: dict[str, Any] | None = None) -> dict[str, Any]:
    """A line of a result file: an answer with ``status``, or with ``error`` and no answer."""
    response = None if error else {"status_code": status, "request_id": f"req_{custom_id}", "body": {"ok": status}}
    return {"id": f"batch_req_{custom_id}", "custom_id": custom_id, "response": response, "error": error}


def jsonl(lines: Iterable[object]) -> bytes:
    return b"".join(json.dumps(line).encode() + b"\n" for line in lines)


def make_client(flavour: str, **options: Any) -> Client:
    return AnyAPI(**options) if flavour == "sync" else AsyncAnyAPI(**options)


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    """Each test that takes it runs with AnyAPI, then with AsyncAnyAPI."""
    return str(request.param)


@pytest.fixture
async def client(flavour: str, fault_server: FaultServer, fast_backoff: None) -> AsyncIterator[Client]:
    """A client of the flavour under test on the fault server: the test key, two retries without backoff, 5 s."""
    made = make_client(flavour, api_key=SECRET, base_url=fault_server.url, max_retries=2, timeout=5)
    yield made
    await close(made)


async def close(client: Client) -> None:
    if isinstance(client, AnyAPI):
        client.close()
    else:
        await client.close()


async def read_lines(client: Client, file_id: str, **options: Any) -> list[str]:
    if isinstance(client, AnyAPI):
        with client.files.content(file_id, **options) as body:
            return list(body.iter_lines())
    async with client.files.content(file_id, **options) as body:
        return [line async for line in body.aiter_lines()]


async def read_all(client: Client, file_id: str, **options: Any) -> bytes:
    if isinstance(client, AnyAPI):
        with client.files.content(file_id, **options) as body:
            return body.read()
    async with client.files.content(file_id, **options) as body:
        return await body.aread()


async def download(client: Client, file_id: str, path: Path, **options: Any) -> int:
    if isinstance(client, AnyAPI):
        return client.files.download(file_id, path, **options)
    return await client.files.download(file_id, path, **options)


async def results(client: Client, batch_id: str, **options: Any) -> list[BatchResult]:
    if isinstance(client, AnyAPI):
        return list(client.batches.results(batch_id, **options))
    return [result async for result in client.batches.results(batch_id, **options)]


def files_in(folder: Path) -> list[str]:
    """The names in ``folder``, hidden ones (a download's temporary file) included."""
    return sorted(path.name for path in folder.iterdir())
