"""A scripted HTTP/1.1 server on loopback that answers, stalls, drips or resets as a test tells it.

It works on raw sockets rather than http.server so that a test can send what real
proxies and gateways send: any status code with or without a reason phrase, a
body that stops mid-JSON or short of its announced length, a body (or a whole answer) dripped a byte at a time,
a reset instead of an answer. Each request is recorded with its body, so that
a test can compare what two attempts of a retried request sent.
"""

from __future__ import annotations

import dataclasses
import gzip
import itertools
import json
import socket
import struct
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from devtools.loopback import LOOPBACK

MAX_HEAD = 65536


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    keep_alive: bool = False
    """Leave the connection open for the client's next request, instead of closing it after this answer."""

    def encode(self) -> bytes:
        # Non-standard codes (499, 520, 561) go out with an empty reason, as gateways send them.
        try:
            reason = HTTPStatus(self.status).phrase
        except ValueError:
            reason = ""
        lines = [f"HTTP/1.1 {self.status} {reason}"]
        lines += [f"{name}: {value}" for name, value in self.headers.items()]
        lines += [f"Content-Length: {len(self.body)}", *([] if self.keep_alive else ["Connection: close"]), "", ""]
        return "\r\n".join(lines).encode("latin-1") + self.body


@dataclass(frozen=True)
class Reset:
    """Abort the connection with a TCP reset instead of answering."""


@dataclass(frozen=True)
class Stall:
    """Say nothing for ``seconds``, then send ``then`` or just close."""

    seconds: float
    then: Reply | None = None


@dataclass(frozen=True)
class Drip:
    """Send ``reply`` one byte every ``every`` seconds: its body only, or from the status line on if ``head``."""

    reply: Reply
    every: float
    head: bool = False


@dataclass(frozen=True)
class CutOff:
    """Send ``reply``'s head, which announces its whole body, and only ``sent`` bytes of that body; then close."""

    reply: Reply
    sent: int


Step = Reply | Reset | Stall | Drip | CutOff


@dataclass(frozen=True)
class Received:
    method: str
    target: str
    """The request target exactly as it came over the wire, percent-escapes and all."""
    headers: dict[str, str]
    """Header names lowercased."""
    at: float
    """time.monotonic() when the request had arrived."""
    body: bytes = b""
    """The body, as many bytes as Content-Length announced (or as arrived before the client gave up)."""
    client_port: int = 0
    """The client's end of the connection: two requests with the same one came over the same connection."""


def json_reply(body: object, status: int = 200, headers: Mapping[str, str] | None = None) -> Reply:
    return Reply(status, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})})


def error_reply(status: int, headers: Mapping[str, str] | None = None) -> Reply:
    """An error in AnyAPI's own shape, with an x-request-id."""
    body = {"error": {"code": status, "message": f"scripted failure {status}", "type": "scripted_error"}}
    return json_reply(body, status, {"x-request-id": f"req_{status}", **(headers or {})})


def gzipped(reply: Reply, *, corrupt: bool = False) -> Reply:
    """``reply`` with a gzip-compressed body, as its Content-Encoding says; ``corrupt`` garbles the deflate stream."""
    compressed = gzip.compress(reply.body)
    if corrupt:
        # Past the 10-byte gzip header, so that the stream starts right and breaks once decoding is under way.
        compressed = compressed[:10] + bytes(byte ^ 0xFF for byte in compressed[10:])
    return Reply(reply.status, compressed, {**reply.headers, "Content-Encoding": "gzip"})


def batch_body(**changes: Any) -> dict[str, Any]:
    """A Batch as the spec describes it, with some fields replaced."""
    body: dict[str, Any] = {
        "id": "batch_abc123",
        "object": "batch",
        "endpoint": "/v1/chat/completions",
        "input_file_id": "file-abc123",
        "completion_window": "24h",
        "status": "completed",
        "output_file_id": "file-out456",
        "error_file_id": None,
        "created_at": 1711471533,
        "completed_at": 1711493163,
        "request_counts": {"total": 100, "completed": 95, "failed": 5},
        "metadata": {"customer_id": "user_123456789"},
    }
    body.update(changes)
    return body


def batch_reply(**changes: Any) -> Reply:
    return json_reply(batch_body(**changes))


class FaultServer:
    """Answers each request with the next scripted step; the last step repeats for any request after it."""

    def __init__(self) -> None:
        self._listener = socket.create_server((LOOPBACK, 0))
        # Polling accept() lets stop() end the loop without relying on close() waking a blocked accept.
        self._listener.settimeout(0.02)
        port: int = self._listener.getsockname()[1]
        self.url = f"http://{LOOPBACK}:{port}/v1"
        self.received: list[Received] = []
        self._steps: list[Step] = [Reply(500, b"nothing scripted")]
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._workers: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, daemon=True)
        self._acceptor.start()

    def script(self, *steps: Step) -> None:
        with self._lock:
            self._steps = list(steps)

    def gaps(self) -> list[float]:
        """Seconds between consecutive requests."""
        return [later.at - earlier.at for earlier, later in itertools.pairwise(self.received)]

    def stop(self) -> None:
        self._stopping.set()
        self._acceptor.join()
        for worker in self._workers:
            worker.join()
        self._listener.close()

    def _next_step(self) -> Step:
        with self._lock:
            return self._steps.pop(0) if len(self._steps) > 1 else self._steps[0]

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            worker = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            self._workers.append(worker)
            worker.start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            while self._answer(connection):
                pass

    def _answer(self, connection: socket.socket) -> bool:
        """Read one request and carry out the next step; True if the connection stays open for another."""
        read = read_head(connection)
        if read is None:
            return False
        head, start = read
        received = parse_head(head)
        length = int(received.headers.get("content-length", "0"))
        body = read_body(connection, start, length)
        received = dataclasses.replace(received, body=body, client_port=connection.getpeername()[1])
        with self._lock:
            self.received.append(received)
        step = self._next_step()
        if isinstance(step, Reset):
            # Linger with a zero timeout makes close() send RST rather than FIN.
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if isinstance(step, Stall):
            if self._stopping.wait(step.seconds) or step.then is None:
                return False
            step = step.then
        # The client may have given up first, which is what timeout tests provoke.
        try:
            if isinstance(step, Drip):
                self._drip(connection, step)
                return False
            if isinstance(step, CutOff):
                encoded = step.reply.encode()
                connection.sendall(encoded[: len(encoded) - len(step.reply.body) + step.sent])
                return False
            connection.sendall(step.encode())
        except OSError:
            return False
        return step.keep_alive

    def _drip(self, connection: socket.socket, step: Drip) -> None:
        encoded = step.reply.encode()
        at_once = 0 if step.head else len(encoded) - len(step.reply.body)
        connection.sendall(encoded[:at_once])
        for index in range(at_once, len(encoded)):
            if self._stopping.wait(step.every):
                return
            connection.sendall(encoded[index : index + 1])


def read_head(connection: socket.socket) -> tuple[bytes, bytes] | None:
    """The request line and headers, and what arrived after them; None if the peer closed before the end."""
    data = b""
    while b"\r\n\r\n" not in data:
        try:
            chunk = connection.recv(4096)
        except OSError:
            return None
        if not chunk or len(data) > MAX_HEAD:
            return None
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    return head, rest


def read_body(connection: socket.socket, start: bytes, length: int) -> bytes:
    """``length`` bytes of body, ``start`` being those that came with the head; fewer if the peer stops sending."""
    body = start
    while len(body) < length:
        try:
            chunk = connection.recv(min(65536, length - len(body)))
        except OSError:
            break
        if not chunk:
            break
        body += chunk
    return body


def parse_head(head: bytes) -> Received:
    request_line, *header_lines = head.decode("latin-1").split("\r\n")
    method, target, _ = request_line.split(" ", 2)
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Received(method, target, headers, time.monotonic())
