# Copied from handwritten/testing/server.py by `nox -s generate`: edit it there.
"""Serving the fake over real HTTP with uvicorn: in the foreground (the fake-server command) or from a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uvicorn

    from .fake import FakeAnyAPI

STARTUP_SECONDS = 10.0
SHUTDOWN_SECONDS = 5


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound and listening on ``host``:``port`` (0: any free port); OSError when that cannot be."""
    family, kind, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    listener = socket.socket(family, kind)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen()
    except OSError:
        listener.close()
        raise
    return listener


def base_url(listener: socket.socket) -> str:
    host, port = listener.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/v1"


def uvicorn_server(fake: FakeAnyAPI) -> uvicorn.Server:
    try:
        import uvicorn
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            'Serving the fake over HTTP needs uvicorn: pip install "anyapi-batches[testing]"', name="uvicorn"
        ) from None
    config = uvicorn.Config(
        fake.asgi_app(),
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=SHUTDOWN_SECONDS,
    )
    return uvicorn.Server(config)


@contextmanager
def serving(fake: FakeAnyAPI, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve from a background thread for the duration of the block, which gets the base URL."""
    server = uvicorn_server(fake)
    listener = listening_socket(host, port)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, name="fake-anyapi", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the fake's HTTP server did not start")
            time.sleep(0.01)
        yield base_url(listener)
    finally:
        server.should_exit = True
        thread.join(SHUTDOWN_SECONDS + 5)
        listener.close()
