"""A minimal ASGI app that answers every request with the retrieve_batch example, for loopback timing.

Run by uvicorn in its own process (see devtools/bench/loopback.py) so that serving does not
share an interpreter, or a GIL, with the clients being timed.
"""

from __future__ import annotations

from typing import Any

from devtools.bench.measure import retrieve_example_body

BODY = retrieve_example_body()
START = {
    "type": "http.response.start",
    "status": 200,
    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())],
}
RESPONSE = {"type": "http.response.body", "body": BODY}


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "http":
        await send(START)
        await send(RESPONSE)
