"""A loopback HTTP server that answers each request with one fixed response, standing in for the provider."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from devtools.fault_server import Received
from devtools.loopback import LOOPBACK


@dataclass(frozen=True)
class Ask:
    """A request as the server sees it: the body counts, since two uploads or creates differ only there."""

    method: str
    target: str
    """The path and query string, e.g. /v1/batches?limit=2."""
    body: bytes = b""


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = field(default=())


@contextmanager
def provider(replies: Mapping[Ask, Reply], received: list[Received] | None = None) -> Iterator[str]:
    """Serve ``replies`` on a free loopback port; yields the base URL, ending in /v1.

    Unknown requests get a bare 599, a status no case records, so a wrong request
    shows up in the recording instead of passing for a real answer. Each request
    is appended to ``received``, if given, headers and body included.
    """

    class Handler(BaseHTTPRequestHandler):
        def answer(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if received is not None:
                headers = {name.lower(): value for name, value in self.headers.items()}
                heard = Received(self.command, self.path, headers, time.monotonic(), body, self.client_address[1])
                received.append(heard)
            reply = replies.get(Ask(self.command, self.path, body), Reply(599, b""))
            # send_response_only: no Date or Server header, so the same reply records the same way every run.
            self.send_response_only(reply.status)
            for name, value in reply.headers:
                self.send_header(name, value)
            if not any(name.lower() == "content-length" for name, _ in reply.headers):
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        do_GET = do_POST = do_DELETE = answer

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output to the assertions

    server = ThreadingHTTPServer((LOOPBACK, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOOPBACK}:{server.server_port}/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
