# Copied from handwritten/workflows/journal.py by `nox -s generate`: edit it there.
"""The journal of a job: what was done so far, in a JSON file that is replaced whole after every step.

The file is read back by ``jobs.resume`` after a crash, so it says not only what is done but what was under way:
a part is ``uploading`` from just before its file is sent until the answer is recorded, and ``creating`` likewise
for its batch. A part found in one of those two steps may or may not have reached the server; it is looked for
there before anything is sent again.

Format 1::

    {
      "format": "anyapi-batches job journal",
      "version": 1,
      "job_id": "job_...",                        the tag on every batch of the job
      "created_at": 1711471533,                   when it was submitted (Unix time, this machine's clock)
      "input": "/abs/path/requests.jsonl",
      "endpoint": "/v1/chat/completions",
      "completion_window": "24h",
      "metadata": {"team": "eval"},              the caller's; the job's tags are added to it on every batch
      "max_requests_per_batch": 50000,
      "max_bytes_per_batch": 200000000,
      "parts": [
        {
          "number": 1, "offset": 0, "requests": 500, "bytes": 98304, "sha256": "...",
          "step": "planned" | "uploading" | "uploaded" | "creating" | "created",
          "file_id": "file-..." | null,           from "uploaded" on
          "file_created_at": 1711471534 | null,   the server's time of the upload
          "batch_id": "batch_..." | null,         from "created" on
          "status": "in_progress" | null          the batch's latest status seen
        }
      ],
      "retry_of": {"job_id": "...", "journal": "/abs/path/job.json"} | null,
      "retries": [{"job_id": "...", "journal": "/abs/path/job.retry-1.json"}]
    }

A reader refuses a format newer than its own with ``JournalVersionError``, and anything it cannot read as this
format with ``JournalError``, before any request is sent.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from .._runtime.atomic_files import replacing
from ..models.batch_endpoint import BATCH_ENDPOINT_VALUES
from ..models.create_batch_request_completion_window import (
    CREATE_BATCH_REQUEST_COMPLETION_WINDOW_VALUES as COMPLETION_WINDOWS,
)
from .errors import JournalError, JournalVersionError
from .job_input import PartPlan

FORMAT = "anyapi-batches job journal"
VERSION = 1
"""The newest format this release writes and reads."""


class PartStep(StrEnum):
    """How far a part has got; each step is recorded before the request that may move it on is sent."""

    PLANNED = "planned"
    UPLOADING = "uploading"
    UPLOADED = "uploaded"
    CREATING = "creating"
    CREATED = "created"


@dataclass
class PartRecord:
    plan: PartPlan
    step: PartStep = PartStep.PLANNED
    file_id: str | None = None
    file_created_at: int | None = None
    batch_id: str | None = None
    status: str | None = None

    @property
    def number(self) -> int:
        return self.plan.number


@dataclass(frozen=True)
class JobLink:
    """Another job, and where its journal is."""

    job_id: str
    journal: Path


@dataclass
class JobRecord:
    job_id: str
    created_at: int
    input: Path
    endpoint: str
    completion_window: str
    metadata: dict[str, str]
    max_requests_per_batch: int
    max_bytes_per_batch: int
    parts: list[PartRecord]
    retry_of: JobLink | None = None
    retries: list[JobLink] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "job_id": self.job_id,
            "created_at": self.created_at,
            "input": str(self.input),
            "endpoint": self.endpoint,
            "completion_window": self.completion_window,
            "metadata": self.metadata,
            "max_requests_per_batch": self.max_requests_per_batch,
            "max_bytes_per_batch": self.max_bytes_per_batch,
            "parts": [part_json(part) for part in self.parts],
            "retry_of": None if self.retry_of is None else link_json(self.retry_of),
            "retries": [link_json(link) for link in self.retries],
        }


def part_json(part: PartRecord) -> dict[str, Any]:
    plan = part.plan
    return {
        "number": plan.number,
        "offset": plan.offset,
        "requests": plan.requests,
        "bytes": plan.bytes,
        "sha256": plan.sha256,
        "step": str(part.step),
        "file_id": part.file_id,
        "file_created_at": part.file_created_at,
        "batch_id": part.batch_id,
        "status": part.status,
    }


def link_json(link: JobLink) -> dict[str, str]:
    return {"job_id": link.job_id, "journal": str(link.journal)}


class Journal:
    """A job's record and the file it is kept in; ``save()`` after every change."""

    def __init__(self, path: Path, record: JobRecord) -> None:
        self.path = path
        self.record = record

    @classmethod
    def create(cls, path: str | os.PathLike[str], record: JobRecord) -> Journal:
        """A new journal at ``path``, written now; FileExistsError if there is one already (it may be a live job's)."""
        journal = cls(Path(path).absolute(), record)
        if journal.path.exists():
            raise FileExistsError(f"{journal.path} exists: resume that job, or give another journal path")
        if not journal.path.parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, "no such directory for the journal", str(journal.path.parent))
        journal.save()
        return journal

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Journal:
        """The journal at ``path``; JournalError or JournalVersionError when it cannot be read as one.

        Raises OSError when the file cannot be read at all.
        """
        absolute = Path(path).absolute()
        raw = absolute.read_bytes()
        try:
            document = json.loads(raw)
        except (ValueError, RecursionError):
            raise JournalError(absolute, "not a job journal: not JSON") from None
        return cls(absolute, Reader(absolute).job(document))

    def save(self) -> None:
        text = json.dumps(self.record.to_json(), indent=2, ensure_ascii=False) + "\n"
        with replacing(self.path) as file:
            file.write(text.encode())


class Reader:
    """Reads a journal's JSON into records, naming the first field that is not as format 1 has it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, expected: str) -> JournalError:
        return JournalError(self.path, f"not a readable job journal: {where}: expected {expected}")

    def job(self, document: object) -> JobRecord:
        fields = self.mapping(document, "the file", "an object")
        if fields.get("format") != FORMAT:
            raise JournalError(self.path, f'not a job journal: no "format": "{FORMAT}"')
        version = fields.get("version")
        if type(version) is not int or version < 1:
            raise self.fail("version", "a whole number, 1 or more")
        if version > VERSION:
            raise JournalVersionError(self.path, version, VERSION)
        metadata = self.mapping(fields.get("metadata"), "metadata", "an object")
        parts = self.sequence(fields.get("parts"), "parts")
        retries = self.sequence(fields.get("retries"), "retries")
        retry_of = fields.get("retry_of")
        record = JobRecord(
            job_id=self.text(fields, "job_id"),
            created_at=self.whole(fields, "created_at"),
            input=Path(self.text(fields, "input")),
            endpoint=self.choice(fields, "endpoint", BATCH_ENDPOINT_VALUES),
            completion_window=self.choice(fields, "completion_window", COMPLETION_WINDOWS),
            metadata={key: self.string(metadata, key, "metadata.") for key in metadata},
            max_requests_per_batch=self.whole(fields, "max_requests_per_batch", least=1),
            max_bytes_per_batch=self.whole(fields, "max_bytes_per_batch", least=1),
            parts=[self.part(part, index) for index, part in enumerate(parts)],
            retry_of=None if retry_of is None else self.link(retry_of, "retry_of"),
            retries=[self.link(link, f"retries[{index}]") for index, link in enumerate(retries)],
        )
        if not record.parts:
            raise self.fail("parts", "at least one part")
        return record

    def part(self, value: object, index: int) -> PartRecord:
        where = f"parts[{index}]."
        fields = self.mapping(value, where[:-1], "an object")
        plan = PartPlan(
            number=self.whole(fields, "number", where, least=1),
            offset=self.whole(fields, "offset", where),
            requests=self.whole(fields, "requests", where, least=1),
            bytes=self.whole(fields, "bytes", where, least=1),
            sha256=self.text(fields, "sha256", where),
        )
        if plan.number != index + 1:
            raise self.fail(f"{where}number", f"{index + 1}, the parts in order")
        step = fields.get("step")
        if step not in set(PartStep):
            raise self.fail(f"{where}step", "one of " + ", ".join(PartStep))
        part = PartRecord(
            plan,
            PartStep(step),
            file_id=self.optional_text(fields, "file_id", where),
            file_created_at=self.optional_whole(fields, "file_created_at", where),
            batch_id=self.optional_text(fields, "batch_id", where),
            status=self.optional_text(fields, "status", where),
        )
        if part.step in (PartStep.UPLOADED, PartStep.CREATING, PartStep.CREATED) and part.file_id is None:
            raise self.fail(f"{where}file_id", f"a file id, the part being {step}")
        if part.step is PartStep.CREATED and part.batch_id is None:
            raise self.fail(f"{where}batch_id", "a batch id, the part being created")
        return part

    def link(self, value: object, where: str) -> JobLink:
        fields = self.mapping(value, where, "an object")
        return JobLink(self.text(fields, "job_id", f"{where}."), Path(self.text(fields, "journal", f"{where}.")))

    def mapping(self, value: object, where: str, expected: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, expected)
        return value

    def sequence(self, value: object, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, "a list")
        return value

    def text(self, fields: Mapping[str, Any], key: str, where: str = "") -> str:
        value = self.string(fields, key, where)
        if not value:
            raise self.fail(where + key, "a non-empty string")
        return value

    def string(self, fields: Mapping[str, Any], key: str, where: str) -> str:
        value = fields.get(key)
        if not isinstance(value, str):
            raise self.fail(where + key, "a string")
        return value

    def choice(self, fields: Mapping[str, Any], key: str, allowed: Collection[str]) -> str:
        value = fields.get(key)
        if value not in allowed:
            raise self.fail(key, "one of " + ", ".join(sorted(allowed)))
        return str(value)

    def optional_text(self, fields: Mapping[str, Any], key: str, where: str) -> str | None:
        return None if fields.get(key) is None else self.text(fields, key, where)

    def whole(self, fields: Mapping[str, Any], key: str, where: str = "", *, least: int = 0) -> int:
        value = fields.get(key)
        if type(value) is not int or value < least:
            raise self.fail(where + key, f"a whole number, {least} or more")
        return value

    def optional_whole(self, fields: Mapping[str, Any], key: str, where: str) -> int | None:
        return None if fields.get(key) is None else self.whole(fields, key, where)
