"""Opening and closing: context managers, close(), and an httpx client the caller owns."""

from __future__ import annotations

import httpx
import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI
from devtools.fault_server import FaultServer, batch_reply
from tests.support.flavours import SECRET

pytestmark = pytest.mark.anyio


def test_sync_client_closes_its_own_pool_on_exit(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply())
    client = AnyAPI(api_key=SECRET, base_url=fault_server.url)
    with client as entered:
        assert entered is client
        entered.batches.retrieve("batch_abc123")
    with pytest.raises(RuntimeError, match="closed"):
        client.batches.retrieve("batch_abc123")
    assert len(fault_server.received) == 1


async def test_async_client_closes_its_own_pool_on_exit(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply())
    client = AsyncAnyAPI(api_key=SECRET, base_url=fault_server.url)
    async with client as entered:
        assert entered is client
        await entered.batches.retrieve("batch_abc123")
    with pytest.raises(RuntimeError, match="closed"):
        await client.batches.retrieve("batch_abc123")
    assert len(fault_server.received) == 1


def test_sync_client_uses_the_callers_http_client_and_leaves_it_open(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply())
    with httpx.Client(headers={"X-Caller": "yes"}) as http:
        with AnyAPI(api_key=SECRET, base_url=fault_server.url, http_client=http) as client:
            client.batches.retrieve("batch_abc123")
        assert not http.is_closed
        assert http.get(fault_server.url + "/batches/again").is_success
    assert fault_server.received[0].headers["x-caller"] == "yes"
    assert len(fault_server.received) == 2


async def test_async_client_uses_the_callers_http_client_and_leaves_it_open(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply())
    async with httpx.AsyncClient(headers={"X-Caller": "yes"}) as http:
        async with AsyncAnyAPI(api_key=SECRET, base_url=fault_server.url, http_client=http) as client:
            await client.batches.retrieve("batch_abc123")
        assert not http.is_closed
        assert (await http.get(fault_server.url + "/batches/again")).is_success
    assert fault_server.received[0].headers["x-caller"] == "yes"
    assert len(fault_server.received) == 2
