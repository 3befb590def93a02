"""Streamed bodies (``files.content``): read as they arrive, bounded as documented, every failure a documented error.

``timeout`` bounds connecting and the headers as a whole, then each wait for more of the body;
``total_timeout`` bounds everything. The bounds asserted are the promised time plus a second.
"""

from __future__ import annotations

import gc
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI, AsyncStreamedBody, StreamedBody, errors
from anyapi_batches._runtime.streaming import not_parsed
from devtools.fault_server import Drip, FaultServer, Reset, Stall, error_reply, gzipped
from tests.support.flavours import SECRET
from tests.support.reachable import reachable_text
from tests.support.streams import Client, client, close, cut_off, flavour, make_client, octets, read_all, read_lines

__all__ = ["client", "flavour"]  # the fixtures these tests share with others

pytestmark = pytest.mark.anyio

SLACK = 1.0
"""Seconds a deadline may seem to be overrun by on a busy machine."""

BODY = b'{"line": 1}\r\n\n{"line": 3}\n{"line": 4}'


async def timed_out(fault_server: FaultServer, flavour: str, timeout: float, **options: Any) -> tuple[str, float]:
    """Read the scripted body with no retries, expecting APITimeoutError: its message and the seconds it took."""
    api = make_client(flavour, api_key=SECRET, base_url=fault_server.url, max_retries=0, timeout=timeout)
    started = time.monotonic()
    try:
        with pytest.raises(errors.APITimeoutError) as raised:
            await read_all(api, "file-abc123", **options)
    finally:
        await close(api)
    return str(raised.value), time.monotonic() - started


async def test_the_lines_come_as_sent_without_their_breaks(client: Client, fault_server: FaultServer) -> None:
    fault_server.script(octets(BODY))
    assert await read_lines(client, "file-abc123") == ['{"line": 1}', "", '{"line": 3}', '{"line": 4}']
    (request,) = fault_server.received
    assert (request.method, request.target) == ("GET", "/v1/files/file-abc123/content")
    assert request.headers["authorization"] == f"Bearer {SECRET}"


async def test_read_gives_the_whole_body(client: Client, fault_server: FaultServer) -> None:
    fault_server.script(octets(BODY))
    assert await read_all(client, "file-abc123") == BODY


async def test_a_line_split_across_many_pieces_comes_whole(client: Client, fault_server: FaultServer) -> None:
    long_line = "é" * 50_000  # two bytes each, so pieces of the body end inside a character too
    fault_server.script(Drip(octets(f"{long_line}\nlast\n".encode()), every=0))
    assert await read_lines(client, "file-abc123") == [long_line, "last"]


async def test_the_request_is_sent_only_when_the_body_is_used(client: Client, fault_server: FaultServer) -> None:
    fault_server.script(octets(BODY))
    body = client.files.content("file-abc123")
    assert fault_server.received == []
    if isinstance(body, StreamedBody):
        with body:
            assert len(fault_server.received) == 1
    else:
        async with body:
            assert len(fault_server.received) == 1


async def test_an_error_status_is_raised_before_any_body(client: Client, fault_server: FaultServer) -> None:
    fault_server.script(error_reply(404))
    with pytest.raises(errors.NotFoundError) as raised:
        await read_lines(client, "file-missing")
    assert raised.value.request_id == "req_404"
    assert raised.value.message == "Error code: 404 - scripted failure 404"
    assert raised.value.code == 404


async def test_what_fails_before_the_body_is_retried(client: Client, fault_server: FaultServer) -> None:
    fault_server.script(Reset(), error_reply(503, {"retry-after": "0"}), octets(BODY))
    assert await read_all(client, "file-abc123") == BODY
    assert len(fault_server.received) == 3


async def test_a_body_that_breaks_off_is_a_connection_error_and_not_resent(
    client: Client, fault_server: FaultServer
) -> None:
    fault_server.script(cut_off(octets(BODY), sent=12))
    with pytest.raises(errors.APIConnectionError) as raised:
        await read_lines(client, "file-abc123")
    assert type(raised.value) is errors.APIConnectionError
    # The body had started: a stream is not sent again behind its reader's back.
    assert len(fault_server.received) == 1
    assert SECRET not in reachable_text(raised.value)


@pytest.mark.parametrize("step", [Stall(5), Drip(octets(BODY), every=3)], ids=["no headers", "a pause in the body"])
async def test_the_headers_and_each_wait_for_more_are_bounded_by_the_timeout(
    fault_server: FaultServer, flavour: str, step: Stall | Drip
) -> None:
    fault_server.script(step)
    _, elapsed = await timed_out(fault_server, flavour, timeout=1)
    assert elapsed < 1 + SLACK


async def test_a_dripping_body_cannot_outlast_the_total_timeout(fault_server: FaultServer, flavour: str) -> None:
    # Each byte comes well within the timeout, so only the total bounds the transfer.
    fault_server.script(Drip(octets(b"x" * 1000), every=0.05))
    message, elapsed = await timed_out(fault_server, flavour, timeout=1, total_timeout=1.5)
    assert "total_timeout=1.5s" in message
    assert elapsed < 1.5 + SLACK


async def test_the_caller_s_own_pace_counts_against_the_total_timeout(fault_server: FaultServer) -> None:
    fault_server.script(Drip(octets(BODY), every=0.01))
    with (
        AnyAPI(api_key=SECRET, base_url=fault_server.url, max_retries=0) as api,
        api.files.content("file-abc123", total_timeout=0.5) as body,
        pytest.raises(errors.APITimeoutError),
    ):
        for _ in body.iter_bytes():
            time.sleep(0.3)


async def test_a_body_that_cannot_be_decoded_is_a_validation_error(client: Client, fault_server: FaultServer) -> None:
    fault_server.script(gzipped(octets(BODY * 100), corrupt=True))
    with pytest.raises(errors.ResponseValidationError, match="cannot be decoded"):
        await read_all(client, "file-abc123")


async def test_a_compressed_body_is_read_decompressed(client: Client, fault_server: FaultServer) -> None:
    fault_server.script(gzipped(octets(BODY)))
    assert await read_all(client, "file-abc123") == BODY


async def test_a_line_that_is_not_utf8_is_named(client: Client, fault_server: FaultServer) -> None:
    fault_server.script(octets(b"one\ntwo\n\xff\xfe three\nfour\n"))
    with pytest.raises(errors.ResponseValidationError, match=r"^line 3: not UTF-8 text"):
        await read_lines(client, "file-abc123")


@pytest.mark.parametrize("total_timeout", [0, -1, float("nan"), float("inf")])
async def test_a_total_timeout_that_is_no_span_of_time_is_refused_at_once(
    client: Client, fault_server: FaultServer, total_timeout: float
) -> None:
    with pytest.raises(ValueError, match=r"^total_timeout must be a finite number of seconds, more than 0, got "):
        client.files.content("file-abc123", total_timeout=total_timeout)
    with pytest.raises(ValueError, match="timeout"):
        client.files.content("file-abc123", timeout=float("nan"))
    assert fault_server.received == []


def test_a_body_is_read_once(fault_server: FaultServer) -> None:
    fault_server.script(octets(BODY))
    with AnyAPI(api_key=SECRET, base_url=fault_server.url) as api, api.files.content("file-abc123") as body:
        assert list(body.iter_bytes()) == [BODY]
        with pytest.raises(ValueError, match=r"^the body can be read once \(read\(\) keeps it for later calls\)$"):
            body.read()
    with pytest.raises(ValueError, match=r"^the body is closed; read it inside its with block$"):
        list(body.iter_lines())


def test_read_keeps_the_body_for_later_calls(fault_server: FaultServer) -> None:
    fault_server.script(octets(BODY))
    with AnyAPI(api_key=SECRET, base_url=fault_server.url) as api, api.files.content("file-abc123") as body:
        assert body.read() == BODY
        assert body.read() == BODY
        assert next(iter(body.iter_lines())) == '{"line": 1}'
    assert body.read() == BODY


async def test_async_headers_need_the_body_open(fault_server: FaultServer) -> None:
    fault_server.script(octets(BODY))
    async with AsyncAnyAPI(api_key=SECRET, base_url=fault_server.url) as api:
        body = api.files.content("file-abc123")
        assert isinstance(body, AsyncStreamedBody)
        with pytest.raises(ValueError, match="not sent yet"):
            _ = body.headers
        async with body:
            assert body.headers["content-length"] == str(len(BODY))


class Watched(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body in three pieces that records whether it was closed."""

    def __init__(self) -> None:
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield from (b"one\n", b"two\n", b"three\n")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self:
            yield piece

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def watched_client(stream: Watched) -> AnyAPI:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=stream))
    return AnyAPI(api_key=SECRET, base_url="http://files.test/v1", http_client=httpx.Client(transport=transport))


def test_leaving_the_block_early_closes_the_body() -> None:
    stream = Watched()
    with watched_client(stream) as api, api.files.content("file-abc123") as body:
        lines = body.iter_lines()
        assert next(lines) == "one"
        assert not stream.closed
    assert stream.closed


def test_a_body_iterated_outside_a_block_is_closed_when_dropped() -> None:
    stream = Watched()
    with watched_client(stream) as api:
        lines = api.files.content("file-abc123").iter_lines()
        assert next(lines) == "one"
        del lines
        gc.collect()
    assert stream.closed


async def test_an_async_body_is_closed_at_the_end_of_its_block() -> None:
    stream = Watched()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=stream))
    async with (
        AsyncAnyAPI(
            api_key=SECRET, base_url="http://files.test/v1", http_client=httpx.AsyncClient(transport=transport)
        ) as api,
        api.files.content("file-abc123") as body,
    ):
        async for line in body.aiter_lines():
            assert line == "one"
            break
    assert stream.closed


async def test_a_body_short_of_its_declared_length_is_refused_where_the_transport_does_not_check(
    flavour: str,
) -> None:
    # An in-memory stream, unlike h11 on a socket, does not hold a body to its Content-Length: the reader does.
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-length": "100"}, stream=Watched())

    transport = httpx.MockTransport(answer)
    options: dict[str, Any] = {"api_key": SECRET, "base_url": "http://files.test/v1", "max_retries": 0}
    api: Client
    if flavour == "sync":
        api = AnyAPI(**options, http_client=httpx.Client(transport=transport))
    else:
        api = AsyncAnyAPI(**options, http_client=httpx.AsyncClient(transport=transport))
    try:
        with pytest.raises(errors.APIConnectionError, match="after 14 bytes; its Content-Length declared 100"):
            await read_all(api, "file-abc123")
    finally:
        await close(api)


async def test_read_joins_a_body_that_came_in_many_pieces(client: Client, fault_server: FaultServer) -> None:
    fault_server.script(Drip(octets(BODY), every=0.005))  # a pause between bytes: each arrives as a piece of its own
    assert await read_all(client, "file-abc123") == BODY


async def test_a_pause_in_the_body_past_the_timeout_says_so(fault_server: FaultServer, flavour: str) -> None:
    fault_server.script(Drip(octets(BODY), every=2))
    message, _ = await timed_out(fault_server, flavour, timeout=0.5)
    assert message.startswith("Request timed out (no more of the body within the read timeout: ")


async def test_a_line_after_a_leading_break_is_counted_from_the_first_byte(
    client: Client, fault_server: FaultServer
) -> None:
    fault_server.script(octets(b"\none\n\xff\n"))
    with pytest.raises(errors.ResponseValidationError) as raised:
        await read_lines(client, "file-abc123")
    assert str(raised.value) == "line 3: not UTF-8 text (invalid start byte at byte 5)"


async def test_an_async_body_closed_by_hand_cannot_be_read(fault_server: FaultServer) -> None:
    fault_server.script(octets(BODY))
    async with AsyncAnyAPI(api_key=SECRET, base_url=fault_server.url) as api:
        body = api.files.content("file-abc123")
        await body.aclose()
        with pytest.raises(ValueError, match=r"^the body is closed; read it inside its async with block$"):
            await body.aread()
    assert fault_server.received == []


def test_a_streamed_call_is_never_parsed_as_json() -> None:
    with pytest.raises(TypeError, match=r"^a streamed call is sent with open_stream, not execute$"):
        not_parsed(b"{}", strict=True)


async def test_a_retry_pause_past_the_total_timeout_is_not_waited_for(
    client: Client, fault_server: FaultServer
) -> None:
    fault_server.script(error_reply(503, {"Retry-After": "3"}), octets(BODY))
    started = time.monotonic()
    with pytest.raises(errors.InternalServerError):
        await read_all(client, "file-abc123", total_timeout=1)
    assert time.monotonic() - started < 1 + SLACK
    assert len(fault_server.received) == 1


@pytest.mark.parametrize("step", [Stall(5), Drip(octets(BODY), every=3)], ids=["no headers", "a pause in the body"])
async def test_the_total_timeout_ends_a_wait_shorter_than_the_timeout(
    fault_server: FaultServer, flavour: str, step: Stall | Drip
) -> None:
    fault_server.script(step)
    _, elapsed = await timed_out(fault_server, flavour, timeout=10, total_timeout=1)
    assert elapsed < 1 + SLACK


async def test_a_last_line_without_a_break_comes_whole_from_many_pieces(
    client: Client, fault_server: FaultServer
) -> None:
    fault_server.script(Drip(octets(b"first\nthe last line"), every=0))
    assert await read_lines(client, "file-abc123") == ["first", "the last line"]


async def test_lines_are_counted_across_pieces(client: Client, fault_server: FaultServer) -> None:
    fault_server.script(Drip(octets(b"one\ntwo\nthree\n\xff\n"), every=0.01))
    with pytest.raises(errors.ResponseValidationError) as raised:
        await read_lines(client, "file-abc123")
    assert str(raised.value).startswith("line 4: not UTF-8 text")


async def test_a_read_still_waiting_when_the_total_timeout_passes_is_ended_then(
    fault_server: FaultServer, flavour: str
) -> None:
    # Each byte comes within the read timeout (the 2 s left of the total when the headers came), the second
    # one after the total has passed: only the watch kept on the socket ends the read at the total.
    fault_server.script(Drip(octets(BODY), every=1.9))
    _, elapsed = await timed_out(fault_server, flavour, timeout=10, total_timeout=2)
    assert elapsed < 2 + SLACK - 0.2


async def test_an_error_body_that_cannot_be_decoded_keeps_its_status(client: Client, fault_server: FaultServer) -> None:
    fault_server.script(gzipped(error_reply(404), corrupt=True))
    with pytest.raises(errors.NotFoundError) as raised:
        await read_all(client, "file-missing")
    assert raised.value.request_id == "req_404"
