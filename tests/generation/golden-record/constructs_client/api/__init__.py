# Generated from tests/generation/constructs.yaml by templates/api_init.py.jinja: never edit; regenerate with `nox -s generate`.
"""The low-level modules of every operation (``api.<tag>.<operation_id>``), and the spec-driven client bases."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._runtime.client import AsyncAPIClient, SyncAPIClient

if TYPE_CHECKING:
    from .things import AsyncThings, Things
    from .uploads import AsyncUploads, Uploads

__all__ = ["GeneratedAnyAPI", "GeneratedAsyncAnyAPI"]


class GeneratedAnyAPI(SyncAPIClient):
    """The resources of openapi.yaml, one per tag; ``constructs_client.AnyAPI`` is the class to use."""

    version = "0.1.0"

    @cached_property
    def things(self) -> Things:
        """Operations tagged "things"."""
        from .things import Things  # noqa: PLC0415

        return Things(self)

    @cached_property
    def uploads(self) -> Uploads:
        """Operations tagged "uploads"."""
        from .uploads import Uploads  # noqa: PLC0415

        return Uploads(self)


class GeneratedAsyncAnyAPI(AsyncAPIClient):
    """The resources of openapi.yaml for asyncio; ``constructs_client.AsyncAnyAPI`` is the class to use."""

    version = "0.1.0"

    @cached_property
    def things(self) -> AsyncThings:
        """Operations tagged "things"."""
        from .things import AsyncThings  # noqa: PLC0415

        return AsyncThings(self)

    @cached_property
    def uploads(self) -> AsyncUploads:
        """Operations tagged "uploads"."""
        from .uploads import AsyncUploads  # noqa: PLC0415

        return AsyncUploads(self)
