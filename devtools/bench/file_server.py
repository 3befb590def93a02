"""A loopback server for the results benchmark: batches whose output file is a file on disk, sent with sendfile.

    python -m devtools.bench.file_server FOLDER PORT

``GET /v1/batches/NAME`` answers a completed batch whose output file is ``NAME``; ``GET /v1/files/NAME/content``
answers ``FOLDER/NAME`` with its ``Content-Length``, from the page cache to the socket (``os.sendfile``), so that
serving costs next to nothing beside the clients being timed. Every answer closes its connection.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from pathlib import Path

from devtools.fault_server import batch_body
from devtools.loopback import LOOPBACK

MAX_HEAD = 65536


def head(status: int, length: int, content_type: str) -> bytes:
    lines = [f"HTTP/1.1 {status} {'OK' if status == 200 else 'Not Found'}", f"Content-Type: {content_type}"]
    lines += [f"Content-Length: {length}", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1")


def request_target(connection: socket.socket) -> str | None:
    """The target of the request on ``connection`` (its body, if any, is not read: these requests have none)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(4096)
        if not chunk or len(data) > MAX_HEAD:
            return None
        data += chunk
    return data.split(b"\r\n", 1)[0].decode("latin-1").split(" ")[1]


def answer(connection: socket.socket, folder: Path) -> None:
    with connection:
        target = request_target(connection)
        parts = target.strip("/").split("/") if target else []
        if parts[:2] == ["v1", "batches"] and len(parts) == 3:
            body = json.dumps(batch_body(id=parts[2], output_file_id=parts[2], error_file_id=None)).encode()
            connection.sendall(head(200, len(body), "application/json") + body)
        elif parts[:2] == ["v1", "files"] and parts[3:] == ["content"] and (folder / parts[2]).is_file():
            with (folder / parts[2]).open("rb") as file:
                size = os.fstat(file.fileno()).st_size
                connection.sendall(head(200, size, "application/octet-stream"))
                sent = 0
                while sent < size:
                    sent += os.sendfile(connection.fileno(), file.fileno(), sent, size - sent)
        else:
            connection.sendall(head(404, 0, "text/plain"))


def serve(folder: Path, port: int) -> None:
    listener = socket.create_server((LOOPBACK, port))
    while True:
        connection, _ = listener.accept()
        threading.Thread(target=answer, args=(connection, folder), daemon=True).start()


if __name__ == "__main__":
    serve(Path(sys.argv[1]), int(sys.argv[2]))
