# Copied from handwritten/_clients.py by `nox -s generate`: edit it there.
"""The public clients, AnyAPI and AsyncAnyAPI, over the bases generated from openapi.yaml.

The bases (``api.GeneratedAnyAPI``, ``api.GeneratedAsyncAnyAPI``) have one
cached property per tag of the spec. A hand-written layer extends a resource by
overriding its property here with a subclass of the generated resource; the
generated half is rewritten by every `nox -s generate`, this file never is.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .api import GeneratedAnyAPI, GeneratedAsyncAnyAPI

if TYPE_CHECKING:
    from .workflows.async_jobs import AsyncJobs
    from .workflows.batches import AsyncBatches, Batches
    from .workflows.jobs import Jobs

__all__ = ["AnyAPI", "AsyncAnyAPI"]


class AnyAPI(GeneratedAnyAPI):
    """The AnyAPI Batch API client.

    Args:
        api_key: defaults to the ANYAPI_API_KEY environment variable; one of the two is required.
        base_url: defaults to ANYAPI_BASE_URL, else https://api.anyapi.ai/v1.
        timeout: seconds, or an httpx.Timeout, for each request (60 s, 5 s to connect, by default).
        max_retries: how often a transient failure is retried (0 turns retries off).
        strict: reject unknown fields and enum values, in answers and in what you send, instead of
            keeping or sending them with an UnknownEnumValueWarning; readable as ``client.strict``.
        retry_non_idempotent: also retry POST operations (create, cancel) after timeouts and 5xx; by
            default they are resent only when the connection was refused, so never run twice.
        http_client: an httpx.Client of your own; it is not closed by close().
    """

    @cached_property
    def batches(self) -> Batches:
        """Operations tagged "batches", and ``results()``: every result of a batch that has ended."""
        from .workflows.batches import Batches  # imported on first use, as the generated resources are

        return Batches(self)

    @cached_property
    def jobs(self) -> Jobs:
        """Whole files of requests run as jobs: checked, split into batches, journaled, resumed after a crash."""
        from .workflows.jobs import Jobs  # imported on first use, as the generated resources are

        return Jobs(self)


class AsyncAnyAPI(GeneratedAsyncAnyAPI):
    """The AnyAPI Batch API client for asyncio; the same arguments as AnyAPI, with an httpx.AsyncClient."""

    @cached_property
    def batches(self) -> AsyncBatches:
        """Operations tagged "batches", and ``results()``: every result of a batch that has ended."""
        from .workflows.batches import AsyncBatches  # imported on first use, as the generated resources are

        return AsyncBatches(self)

    @cached_property
    def jobs(self) -> AsyncJobs:
        """Whole files of requests run as jobs, their batches polled and cancelled concurrently."""
        from .workflows.async_jobs import AsyncJobs  # imported on first use, as the generated resources are

        return AsyncJobs(self)
