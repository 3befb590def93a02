"""``client.jobs`` of AnyAPI and of AsyncAnyAPI behind one awaitable interface, so that each test runs on both.

The sync client runs straight inside the coroutine: the fake answers in-process, so blocking is harmless.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from anyapi_batches import AnyAPI, AsyncAnyAPI
from anyapi_batches.models import Batch, FileObject
from anyapi_batches.testing import FakeAnyAPI
from anyapi_batches.workflows import AsyncJob, BatchResult, Job, JobProgress
from tests.support.batch_files import CHAT, chat_line

JOB_TAG, PART_TAG = "anyapi_job", "anyapi_job_part"


class JobUnderTest(Protocol):
    @property
    def job(self) -> Job | AsyncJob: ...

    async def wait(
        self,
        timeout: float | None = None,
        *,
        poll_interval: float | None = None,
        on_progress: Callable[[JobProgress], object] | None = None,
    ) -> JobProgress: ...

    async def refresh(self) -> JobProgress: ...

    async def cancel(self) -> JobProgress: ...

    async def results(self) -> list[BatchResult]: ...

    async def retry_failed(self, **options: Any) -> JobUnderTest | None: ...


class JobsUnderTest(Protocol):
    flavour: str

    async def submit(self, path: Path, **options: Any) -> JobUnderTest: ...

    async def resume(self, journal: Path) -> JobUnderTest: ...


@dataclass
class SyncJob:
    job: Job

    async def wait(self, *args: Any, **options: Any) -> JobProgress:
        return self.job.wait(*args, **options)

    async def refresh(self) -> JobProgress:
        return self.job.refresh()

    async def cancel(self) -> JobProgress:
        return self.job.cancel()

    async def results(self) -> list[BatchResult]:
        return list(self.job.results())

    async def retry_failed(self, **options: Any) -> JobUnderTest | None:
        retry = self.job.retry_failed(**options)
        return None if retry is None else SyncJob(retry)


@dataclass
class AsyncJobUnderTest:
    job: AsyncJob

    async def wait(self, *args: Any, **options: Any) -> JobProgress:
        return await self.job.wait(*args, **options)

    async def refresh(self) -> JobProgress:
        return await self.job.refresh()

    async def cancel(self) -> JobProgress:
        return await self.job.cancel()

    async def results(self) -> list[BatchResult]:
        return [result async for result in self.job.results()]

    async def retry_failed(self, **options: Any) -> JobUnderTest | None:
        retry = await self.job.retry_failed(**options)
        return None if retry is None else AsyncJobUnderTest(retry)


@dataclass
class SyncJobs:
    client: AnyAPI
    flavour: str = "sync"

    async def submit(self, path: Path, **options: Any) -> JobUnderTest:
        return SyncJob(self.client.jobs.submit(path, **{"endpoint": CHAT, **options}))

    async def resume(self, journal: Path) -> JobUnderTest:
        return SyncJob(self.client.jobs.resume(journal))


@dataclass
class AsyncJobs:
    client: AsyncAnyAPI
    flavour: str = "async"

    async def submit(self, path: Path, **options: Any) -> JobUnderTest:
        return AsyncJobUnderTest(await self.client.jobs.submit(path, **{"endpoint": CHAT, **options}))

    async def resume(self, journal: Path) -> JobUnderTest:
        return AsyncJobUnderTest(await self.client.jobs.resume(journal))


def write_requests(path: Path, count: int, *, prefix: str = "request-") -> Path:
    """A file of ``count`` chat requests, named ``prefix`` and their number from 1."""
    path.write_bytes(b"".join(json.dumps(chat_line(f"{prefix}{n}")).encode() + b"\n" for n in range(1, count + 1)))
    return path


def job_batches(client: AnyAPI, job_id: str) -> dict[int, list[Batch]]:
    """Every batch on the server tagged with ``job_id``, by part number."""
    found: dict[int, list[Batch]] = {}
    for batch in client.batches.list(limit=100):
        pairs = batch.to_dict().get("metadata") or {}
        if pairs.get(JOB_TAG) == job_id:
            found.setdefault(int(pairs[PART_TAG]), []).append(batch)
    return found


def job_uploads(client: AnyAPI, job_id: str) -> dict[str, list[FileObject]]:
    """Every uploaded file of the job's parts, by name."""
    found: dict[str, list[FileObject]] = {}
    for file in client.files.list(purpose="batch"):
        if file.filename.startswith(f"{job_id}."):
            found.setdefault(file.filename, []).append(file)
    return found


def operations(fake: FakeAnyAPI) -> list[str | None]:
    """The operations the fake was sent, in order."""
    return [received.operation_id for received in fake.received]
