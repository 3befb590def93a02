# Copied from handwritten/workflows/errors.py by `nox -s generate`: edit it there.
"""The errors of the workflow layer, and the problems an input check finds, as data callers can act on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


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


class InvalidInputError(ValueError):
    """A file of requests that the API would refuse, or that would fail in part; nothing was uploaded or written.

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
