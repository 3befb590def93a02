"""A job's file of requests: checked and cut into parts in one pass, and each part copied out again to be uploaded.

A part is a run of whole lines, as many as fit in one batch's limits. Every line of a part ends with a line
break, the last line of the file too, so a part's bytes are its lines each followed by ``\\n``; its SHA-256 over
those bytes, recorded in the journal, tells whether the file still holds the same part when it is uploaded later.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .input_check import CHUNK_BYTES, MAX_PROBLEMS, InputLimits, InputSummary, LineChecker, read_lines

LINE_BREAK = b"\n"


@dataclass(frozen=True)
class PartPlan:
    """Where a part stands in the file of requests, and what it holds."""

    number: int
    """Counted from 1."""
    offset: int
    """Where its first line starts in the file."""
    requests: int
    bytes: int
    """Its size as uploaded: its lines, each with a line break."""
    sha256: str


@dataclass(frozen=True)
class SplitInput:
    summary: InputSummary
    parts: tuple[PartPlan, ...]


class Splitter:
    """Cuts lines into parts of at most ``max_requests`` lines and ``max_bytes`` bytes, line breaks included."""

    def __init__(self, max_requests: int, max_bytes: int) -> None:
        self.max_requests = max_requests
        self.max_bytes = max_bytes
        self.parts: list[PartPlan] = []
        self.offset = 0
        self.start = 0
        self.requests = 0
        self.bytes = 0
        self.hash = hashlib.sha256()

    def add(self, line: bytes | int) -> None:
        size = (line if isinstance(line, int) else len(line)) + len(LINE_BREAK)
        if self.requests and (self.requests == self.max_requests or self.bytes + size > self.max_bytes):
            self.close_part()
        self.requests += 1
        self.bytes += size
        self.offset += size
        if not isinstance(line, int):  # a line too long to read is a problem of the file: no part is made
            self.hash.update(line)
            self.hash.update(LINE_BREAK)

    def close_part(self) -> None:
        number = len(self.parts) + 1
        self.parts.append(PartPlan(number, self.start, self.requests, self.bytes, self.hash.hexdigest()))
        self.start, self.requests, self.bytes, self.hash = self.offset, 0, 0, hashlib.sha256()

    def finish(self) -> tuple[PartPlan, ...]:
        if self.requests:
            self.close_part()
        return tuple(self.parts)


def split_input(path: Path, endpoint: str, max_requests: int, max_bytes: int) -> SplitInput:
    """Check the file as ``check_input`` does, and cut it into parts of at most ``max_requests`` and ``max_bytes``.

    Raises:
        InvalidInputError: the file has problems, a line longer than a whole part may be among them.
        ValueError: ``endpoint`` is not one the spec lists.
        OSError: the file cannot be read.
    """
    # The file as a whole may hold any number of requests; only a line must fit in a part, its line break too.
    limits = InputLimits(max_requests=None, max_bytes=None, max_line_bytes=max(max_bytes - len(LINE_BREAK), 1))
    checker = LineChecker(endpoint, limits, MAX_PROBLEMS)
    splitter = Splitter(max_requests, max_bytes)
    with path.open("rb") as file:
        for line in read_lines(file, limits.longest_line):
            checker.add(line)
            splitter.add(line)
        size = file.tell()
    return SplitInput(checker.summary(path, size), splitter.finish())


def copy_part(path: Path, part: PartPlan) -> BinaryIO | None:
    """The part's bytes in a new temporary file, read from its start; None when the file no longer holds them
    (it changed, or is gone).

    The copy is a file on disk, so that an upload streams it however large it is, and it is gone once closed.
    """
    with contextlib.ExitStack() as closing:
        copy = closing.enter_context(tempfile.TemporaryFile())
        try:
            filled = fill(copy, path, part)
        except FileNotFoundError:
            return None
        if not filled:
            return None
        copy.seek(0)
        closing.pop_all()  # the caller closes it
        return copy


def fill(copy: BinaryIO, path: Path, part: PartPlan) -> bool:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        source.seek(part.offset)
        for chunk in chunks(source, part.bytes):
            digest.update(chunk)
            copy.write(chunk)
        copied = source.tell() - part.offset
    if copied == part.bytes - len(LINE_BREAK):
        # The file's last line without its line break: the part holds one.
        digest.update(LINE_BREAK)
        copy.write(LINE_BREAK)
        copied += len(LINE_BREAK)
    return copied == part.bytes and digest.hexdigest() == part.sha256


def chunks(source: BinaryIO, size: int) -> Iterator[bytes]:
    left = size
    while left > 0 and (chunk := source.read(min(CHUNK_BYTES, left))):
        left -= len(chunk)
        yield chunk


def input_path(path: str | os.PathLike[str]) -> Path:
    """The file of requests as the journal records it: absolute, so that a resume from elsewhere finds it."""
    return Path(path).absolute()
