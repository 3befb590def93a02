"""Every request has a finite timeout, set per client or per call, and running out of it is an APITimeoutError."""

from __future__ import annotations

import time

import httpx
import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI, errors
from devtools.fault_server import FaultServer, Stall, batch_reply
from tests.support.flavours import SECRET, ApiFactory

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("client_options", "call_options"), [({"timeout": 0.2}, {}), ({}, {"timeout": 0.2})], ids=["client", "call"]
)
async def test_timeout_turns_a_stall_into_a_timeout_error(
    make_api: ApiFactory, fault_server: FaultServer, client_options: dict[str, float], call_options: dict[str, float]
) -> None:
    fault_server.script(Stall(5))
    api = make_api(max_retries=0, **client_options)
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError) as caught:
        await api.retrieve("batch_abc123", **call_options)
    assert time.monotonic() - started < 2
    assert isinstance(caught.value, errors.APIConnectionError)


async def test_call_timeout_overrides_the_client_timeout(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(Stall(0.3, then=batch_reply()))
    batch = await make_api(timeout=0.05, max_retries=0).retrieve("batch_abc123", timeout=5)
    assert batch.id == "batch_abc123"


async def test_timed_out_request_is_retried(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(Stall(5), batch_reply())
    batch = await make_api(timeout=0.2, max_retries=1).retrieve("batch_abc123")
    assert batch.id == "batch_abc123"
    assert len(fault_server.received) == 2


@pytest.mark.parametrize("client_class", [AnyAPI, AsyncAnyAPI])
def test_default_timeout_is_finite(client_class: type[AnyAPI | AsyncAnyAPI]) -> None:
    client = client_class(api_key=SECRET)
    assert client.timeout == httpx.Timeout(60.0, connect=5.0)
