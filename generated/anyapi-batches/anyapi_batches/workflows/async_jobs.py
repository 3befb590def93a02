# Copied from handwritten/workflows/async_jobs.py by `nox -s generate`: edit it there.
"""``client.jobs`` on AsyncAnyAPI: the same jobs, with the batches of a job polled and cancelled concurrently."""

from __future__ import annotations

import functools
import math
import os
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping, Sequence
from contextlib import aclosing
from typing import TYPE_CHECKING

from .. import errors
from .._runtime.attempts import Deadline
from .._runtime.waiting import async_wait_until, min_timeout
from ..models import Batch, BatchCancellation
from .input_check import MAX_BYTES, MAX_REQUESTS
from .job_base import JobBase, new_journal
from .job_progress import WAIT_RULE, JobProgress
from .job_retry import retry_journal
from .job_steps import async_drive, reattachment, submission
from .journal import Journal, PartRecord
from .results import BatchResult

if TYPE_CHECKING:
    from .._clients import AsyncAnyAPI


class AsyncJobs:
    """Jobs on AsyncAnyAPI (``client.jobs``); see ``Jobs`` for what each method does."""

    def __init__(self, client: AsyncAnyAPI) -> None:
        self._client = client

    async def submit(
        self,
        path: str | os.PathLike[str],
        *,
        endpoint: str,
        completion_window: str = "24h",
        metadata: Mapping[str, str] | None = None,
        journal: str | os.PathLike[str] | None = None,
        max_requests_per_batch: int = MAX_REQUESTS,
        max_bytes_per_batch: int = MAX_BYTES,
    ) -> AsyncJob:
        """As ``Jobs.submit``; the file is read and cut into parts in a worker thread."""
        import anyio.to_thread

        plan = functools.partial(
            new_journal,
            path,
            endpoint=endpoint,
            completion_window=completion_window,
            metadata=metadata,
            journal=journal,
            max_requests_per_batch=max_requests_per_batch,
            max_bytes_per_batch=max_bytes_per_batch,
        )
        started = await anyio.to_thread.run_sync(plan)
        return AsyncJob(self._client, started, await async_drive(submission(started), self._client))

    async def resume(self, journal: str | os.PathLike[str]) -> AsyncJob:
        """As ``Jobs.resume``."""
        loaded = Journal.load(journal)
        return AsyncJob(self._client, loaded, await async_drive(reattachment(loaded), self._client))


class AsyncJob(JobBase):
    """A submitted job on AsyncAnyAPI; see ``Job``. Its batches are polled and cancelled concurrently."""

    def __init__(self, client: AsyncAnyAPI, journal: Journal, batches: dict[int, Batch]) -> None:
        super().__init__(journal, batches)
        self._client = client

    async def refresh(self) -> JobProgress:
        """Retrieve each batch that has not ended, once, all at the same time."""
        return await self._poll(math.inf)

    async def wait(
        self,
        timeout: float | None = None,
        *,
        poll_interval: float | None = None,
        on_progress: Callable[[JobProgress], object] | None = None,
    ) -> JobProgress:
        """As ``Job.wait``, each round polling every batch that has not ended at the same time."""
        return await async_wait_until(
            self._poll, WAIT_RULE, timeout=timeout, poll_interval=poll_interval, on_poll=on_progress
        )

    async def _poll(self, remaining: float) -> JobProgress:
        deadline = Deadline.after(remaining)

        def retrieve(part: PartRecord) -> Awaitable[Batch]:
            timeout = min_timeout(self._client.timeout, deadline.remaining())
            return self._client.batches.retrieve(self._state.batch_id(part), timeout=timeout)

        await self._each(self._state.unfinished(), retrieve)
        return self._state.progress()

    async def results(self) -> AsyncGenerator[BatchResult, None]:
        """``async for result in job.results()``: as ``Job.results``; break out early with
        ``contextlib.aclosing(...)`` to close the file being read at once."""
        await self.refresh()
        self._check_ended()
        for part in self._journal.record.parts:
            async with aclosing(self._client.batches.results(self._state.batch_id(part))) as results:
                async for result in results:
                    yield result

    async def retry_failed(self, *, journal: str | os.PathLike[str] | None = None) -> AsyncJob | None:
        """As ``Job.retry_failed``; the files are read and written in a worker thread."""
        import anyio.to_thread

        succeeded = {result.custom_id async for result in self.results() if result.succeeded}
        retry = await anyio.to_thread.run_sync(functools.partial(retry_journal, self._journal, succeeded, journal))
        if retry is None:
            return None
        return AsyncJob(self._client, retry, await async_drive(submission(retry), self._client))

    async def cancel(self) -> JobProgress:
        """As ``Job.cancel``, every batch at the same time."""

        def cancel(part: PartRecord) -> Awaitable[Batch | BatchCancellation]:
            return self._client.batches.cancel(self._state.batch_id(part))

        await self._each(self._state.cancellable(), cancel, passing=errors.ConflictError)
        return self._state.progress()

    async def _each(
        self,
        parts: Sequence[PartRecord],
        call: Callable[[PartRecord], Awaitable[Batch | BatchCancellation]],
        passing: type[errors.APIError] | None = None,
    ) -> None:
        """``call`` for every part at once; every answer is kept before the first failure, if any, is raised.

        A failure of the class ``passing`` is no failure: that part is left as it was.
        """
        import anyio

        answers: list[tuple[PartRecord, Batch | BatchCancellation]] = []
        failures: list[errors.APIError] = []

        async def one(part: PartRecord) -> None:
            try:
                answers.append((part, await call(part)))
            except errors.APIError as error:
                if passing is None or not isinstance(error, passing):
                    failures.append(error)

        async with anyio.create_task_group() as group:
            for part in parts:
                group.start_soon(one, part)
        self._state.observe(answers)
        if failures:
            raise failures[0]
