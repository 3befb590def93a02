"""The ``batches`` resource of ``AnyAPI`` and ``AsyncAnyAPI``: the operations of openapi.yaml, and ``results()``."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator
from typing import TYPE_CHECKING

from .._runtime.attempts import TimeoutTypes
from .._runtime.client import NOT_GIVEN, NotGiven
from ..api import batches
from .results import BatchResult, async_batch_results, batch_results

if TYPE_CHECKING:
    from .._clients import AnyAPI, AsyncAnyAPI


class Batches(batches.Batches):
    """Operations tagged "batches" in openapi.yaml, and the results of a batch that has ended."""

    def __init__(self, client: AnyAPI) -> None:
        super().__init__(client)
        self._api = client

    def results(
        self, batch_id: str, *, timeout: TimeoutTypes | NotGiven = NOT_GIVEN, total_timeout: float | None = None
    ) -> Generator[BatchResult, None, None]:
        """Every result of a batch that has ended, one per request: its output file's lines, then its error file's.

        The batch is retrieved when iteration starts. Works for completed, failed, expired and cancelled
        batches (an expired or cancelled batch has partial results); each file is streamed a line at a time.
        Break out early with ``contextlib.closing(...)`` to close the file being read at once.

        Args:
            batch_id: The ID of the batch.
            timeout: for each call, instead of the client's timeout (see files.content for a file's body).
            total_timeout: seconds for all of it, from the retrieve to the last line; None: no limit.

        Raises:
            errors.BatchNotEndedError: the batch is still validating, in progress, finalizing or cancelling.
            errors.ResponseValidationError: a line is not JSON or not a result (the message names the file and
                the line), or a file cannot be decoded.
            errors.APIStatusError, errors.APIConnectionError: as for retrieve and files.content.
        """
        return batch_results(self._api, batch_id, timeout=timeout, total_timeout=total_timeout)


class AsyncBatches(batches.AsyncBatches):
    """Operations tagged "batches" in openapi.yaml, and the results of a batch that has ended."""

    def __init__(self, client: AsyncAnyAPI) -> None:
        super().__init__(client)
        self._api = client

    def results(
        self, batch_id: str, *, timeout: TimeoutTypes | NotGiven = NOT_GIVEN, total_timeout: float | None = None
    ) -> AsyncGenerator[BatchResult, None]:
        """``async for result in client.batches.results(batch_id)``: every result of a batch that has ended.

        As for AnyAPI's ``batches.results``; break out early with ``contextlib.aclosing(...)`` to close the file
        being read at once.
        """
        return async_batch_results(self._api, batch_id, timeout=timeout, total_timeout=total_timeout)
