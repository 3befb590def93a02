"""Bodies read as they arrive: the answer of an operation whose success is not JSON (a file's bytes, say).

``StreamedBody`` (``AsyncStreamedBody`` for the async client) is what such an operation returns. Its
request is sent when the body is first used (``with``, or the first read), with the client's retries for
whatever fails before the body starts (``retries.transient``). Once the body has started nothing is sent
again, and nothing is held in memory but the chunk at hand, unless ``read()`` asks for the whole body.

Deadlines. A file of a gigabyte cannot arrive within the minute that bounds an ordinary call, so:

- ``timeout`` bounds each attempt from connecting to the answer's headers, as a whole (``attempts``), and
  then each wait for more of the body: a number, that many seconds; an ``httpx.Timeout``, its read phase.
  It does not bound the transfer as a whole.
- ``total_timeout`` (seconds; None, the default, sets no limit) bounds everything from sending the request
  to the last byte: every attempt, every pause before a retry, and the body, the time the caller's own loop
  takes between reads included. A sync body is held to it by the watchdog of ``attempts``, which shuts its
  socket at the deadline, an async one by a cancel scope around each read.

So a server that drips its body keeps a stream going only while each piece comes within ``timeout`` of the
last, and never past ``total_timeout``.

Failures while reading become this package's errors, raised outside the handler of httpx's own (whose
request carries the API key): a lost connection, a read timeout and fewer (or more) bytes than the
``Content-Length`` declared are an ``APIConnectionError`` (``APITimeoutError`` for time), a body whose
Content-Encoding cannot be undone or a line that is not UTF-8 a ``ResponseValidationError``. The response
is closed whatever happens.
"""

from __future__ import annotations

import math
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import NoReturn, Self

import httpx

from . import arguments
from .attempts import BODY_FAILURES, WATCHDOG, Deadline, Guard, TimeoutTypes, async_send, body_failure, send
from .errors import APIConnectionError, APIError, APITimeoutError, ResponseValidationError, status_error


def not_parsed(body: object, *, strict: bool) -> NoReturn:
    """The ``Call.parse`` of a streamed call: its body goes to its reader undecoded, never through ``execute``."""
    raise TypeError("a streamed call is sent with open_stream, not execute")


def total_limit(total_timeout: object) -> float | None:
    """``total_timeout`` checked: None, or a finite number of seconds more than 0."""
    return None if total_timeout is None else arguments.seconds("total_timeout", total_timeout)


def transfer_timed_out(total: Deadline) -> APITimeoutError:
    return APITimeoutError(f"Request timed out (the body did not arrive within total_timeout={total.seconds:g}s).")


class OpenBody:
    """The open response of a streamed call, and the deadline its body must keep: what the readers share."""

    __slots__ = ("preloaded", "response", "total")

    def __init__(self, response: httpx.Response, total: Deadline) -> None:
        self.response = response
        self.total = total
        self.preloaded = response.is_stream_consumed
        """The transport handed the body over whole, already in memory (an in-memory mock, say)."""

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.total.at)

    @property
    def declared_length(self) -> int | None:
        """The length the ``Content-Length`` header declares (the bytes on the wire), if it does."""
        declared = self.response.headers.get("content-length", "")
        return int(declared) if declared.isascii() and declared.isdigit() else None

    @property
    def received(self) -> int:
        """The bytes received so far, as they came over the wire (before any Content-Encoding is undone)."""
        return len(self.response.content) if self.preloaded else self.response.num_bytes_downloaded

    def failure(self, error: httpx.HTTPError) -> APIError:
        if self.total.passed():
            return transfer_timed_out(self.total)
        if isinstance(error, httpx.TimeoutException):
            return APITimeoutError(f"Request timed out (no more of the body within the read timeout: {error}).")
        return body_failure(self.response, error, self.total)

    def incomplete(self) -> APIConnectionError | None:
        """The error for a body that ended short of (or past) its declared length; None when it did not."""
        declared, received = self.declared_length, self.received
        if declared is None or received == declared or self.preloaded:
            return None
        return APIConnectionError(
            f"Connection error (the body ended after {received} bytes; its Content-Length declared {declared})."
        )


class SyncOpenBody(OpenBody):
    __slots__ = ("_guard",)

    def __init__(self, response: httpx.Response, total: Deadline) -> None:
        super().__init__(response, total)
        self._guard: Guard | None = None
        if self.bounded:
            # The attempt's guard watched up to the headers; this one holds the body to the whole call's deadline.
            self._guard = WATCHDOG.guard(total)
            self._guard.watch(response.extensions.get("network_stream"))

    def chunks(self) -> Iterator[bytes]:
        """The body, decoded as its Content-Encoding says, in the pieces it arrives in."""
        failure: APIError | None = None
        try:
            for chunk in self.response.iter_bytes():
                # The watchdog needs a socket; a transport without one (in memory, say) is held to the deadline here.
                if self.bounded and self.total.passed():
                    failure = transfer_timed_out(self.total)
                    break
                yield chunk
            else:
                failure = self.incomplete()
        except BODY_FAILURES as error:
            failure = self.failure(error)
        finally:
            self.close()
        if failure is not None:
            raise failure

    def close(self) -> None:
        self.response.close()
        if self._guard is not None:
            self._guard.release()


class AsyncOpenBody(OpenBody):
    __slots__ = ()

    async def chunks(self) -> AsyncIterator[bytes]:
        """The body, decoded as its Content-Encoding says, in the pieces it arrives in."""
        # httpx's own dependency; imported here so that a sync-only program never pays for it.
        import anyio

        pieces = self.response.aiter_bytes()
        failure: APIError | None = None
        try:
            while failure is None:
                try:
                    if self.bounded:
                        with anyio.fail_after(max(self.total.remaining(), 0.0)):
                            chunk = await anext(pieces)
                    else:
                        chunk = await anext(pieces)
                except StopAsyncIteration:
                    failure = self.incomplete()
                    break
                except TimeoutError:
                    failure = transfer_timed_out(self.total)
                except BODY_FAILURES as error:
                    failure = self.failure(error)
                else:
                    yield chunk
        finally:
            if isinstance(pieces, AsyncGenerator):
                await pieces.aclose()
            await self.close()
        if failure is not None:
            raise failure

    async def close(self) -> None:
        await self.response.aclose()


def open_body(http: httpx.Client, request: httpx.Request, timeout: TimeoutTypes, total: Deadline) -> SyncOpenBody:
    """One attempt at a streamed request: its body, open at its first byte; an error status raised."""
    response, _ = send(http, request, timeout, total, streamed=True)
    if not response.is_success:
        raise status_error(response)  # send read the error's body into the response
    return SyncOpenBody(response, total)


async def async_open_body(
    http: httpx.AsyncClient, request: httpx.Request, timeout: TimeoutTypes, total: Deadline
) -> AsyncOpenBody:
    """``open_body`` for the async client."""
    response, _ = await async_send(http, request, timeout, total, streamed=True)
    if not response.is_success:
        raise status_error(response)
    return AsyncOpenBody(response, total)


class LineSplitter:
    """Splits a body into its lines as chunks arrive, and decodes each as UTF-8, naming the line of any error.

    A line ends at ``\\n`` (a ``\\r`` before it goes too); a last line without one still counts. Lines are
    decoded a block at a time (all the whole lines of a chunk at once), which costs far less than line by line.
    """

    __slots__ = ("_pending", "lines")

    def __init__(self) -> None:
        self._pending: list[bytes] = []
        self.lines = 0
        """How many lines were handed out so far."""

    def feed(self, chunk: bytes) -> list[str]:
        """The lines that ``chunk`` completes."""
        end = chunk.rfind(b"\n")
        if end < 0:
            if chunk:
                self._pending.append(chunk)
            return []
        if self._pending:
            self._pending.append(chunk[:end])
            block = b"".join(self._pending)
        else:
            block = chunk[:end]
        rest = chunk[end + 1 :]
        self._pending = [rest] if rest else []
        return self._decoded(block)

    def finish(self) -> list[str]:
        """The last line, when the body does not end with a line break."""
        if not self._pending:
            return []
        block = b"".join(self._pending)
        self._pending = []
        return self._decoded(block)

    def _decoded(self, block: bytes) -> list[str]:
        try:
            text = block.decode("utf-8")
        except UnicodeDecodeError as error:
            failure = self._not_text(block, error)
        else:
            lines = text.split("\n")
            if "\r" in text:
                lines = [line.removesuffix("\r") for line in lines]
            self.lines += len(lines)
            return lines
        raise failure

    def _not_text(self, block: bytes, error: UnicodeDecodeError) -> ResponseValidationError:
        line = self.lines + block.count(b"\n", 0, error.start) + 1
        return ResponseValidationError(f"line {line}: not UTF-8 text ({error.reason} at byte {error.start})")


class NotReadable(ValueError):
    """A body read a second time, or after it was closed."""


class BodyState:
    """What sync and async bodies share: whether they may still be read, and the whole body once read."""

    __slots__ = ("block", "closed", "content", "started")

    def __init__(self, block: str) -> None:
        self.block = block
        self.started = False
        self.closed = False
        self.content: bytes | None = None

    def check_open(self) -> None:
        if self.closed:
            raise NotReadable(f"the body is closed; read it inside its {self.block} block")

    def start_reading(self) -> None:
        self.check_open()
        if self.started:
            raise NotReadable("the body can be read once (read() keeps it for later calls)")
        self.started = True


class StreamedBody:
    """The body of an answer, read as it arrives. Use it as a context manager::

        with client.files.content(file_id) as body:
            for line in body.iter_lines():
                ...

    The request is sent when the block starts (or at the first read outside one); the block's end closes the
    connection, whether or not the body was read to its end. Read it once, in one of three ways:
    ``iter_bytes()``, ``iter_lines()``, or ``read()`` for all of it in memory (kept for later calls).
    """

    def __init__(self, opener: Callable[[], SyncOpenBody]) -> None:
        self._opener = opener
        self._body: SyncOpenBody | None = None
        self._state = BodyState("with")

    def __enter__(self) -> Self:
        self._opened()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _opened(self) -> SyncOpenBody:
        if self._body is None:
            self._state.check_open()
            self._body = self._opener()
        return self._body

    @property
    def headers(self) -> httpx.Headers:
        """The answer's headers (sending the request first, if it was not sent yet)."""
        return self._opened().response.headers

    def iter_bytes(self) -> Iterator[bytes]:
        """The body in the pieces it arrives in (as its Content-Encoding says, decoded)."""
        if self._state.content is not None:
            yield self._state.content
            return
        self._state.start_reading()
        yield from self._opened().chunks()

    def iter_lines(self) -> Iterator[str]:
        """The body's lines, decoded as UTF-8, without their line breaks; each line is held whole in memory."""
        splitter = LineSplitter()
        for chunk in self.iter_bytes():
            yield from splitter.feed(chunk)
        yield from splitter.finish()

    def read(self) -> bytes:
        """The whole body, in memory."""
        if self._state.content is None:
            self._state.content = b"".join(self.iter_bytes())
        return self._state.content

    def close(self) -> None:
        """Close the connection; the body cannot be read after this (but what read() returned stays)."""
        self._state.closed = True
        if self._body is not None:
            self._body.close()


class AsyncStreamedBody:
    """``StreamedBody`` for the async client::

    async with client.files.content(file_id) as body:
        async for line in body.aiter_lines():
            ...
    """

    def __init__(self, opener: Callable[[], Awaitable[AsyncOpenBody]]) -> None:
        self._opener = opener
        self._body: AsyncOpenBody | None = None
        self._state = BodyState("async with")

    async def __aenter__(self) -> Self:
        await self._opened()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def _opened(self) -> AsyncOpenBody:
        if self._body is None:
            self._state.check_open()
            self._body = await self._opener()
        return self._body

    @property
    def headers(self) -> httpx.Headers:
        """The answer's headers, once the body is open (inside its ``async with`` block)."""
        if self._body is None:
            raise NotReadable("the request is not sent yet; use the body in an async with block")
        return self._body.response.headers

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        """The body in the pieces it arrives in (as its Content-Encoding says, decoded)."""
        if self._state.content is not None:
            yield self._state.content
            return
        self._state.start_reading()
        body = await self._opened()
        async for chunk in body.chunks():
            yield chunk

    async def aiter_lines(self) -> AsyncIterator[str]:
        """The body's lines, decoded as UTF-8, without their line breaks; each line is held whole in memory."""
        splitter = LineSplitter()
        async for chunk in self.aiter_bytes():
            for line in splitter.feed(chunk):
                yield line
        for line in splitter.finish():
            yield line

    async def aread(self) -> bytes:
        """The whole body, in memory."""
        if self._state.content is None:
            self._state.content = b"".join([chunk async for chunk in self.aiter_bytes()])
        return self._state.content

    async def aclose(self) -> None:
        """Close the connection; the body cannot be read after this (but what aread() returned stays)."""
        self._state.closed = True
        if self._body is not None:
            await self._body.close()
