"""What a job is on either client: a new journal made from a file of requests, and the view of a job's parts."""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .._runtime.errors import BatchNotEndedError
from ..models import Batch
from ..models.create_batch_request_completion_window import CREATE_BATCH_REQUEST_COMPLETION_WINDOW_VALUES
from .job_input import input_path, split_input
from .job_progress import JobProgress, JobState
from .job_steps import check_metadata
from .journal import JobLink, JobRecord, Journal, PartRecord

JOURNAL_SUFFIX = ".job.json"


@dataclass(frozen=True)
class JobPart:
    """One part of a job: its requests, and the file and batch made of them."""

    number: int
    requests: int
    file_id: str | None
    batch_id: str | None
    status: str | None
    """The latest status seen of its batch."""


def new_journal(
    path: str | os.PathLike[str],
    *,
    endpoint: str,
    completion_window: str,
    metadata: Mapping[str, str] | None,
    journal: str | os.PathLike[str] | None,
    max_requests_per_batch: int,
    max_bytes_per_batch: int,
    retry_of: JobLink | None = None,
) -> Journal:
    """Check the arguments and the file of requests, cut it into parts and write the journal of a new job.

    Nothing is sent: the file's problems, metadata that does not fit with the job's tags, an unknown completion
    window or an existing journal stop it here.
    """
    limits = {"max_requests_per_batch": max_requests_per_batch, "max_bytes_per_batch": max_bytes_per_batch}
    for name, value in limits.items():
        if type(value) is not int or value < 1:
            raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")
    if completion_window not in CREATE_BATCH_REQUEST_COMPLETION_WINDOW_VALUES:
        allowed = ", ".join(sorted(CREATE_BATCH_REQUEST_COMPLETION_WINDOW_VALUES))
        raise ValueError(f"completion_window {completion_window!r} is not one of {allowed}")
    caller_metadata = check_metadata(metadata or {})
    source = input_path(path)
    journal_path = Path(journal) if journal is not None else source.with_suffix(JOURNAL_SUFFIX)
    if journal_path.exists():
        raise FileExistsError(f"{journal_path} exists: resume that job, or give another journal path")
    split = split_input(source, endpoint, max_requests_per_batch, max_bytes_per_batch)
    record = JobRecord(
        job_id=f"job_{secrets.token_hex(8)}",
        created_at=int(time.time()),
        input=source,
        endpoint=split.summary.endpoint,
        completion_window=completion_window,
        metadata=caller_metadata,
        max_requests_per_batch=max_requests_per_batch,
        max_bytes_per_batch=max_bytes_per_batch,
        parts=[PartRecord(plan) for plan in split.parts],
        retry_of=retry_of,
    )
    return Journal.create(journal_path, record)


class JobBase:
    """The parts of a job and their progress as last seen; the journal is kept up to date with them."""

    def __init__(self, journal: Journal, batches: dict[int, Batch]) -> None:
        self._journal = journal
        self._state = JobState(journal, batches)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self.id!r}, journal={str(self.journal)!r}, parts={len(self.parts)})"

    @property
    def id(self) -> str:
        """The job's id, the ``anyapi_job`` tag in the metadata of each of its batches."""
        return self._journal.record.job_id

    @property
    def journal(self) -> Path:
        """Where its journal is: ``jobs.resume(job.journal)`` takes the job up again."""
        return self._journal.path

    @property
    def parts(self) -> tuple[JobPart, ...]:
        return tuple(
            JobPart(part.number, part.plan.requests, part.file_id, part.batch_id, part.status)
            for part in self._journal.record.parts
        )

    @property
    def batches(self) -> tuple[Batch, ...]:
        """The latest state seen of each part's batch, in part order."""
        return tuple(self._state.batches[part.number] for part in self._journal.record.parts)

    def progress(self) -> JobProgress:
        """The progress as last seen, without asking the server (``refresh()`` asks)."""
        return self._state.progress()

    def _check_ended(self) -> None:
        """Raise BatchNotEndedError for the first part whose batch, as last seen, has not ended."""
        for part in self._state.unfinished():
            batch = self._state.batches[part.number]
            raise BatchNotEndedError(
                f"Batch {batch.id!r} (part {part.number} of job {self.id}) has not ended: it is {batch.status!r}. "
                "A job's results are ready once each of its batches has ended (job.wait() waits for that).",
                batch=batch,
            )
