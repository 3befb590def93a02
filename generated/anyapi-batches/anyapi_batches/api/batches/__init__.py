# Generated from openapi.yaml by templates/endpoint_init.py.jinja: never edit; regenerate with `nox -s generate`.
"""Operations tagged "batches": the low-level modules, and the resource classes of AnyAPI and AsyncAnyAPI."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..._runtime import decoding, request_checks
from ..._runtime.client import NOT_GIVEN, Call, NotGiven, TimeoutTypes
from ..._runtime.pagination import AsyncPager, Pager
from ..._runtime.resources import AsyncResource, SyncResource, body_field, check_path_param, one_of
from ..._runtime.waiting import WaitRule, async_wait_until, min_timeout, wait_until
from ...models.batch import Batch
from ...models.batch_cancellation import BatchCancellation
from ...models.batch_endpoint import BatchEndpoint
from ...models.batch_list import BatchList
from ...models.create_batch_request import CreateBatchRequest
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

        Args:
            after: A cursor for pagination: the ID of the last batch of the previous page, to fetch the page
                after it.
            limit: How many batches to return, between 1 and 100.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "after",
            after,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "limit",
            limit,
            request_checks.Limited(decoding.INTEGER, request_checks.Limits(minimum=1, maximum=100)),
            strict=self._client.strict,
        )

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

        Args:
            input_file_id: The ID of an uploaded file (purpose `batch`) holding the requests, one JSON object per
                line.
            endpoint: The endpoint every request in the batch is sent to
            completion_window: The time frame within which the batch should be processed
            metadata: Set of key-value pairs attached to the object. At most 16 pairs; keys are strings of at
                most 64 characters and values strings of at most 512 characters.
            output_expires_after: When the batch's output and error files expire, counted from their creation. Without it
                they expire after 30 days. Not in the provider's reference: this follows OpenAI's Batch
                API, which the provider is compatible with.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        body = request_checks.check_body(
            CreateBatchRequest(
                input_file_id=input_file_id,
                endpoint=endpoint,
                completion_window=completion_window,
                metadata=body_field(CreateBatchRequest, "metadata", metadata),
                output_expires_after=body_field(CreateBatchRequest, "output_expires_after", output_expires_after),
            ),
            strict=self._client.strict,
        )

        http_kwargs = create_batch._get_kwargs(
            body=body,
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

        Args:
            batch_id: The ID of the batch to retrieve
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        check_path_param("batch_id", batch_id)
        request_checks.check_param(
            "batch_id",
            batch_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = cancel_batch._get_kwargs(
            batch_id=batch_id,
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

        Args:
            batch_id: The ID of the batch to retrieve
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        check_path_param("batch_id", batch_id)
        request_checks.check_param(
            "batch_id",
            batch_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = retrieve_batch._get_kwargs(
            batch_id=batch_id,
        )

        return self._client.execute(Call(http_kwargs, Batch.from_dict, timeout=timeout))

    def wait(
        self,
        batch_id: str,
        *,
        timeout: float = 3600,
        poll_interval: float | None = None,
        on_poll: Callable[[Batch], object] | None = None,
    ) -> Batch:
        """Poll retrieve until status is terminal (completed, failed, expired, cancelled), and return that object.

        Without poll_interval the polls adapt: often at first, then less as the object ages, and when its
        progress says it should end; with poll_interval they come that many seconds apart. A server's
        Retry-After wins over both. Rides over retryable errors, and calls on_poll with every object it
        sees. A failed object is returned, not raised.

        Raises:
            errors.WaitTimeoutError: timeout seconds passed first; .batch holds the last object seen.
        """
        return wait_until(
            lambda remaining: self.retrieve(batch_id, timeout=min_timeout(self._client.timeout, remaining)),
            WaitRule(
                status="status",
                terminal=["completed", "failed", "expired", "cancelled"],
                done=["request_counts.completed", "request_counts.failed"],
                total="request_counts.total",
                created="created_at",
                ends_by="expires_at",
            ),
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

        Args:
            after: A cursor for pagination: the ID of the last batch of the previous page, to fetch the page
                after it.
            limit: How many batches to return, between 1 and 100.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "after",
            after,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "limit",
            limit,
            request_checks.Limited(decoding.INTEGER, request_checks.Limits(minimum=1, maximum=100)),
            strict=self._client.strict,
        )

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

        Args:
            input_file_id: The ID of an uploaded file (purpose `batch`) holding the requests, one JSON object per
                line.
            endpoint: The endpoint every request in the batch is sent to
            completion_window: The time frame within which the batch should be processed
            metadata: Set of key-value pairs attached to the object. At most 16 pairs; keys are strings of at
                most 64 characters and values strings of at most 512 characters.
            output_expires_after: When the batch's output and error files expire, counted from their creation. Without it
                they expire after 30 days. Not in the provider's reference: this follows OpenAI's Batch
                API, which the provider is compatible with.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        body = request_checks.check_body(
            CreateBatchRequest(
                input_file_id=input_file_id,
                endpoint=endpoint,
                completion_window=completion_window,
                metadata=body_field(CreateBatchRequest, "metadata", metadata),
                output_expires_after=body_field(CreateBatchRequest, "output_expires_after", output_expires_after),
            ),
            strict=self._client.strict,
        )

        http_kwargs = create_batch._get_kwargs(
            body=body,
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

        Args:
            batch_id: The ID of the batch to retrieve
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        check_path_param("batch_id", batch_id)
        request_checks.check_param(
            "batch_id",
            batch_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = cancel_batch._get_kwargs(
            batch_id=batch_id,
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

        Args:
            batch_id: The ID of the batch to retrieve
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        check_path_param("batch_id", batch_id)
        request_checks.check_param(
            "batch_id",
            batch_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = retrieve_batch._get_kwargs(
            batch_id=batch_id,
        )

        return await self._client.execute(Call(http_kwargs, Batch.from_dict, timeout=timeout))

    async def wait(
        self,
        batch_id: str,
        *,
        timeout: float = 3600,
        poll_interval: float | None = None,
        on_poll: Callable[[Batch], object] | None = None,
    ) -> Batch:
        """Poll retrieve until status is terminal (completed, failed, expired, cancelled), and return that object.

        Without poll_interval the polls adapt: often at first, then less as the object ages, and when its
        progress says it should end; with poll_interval they come that many seconds apart. A server's
        Retry-After wins over both. Rides over retryable errors, and calls on_poll with every object it
        sees. A failed object is returned, not raised.

        Raises:
            errors.WaitTimeoutError: timeout seconds passed first; .batch holds the last object seen.
        """
        return await async_wait_until(
            lambda remaining: self.retrieve(batch_id, timeout=min_timeout(self._client.timeout, remaining)),
            WaitRule(
                status="status",
                terminal=["completed", "failed", "expired", "cancelled"],
                done=["request_counts.completed", "request_counts.failed"],
                total="request_counts.total",
                created="created_at",
                ends_by="expires_at",
            ),
            timeout=timeout,
            poll_interval=poll_interval,
            on_poll=on_poll,
        )
