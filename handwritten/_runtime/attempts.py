"""One attempt at a request, bounded as a whole: from connecting to the last byte of the body.

httpx bounds each phase and each read on its own, so a server that drips its
body a byte at a time (each byte well within the read timeout) holds a call for
as long as it likes. Here an attempt gets a deadline instead:

- async: a cancel scope (anyio's, so asyncio and trio alike) around the whole
  attempt; cancellation interrupts whatever is awaited when time is up;
- sync: a blocked ``recv`` cannot be interrupted from its own thread, so one
  watchdog thread shuts down the socket of an attempt that is still running at
  its deadline; ``shutdown`` (unlike ``close``) wakes the blocked read at once.
  The watchdog learns the socket when the connection is made (httpcore's trace
  hook) or, for a connection taken from the pool, when the response headers
  arrive; every phase's own timeout is also cut down to the time left. (So on
  a kept-alive connection, until the headers are in, each read is bounded by
  the time left but not the reads together: httpcore tells no hook which pooled
  connection it took.)

Failures leave as this package's errors, raised outside the ``except`` clause
that caught httpx's: an httpx exception holds the request, and with it the
``Authorization`` header, so it must not become the ``__context__`` of ours.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import math
import os
import socket
import threading
import time
from typing import Any

import httpx

from .errors import APIConnectionError, APIError, APITimeoutError, ResponseValidationError, status_error

TimeoutTypes = float | httpx.Timeout | None

NEW_CONNECTION_EVENTS = frozenset({"connection.connect_tcp.complete", "connection.start_tls.complete"})


class Deadline:
    """A point in ``time.monotonic()`` time (``math.inf`` when there is none), and the span it was set for."""

    __slots__ = ("at", "seconds")

    def __init__(self, at: float, seconds: float) -> None:
        self.at = at
        self.seconds = seconds

    @classmethod
    def after(cls, seconds: float | None, *, within: Deadline | None = None) -> Deadline:
        """``seconds`` from now (None: no limit), or ``within``'s end if that comes first."""
        span = math.inf if seconds is None else seconds
        if within is not None and within.remaining() < span:
            span = max(within.remaining(), 0.0)
        return cls(time.monotonic() + span, span)

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def passed(self) -> bool:
        return time.monotonic() >= self.at


def attempt_seconds(timeout: TimeoutTypes) -> float | None:
    """How long one attempt may take in all: a number itself, an httpx.Timeout's largest phase; None: unbounded."""
    if not isinstance(timeout, httpx.Timeout):
        return timeout
    phases = [limit for limit in (timeout.connect, timeout.read, timeout.write, timeout.pool) if limit is not None]
    # An httpx.Timeout with a phase left unbounded bounds no attempt as a whole, as httpx would not either.
    return max(phases) if len(phases) == 4 else None


def phase_limits(timeout: TimeoutTypes, deadline: Deadline) -> dict[str, float | None]:
    """httpx's per-phase timeouts (the dict it keeps in ``request.extensions``), none beyond the deadline."""
    if isinstance(timeout, httpx.Timeout):
        phases = timeout.as_dict()
    else:
        phases = {"connect": timeout, "read": timeout, "write": timeout, "pool": timeout}
    left = max(deadline.remaining(), 0.0)
    if left == math.inf:
        return phases
    return {phase: left if limit is None else min(limit, left) for phase, limit in phases.items()}


def timed_out(deadline: Deadline) -> APITimeoutError:
    return APITimeoutError(f"Request timed out (no complete answer within {deadline.seconds:g}s).")


def connection_error(error: httpx.HTTPError, deadline: Deadline) -> APIConnectionError:
    """This package's error for an httpx failure; a failure at or after the deadline is the deadline's doing."""
    if deadline.passed():
        return timed_out(deadline)
    if isinstance(error, httpx.TimeoutException):
        # One phase's own limit (connecting, say), shorter than the attempt's.
        return APITimeoutError(f"Request timed out ({type(error).__name__}).")
    # A refused connection is the one failure after which the request provably never left.
    refused = isinstance(error, httpx.ConnectError)
    return APIConnectionError(f"Connection error ({type(error).__name__}: {error}).", reached_server=not refused)


BODY_FAILURES = (httpx.DecodingError, httpx.TransportError)


def body_failure(response: httpx.Response, error: httpx.HTTPError, deadline: Deadline) -> APIError:
    """This package's error for a body that stopped arriving, or that its Content-Encoding cannot be undone for.

    httpx decompresses, and says when it cannot (a corrupt gzip stream, say): that is a body not to be trusted
    on a success, and an error status whose body is lost otherwise.
    """
    if not isinstance(error, httpx.DecodingError):
        return connection_error(error, deadline)
    if response.is_success:
        return ResponseValidationError(f"$: the {response.status_code} response body cannot be decoded ({error})")
    return status_error(response, content=b"")


class Watchdog:
    """One daemon thread that shuts down the sockets of sync attempts still running at their deadlines."""

    def __init__(self) -> None:
        self._start_afresh()
        # A forked child has none of the parent's threads: it starts its own watchdog when it needs one.
        os.register_at_fork(after_in_child=self._start_afresh)

    def _start_afresh(self) -> None:
        self._lock = threading.Condition()
        self._queue: list[tuple[float, int, Guard]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def guard(self, deadline: Deadline) -> Guard:
        return Guard(self, deadline)

    def _arm(self, guard: Guard) -> None:
        with self._lock:
            heapq.heappush(self._queue, (guard.deadline.at, next(self._order), guard))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="anyapi-batches-deadlines", daemon=True)
                self._thread.start()
            self._lock.notify()

    def _release(self, guard: Guard) -> None:
        with self._lock:
            guard.sockets.clear()
            guard.released = True
            # Attempts mostly end in the order they started: dropping ended ones from the top keeps the queue short.
            while self._queue and self._queue[0][2].released:
                heapq.heappop(self._queue)

    def _run(self) -> None:
        with self._lock:
            while True:
                if not self._queue:
                    self._lock.wait()
                    continue
                at, _, guard = self._queue[0]
                delay = at - time.monotonic()
                if delay > 0:
                    self._lock.wait(delay)
                    continue
                heapq.heappop(self._queue)
                for sock in guard.sockets:
                    # A socket closed meanwhile has nothing left to interrupt.
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)


class Guard:
    """The watchdog's hold on one attempt: the sockets it uses, until it ends."""

    __slots__ = ("deadline", "released", "sockets", "watchdog")

    def __init__(self, watchdog: Watchdog, deadline: Deadline) -> None:
        self.watchdog = watchdog
        self.deadline = deadline
        self.sockets: list[socket.socket] = []
        self.released = False

    def watch(self, stream: Any) -> None:
        """Take the socket of an httpcore network stream into the attempt's care."""
        # An attempt without a deadline (timeout=None) has nothing to enforce; armed, its endless wait would
        # overflow the watchdog's timed wait and end the thread that keeps every other client's deadlines.
        if self.deadline.at == math.inf:
            return
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket) or sock in self.sockets or multiplexed(stream):
            return
        self.sockets.append(sock)
        if len(self.sockets) == 1:
            self.watchdog._arm(self)

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: the stream of a new connection, as soon as it is made."""
        if event in NEW_CONNECTION_EVENTS:
            self.watch(info.get("return_value"))

    def release(self) -> None:
        if self.sockets:
            self.watchdog._release(self)


WATCHDOG = Watchdog()


def multiplexed(stream: Any) -> bool:
    """Whether a connection is HTTP/2 (negotiated over TLS), whose socket carries other requests too.

    Shutting it down would fail them all, so such an attempt is bounded by its phase timeouts alone.
    """
    ssl_object = stream.get_extra_info("ssl_object")
    return ssl_object is not None and ssl_object.selected_alpn_protocol() == "h2"


def send(
    http: httpx.Client,
    request: httpx.Request,
    timeout: TimeoutTypes,
    within: Deadline | None = None,
    *,
    streamed: bool = False,
) -> tuple[httpx.Response, bytes]:
    """One attempt, bounded by ``timeout`` (and by ``within``, if that ends sooner): the response and its body.

    ``streamed``: a success is returned as soon as its headers are in, its body unread (``b""`` stands for it) and
    the response open; its reader bounds the body (``streaming``). An error status is read whole either way.
    """
    deadline = Deadline.after(attempt_seconds(timeout), within=within)
    request.extensions["timeout"] = phase_limits(timeout, deadline)
    guard = WATCHDOG.guard(deadline)
    request.extensions["trace"] = guard.trace
    failure: APIError  # set on every path that does not return
    try:
        try:
            response = http.send(request, stream=True)
        except httpx.TransportError as error:
            failure = connection_error(error, deadline)
        else:
            guard.watch(response.extensions.get("network_stream"))
            if streamed and response.is_success:
                return response, b""
            try:
                return response, response.read()
            except BODY_FAILURES as error:
                failure = body_failure(response, error, deadline)
            finally:
                response.close()
    finally:
        guard.release()
    raise failure


async def async_send(
    http: httpx.AsyncClient,
    request: httpx.Request,
    timeout: TimeoutTypes,
    within: Deadline | None = None,
    *,
    streamed: bool = False,
) -> tuple[httpx.Response, bytes]:
    """``send`` for the async client: a cancel scope ends the attempt at its deadline, whatever it awaits."""
    import anyio  # httpx's own dependency; imported here so that a sync-only program never pays for it

    deadline = Deadline.after(attempt_seconds(timeout), within=within)
    request.extensions["timeout"] = phase_limits(timeout, deadline)
    failure: APIError  # set on every path that does not return
    with anyio.CancelScope(deadline=anyio.current_time() + max(deadline.remaining(), 0.0)) as scope:
        try:
            response = await http.send(request, stream=True)
        except httpx.TransportError as error:
            failure = connection_error(error, deadline)
        else:
            if streamed and response.is_success:
                return response, b""
            try:
                return response, await response.aread()
            except BODY_FAILURES as error:
                failure = body_failure(response, error, deadline)
            finally:
                await response.aclose()
    raise timed_out(deadline) if scope.cancelled_caught else failure


async def async_sleep(seconds: float) -> None:
    """Sleep on whichever event loop runs (asyncio or trio)."""
    # Imported here, where an event loop already runs: a sync-only program never pays for importing anyio.
    import anyio

    await anyio.sleep(seconds)
