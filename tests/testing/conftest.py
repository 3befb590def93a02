from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI
from anyapi_batches.testing import FakeAnyAPI
from tests.support.spec_checks import AsyncCheckedTransport, CheckedTransport

START = 1_711_471_533
"""Where the fake's clock starts in these tests, so that every timestamp can be written down."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fake(**options): options of the test's FakeAnyAPI, besides its start")


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> FakeAnyAPI:
    """The test's fake, its clock at START; ``@pytest.mark.fake(...)`` gives it options."""
    marker = request.node.get_closest_marker("fake")
    return FakeAnyAPI(start=START, **(marker.kwargs if marker else {}))


@pytest.fixture
def client(fake: FakeAnyAPI) -> Iterator[AnyAPI]:
    """AnyAPI on the fake, without retries; every request and answer checked against openapi.yaml."""
    http = httpx.Client(transport=CheckedTransport(fake.transport()))
    with http, AnyAPI(api_key=fake.api_key, base_url=fake.base_url, max_retries=0, http_client=http) as anyapi:
        yield anyapi


@pytest.fixture
def async_client(fake: FakeAnyAPI) -> AsyncAnyAPI:
    http = httpx.AsyncClient(transport=AsyncCheckedTransport(fake.async_transport()))
    return AsyncAnyAPI(api_key=fake.api_key, base_url=fake.base_url, max_retries=0, http_client=http)


def plain_client(fake: FakeAnyAPI) -> httpx.Client:
    """A plain HTTP client on the fake, for requests the typed client would never send; answers still checked."""
    transport = CheckedTransport(fake.transport(), check_requests=False)
    headers = {"Authorization": f"Bearer {fake.api_key}"}
    return httpx.Client(transport=transport, base_url=fake.base_url + "/", headers=headers)


@pytest.fixture
def raw(fake: FakeAnyAPI) -> Iterator[httpx.Client]:
    with plain_client(fake) as http:
        yield http
