"""How a job is submitted and reattached, written once for AnyAPI and AsyncAnyAPI.

The steps are generators: each yields the API call it needs (a ``Call``, which knows how to run itself on
either client) and is sent the answer back, so that the order of calls and journal writes, which is what
makes a crash at any point recoverable, lives in one place. ``drive`` and ``async_drive`` run them.

The order, for each part: the journal says ``uploading``, the part is uploaded, the journal records the file;
the journal says ``creating``, the batch is created, the journal records the batch. A part found ``uploading``
or ``creating`` on resume is looked for on the server first: its file by its name (unique to the job and part)
and size, its batch by the job's tags and its file. Only when it is not there is the call made again.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterable, Callable, Generator, Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, BinaryIO, Generic, TypeVar

from .. import errors
from ..models import Batch, FileObject, Metadata
from ..types import File
from .errors import InputChangedError, MissingBatchError
from .job_input import copy_part
from .journal import Journal, PartRecord, PartStep

if TYPE_CHECKING:
    from .._clients import AnyAPI, AsyncAnyAPI

R = TypeVar("R")
T = TypeVar("T")

JOB_TAG = "anyapi_job"
"""The metadata key of every batch of a job: the job's id."""
PART_TAG = "anyapi_job_part"
"""The metadata key of every batch of a job: the number of its part, from 1."""
PAGE_SIZE = 100
"""Batches asked for per page while looking for one; the most a page of the list may hold."""


def part_filename(job_id: str, number: int) -> str:
    """The name a part is uploaded under: unique to the job and the part, so that it can be found again."""
    return f"{job_id}.part-{number}.jsonl"


def tags(job_id: str, number: int) -> dict[str, str]:
    return {JOB_TAG: job_id, PART_TAG: str(number)}


def check_metadata(metadata: Mapping[str, str]) -> dict[str, str]:
    """The caller's metadata for every batch of a job, refused with a ValueError unless it fits with the job's tags.

    The limits are the spec's (``Metadata``): so many pairs, keys and values of so many characters.
    """
    if not isinstance(metadata, Mapping):
        raise TypeError(f"metadata must be a mapping of strings to strings, got {type(metadata).__name__}")
    schema = Metadata.json_schema()
    most_pairs, key_limits = schema.limits.max_properties, schema.limits.property_names
    most_key = key_limits.max_length if key_limits is not None else None
    value_limits = getattr(schema.extra, "limits", None)
    most_value = value_limits.max_length if value_limits is not None else None
    taken = sorted(set(metadata) & {JOB_TAG, PART_TAG})
    if taken:
        raise ValueError(f"metadata may not use the keys {', '.join(taken)}: the job tags its batches with them")
    if most_pairs is not None and len(metadata) + 2 > most_pairs:
        raise ValueError(
            f"metadata has {len(metadata)} pairs; a batch takes {most_pairs}, of which the job's tags"
            f" ({JOB_TAG}, {PART_TAG}) take 2, so at most {most_pairs - 2} are left"
        )
    for key, value in metadata.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError(f"metadata keys and values must be strings, got {key!r}: {value!r}")
        if most_key is not None and len(key) > most_key:
            raise ValueError(f"metadata key {key[:20]!r}... is longer than {most_key} characters")
        if most_value is not None and len(value) > most_value:
            raise ValueError(f"metadata.{key} is longer than {most_value} characters")
    return dict(metadata)


class Verdict(Enum):
    MATCH = "match"
    SKIP = "skip"
    STOP = "stop"
    """Nothing further on in the list can match."""


class Call(ABC, Generic[R]):
    """One API call the steps need, runnable on either client."""

    @abstractmethod
    def run(self, client: AnyAPI) -> R: ...

    @abstractmethod
    async def run_async(self, client: AsyncAnyAPI) -> R: ...


Steps = Generator[Call[Any], Any, R]


def drive(steps: Steps[R], client: AnyAPI) -> R:
    """Run ``steps`` to their end on a sync client."""
    answer: Any = None
    while True:
        try:
            call = steps.send(answer)
        except StopIteration as done:
            result: R = done.value
            return result
        answer = call.run(client)


async def async_drive(steps: Steps[R], client: AsyncAnyAPI) -> R:
    """Run ``steps`` to their end on an async client."""
    answer: Any = None
    while True:
        try:
            call = steps.send(answer)
        except StopIteration as done:
            result: R = done.value
            return result
        answer = await call.run_async(client)


def first(items: Iterable[T], verdict: Callable[[T], Verdict]) -> T | None:
    for item in items:
        found = verdict(item)
        if found is not Verdict.SKIP:
            return item if found is Verdict.MATCH else None
    return None


async def async_first(items: AsyncIterable[T], verdict: Callable[[T], Verdict]) -> T | None:
    async for item in items:
        found = verdict(item)
        if found is not Verdict.SKIP:
            return item if found is Verdict.MATCH else None
    return None


class Upload(Call[FileObject]):
    def __init__(self, journal: Journal, part: PartRecord) -> None:
        self.journal = journal
        self.part = part
        self.filename = part_filename(journal.record.job_id, part.number)

    def copy(self) -> BinaryIO:
        copy = copy_part(self.journal.record.input, self.part.plan)
        if copy is None:
            raise InputChangedError(self.journal.path, self.journal.record.input, self.part.number)
        return copy

    def run(self, client: AnyAPI) -> FileObject:
        with self.copy() as copy:
            return client.files.create(file=File(payload=copy, file_name=self.filename), purpose="batch")

    async def run_async(self, client: AsyncAnyAPI) -> FileObject:
        import anyio.to_thread  # as the runtime does: only async programs load anyio

        with await anyio.to_thread.run_sync(self.copy) as copy:
            return await client.files.create(file=File(payload=copy, file_name=self.filename), purpose="batch")


class FindUpload(Call[FileObject | None]):
    """The part's file, if an upload whose answer was lost stored it."""

    def __init__(self, journal: Journal, part: PartRecord) -> None:
        self.filename = part_filename(journal.record.job_id, part.number)
        self.size = part.plan.bytes
        # Files are listed newest first, and no earlier part's upload came after this one's.
        known = [other.file_created_at for other in journal.record.parts if other.file_created_at is not None]
        self.not_before = max(known, default=None)

    def verdict(self, file: FileObject) -> Verdict:
        if self.not_before is not None and file.created_at < self.not_before:
            return Verdict.STOP
        return Verdict.MATCH if (file.filename, file.bytes_) == (self.filename, self.size) else Verdict.SKIP

    def run(self, client: AnyAPI) -> FileObject | None:
        return first(client.files.list(purpose="batch", order="desc"), self.verdict)

    async def run_async(self, client: AsyncAnyAPI) -> FileObject | None:
        return await async_first(client.files.list(purpose="batch", order="desc"), self.verdict)


class CreateBatch(Call[Batch]):
    def __init__(self, journal: Journal, part: PartRecord) -> None:
        record = journal.record
        assert part.file_id is not None, "a part is created only once its file is recorded"
        self.options: dict[str, Any] = {
            "input_file_id": part.file_id,
            "endpoint": record.endpoint,
            "completion_window": record.completion_window,
            "metadata": {**record.metadata, **tags(record.job_id, part.number)},
        }

    def run(self, client: AnyAPI) -> Batch:
        return client.batches.create(**self.options)

    async def run_async(self, client: AsyncAnyAPI) -> Batch:
        return await client.batches.create(**self.options)


class FindBatch(Call[Batch | None]):
    """The part's batch, if a create whose answer was lost made it."""

    def __init__(self, journal: Journal, part: PartRecord) -> None:
        self.tags = tags(journal.record.job_id, part.number)
        self.file_id = part.file_id
        # Batches are listed newest first, and none made from the part's file is older than the file.
        self.not_before = part.file_created_at

    def verdict(self, batch: Batch) -> Verdict:
        if self.not_before is not None and batch.created_at < self.not_before:
            return Verdict.STOP
        metadata = batch.metadata
        pairs = metadata.additional_properties if isinstance(metadata, Metadata) else {}
        ours = all(pairs.get(key) == value for key, value in self.tags.items())
        return Verdict.MATCH if ours and batch.input_file_id == self.file_id else Verdict.SKIP

    def run(self, client: AnyAPI) -> Batch | None:
        return first(client.batches.list(limit=PAGE_SIZE), self.verdict)

    async def run_async(self, client: AsyncAnyAPI) -> Batch | None:
        return await async_first(client.batches.list(limit=PAGE_SIZE), self.verdict)


class Retrieve(Call[Batch | None]):
    """A batch, or None when the server does not know it."""

    def __init__(self, batch_id: str) -> None:
        self.batch_id = batch_id

    def run(self, client: AnyAPI) -> Batch | None:
        try:
            return client.batches.retrieve(self.batch_id)
        except errors.NotFoundError:
            return None

    async def run_async(self, client: AsyncAnyAPI) -> Batch | None:
        try:
            return await client.batches.retrieve(self.batch_id)
        except errors.NotFoundError:
            return None


def submission(journal: Journal) -> Steps[dict[int, Batch]]:
    """Upload and create every part not created yet; the batches made, by part number."""
    made: dict[int, Batch] = {}
    for part in journal.record.parts:
        if part.step is PartStep.CREATED:
            continue
        if part.step in (PartStep.PLANNED, PartStep.UPLOADING):
            yield from upload(journal, part)
        made[part.number] = yield from create(journal, part)
    return made


def upload(journal: Journal, part: PartRecord) -> Steps[None]:
    stored = yield from once(journal, part, PartStep.UPLOADING, FindUpload(journal, part), Upload(journal, part))
    part.step, part.file_id, part.file_created_at = PartStep.UPLOADED, stored.id, stored.created_at
    journal.save()


def create(journal: Journal, part: PartRecord) -> Steps[Batch]:
    batch = yield from once(journal, part, PartStep.CREATING, FindBatch(journal, part), CreateBatch(journal, part))
    part.step, part.batch_id, part.status = PartStep.CREATED, batch.id, batch.status
    journal.save()
    return batch


def once(journal: Journal, part: PartRecord, under_way: PartStep, find: Call[T | None], make: Call[T]) -> Steps[T]:
    """What ``make`` makes, made at most once: a part already ``under_way`` may have been made by a call whose
    answer was lost, so ``find`` looks for it first. The journal says ``under_way`` before ``make`` is sent."""
    made: T | None = None
    if part.step is under_way:
        made = yield find
    if made is None:
        part.step = under_way
        journal.save()
        made = yield make
    return made


def reattachment(journal: Journal) -> Steps[dict[int, Batch]]:
    """Check that every batch the journal records still exists, then submit what is left; every part's batch.

    Raises MissingBatchError, having sent nothing but the checks, when any recorded batch is unknown.
    """
    found: dict[int, Batch] = {}
    missing: list[str] = []
    for part in journal.record.parts:
        if part.batch_id is None:
            continue
        batch = yield Retrieve(part.batch_id)
        if batch is None:
            missing.append(part.batch_id)
        else:
            found[part.number] = batch
            part.status = batch.status
    if missing:
        raise MissingBatchError(journal.path, missing)
    journal.save()
    made = yield from submission(journal)
    return {**found, **made}
