"""What goes over the wire: the path with its id as one encoded segment, and the identifying headers."""

from __future__ import annotations

import logging
import re

import pytest

import anyapi_batches
from devtools.fault_server import FaultServer, batch_reply
from devtools.openapi_document import spec
from tests.support.flavours import ApiFactory

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("batch_id", "segment"),
    [
        ("batch_abc123", "batch_abc123"),
        ("a/b", "a%2Fb"),
        ("../admin", "..%2Fadmin"),
        ("a?b=1", "a%3Fb%3D1"),
        ("a#b", "a%23b"),
        ("100%", "100%25"),
        ("%2F", "%252F"),
        ("a b", "a%20b"),
        ("bätch-批", "b%C3%A4tch-%E6%89%B9"),
        ("a\r\nX-Injected: 1", "a%0D%0AX-Injected%3A%201"),
    ],
)
async def test_batch_id_travels_as_one_encoded_segment(
    make_api: ApiFactory, fault_server: FaultServer, batch_id: str, segment: str
) -> None:
    fault_server.script(batch_reply())
    await make_api().retrieve(batch_id)
    received = fault_server.received[0]
    assert received.target == f"/v1/batches/{segment}"
    assert "x-injected" not in received.headers


@pytest.mark.parametrize("batch_id", ["", ".", ".."])
async def test_ids_that_are_no_segment_are_refused_before_sending(
    make_api: ApiFactory, fault_server: FaultServer, batch_id: str
) -> None:
    api = make_api()
    message = rf"^batch_id must be a non-empty id other than '\.' or '\.\.', got '{re.escape(batch_id)}'$"
    with pytest.raises(ValueError, match=message):
        await api.retrieve(batch_id)
    with pytest.raises(ValueError, match=message):
        await api.wait(batch_id, timeout=1, poll_interval=0.01)
    assert fault_server.received == []


async def test_id_that_is_no_string_is_refused_before_sending(make_api: ApiFactory, fault_server: FaultServer) -> None:
    with pytest.raises(TypeError, match=r"^batch_id must be a string, got int$"):
        await make_api().retrieve(123)  # type: ignore[arg-type]
    assert fault_server.received == []


async def test_request_identifies_the_package_and_its_version(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(batch_reply())
    await make_api().retrieve("batch_abc123")
    received = fault_server.received[0]
    assert received.method == "GET"
    assert anyapi_batches.__version__ == spec()["info"]["version"]
    assert received.headers["user-agent"].startswith(f"anyapi-batches/{anyapi_batches.__version__} ")


async def test_debug_log_shows_the_id_encoded(
    make_api: ApiFactory, fault_server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="anyapi_batches")
    fault_server.script(batch_reply())
    await make_api().retrieve("a\nforged line")
    [record] = [record for record in caplog.records if record.name == "anyapi_batches"]
    assert record.getMessage() == "GET /v1/batches/a%0Aforged%20line -> 200"
