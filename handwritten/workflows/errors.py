"""The errors of the workflow layer, and the problems an input check finds, as data callers can act on.

Each derives from ``errors.AnyAPIError``, so that ``except AnyAPIError`` still catches everything the package
raises on purpose::

    AnyAPIError
    ├── InvalidInputError           a file of requests the API would refuse (also a ValueError)
    └── JobError                    a job cannot go on from its journal
        ├── JournalError                the journal is no job journal, or is damaged
        │   └── JournalVersionError         written by a newer release, in a format this one cannot read
        ├── InputChangedError           the file of requests is no longer what the journal recorded
        └── MissingBatchError           a batch the journal records is unknown to the server
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .._runtime.errors import AnyAPIError


class ProblemCode(StrEnum):
    """What is wrong with a file of requests; a StrEnum, so each compares equal to its plain string."""

    NOT_UTF8 = "not_utf8"
    NOT_JSON = "not_json"
    BLANK_LINE = "blank_line"
    NOT_OBJECT = "not_object"
    MISSING_FIELD = "missing_field"
    UNKNOWN_FIELD = "unknown_field"
    WRONG_TYPE = "wrong_type"
    EMPTY_CUSTOM_ID = "empty_custom_id"
    DUPLICATE_CUSTOM_ID = "duplicate_custom_id"
    WRONG_METHOD = "wrong_method"
    UNKNOWN_ENDPOINT = "unknown_endpoint"
    WRONG_ENDPOINT = "wrong_endpoint"
    MIXED_ENDPOINTS = "mixed_endpoints"
    LINE_TOO_LARGE = "line_too_large"
    TOO_MANY_REQUESTS = "too_many_requests"
    FILE_TOO_LARGE = "file_too_large"
    NO_REQUESTS = "no_requests"


@dataclass(frozen=True)
class InputProblem:
    """One problem: the line it is on (counted from 1; None when it concerns the whole file), its code, and a
    message that names what is wrong, with any value from the file escaped and shortened."""

    line: int | None
    code: ProblemCode
    message: str

    def __str__(self) -> str:
        where = "file" if self.line is None else f"line {self.line}"
        return f"{where}: {self.code}: {self.message}"


class InvalidInputError(AnyAPIError, ValueError):
    """A file of requests that the API would refuse, or that would fail in part; nothing was uploaded or written.

    It is a ValueError as well, as it was before it joined the package's error tree.

    ``problems`` lists the whole-file problems first, then those of single lines in the order of their lines, up
    to the number asked for; ``more`` counts the ones found beyond that.
    """

    def __init__(self, path: Path, problems: tuple[InputProblem, ...], more: int) -> None:
        self.path = path
        self.problems = problems
        self.more = more
        listed = "".join(f"\n  {problem}" for problem in problems)
        tail = f"\n  ... and {more} more" if more else ""
        super().__init__(f"{path}: {self.count} problem{'s' if self.count != 1 else ''}:{listed}{tail}")

    @property
    def count(self) -> int:
        """How many problems were found in all."""
        return len(self.problems) + self.more


class JobError(AnyAPIError):
    """A job cannot go on as its journal says; ``journal`` is the journal's path."""

    def __init__(self, journal: Path, message: str) -> None:
        super().__init__(f"{journal}: {message}")
        self.journal = journal


class JournalError(JobError):
    """The journal is no job journal, or is damaged; nothing was sent."""


class JournalVersionError(JournalError):
    """The journal was written by a newer release, in a format this one cannot read; nothing was sent."""

    def __init__(self, journal: Path, version: int, newest: int) -> None:
        super().__init__(
            journal,
            f"journal format {version} comes from a newer anyapi-batches, which this one (format {newest} at most)"
            " cannot read: upgrade anyapi-batches to resume it",
        )
        self.version = version


class InputChangedError(JobError):
    """The file of requests no longer holds what the journal recorded for a part that is still to be uploaded (it
    changed, or is gone).

    Nothing of that part was sent: the part is recognised by the SHA-256 of its bytes.
    """

    def __init__(self, journal: Path, input_path: Path, part: int) -> None:
        message = f"{input_path} no longer holds part {part} as it was when the job was submitted (changed, moved or"
        super().__init__(journal, message + " deleted), so the part is not sent")
        self.input_path = input_path
        self.part = part


class MissingBatchError(JobError):
    """Batches the journal records are unknown to the server (deleted, or another account or base URL).

    ``batch_ids`` lists them. Nothing was created: a batch the journal records is never created again.
    """

    def __init__(self, journal: Path, batch_ids: Sequence[str]) -> None:
        listed = ", ".join(batch_ids)
        super().__init__(
            journal, f"the server does not know the job's batch{'es' if len(batch_ids) > 1 else ''} {listed}"
        )
        self.batch_ids = tuple(batch_ids)
