"""AnyAPI and AsyncAnyAPI behind one awaitable interface, so that every behaviour is checked on both.

The sync client runs straight inside the coroutine: blocking the test's event
loop is harmless, since the fault server answers from its own threads.

Every resource method goes through ``Resource``: ``await api.batches.create(...)``
calls ``client.batches.create(...)`` on either client, so one test body covers
both, and an operation added to the spec is reachable the same way.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from anyapi_batches import AnyAPI, AsyncAnyAPI
from anyapi_batches._runtime.client import NOT_GIVEN, NotGiven, TimeoutTypes
from anyapi_batches._runtime.pagination import AsyncPager, Pager
from anyapi_batches.models import Batch

SECRET = "sk-test-5f0c1a9e7d3b42"
"""The API key the tests use: distinctive enough that finding it anywhere means it leaked."""


class Resource:
    """One resource (``client.batches``, ``client.files``) of either client, each method awaited alike.

    A listing comes back as the list of every page it fetched, cursor after cursor, whichever client made it.
    """

    def __init__(self, resource: object) -> None:
        self._resource = resource

    def __getattr__(self, name: str) -> Callable[..., Awaitable[Any]]:
        method = getattr(self._resource, name)

        async def call(*args: Any, **options: Any) -> Any:
            result = method(*args, **options)
            if isinstance(result, Pager):
                return list(result.pages())
            if isinstance(result, AsyncPager):
                return [page async for page in result.pages()]
            return await result if inspect.isawaitable(result) else result

        return call


class Api(Protocol):
    batches: Resource
    files: Resource

    async def retrieve(self, batch_id: str, *, timeout: TimeoutTypes | NotGiven = NOT_GIVEN) -> Batch: ...

    async def wait(
        self,
        batch_id: str,
        *,
        timeout: float,
        poll_interval: float,
        on_poll: Callable[[Batch], object] | None = None,
    ) -> Batch: ...

    async def close(self) -> None: ...


class ApiFactory(Protocol):
    def __call__(self, **options: Any) -> Api:
        """A client of the flavour under test; options go to its constructor."""
        ...


# The two classes pass options through untouched; Api spells out which ones tests may use.
@dataclass
class SyncApi:
    client: AnyAPI

    def __post_init__(self) -> None:
        self.batches = Resource(self.client.batches)
        self.files = Resource(self.client.files)

    async def retrieve(self, batch_id: str, **options: Any) -> Batch:
        return self.client.batches.retrieve(batch_id, **options)

    async def wait(self, batch_id: str, **options: Any) -> Batch:
        return self.client.batches.wait(batch_id, **options)

    async def close(self) -> None:
        self.client.close()


@dataclass
class AsyncApi:
    client: AsyncAnyAPI

    def __post_init__(self) -> None:
        self.batches = Resource(self.client.batches)
        self.files = Resource(self.client.files)

    async def retrieve(self, batch_id: str, **options: Any) -> Batch:
        return await self.client.batches.retrieve(batch_id, **options)

    async def wait(self, batch_id: str, **options: Any) -> Batch:
        return await self.client.batches.wait(batch_id, **options)

    async def close(self) -> None:
        await self.client.close()


def build_api(flavour: str, options: dict[str, Any]) -> Api:
    if flavour == "sync":
        return SyncApi(AnyAPI(**options))
    return AsyncApi(AsyncAnyAPI(**options))
