from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers import prism_mock


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    """Base URL of a Prism mock of openapi.yaml on a free loopback port, for the whole session."""
    with prism_mock() as url:
        yield url
