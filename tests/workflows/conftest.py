from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager

import httpx
import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI
from anyapi_batches.testing import FakeAnyAPI
from tests.support.jobs import AsyncJobs, JobsUnderTest, SyncJobs
from tests.support.spec_checks import AsyncCheckedTransport, CheckedTransport

START = 1_711_471_533


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fake(**options): options of the test's FakeAnyAPI, besides its start")


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> FakeAnyAPI:
    """A fake whose clock stands still at START until moved; ``@pytest.mark.fake(...)`` gives it options."""
    marker = request.node.get_closest_marker("fake")
    return FakeAnyAPI(start=START, **(marker.kwargs if marker else {}))


@contextmanager
def checked_client(fake: FakeAnyAPI) -> Iterator[AnyAPI]:
    """AnyAPI on the fake without retries; every request and answer checked against openapi.yaml."""
    with (
        httpx.Client(transport=CheckedTransport(fake.transport())) as http,
        AnyAPI(api_key=fake.api_key, base_url=fake.base_url, max_retries=0, http_client=http) as anyapi,
    ):
        yield anyapi


@pytest.fixture
def client(fake: FakeAnyAPI) -> Iterator[AnyAPI]:
    with checked_client(fake) as anyapi:
        yield anyapi


@pytest.fixture(params=["sync", "async"])
async def jobs(request: pytest.FixtureRequest, fake: FakeAnyAPI) -> AsyncIterator[JobsUnderTest]:
    """``client.jobs`` of AnyAPI, then of AsyncAnyAPI, on the test's fake."""
    if request.param == "sync":
        with checked_client(fake) as anyapi:
            yield SyncJobs(anyapi)
        return
    async with (
        httpx.AsyncClient(transport=AsyncCheckedTransport(fake.async_transport())) as http,
        AsyncAnyAPI(api_key=fake.api_key, base_url=fake.base_url, max_retries=0, http_client=http) as anyapi,
    ):
        yield AsyncJobs(anyapi)
