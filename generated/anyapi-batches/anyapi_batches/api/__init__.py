# Generated from openapi.yaml by templates/api_init.py.jinja: never edit; regenerate with `nox -s generate`.
"""The low-level modules of every operation (``api.<tag>.<operation_id>``), and the spec-driven client bases."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._runtime.client import AsyncAPIClient, SyncAPIClient

if TYPE_CHECKING:
    from .batches import AsyncBatches, Batches
    from .files import AsyncFiles, Files

__all__ = ["GeneratedAnyAPI", "GeneratedAsyncAnyAPI"]


class GeneratedAnyAPI(SyncAPIClient):
    """The resources of openapi.yaml, one per tag; ``anyapi_batches.AnyAPI`` is the class to use."""

    version = "1.2.0"

    @cached_property
    def batches(self) -> Batches:
        """Operations tagged "batches"."""
        from .batches import Batches  # noqa: PLC0415

        return Batches(self)

    @cached_property
    def files(self) -> Files:
        """Operations tagged "files"."""
        from .files import Files  # noqa: PLC0415

        return Files(self)


class GeneratedAsyncAnyAPI(AsyncAPIClient):
    """The resources of openapi.yaml for asyncio; ``anyapi_batches.AsyncAnyAPI`` is the class to use."""

    version = "1.2.0"

    @cached_property
    def batches(self) -> AsyncBatches:
        """Operations tagged "batches"."""
        from .batches import AsyncBatches  # noqa: PLC0415

        return AsyncBatches(self)

    @cached_property
    def files(self) -> AsyncFiles:
        """Operations tagged "files"."""
        from .files import AsyncFiles  # noqa: PLC0415

        return AsyncFiles(self)
