"""A client library for accessing AnyAPI Batch API

from anyapi_batches import AnyAPI

client = AnyAPI()  # reads ANYAPI_API_KEY, and ANYAPI_BASE_URL if set
batch = client.batches.retrieve("batch_abc123")
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from . import errors
from ._runtime.client import AsyncAPIClient, SyncAPIClient

if TYPE_CHECKING:
    from .api.batches import AsyncBatches, Batches
    from .api.files import AsyncFiles, Files
    from .client import AuthenticatedClient, Client

__version__ = "1.2.0"


class AnyAPI(SyncAPIClient):
    """The AnyAPI Batch API client.

    Args:
        api_key: defaults to the ANYAPI_API_KEY environment variable; one of the two is required.
        base_url: defaults to ANYAPI_BASE_URL, else https://api.anyapi.ai/v1.
        timeout: seconds, or an httpx.Timeout, for each request (60 s, 5 s to connect, by default).
        max_retries: how often a transient failure is retried (0 turns retries off).
        strict: reject unknown fields and enum values instead of keeping them.
        retry_non_idempotent: also retry POST operations (create, cancel) after timeouts and 5xx; by
            default they are resent only when the connection was refused, so never run twice.
        http_client: an httpx.Client of your own; it is not closed by close().
    """

    version = __version__

    @cached_property
    def batches(self) -> Batches:
        from .api.batches import Batches  # noqa: PLC0415

        return Batches(self)

    @cached_property
    def files(self) -> Files:
        from .api.files import Files  # noqa: PLC0415

        return Files(self)


class AsyncAnyAPI(AsyncAPIClient):
    """The AnyAPI Batch API client for asyncio; the same arguments as AnyAPI, with an httpx.AsyncClient."""

    version = __version__

    @cached_property
    def batches(self) -> AsyncBatches:
        from .api.batches import AsyncBatches  # noqa: PLC0415

        return AsyncBatches(self)

    @cached_property
    def files(self) -> AsyncFiles:
        from .api.files import AsyncFiles  # noqa: PLC0415

        return AsyncFiles(self)


def __getattr__(name: str) -> Any:
    # The low-level clients load attrs-based code that AnyAPI users never need.
    if name in ("AuthenticatedClient", "Client"):
        from . import client  # noqa: PLC0415

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = (
    "AnyAPI",
    "AsyncAnyAPI",
    "AuthenticatedClient",
    "Client",
    "__version__",
    "errors",
)
