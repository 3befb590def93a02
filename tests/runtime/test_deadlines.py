"""``timeout`` bounds each attempt from connecting to the last byte; a wait's ``timeout`` bounds the whole wait.

The bounds asserted are generous (the promised time plus a second): machines are noisy, and what matters is
that a server cannot hold a call for as long as it likes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import threading
import time
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI, errors
from anyapi_batches._runtime import attempts
from anyapi_batches._runtime.client import DEFAULT_TIMEOUT
from anyapi_batches._runtime.waiting import min_timeout
from devtools.fault_server import Drip, FaultServer, Stall, batch_reply, error_reply
from tests.support.flavours import SECRET, ApiFactory

pytestmark = pytest.mark.anyio

SLACK = 1.0
"""Seconds a deadline may seem to be overrun by on a busy machine."""


@pytest.mark.parametrize("head", [False, True], ids=["body", "whole-answer"])
async def test_a_dripping_server_cannot_outlast_the_timeout(
    make_api: ApiFactory, fault_server: FaultServer, head: bool
) -> None:
    fault_server.script(Drip(batch_reply(), every=0.5, head=head))
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError, match=r"no complete answer within 2s"):
        await make_api(timeout=2, max_retries=0).retrieve("batch_abc123")
    assert time.monotonic() - started < 2 + SLACK


async def test_a_sub_second_timeout_holds_against_a_dripping_server(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    # Each byte comes well within the read timeout; only the attempt's own deadline ends it, and a deadline
    # rounded up to a whole second would show here.
    fault_server.script(Drip(batch_reply(), every=0.05))
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError):
        await make_api(timeout=0.3, max_retries=0).retrieve("batch_abc123")
    assert time.monotonic() - started < 0.9


async def test_a_dripping_server_on_a_reused_connection_cannot_outlast_it(fault_server: FaultServer) -> None:
    # The first answer leaves the connection open for the second request, which gets the drip. Each byte
    # comes just within the timeout, so only cutting the read short, not a check between bytes, keeps the bound.
    kept_open = dataclasses.replace(batch_reply(), keep_alive=True)
    fault_server.script(kept_open, Drip(batch_reply(), every=1.9))
    with AnyAPI(api_key=SECRET, base_url=fault_server.url, timeout=2, max_retries=0) as client:
        client.batches.retrieve("batch_abc123")
        started = time.monotonic()
        with pytest.raises(errors.APITimeoutError):
            client.batches.retrieve("batch_abc123")
        assert time.monotonic() - started < 2 + SLACK
    assert len(fault_server.received) == 2
    assert fault_server.received[0].client_port == fault_server.received[1].client_port


def test_a_client_without_a_timeout_leaves_the_deadlines_of_others_in_force(fault_server: FaultServer) -> None:
    # One thread keeps every sync client's deadlines: a call that has none must not stop it for the rest.
    fault_server.script(batch_reply(), Drip(batch_reply(), every=0.5))
    with AnyAPI(api_key=SECRET, base_url=fault_server.url, timeout=None, max_retries=0) as unbounded:
        assert unbounded.batches.retrieve("batch_abc123").id == "batch_abc123"
    with AnyAPI(api_key=SECRET, base_url=fault_server.url, timeout=2, max_retries=0) as bounded:
        started = time.monotonic()
        with pytest.raises(errors.APITimeoutError):
            bounded.batches.retrieve("batch_abc123")
        assert time.monotonic() - started < 2 + SLACK


async def test_each_retry_gets_the_whole_timeout_again(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(Drip(batch_reply(), every=0.2), batch_reply())
    batch = await make_api(timeout=0.6, max_retries=1).retrieve("batch_abc123")
    assert batch.id == "batch_abc123"
    assert len(fault_server.received) == 2


async def test_an_httpx_timeout_bounds_the_attempt_by_its_largest_phase(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    fault_server.script(Drip(batch_reply(), every=0.3))
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError, match=r"within 1\.5s"):
        await make_api(timeout=httpx.Timeout(1.5, connect=0.5), max_retries=0).retrieve("batch_abc123")
    assert time.monotonic() - started < 1.5 + SLACK


async def test_a_fast_enough_answer_is_not_cut_short(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(Drip(batch_reply(), every=0.001))
    batch = await make_api(timeout=10, max_retries=0).retrieve("batch_abc123")
    assert batch.id == "batch_abc123"


@pytest.mark.parametrize(
    "step",
    [Stall(8), error_reply(503, {"retry-after": "3"}), Drip(batch_reply(), every=0.5)],
    ids=["stall", "retry-after", "drip"],
)
async def test_a_wait_bounds_every_retry_of_every_poll(
    make_api: ApiFactory, fault_server: FaultServer, step: Any
) -> None:
    fault_server.script(batch_reply(status="in_progress"), step)
    started = time.monotonic()
    with pytest.raises(errors.WaitTimeoutError) as caught:
        await make_api(max_retries=2).wait("batch_abc123", timeout=1.5, poll_interval=0.05)
    assert time.monotonic() - started < 1.5 + SLACK
    assert caught.value.batch is not None
    assert caught.value.batch.status == "in_progress"


async def test_a_retry_after_past_the_wait_deadline_is_not_slept_through(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    fault_server.script(error_reply(503, {"retry-after": "30"}))
    started = time.monotonic()
    with pytest.raises(errors.WaitTimeoutError):
        await make_api(max_retries=2).wait("batch_abc123", timeout=1, poll_interval=0.05)
    assert time.monotonic() - started < 1 + SLACK
    assert len(fault_server.received) == 1


BAD_SECONDS = [math.nan, math.inf, -math.inf, -1.0]


@pytest.mark.parametrize("client_class", [AnyAPI, AsyncAnyAPI])
@pytest.mark.parametrize("value", [*BAD_SECONDS, 0, httpx.Timeout(5, read=math.nan), httpx.Timeout(5, connect=-1)])
def test_a_client_timeout_that_is_no_span_of_time_is_refused(
    client_class: type[AnyAPI | AsyncAnyAPI], value: Any
) -> None:
    with pytest.raises(ValueError, match="timeout"):
        client_class(api_key=SECRET, timeout=value)


@pytest.mark.parametrize("value", BAD_SECONDS)
async def test_a_call_timeout_that_is_no_span_of_time_is_refused_before_sending(
    make_api: ApiFactory, fault_server: FaultServer, value: float
) -> None:
    with pytest.raises(ValueError, match="timeout must be a finite number of seconds"):
        await make_api().retrieve("batch_abc123", timeout=value)
    assert fault_server.received == []


@pytest.mark.parametrize("client_class", [AnyAPI, AsyncAnyAPI])
@pytest.mark.parametrize("value", [math.nan, math.inf, -1, 1.5])
def test_max_retries_must_be_a_whole_number(client_class: type[AnyAPI | AsyncAnyAPI], value: Any) -> None:
    with pytest.raises(ValueError, match="max_retries must be a whole number, 0 or more"):
        client_class(api_key=SECRET, max_retries=value)


@pytest.mark.parametrize("client_class", [AnyAPI, AsyncAnyAPI])
@pytest.mark.parametrize("option", ["timeout", "max_retries"])
def test_an_option_that_is_no_number_is_a_type_error(client_class: type[AnyAPI | AsyncAnyAPI], option: str) -> None:
    options: dict[str, Any] = {option: "2"}
    with pytest.raises(TypeError, match=option):
        client_class(api_key=SECRET, **options)


@pytest.mark.parametrize(
    ("timeout", "poll_interval", "named"),
    [
        *((value, 1.0, "timeout") for value in [*BAD_SECONDS, 0]),
        *((5.0, value, "poll_interval") for value in [*BAD_SECONDS, 0]),
    ],
)
async def test_wait_timing_that_is_no_span_of_time_is_refused_before_polling(
    make_api: ApiFactory, fault_server: FaultServer, timeout: float, poll_interval: float, named: str
) -> None:
    with pytest.raises(ValueError, match=f"{named} must be a finite number of seconds, more than 0"):
        await make_api().wait("batch_abc123", timeout=timeout, poll_interval=poll_interval)
    assert fault_server.received == []


async def test_a_poll_with_no_time_left_times_out_instead_of_failing_the_argument_check(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    # What wait() hands its last poll when the deadline comes between its check and the poll itself.
    fault_server.script(Stall(5))
    with pytest.raises(errors.APITimeoutError):
        await make_api().retrieve("batch_abc123", timeout=min_timeout(DEFAULT_TIMEOUT, 0.0))


async def test_one_phase_limit_ends_an_attempt_before_the_whole_timeout(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    fault_server.script(Stall(2, then=batch_reply()))
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError) as caught:
        await make_api(timeout=httpx.Timeout(5, read=0.3), max_retries=0).retrieve("batch_abc123")
    assert time.monotonic() - started < 0.3 + SLACK
    assert caught.value.message == "Request timed out (ReadTimeout)."


async def test_a_retry_late_in_a_poll_still_ends_at_the_wait_deadline(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    # The retry starts 1.2 s into a 1.5 s wait: the poll's own budget, counted from its start, would let it run
    # on to 2.7 s; the wait's deadline must cut it at 1.5 s.
    fault_server.script(error_reply(503, {"retry-after-ms": "1200"}), Stall(8))
    started = time.monotonic()
    with pytest.raises(errors.WaitTimeoutError):
        await make_api(max_retries=2).wait("batch_abc123", timeout=1.5, poll_interval=0.05)
    assert time.monotonic() - started < 1.5 + SLACK
    assert len(fault_server.received) == 2


async def test_within_a_wait_each_poll_keeps_the_client_timeout(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    # A poll that stalls past the client's 0.5 s is given up and made again, not waited on until the wait's end.
    fault_server.script(Stall(5, then=batch_reply(status="in_progress")), batch_reply())
    started = time.monotonic()
    batch = await make_api(timeout=0.5, max_retries=0).wait("batch_abc123", timeout=10, poll_interval=0.01)
    assert batch.status == "completed"
    assert time.monotonic() - started < 0.5 + SLACK


def test_the_deadline_thread_is_named_and_never_keeps_a_program_from_exiting(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply())
    with AnyAPI(api_key=SECRET, base_url=fault_server.url, max_retries=0) as client:
        client.batches.retrieve("batch_abc123")
    # Other tests start watchdogs of their own; each is a daemon.
    watchdogs = [thread for thread in threading.enumerate() if thread.name == "anyapi-batches-deadlines"]
    assert watchdogs
    assert all(thread.daemon for thread in watchdogs)


class NegotiatedStream:
    """Stands in for an httpcore network stream: what TLS negotiated, or no TLS at all."""

    def __init__(self, protocol: str | None) -> None:
        self.protocol = protocol

    def get_extra_info(self, name: str) -> object:
        if name != "ssl_object" or self.protocol is None:
            return None
        return SimpleNamespace(selected_alpn_protocol=lambda: self.protocol)


@pytest.mark.parametrize(("protocol", "shared"), [("h2", True), ("http/1.1", False), (None, False)])
def test_only_an_http2_connection_is_left_open_at_a_deadline(protocol: str | None, shared: bool) -> None:
    # Its socket carries other requests too: shutting it down would fail them all.
    assert attempts.multiplexed(NegotiatedStream(protocol)) is shared


def test_a_call_keeps_its_deadline_while_other_calls_end_around_it(fault_server: FaultServer) -> None:
    # One watchdog serves every sync call: each call that ends must leave the others' deadlines in its care.
    dripping = FaultServer()
    outcome: dict[str, float] = {}

    def held_call() -> None:
        started = time.monotonic()
        with (
            AnyAPI(api_key=SECRET, base_url=dripping.url, timeout=2, max_retries=0) as client,
            contextlib.suppress(errors.APITimeoutError),
        ):
            client.batches.retrieve("batch_abc123")
        outcome["elapsed"] = time.monotonic() - started

    try:
        dripping.script(Drip(batch_reply(), every=0.3))
        fault_server.script(batch_reply())
        caller = threading.Thread(target=held_call)
        caller.start()
        time.sleep(0.5)
        with AnyAPI(api_key=SECRET, base_url=fault_server.url, max_retries=0) as quick:
            for _ in range(3):
                quick.batches.retrieve("batch_abc123")
        caller.join(2 + SLACK)
    finally:
        dripping.stop()
    assert outcome["elapsed"] < 2 + SLACK
