# Copied from handwritten/workflows/job_retry.py by `nox -s generate`: edit it there.
"""A job's second chance: the requests that did not succeed, taken from its file as they were, made a new job.

The new job's file and journal go beside the first one's journal, numbered (``<name>.retry-1.jsonl`` and
``<name>.retry-1.json`` for the first retry of ``<name>.json``). The new journal names the job it retries
(``retry_of``), and the first journal lists its retries (``retries``), before anything of the new job is sent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Set
from pathlib import Path

from .._runtime.atomic_files import replacing
from .errors import InputChangedError
from .input_check import read_lines
from .job_base import new_journal
from .job_input import copy_part
from .journal import JobLink, Journal


class NothingToRetry(Exception):
    """Every request succeeded: there is no file to write."""


def retry_journal(journal: Journal, succeeded: Set[str], path: str | os.PathLike[str] | None) -> Journal | None:
    """The journal of a new job made of every request of ``journal``'s job whose custom_id is not in ``succeeded``,
    written with its file of requests, and linked both ways; None, and nothing written, when there is none.

    Nothing is sent. Raises InputChangedError when the job's file no longer holds its parts as they were, and
    FileExistsError when the new journal exists.
    """
    record = journal.record
    number = len(record.retries) + 1
    stem = journal.path.name.removesuffix(".json")
    retry_path = Path(path) if path is not None else journal.path.with_name(f"{stem}.retry-{number}.json")
    if retry_path.exists():
        raise FileExistsError(f"{retry_path} exists: resume that job, or give another journal path")
    requests = journal.path.with_name(f"{stem}.retry-{number}.jsonl")
    try:
        write_unsucceeded(journal, succeeded, requests)
    except NothingToRetry:
        return None
    retry = new_journal(
        requests,
        endpoint=record.endpoint,
        completion_window=record.completion_window,
        metadata=record.metadata,
        journal=retry_path,
        max_requests_per_batch=record.max_requests_per_batch,
        max_bytes_per_batch=record.max_bytes_per_batch,
        retry_of=JobLink(record.job_id, journal.path),
    )
    record.retries.append(JobLink(retry.record.job_id, retry.path))
    journal.save()
    return retry


def write_unsucceeded(journal: Journal, succeeded: Set[str], target: Path) -> None:
    """Write, whole or not at all, the lines of the job's file whose custom_id is not in ``succeeded``."""
    record = journal.record
    with replacing(target) as out:
        kept = 0
        for part in record.parts:
            copy = copy_part(record.input, part.plan)
            if copy is None:
                raise InputChangedError(journal.path, record.input, part.number)
            with copy:
                for line in read_lines(copy, None):
                    assert isinstance(line, bytes), "with no longest line, every line comes whole"
                    # The lines were checked when the job was submitted, and the part is as it was then.
                    if json.loads(line)["custom_id"] not in succeeded:
                        out.write(line + b"\n")
                        kept += 1
        if not kept:
            raise NothingToRetry
