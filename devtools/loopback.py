"""Loopback servers the tests start and stop: a Prism mock of openapi.yaml."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from devtools import ROOT

PRISM = ROOT / "node_modules" / ".bin" / "prism"
LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            raise RuntimeError(f"the server exited early with {process.returncode}:\n{output}")
        try:
            with socket.create_connection((LOOPBACK, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listened on {LOOPBACK}:{port} within {seconds}s")


@contextmanager
def prism_mock(spec: Path = ROOT / "openapi.yaml") -> Iterator[str]:
    """Run `prism mock` on a free loopback port; yields the base URL. Prism validates every request."""
    if not PRISM.exists():
        raise RuntimeError("Prism is not installed: run `npm ci` (nox does it for you)")
    port = free_port()
    process = subprocess.Popen(
        [str(PRISM), "mock", "--host", LOOPBACK, "--port", str(port), str(spec)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port, process, seconds=30)
        yield f"http://{LOOPBACK}:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
