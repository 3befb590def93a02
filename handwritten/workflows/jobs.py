"""``client.jobs``: a whole file of requests run as one job, split into batches, with a journal to resume it from."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING

from .. import errors
from .._runtime.attempts import Deadline
from .._runtime.waiting import min_timeout, wait_until
from ..models import Batch
from .input_check import MAX_BYTES, MAX_REQUESTS
from .job_base import JobBase, new_journal
from .job_progress import WAIT_RULE, JobProgress
from .job_retry import retry_journal
from .job_steps import drive, reattachment, submission
from .journal import Journal
from .results import BatchResult

if TYPE_CHECKING:
    from .._clients import AnyAPI


class Jobs:
    """Jobs: a file of requests checked, cut into batches, submitted and resumed after a crash (``client.jobs``)."""

    def __init__(self, client: AnyAPI) -> None:
        self._client = client

    def submit(
        self,
        path: str | os.PathLike[str],
        *,
        endpoint: str,
        completion_window: str = "24h",
        metadata: Mapping[str, str] | None = None,
        journal: str | os.PathLike[str] | None = None,
        max_requests_per_batch: int = MAX_REQUESTS,
        max_bytes_per_batch: int = MAX_BYTES,
    ) -> Job:
        """Check a JSONL file of requests, cut it into parts within a batch's limits, and make a batch of each.

        Each part is uploaded under a name unique to the job and the part, and its batch carries ``metadata``
        plus two tags: ``anyapi_job`` (the job's id) and ``anyapi_job_part`` (the part's number, from 1). The
        journal records every step before and after it is taken, so that ``resume`` can finish the job after a
        crash at any point without uploading a part or creating a batch twice.

        Args:
            path: the file of requests, one JSON object per line.
            endpoint: the endpoint of every request.
            completion_window: the batches' completion window.
            metadata: pairs for every batch; with the two tags they must fit the API's limits (16 pairs).
            journal: where to write the journal; by default beside ``path``, named ``<stem>.job.json``.
            max_requests_per_batch: the most requests one part holds.
            max_bytes_per_batch: the largest part, in bytes.

        Raises:
            InvalidInputError: the file has problems (nothing was sent or written).
            FileExistsError: the journal exists already (it may be a running job's; resume it instead).
            TypeError, ValueError: an argument the API would refuse (nothing was sent or written).
            InputChangedError: the file changed while the job was being submitted.
            OSError: the file cannot be read, or the journal cannot be written.
            errors.APIError: a call failed; the journal says how far the job got, and ``resume`` goes on from there.
        """
        started = new_journal(
            path,
            endpoint=endpoint,
            completion_window=completion_window,
            metadata=metadata,
            journal=journal,
            max_requests_per_batch=max_requests_per_batch,
            max_bytes_per_batch=max_bytes_per_batch,
        )
        return Job(self._client, started, drive(submission(started), self._client))

    def resume(self, journal: str | os.PathLike[str]) -> Job:
        """Take a job up again from its journal: check its batches, then upload and create what is still missing.

        A part whose upload or create was under way when the journal was last written is first looked for on
        the server (its file by its name, its batch by its tags), and sent again only when it is not there.

        Raises:
            JournalError: the file is no job journal, or is damaged; JournalVersionError: it comes from a newer
                release. Nothing was sent.
            MissingBatchError: a batch the journal records is unknown to the server; nothing was created.
            InputChangedError: a part still to upload is no longer in the file of requests as it was.
            OSError: the journal or the file of requests cannot be read, or the journal cannot be written.
            errors.APIError: a call failed; the journal is up to date, and resuming again goes on from there.
        """
        loaded = Journal.load(journal)
        return Job(self._client, loaded, drive(reattachment(loaded), self._client))


class Job(JobBase):
    """A submitted job: every part has its batch. Its journal is kept up to date as its batches move on."""

    def __init__(self, client: AnyAPI, journal: Journal, batches: dict[int, Batch]) -> None:
        super().__init__(journal, batches)
        self._client = client

    def refresh(self) -> JobProgress:
        """Retrieve each batch that has not ended, once."""
        return self._poll(math.inf)

    def wait(
        self,
        timeout: float | None = None,
        *,
        poll_interval: float | None = None,
        on_progress: Callable[[JobProgress], object] | None = None,
    ) -> JobProgress:
        """Poll the batches that have not ended until all have; the progress at the end.

        The polls follow the same adaptive schedule as ``batches.wait``, over the job's combined progress
        (``poll_interval`` fixes it); each round retrieves every batch that has not ended, and ``on_progress``
        is called after each round with the requests done and failed of the total over all parts.

        Raises:
            errors.WaitTimeoutError: ``timeout`` seconds passed first (None: no limit); ``.batch`` holds the
                last JobProgress.
            errors.APIError: a poll failed for a reason not worth retrying.
        """
        return wait_until(self._poll, WAIT_RULE, timeout=timeout, poll_interval=poll_interval, on_poll=on_progress)

    def _poll(self, remaining: float) -> JobProgress:
        deadline = Deadline.after(remaining)
        for part in self._state.unfinished():
            timeout = min_timeout(self._client.timeout, deadline.remaining())
            batch = self._client.batches.retrieve(self._state.batch_id(part), timeout=timeout)
            self._state.observe([(part, batch)])
        return self._state.progress()

    def results(self) -> Generator[BatchResult, None, None]:
        """Every result of the job, one per request: each part's ``batches.results()``, part after part.

        Every batch that has not ended as last seen is retrieved first, and the results come only once all
        have ended. Break out early with ``contextlib.closing(...)`` to close the file being read at once.

        Raises:
            errors.BatchNotEndedError: a part's batch has not ended (nothing was read; ``wait()`` first).
            errors.ResponseValidationError, errors.APIError: as ``batches.results()`` raises them.
        """
        self.refresh()
        self._check_ended()
        for part in self._journal.record.parts:
            yield from self._client.batches.results(self._state.batch_id(part))

    def retry_failed(self, *, journal: str | os.PathLike[str] | None = None) -> Job | None:
        """Submit, as a new job, the requests that did not succeed: failed, expired, cancelled or without a result.

        Each goes as its line of the job's file of requests, its custom_id kept. The new job's file and journal
        are written beside this job's journal (``<name>.retry-<n>.jsonl`` and ``.json``, or ``journal``), with
        the same endpoint, metadata and limits; the two journals name each other. None, and nothing written,
        when every request succeeded.

        Raises:
            errors.BatchNotEndedError: a part's batch has not ended (``wait()`` first).
            InputChangedError: the job's file of requests no longer holds its parts as they were.
            FileExistsError: the new journal exists.
            errors.APIError, OSError: as ``results()`` and ``Jobs.submit`` raise them.
        """
        succeeded = {result.custom_id for result in self.results() if result.succeeded}
        retry = retry_journal(self._journal, succeeded, journal)
        return None if retry is None else Job(self._client, retry, drive(submission(retry), self._client))

    def cancel(self) -> JobProgress:
        """Ask for every batch that has not ended to be cancelled; one that ended meanwhile is left as it is."""
        for part in self._state.cancellable():
            try:
                answer = self._client.batches.cancel(self._state.batch_id(part))
            except errors.ConflictError:
                continue
            self._state.observe([(part, answer)])
        return self._state.progress()
