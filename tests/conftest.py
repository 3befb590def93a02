from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import anyio
import certifi
import pytest

from anyapi_batches._runtime import retries, waiting
from devtools.fault_server import FaultServer
from devtools.loopback import prism_mock
from tests.support.flavours import SECRET, Api, ApiFactory, build_api
from tests.support.wait_clock import WaitClock

SLOW_TEST_TIMEOUT = 900
"""Seconds a test marked slow may take (a wheel build, a rehearsal in a scratch repository), instead of the default."""

ASYNC_SHARE = 0.75
"""Of its time limit, what an async test may spend awaiting before it is cancelled (see ends_before_the_alarm)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TEST_TIMEOUT))
        if "prism_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.prism)
        if isinstance(item, pytest.Function) and inspect.iscoroutinefunction(item.obj):
            limit = time_limit(item)
            if limit:
                item.obj = ends_before_the_alarm(item.obj, ASYNC_SHARE * limit)


def time_limit(item: pytest.Item) -> float:
    """The item's pytest-timeout limit in seconds (0: none), as that plugin reads it: marker, option, setting."""
    marker = item.get_closest_marker("timeout")
    if marker is not None and marker.args:
        return float(marker.args[0] or 0)
    return float(item.config.getoption("timeout", None) or item.config.getini("timeout") or 0)


def ends_before_the_alarm(test: Callable[..., Awaitable[Any]], seconds: float) -> Callable[..., Awaitable[Any]]:
    """``test`` cancelled after ``seconds`` at whatever it awaits, so that it fails with the stack it hung in.

    pytest-timeout's alarm raises wherever the main thread is; in an async test that is mostly the event
    loop, outside the test's task, and anyio's runner would then wait for that task for ever: the next test
    never starts. A cancel scope ends the awaiting task itself, and the alarm stays for blocking calls.
    """

    @functools.wraps(test)
    async def bounded(*args: Any, **kwargs: Any) -> Any:
        with anyio.fail_after(seconds):
            return await test(*args, **kwargs)

    return bounded


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    """Base URL of a Prism mock of openapi.yaml on a free loopback port, for the whole session."""
    with prism_mock() as url:
        yield url


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def small_ca_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CA file holding a single certificate out of certifi's bundle."""
    bundle = Path(certifi.where()).read_text()
    end = "-----END CERTIFICATE-----"
    path = tmp_path_factory.mktemp("ca") / "one.pem"
    path.write_text(bundle[bundle.index("-----BEGIN CERTIFICATE-----") : bundle.index(end) + len(end)] + "\n")
    return path


@pytest.fixture
def fault_server(small_ca_bundle: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    """A scripted loopback server for one test."""
    # Every client loads its CA file when it is built, and certifi's whole bundle
    # takes tens of milliseconds: most of the time of these tests, which never use TLS.
    monkeypatch.setenv("SSL_CERT_FILE", str(small_ca_bundle))
    server = FaultServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sync", "async"])
async def make_api(request: pytest.FixtureRequest, fault_server: FaultServer) -> AsyncIterator[ApiFactory]:
    """Builds AnyAPI, then AsyncAnyAPI, pointed at the fault server with the test key unless told otherwise."""
    made: list[Api] = []

    def make(**options: Any) -> Api:
        api = build_api(request.param, {"api_key": SECRET, "base_url": fault_server.url, **options})
        made.append(api)
        return api

    yield make
    for api in made:
        await api.close()


@pytest.fixture
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shrink the exponential backoff so that only a server-requested wait takes noticeable time."""
    monkeypatch.setattr(retries, "INITIAL_BACKOFF", 0.001)


@pytest.fixture
def wait_clock(monkeypatch: pytest.MonkeyPatch) -> WaitClock:
    """Every pause a wait takes, recorded instead of slept, on a clock that starts at wait_clock.NOW."""
    clock = WaitClock()
    monkeypatch.setattr(waiting, "time", clock)
    return clock
