# Copied from handwritten/testing/plugin.py by `nox -s generate`: edit it there.
"""pytest fixtures for testing code that uses AnyAPI, installed with ``anyapi-batches[testing]``.

Override ``anyapi_fake`` in a conftest.py to configure the fake; the other fixtures use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    # Imported by the fixtures themselves: pytest loads this plugin in every run, used or not.
    from .. import AnyAPI, AsyncAnyAPI
    from .fake import FakeAnyAPI


@pytest.fixture
def anyapi_fake() -> FakeAnyAPI:
    """A fresh fake for the test, its clock standing still until ``anyapi_fake.advance(seconds)``."""
    from .fake import FakeAnyAPI

    return FakeAnyAPI()


@pytest.fixture
def anyapi_client(anyapi_fake: FakeAnyAPI) -> Iterator[AnyAPI]:
    """An ``AnyAPI`` talking to ``anyapi_fake`` in-process."""
    with anyapi_fake.client() as client:
        yield client


@pytest.fixture
def anyapi_async_client(anyapi_fake: FakeAnyAPI) -> AsyncAnyAPI:
    """An ``AsyncAnyAPI`` talking to ``anyapi_fake`` in-process; it holds no connection, so needs no closing."""
    return anyapi_fake.async_client()


@pytest.fixture
def anyapi_fake_url(anyapi_fake: FakeAnyAPI) -> Iterator[str]:
    """The base URL of ``anyapi_fake`` served over HTTP on a free loopback port, for other clients (needs uvicorn)."""
    with anyapi_fake.serve() as url:
        yield url
