"""Seeded drift: corrupt a recording and both checks must fail, naming the recording and the field.

This is the suite proving it can fail: if one of these passes with a clean
result, the check it targets has gone blind to that kind of drift.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from anyapi_batches.models import Batch, BatchCancellation, BatchList, FileDeletion, FileList, FileObject
from devtools.recording.cases import CASES_BY_NAME, Answer
from devtools.recording.recordings import Recording, all_recordings
from tests.contract.checks import client_problems, spec_problems

SUCCESSES = [recording for recording in all_recordings() if recording.status == 200]

# A corruption changes a JSON body in place, or the lines of a file's content (decoded JSON, or raw text).
Corrupt = Callable[[Any], None]
# Each corruption, and the field both checks must name when they catch it.
Corruptions = dict[str, tuple[Corrupt, str]]


def _rename(old: str, new: str) -> Corrupt:
    def corrupt(body: dict[str, Any]) -> None:
        body[new] = body.pop(old)

    return corrupt


def _in_first_batch(corrupt: Corrupt) -> Corrupt:
    def corrupt_page(body: dict[str, Any]) -> None:
        corrupt(body["data"][0])

    return corrupt_page


BATCH: Corruptions = {
    "drop a required field": (lambda body: body.pop("input_file_id"), "input_file_id"),
    "change a type": (lambda body: body.update(created_at=str(body["created_at"])), "created_at"),
    "change a nested type": (lambda body: body["request_counts"].update(total=1.5), "total"),
    "rename a field": (_rename("endpoint", "endpoint_url"), "endpoint"),
    "add a status value": (lambda body: body.update(status="queued"), "status"),
    "change the object constant": (lambda body: body.update(object="batch_job"), "object"),
}
CORRUPTIONS: dict[type[Answer], Corruptions] = {
    Batch: BATCH,
    BatchList: {
        "drop a required field": (lambda body: body.pop("has_more"), "has_more"),
        "change a type": (lambda body: body.update(has_more="false"), "has_more"),
        "rename a field": (_rename("data", "batches"), "data"),
        "change the object constant": (lambda body: body.update(object="page"), "object"),
    },
    BatchCancellation: {
        "drop a required field": (lambda body: body.pop("status"), "status"),
        "change a type": (lambda body: body.update(object=1), "object"),
        "rename a field": (_rename("status", "state"), "status"),
        "add a status value": (lambda body: body.update(status="queued"), "status"),
        "change the object constant": (lambda body: body.update(object="batch_job"), "object"),
    },
    FileObject: {
        "drop a required field": (lambda body: body.pop("bytes"), "bytes"),
        "change a type": (lambda body: body.update(created_at=str(body["created_at"])), "created_at"),
        "rename a field": (_rename("filename", "name"), "filename"),
        "add a status value": (lambda body: body.update(status="deleted"), "status"),
        "change the object constant": (lambda body: body.update(object="document"), "object"),
    },
    FileList: {
        "drop a required field": (lambda body: body.pop("data"), "data"),
        "change a nested type": (lambda body: body["data"][0].update(bytes="972"), "bytes"),
        "add a purpose value": (lambda body: body["data"][0].update(purpose="archive"), "purpose"),
    },
    FileDeletion: {
        "drop a required field": (lambda body: body.pop("deleted"), "deleted"),
        "change a type": (lambda body: body.update(deleted="true"), "deleted"),
    },
    # A file's content, one result per line: only the client's check can see into it (the spec says "bytes").
    bytes: {
        "drop a required field from a line": (lambda lines: lines[0].pop("custom_id"), "line 1: $.custom_id"),
        "change a type in a line": (lambda lines: lines[-1].update(id=7), "$.id"),
        "add a field to a line": (lambda lines: lines[0].update(result="ok"), "$.result"),
        "a line that is not JSON": (lambda lines: lines.insert(1, '{"id": "batch_req_1",'), "line 2: not JSON"),
    },
}
# A page's batches are checked as closely as a batch on its own.
IN_FIRST_BATCH: Corruptions = {
    f"{name} in data[0]": (_in_first_batch(corrupt), field) for name, (corrupt, field) in BATCH.items()
}


def corruptions(recording: Recording) -> Corruptions:
    answer = CASES_BY_NAME[recording.name].answer
    assert answer is not None
    if answer is BatchList and recording.body["data"]:
        return {**CORRUPTIONS[answer], **IN_FIRST_BATCH}
    return CORRUPTIONS[answer]


def seeds(recordings: list[Recording]) -> list[Any]:
    return [
        pytest.param(recording, corrupt, field, id=f"{recording.name}-{name}")
        for recording in recordings
        for name, (corrupt, field) in corruptions(recording).items()
    ]


SEEDS = seeds(SUCCESSES)
# To the spec a file's content is bytes, which any text is: it cannot see drift inside one.
SPEC_SEEDS = seeds([recording for recording in SUCCESSES if recording.is_json])


def corrupted(recording: Recording, corrupt: Corrupt, folder: Path) -> Recording:
    if recording.is_json:
        body = copy.deepcopy(recording.body)
        corrupt(body)
        return recording.with_body(body, folder)
    lines: list[Any] = [json.loads(line) for line in recording.body.splitlines()]
    corrupt(lines)
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    return recording.with_body(text, folder)


@pytest.mark.parametrize(("recording", "corrupt", "field"), SPEC_SEEDS)
def test_the_spec_check_catches_it(recording: Recording, corrupt: Corrupt, field: str, tmp_path: Path) -> None:
    problems = spec_problems(corrupted(recording, corrupt, tmp_path))
    assert problems
    assert all(problem.startswith(f"{recording.name}: ") for problem in problems)
    assert any(field in problem for problem in problems), problems


@pytest.mark.parametrize(("recording", "corrupt", "field"), SEEDS)
def test_the_strict_client_catches_it(recording: Recording, corrupt: Corrupt, field: str, tmp_path: Path) -> None:
    problems = client_problems(corrupted(recording, corrupt, tmp_path))
    assert len(problems) == 1
    # A cancel answer may be either model, so its error starts at the root and lists what each model found;
    # a file's content names the line first.
    assert problems[0].startswith(f"{recording.name}: {'$' if recording.is_json else 'line '}")
    assert field in problems[0]


def test_an_undocumented_status_is_caught(tmp_path: Path) -> None:
    recording = SUCCESSES[0]
    copied = recording.with_body(recording.body, tmp_path)
    copied.cassette["interactions"][0]["response"]["status"]["code"] = 418
    assert spec_problems(copied) == [f"{recording.name}: $: Unknown response http status: 418"]
