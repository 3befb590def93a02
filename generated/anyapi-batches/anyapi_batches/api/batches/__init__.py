"""Operations tagged "batches": the low-level modules, and the resource classes of AnyAPI and AsyncAnyAPI."""

from __future__ import annotations

from collections.abc import Callable

from ..._runtime.client import NOT_GIVEN, Call, NotGiven, TimeoutTypes
from ..._runtime.resources import AsyncResource, SyncResource, check_path_param
from ..._runtime.waiting import async_wait_until, min_timeout, wait_until
from ...models.batch import Batch
from . import retrieve_batch


class Batches(SyncResource):
    """Operations tagged "batches" in openapi.yaml."""

    def retrieve(
        self,
        batch_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Retrieve batch

        Retrieves a batch by its ID.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """
        request = retrieve_batch._get_kwargs(
            batch_id=check_path_param("batch_id", batch_id),
        )
        return self._client.request(Call(request, Batch.from_dict, timeout=timeout))

    def wait(
        self,
        batch_id: str,
        *,
        timeout: float = 3600,
        poll_interval: float = 5.0,
        on_poll: Callable[[Batch], object] | None = None,
    ) -> Batch:
        """Poll retrieve until status is terminal (completed, failed, expired, cancelled), and return that object.

        Sleeps poll_interval seconds between polls (or what the server asks in Retry-After), rides
        over retryable errors, and calls on_poll with every object it sees. A failed object is
        returned, not raised.

        Raises:
            errors.WaitTimeoutError: timeout seconds passed first; .batch holds the last object seen.
        """
        return wait_until(
            lambda remaining: self.retrieve(batch_id, timeout=min_timeout(self._client.timeout, remaining)),
            lambda current: current.status in ["completed", "failed", "expired", "cancelled"],
            timeout=timeout,
            poll_interval=poll_interval,
            on_poll=on_poll,
        )


class AsyncBatches(AsyncResource):
    """Operations tagged "batches" in openapi.yaml."""

    async def retrieve(
        self,
        batch_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Retrieve batch

        Retrieves a batch by its ID.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """
        request = retrieve_batch._get_kwargs(
            batch_id=check_path_param("batch_id", batch_id),
        )
        return await self._client.request(Call(request, Batch.from_dict, timeout=timeout))

    async def wait(
        self,
        batch_id: str,
        *,
        timeout: float = 3600,
        poll_interval: float = 5.0,
        on_poll: Callable[[Batch], object] | None = None,
    ) -> Batch:
        """Poll retrieve until status is terminal (completed, failed, expired, cancelled), and return that object.

        Sleeps poll_interval seconds between polls (or what the server asks in Retry-After), rides
        over retryable errors, and calls on_poll with every object it sees. A failed object is
        returned, not raised.

        Raises:
            errors.WaitTimeoutError: timeout seconds passed first; .batch holds the last object seen.
        """
        return await async_wait_until(
            lambda remaining: self.retrieve(batch_id, timeout=min_timeout(self._client.timeout, remaining)),
            lambda current: current.status in ["completed", "failed", "expired", "cancelled"],
            timeout=timeout,
            poll_interval=poll_interval,
            on_poll=on_poll,
        )
