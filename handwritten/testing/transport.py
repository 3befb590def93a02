"""httpx transports that hand each request to a fake in the same process: no port, no network."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import httpx

from .wire import BodyBuffer, Response

if TYPE_CHECKING:
    from .fake import FakeAnyAPI


def start(fake: FakeAnyAPI, request: httpx.Request) -> tuple[BodyBuffer, str, str, dict[str, str]]:
    """A buffer for the body, then the raw path, the query and the headers of ``request``."""
    path, _, query = request.url.raw_path.decode("ascii").partition("?")
    headers = {name.lower(): value for name, value in request.headers.items()}
    return BodyBuffer(headers.get("content-length"), fake.body_limit), path, query, headers


def answer(
    request: httpx.Request, response: Response, stream: httpx.SyncByteStream | httpx.AsyncByteStream
) -> httpx.Response:
    if response.dropped:
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
    if response.stalled:
        # In-process nothing can wait for the client to give up: it gives up at once.
        raise httpx.ReadTimeout("No answer came (the fake stalls this request).", request=request)
    # Declared as a server over HTTP declares it (and the ASGI app does), so that a reader can check the length.
    headers = [*response.headers, ("content-length", str(len(response.content)))]
    return httpx.Response(response.status, headers=headers, stream=stream, request=request)


class ChunkStream(httpx.SyncByteStream):
    def __init__(self, response: Response) -> None:
        self._response = response

    def __iter__(self) -> Iterator[bytes]:
        return self._response.chunks()


class AsyncChunkStream(httpx.AsyncByteStream):
    def __init__(self, response: Response) -> None:
        self._response = response

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._response.chunks():
            yield chunk


class FakeTransport(httpx.BaseTransport):
    def __init__(self, fake: FakeAnyAPI) -> None:
        self.fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        buffer, path, query, headers = start(self.fake, request)
        assert isinstance(request.stream, httpx.SyncByteStream), "an httpx.Client sends a sync stream"
        for chunk in request.stream:
            if not buffer.add(chunk):
                break
        response = self.fake.handle(buffer.request(request.method, path, query, headers))
        return answer(request, response, ChunkStream(response))


class AsyncFakeTransport(httpx.AsyncBaseTransport):
    def __init__(self, fake: FakeAnyAPI) -> None:
        self.fake = fake

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        buffer, path, query, headers = start(self.fake, request)
        assert isinstance(request.stream, httpx.AsyncByteStream), "an httpx.AsyncClient sends an async stream"
        async for chunk in request.stream:
            if not buffer.add(chunk):
                break
        # Handling is quick and in memory; the fake's lock keeps it safe beside other threads.
        response = self.fake.handle(buffer.request(request.method, path, query, headers))
        return answer(request, response, AsyncChunkStream(response))
