# Generated from openapi.yaml by templates/package_init.py.jinja: never edit; regenerate with `nox -s generate`.
"""A client library for accessing AnyAPI Batch API

from anyapi_batches import AnyAPI

client = AnyAPI()  # reads ANYAPI_API_KEY, and ANYAPI_BASE_URL if set
batch = client.batches.retrieve("batch_abc123")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import errors
from ._clients import AnyAPI, AsyncAnyAPI

if TYPE_CHECKING:
    from ._runtime.streaming import AsyncStreamedBody, StreamedBody
    from .client import AuthenticatedClient, Client

__version__ = "1.2.0"


def __getattr__(name: str) -> Any:
    # The low-level clients load attrs-based code that AnyAPI users never need.
    if name in ("AuthenticatedClient", "Client"):
        from . import client  # noqa: PLC0415

        return getattr(client, name)
    if name in ("AsyncStreamedBody", "StreamedBody"):
        from ._runtime import streaming  # noqa: PLC0415

        return getattr(streaming, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = (
    "AnyAPI",
    "AsyncAnyAPI",
    "AsyncStreamedBody",
    "AuthenticatedClient",
    "Client",
    "StreamedBody",
    "__version__",
    "errors",
)
