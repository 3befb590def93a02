"""Section 2: retrieves over real HTTP on 127.0.0.1, one after another and many at a time."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import partial

import httpx

from devtools import ROOT
from devtools.bench.clients import async_calls, sync_calls
from devtools.bench.measure import Samples, compare, compare_calls
from devtools.loopback import LOOPBACK, free_port

STARTUP_SECONDS = 20


def answers(url: str) -> bool:
    try:
        httpx.get(url, timeout=1).raise_for_status()
    except httpx.TransportError:
        return False
    return True


@contextmanager
def server() -> Iterator[str]:
    """Start uvicorn serving bench_server:app on a free loopback port; yield its base URL; stop it."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "devtools.bench.server:app", "--app-dir", str(ROOT)]
    command += [
        "--host",
        LOOPBACK,
        "--port",
        str(port),
        "--lifespan",
        "off",
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    base_url = f"http://{LOOPBACK}:{port}/v1"
    # Killed rather than shut down gracefully: it holds no state, and Popen's exit then reaps it at once.
    with subprocess.Popen(command) as process:
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while not answers(base_url):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"the loopback server did not come up on port {port}")
                time.sleep(0.1)
            yield base_url
        finally:
            process.kill()


def sequential(base_url: str, calls: int, rounds: int) -> Samples:
    with ExitStack() as stack:
        return compare_calls(sync_calls(stack, base_url), calls, rounds)


def concurrent(base_url: str, calls: int, concurrency: int, rounds: int) -> Samples:
    """``calls`` retrieves per round by ``concurrency`` workers sharing one client; seconds per retrieve."""
    loop = asyncio.new_event_loop()
    try:
        with ExitStack() as stack:
            clients = async_calls(stack, loop, base_url)

            def run(call: Callable[[], Awaitable[object]]) -> float:
                async def all_calls() -> None:
                    # One shared iterator hands out the calls, so the workers stop together after exactly `calls`.
                    remaining = iter(range(calls))

                    async def worker() -> None:
                        for _ in remaining:
                            await call()

                    await asyncio.gather(*(worker() for _ in range(concurrency)))

                start = time.perf_counter()
                loop.run_until_complete(all_calls())
                return (time.perf_counter() - start) / calls

            return compare({name: partial(run, call) for name, call in clients.items()}, rounds)
    finally:
        loop.close()
