"""Operations tagged "batches": the low-level modules, and the resource classes of AnyAPI and AsyncAnyAPI."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..._runtime.client import NOT_GIVEN, Call, NotGiven, TimeoutTypes
from ..._runtime.pagination import AsyncPager, Pager
from ..._runtime.resources import AsyncResource, SyncResource, as_model, check_path_param, one_of
from ..._runtime.waiting import async_wait_until, min_timeout, wait_until
from ...models import Batch, BatchCancellation, BatchList, CreateBatchRequest
from ...models.batch_endpoint import BatchEndpoint
from ...models.create_batch_request_completion_window import CreateBatchRequestCompletionWindow
from ...models.metadata import Metadata
from ...models.output_expiration import OutputExpiration
from ...types import UNSET, Unset
from . import cancel_batch, create_batch, list_batches, retrieve_batch


class Batches(SyncResource):
    """Operations tagged "batches" in openapi.yaml."""

    def list(
        self,
        *,
        after: str | Unset = UNSET,
        limit: int | Unset = 20,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Pager[BatchList, Batch]:
        """List batches

        Lists your batches, most recent first, a page at a time.

        Iterating the result yields every item, fetching pages as needed; pages() yields one page at a time.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        def fetch_page(page_cursor: str | Unset) -> BatchList:
            http_kwargs = list_batches._get_kwargs(
                after=page_cursor,
                limit=limit,
            )

            return self._client.execute(Call(http_kwargs, BatchList.from_dict, timeout=timeout))

        return Pager(
            fetch_page,
            first_cursor=after,
            items=lambda page: page.data,
            has_more=lambda page: page.has_more,
            next_cursor=lambda page: page.last_id,
        )

    def create(
        self,
        *,
        input_file_id: str,
        endpoint: BatchEndpoint,
        completion_window: CreateBatchRequestCompletionWindow,
        metadata: Metadata | None | Unset | Mapping[str, Any] = UNSET,
        output_expires_after: OutputExpiration | Unset | Mapping[str, Any] = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Create batch

        Creates and executes a batch from an uploaded file of requests.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        http_kwargs = create_batch._get_kwargs(
            body=CreateBatchRequest(
                input_file_id=input_file_id,
                endpoint=endpoint,
                completion_window=completion_window,
                metadata=as_model(Metadata, metadata) if isinstance(metadata, Mapping) else metadata,
                output_expires_after=as_model(OutputExpiration, output_expires_after)
                if isinstance(output_expires_after, Mapping)
                else output_expires_after,
            ),
        )

        return self._client.execute(Call(http_kwargs, Batch.from_dict, timeout=timeout))

    def cancel(
        self,
        batch_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Batch | BatchCancellation:
        """Cancel batch

        Cancels an in-progress batch. The batch is `cancelling` for up to 10 minutes, then `cancelled`, with
        any partial results in its output file.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        http_kwargs = cancel_batch._get_kwargs(
            batch_id=check_path_param("batch_id", batch_id),
        )

        return self._client.execute(Call(http_kwargs, one_of(Batch, BatchCancellation), timeout=timeout))

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

        http_kwargs = retrieve_batch._get_kwargs(
            batch_id=check_path_param("batch_id", batch_id),
        )

        return self._client.execute(Call(http_kwargs, Batch.from_dict, timeout=timeout))

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

    def list(
        self,
        *,
        after: str | Unset = UNSET,
        limit: int | Unset = 20,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[BatchList, Batch]:
        """List batches

        Lists your batches, most recent first, a page at a time.

        Iterating the result yields every item, fetching pages as needed; pages() yields one page at a time.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        async def fetch_page(page_cursor: str | Unset) -> BatchList:
            http_kwargs = list_batches._get_kwargs(
                after=page_cursor,
                limit=limit,
            )

            return await self._client.execute(Call(http_kwargs, BatchList.from_dict, timeout=timeout))

        return AsyncPager(
            fetch_page,
            first_cursor=after,
            items=lambda page: page.data,
            has_more=lambda page: page.has_more,
            next_cursor=lambda page: page.last_id,
        )

    async def create(
        self,
        *,
        input_file_id: str,
        endpoint: BatchEndpoint,
        completion_window: CreateBatchRequestCompletionWindow,
        metadata: Metadata | None | Unset | Mapping[str, Any] = UNSET,
        output_expires_after: OutputExpiration | Unset | Mapping[str, Any] = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Create batch

        Creates and executes a batch from an uploaded file of requests.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        http_kwargs = create_batch._get_kwargs(
            body=CreateBatchRequest(
                input_file_id=input_file_id,
                endpoint=endpoint,
                completion_window=completion_window,
                metadata=as_model(Metadata, metadata) if isinstance(metadata, Mapping) else metadata,
                output_expires_after=as_model(OutputExpiration, output_expires_after)
                if isinstance(output_expires_after, Mapping)
                else output_expires_after,
            ),
        )

        return await self._client.execute(Call(http_kwargs, Batch.from_dict, timeout=timeout))

    async def cancel(
        self,
        batch_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Batch | BatchCancellation:
        """Cancel batch

        Cancels an in-progress batch. The batch is `cancelling` for up to 10 minutes, then `cancelled`, with
        any partial results in its output file.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        http_kwargs = cancel_batch._get_kwargs(
            batch_id=check_path_param("batch_id", batch_id),
        )

        return await self._client.execute(Call(http_kwargs, one_of(Batch, BatchCancellation), timeout=timeout))

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

        http_kwargs = retrieve_batch._get_kwargs(
            batch_id=check_path_param("batch_id", batch_id),
        )

        return await self._client.execute(Call(http_kwargs, Batch.from_dict, timeout=timeout))

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
