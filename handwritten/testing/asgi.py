"""The fake as an ASGI application, for uvicorn or any other ASGI server."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any

from .problems import error_body
from .wire import BodyBuffer, Response, json_response

if TYPE_CHECKING:
    from .fake import FakeAnyAPI

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

log = logging.getLogger("anyapi_batches.testing")


class FakeASGIApp:
    def __init__(self, fake: FakeAnyAPI) -> None:
        self.fake = fake

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await lifespan(receive, send)
        elif scope["type"] == "http":
            await self.http(scope, receive, send)
        else:
            raise ValueError(f"the fake speaks only HTTP, not {scope['type']}")

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
        buffer = BodyBuffer(headers.get("content-length"), self.fake.body_limit)
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            if not buffer.add(message.get("body", b"")) or not message.get("more_body", False):
                break
        raw_path = scope.get("raw_path") or scope["path"].encode()
        request = buffer.request(
            scope["method"], raw_path.decode("latin-1"), scope["query_string"].decode("latin-1"), headers
        )
        try:
            response = self.fake.handle(request)
        except Exception as error:
            # A responder that raises is a bug in the test's own code: say so, and still answer like the API.
            log.exception("the fake failed to answer %s %s", request.method, request.path)
            response = json_response(500, error_body(500, f"The fake failed: {type(error).__name__}: {error}"))
        if response.stalled:
            log.warning("the fake holds a request unanswered until its client goes away, as a Stall fault asked")
            # With the whole body read, the server's next message is the client's going away.
            while (await receive())["type"] != "http.disconnect":
                pass
            return
        await respond(response, send)


async def respond(response: Response, send: Send) -> None:
    headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in response.headers]
    if response.dropped:
        # ASGI has no way to cut a connection before answering: start an answer that never comes.
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"1")]})
        log.warning("the fake drops a connection, as a Disconnect fault asked")
        return
    headers.append((b"content-length", str(len(response.content)).encode()))
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    for chunk in response.chunks():
        await send({"type": "http.response.body", "body": chunk, "more_body": True})
    await send({"type": "http.response.body", "body": b"", "more_body": False})


async def lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
