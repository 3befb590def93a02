# Copied from handwritten/testing/state.py by `nox -s generate`: edit it there.
"""What the fake holds: files and batches, and the rules of the API for changing them."""

from __future__ import annotations

from dataclasses import dataclass

from ..models.stored_file_purpose import StoredFilePurpose
from .batch_input import scan
from .batch_run import BatchRun, Timings
from .catalogue import Catalogue
from .clock import Clock
from .ids import Ids
from .problems import ApiProblem, bad_request, not_found
from .responders import Answer, BatchRequest, RequestFailures, Responder

RESULTS_LIFETIME = 30 * 24 * 3600
"""How long output and error files are kept unless the batch asks otherwise (OpenAI's default)."""


@dataclass
class StoredFile:
    id: str
    filename: str
    purpose: StoredFilePurpose
    created_at: float
    content: memoryview
    expires_at: float | None = None


class FakeState:
    """The fake's files and batches; every method expects the caller to hold the fake's lock."""

    def __init__(
        self,
        clock: Clock,
        timings: Timings,
        responder: Responder,
        failures: RequestFailures,
        *,
        short_cancel_answer: bool,
        max_upload_bytes: int,
    ) -> None:
        self.clock = clock
        self.short_cancel_answer = short_cancel_answer
        self.max_upload_bytes = max_upload_bytes
        self.timings = timings
        self.responder = responder
        self.failures = failures
        self.files: Catalogue[StoredFile] = Catalogue()
        self.batches: Catalogue[BatchRun] = Catalogue()
        self._ids = Ids()

    # What a batch asks of the fake while it runs (batch_run.Services).
    def answer(self, request: BatchRequest) -> Answer:
        if self.failures.fails(request.custom_id):
            return self.failures.answer()
        return self.responder(request)

    def new_id(self, prefix: str) -> str:
        return self._ids.new(prefix)

    def save_results(self, filename: str, content: bytearray, at: float, lifetime: float) -> str:
        stored = StoredFile(self.new_id("file-"), filename, "batch_output", at, memoryview(content).toreadonly())
        stored.expires_at = at + lifetime
        self.files.add(stored.id, stored)
        return stored.id

    def settle(self) -> None:
        """Bring every batch and file up to the clock's present."""
        now = self.clock.now()
        for batch in self.batches:
            batch.settle(now, self)
        for stored in self.files:
            if stored.expires_at is not None and stored.expires_at <= now:
                self.files.remove(stored.id)

    def upload(self, filename: str, purpose: StoredFilePurpose, content: memoryview) -> StoredFile:
        stored = StoredFile(self.new_id("file-"), filename, purpose, self.clock.now(), content)
        self.files.add(stored.id, stored)
        return stored

    def file(self, file_id: str) -> StoredFile:
        stored = self.files.get(file_id)
        if stored is None:
            raise not_found("file", file_id)
        return stored

    def delete_file(self, file_id: str) -> None:
        self.file(file_id)
        self.files.remove(file_id)

    def create_batch(
        self,
        input_file_id: str,
        endpoint: str,
        completion_window: str,
        metadata: dict[str, str] | None,
        results_lifetime: float | None,
    ) -> BatchRun:
        source = self.files.get(input_file_id)
        if source is None:
            raise bad_request(f"Invalid input_file_id: no file found with id {input_file_id!r}")
        if source.purpose != "batch":
            raise bad_request(
                f"Invalid input_file_id: file {input_file_id!r} has purpose {source.purpose!r}, not 'batch'"
            )
        batch = BatchRun(
            batch_id=self.new_id("batch_"),
            endpoint=endpoint,
            input_file_id=input_file_id,
            completion_window=completion_window,
            metadata=metadata,
            results_lifetime=RESULTS_LIFETIME if results_lifetime is None else results_lifetime,
            created_at=self.clock.now(),
            content=source.content,
            scanned=scan(source.content, endpoint),
            timings=self.timings,
        )
        self.batches.add(batch.id, batch)
        return batch

    def batch(self, batch_id: str) -> BatchRun:
        batch = self.batches.get(batch_id)
        if batch is None:
            raise not_found("batch", batch_id)
        return batch

    def cancel(self, batch_id: str) -> BatchRun:
        batch = self.batch(batch_id)
        # Caught up to the very moment of the cancel: a running clock has moved on since the last settle.
        now = self.clock.now()
        batch.settle(now, self)
        if not batch.cancel(now):
            raise ApiProblem(409, f"Cannot cancel a batch with status {batch.status!r}")
        return batch
