"""`anyapi-batches fake-server` in a process of its own on a free loopback port, for the demo and the tests."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from devtools.loopback import LOOPBACK

STARTUP_SECONDS = 30.0
LISTENING = re.compile(r"listening on (http://\S+/v1)")


@contextmanager
def fake_server_process(*options: str, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """Run the fake server with ``options`` until the block ends; yields its base URL, read from what it prints.

    Only its first line goes to a pipe; its log (stderr) goes where ours does.
    """
    command = [sys.executable, "-m", "anyapi_batches", "fake-server", "--host", LOOPBACK, "--port", "0", *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})
    assert process.stdout is not None
    try:
        ready, _, _ = select.select([process.stdout], [], [], STARTUP_SECONDS)
        first = process.stdout.readline() if ready else ""
        found = LISTENING.search(first)
        if found is None:
            raise RuntimeError(f"the fake server did not start: {first!r}")
        yield found.group(1)
    finally:
        # Ctrl-C, as a person would stop it: the server shuts down cleanly.
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
