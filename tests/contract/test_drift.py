"""Seeded drift: corrupt a recording and both checks must fail, naming the recording and the field.

This is the suite proving it can fail: if one of these passes with a clean
result, the check it targets has gone blind to that kind of drift.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.contract.checks import client_problems, spec_problems
from tests.contract.recordings import Recording, all_recordings

SUCCESSES = [recording for recording in all_recordings() if recording.status == 200]


def _rename(old: str, new: str) -> Callable[[dict[str, Any]], None]:
    def corrupt(body: dict[str, Any]) -> None:
        body[new] = body.pop(old)

    return corrupt


# Each corruption, and the field both checks must name when they catch it.
CORRUPTIONS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "drop a required field": (lambda body: body.pop("input_file_id"), "input_file_id"),
    "change a type": (lambda body: body.update(created_at=str(body["created_at"])), "created_at"),
    "change a nested type": (lambda body: body["request_counts"].update(total=1.5), "total"),
    "rename a field": (_rename("endpoint", "endpoint_url"), "endpoint"),
    "add a status value": (lambda body: body.update(status="queued"), "status"),
    "change the object constant": (lambda body: body.update(object="batch_job"), "object"),
}


def corrupted(recording: Recording, corruption: str, folder: Path) -> Recording:
    body = copy.deepcopy(recording.body)
    CORRUPTIONS[corruption][0](body)
    return recording.with_body(body, folder)


@pytest.mark.parametrize("corruption", CORRUPTIONS)
@pytest.mark.parametrize("recording", SUCCESSES, ids=lambda recording: recording.name)
def test_the_spec_check_catches_it(recording: Recording, corruption: str, tmp_path: Path) -> None:
    problems = spec_problems(corrupted(recording, corruption, tmp_path))
    field = CORRUPTIONS[corruption][1]
    assert problems
    assert all(problem.startswith(f"{recording.name}: ") for problem in problems)
    assert any(field in problem for problem in problems), problems


@pytest.mark.parametrize("corruption", CORRUPTIONS)
@pytest.mark.parametrize("recording", SUCCESSES, ids=lambda recording: recording.name)
def test_the_strict_client_catches_it(recording: Recording, corruption: str, tmp_path: Path) -> None:
    problems = client_problems(corrupted(recording, corruption, tmp_path))
    field = CORRUPTIONS[corruption][1]
    assert len(problems) == 1
    assert problems[0].startswith(f"{recording.name}: $.")
    assert field in problems[0]


def test_an_undocumented_status_is_caught(tmp_path: Path) -> None:
    recording = SUCCESSES[0]
    copied = recording.with_body(recording.body, tmp_path)
    copied.cassette["interactions"][0]["response"]["status"]["code"] = 418
    assert spec_problems(copied) == [f"{recording.name}: $: Unknown response http status: 418"]
