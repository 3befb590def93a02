"""Which failures are tried again, how often, and how long the client waits first."""

from __future__ import annotations

import time
from email.utils import formatdate

import pytest

from anyapi_batches import errors
from devtools.fault_server import FaultServer, Reset, batch_reply, error_reply
from devtools.loopback import LOOPBACK, free_port
from tests.support.flavours import ApiFactory

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("fast_backoff")]


async def test_503_then_200_returns_the_batch(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(error_reply(503), batch_reply())
    batch = await make_api().retrieve("batch_abc123")
    assert batch.id == "batch_abc123"
    assert len(fault_server.received) == 2


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 520])
async def test_transient_status_is_tried_max_retries_more_times(
    make_api: ApiFactory, fault_server: FaultServer, status: int
) -> None:
    fault_server.script(error_reply(status))
    with pytest.raises(errors.APIStatusError) as caught:
        await make_api(max_retries=2).retrieve("batch_abc123")
    assert caught.value.status_code == status
    assert len(fault_server.received) == 3


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422, 499])
async def test_other_client_errors_are_never_retried(
    make_api: ApiFactory, fault_server: FaultServer, status: int
) -> None:
    fault_server.script(error_reply(status), batch_reply())
    with pytest.raises(errors.APIStatusError):
        await make_api().retrieve("batch_abc123")
    assert len(fault_server.received) == 1


async def test_max_retries_zero_sends_one_request(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(error_reply(503), batch_reply())
    with pytest.raises(errors.InternalServerError):
        await make_api(max_retries=0).retrieve("batch_abc123")
    assert len(fault_server.received) == 1


async def test_connection_reset_is_retried(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(Reset(), batch_reply())
    batch = await make_api().retrieve("batch_abc123")
    assert batch.status == "completed"
    assert len(fault_server.received) == 2


async def test_refused_connection_raises_connection_error(make_api: ApiFactory) -> None:
    api = make_api(base_url=f"http://{LOOPBACK}:{free_port()}/v1")
    with pytest.raises(errors.APIConnectionError, match="ConnectError") as caught:
        await api.retrieve("batch_abc123")
    assert not isinstance(caught.value, errors.APITimeoutError)


async def test_resets_beyond_the_retries_raise_connection_error(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    fault_server.script(Reset())
    with pytest.raises(errors.APIConnectionError) as caught:
        await make_api(max_retries=1).retrieve("batch_abc123")
    assert not isinstance(caught.value, errors.APITimeoutError)
    assert len(fault_server.received) == 2


@pytest.mark.parametrize("header", ["retry-after-ms", "retry-after"])
async def test_rate_limit_waits_as_long_as_the_server_asks(
    make_api: ApiFactory, fault_server: FaultServer, header: str
) -> None:
    asked = {"retry-after-ms": "200", "retry-after": "0.2"}[header]
    fault_server.script(error_reply(429, {header: asked}), batch_reply())
    await make_api().retrieve("batch_abc123")
    assert len(fault_server.received) == 2
    assert fault_server.gaps()[0] >= 0.2


@pytest.mark.parametrize(
    "headers",
    [
        {"retry-after": "120"},
        {"retry-after-ms": "120000"},
        {"retry-after": formatdate(time.time() + 3600, usegmt=True)},
    ],
    ids=["seconds", "milliseconds", "http-date"],
)
async def test_too_long_retry_after_raises_at_once(
    make_api: ApiFactory, fault_server: FaultServer, headers: dict[str, str]
) -> None:
    fault_server.script(error_reply(429, headers), batch_reply())
    api = make_api()
    started = time.monotonic()
    with pytest.raises(errors.RateLimitError) as caught:
        await api.retrieve("batch_abc123")
    assert time.monotonic() - started < 1
    assert len(fault_server.received) == 1
    assert caught.value.headers.keys() >= headers.keys()


async def test_retry_after_ms_wins_over_retry_after(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(error_reply(503, {"retry-after-ms": "10", "retry-after": "120"}), batch_reply())
    await make_api().retrieve("batch_abc123")
    assert len(fault_server.received) == 2


@pytest.mark.parametrize("milliseconds", ["soon", "nan", "inf", ""])
async def test_an_unreadable_retry_after_ms_falls_back_to_retry_after(
    make_api: ApiFactory, fault_server: FaultServer, milliseconds: str
) -> None:
    # The backoff is shrunk to a millisecond here, so only Retry-After can account for the gap.
    fault_server.script(error_reply(503, {"retry-after-ms": milliseconds, "retry-after": "0.3"}), batch_reply())
    await make_api().retrieve("batch_abc123")
    assert len(fault_server.received) == 2
    assert fault_server.gaps()[0] >= 0.3


@pytest.mark.parametrize("value", ["soon", "nan", "-5", ""])
async def test_unreadable_retry_after_falls_back_to_backoff(
    make_api: ApiFactory, fault_server: FaultServer, value: str
) -> None:
    fault_server.script(error_reply(503, {"retry-after": value}), batch_reply())
    await make_api().retrieve("batch_abc123")
    assert len(fault_server.received) == 2


async def test_negative_max_retries_is_refused(make_api: ApiFactory) -> None:
    with pytest.raises(ValueError, match="max_retries"):
        make_api(max_retries=-1)
