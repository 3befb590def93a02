"""``write_input``: a JSONL file of requests from Python objects, checked, and written all at once or not at all."""

from __future__ import annotations

import json
import math
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from anyapi_batches.models import BatchRequestInput
from anyapi_batches.workflows import InputLimits, InvalidInputError, ProblemCode, check_input, write_input

CHAT = "/v1/chat/completions"
OLD = b"the file as it was\n"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "requests.jsonl"
    path.write_bytes(OLD)
    return path


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(raw) for raw in path.read_bytes().splitlines()]


def left_alone(path: Path) -> bool:
    """``path`` still holds what it held, and no temporary file is left beside it."""
    return path.read_bytes() == OLD and [entry.name for entry in path.parent.iterdir()] == [path.name]


def test_pairs_get_method_and_url_from_the_endpoint(target: Path) -> None:
    summary = write_input(target, [("a", {"model": "m"}), ("b", {"input": "é"})], endpoint=CHAT)
    assert target.read_bytes() == (
        b'{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"m"}}\n'
        b'{"custom_id":"b","method":"POST","url":"/v1/chat/completions","body":{"input":"\xc3\xa9"}}\n'
    )
    assert (summary.requests, summary.bytes, summary.endpoint) == (2, target.stat().st_size, CHAT)
    assert check_input(target) == summary


def test_models_and_mappings_are_written_as_lines(target: Path) -> None:
    model = BatchRequestInput.from_dict({"custom_id": "a", "method": "POST", "url": CHAT, "body": {"x": 1}})
    write_input(target, [model, {"custom_id": "b", "body": {"y": 2}}], endpoint=CHAT)
    assert lines_of(target) == [
        {"custom_id": "a", "method": "POST", "url": CHAT, "body": {"x": 1}},
        {"custom_id": "b", "body": {"y": 2}, "method": "POST", "url": CHAT},
    ]


def test_a_generator_is_read_once(target: Path) -> None:
    requests = ((f"r{index}", {"n": index}) for index in range(1000))
    assert write_input(target, requests, endpoint=CHAT).requests == 1000
    assert [line["custom_id"] for line in lines_of(target)] == [f"r{index}" for index in range(1000)]


def test_duplicates_are_refused_and_nothing_is_written(target: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        write_input(target, [("a", {}), ("b", {}), ("a", {})], endpoint=CHAT)
    assert [(p.line, p.code) for p in caught.value.problems] == [(3, ProblemCode.DUPLICATE_CUSTOM_ID)]
    assert caught.value.path == target
    assert left_alone(target)


def test_a_new_file_is_not_created_when_a_request_is_bad(tmp_path: Path) -> None:
    path = tmp_path / "new.jsonl"
    with pytest.raises(InvalidInputError):
        write_input(path, [("", {})], endpoint=CHAT)
    assert list(tmp_path.iterdir()) == []


class Unwritable:
    pass


BAD_REQUESTS: dict[str, tuple[object, ProblemCode]] = {
    "a body that is not JSON": (("r2", {"when": Unwritable()}), ProblemCode.NOT_JSON),
    "NaN": (("r2", {"temperature": math.nan}), ProblemCode.NOT_JSON),
    "a lone surrogate": (("r2", {"text": "\udc00"}), ProblemCode.NOT_UTF8),
    "a body that is a list": (("r2", []), ProblemCode.WRONG_TYPE),
    "a number as custom_id": ((2, {}), ProblemCode.WRONG_TYPE),
    "an unknown field": ({"custom_id": "r2", "body": {}, "metadata": {}}, ProblemCode.UNKNOWN_FIELD),
    "another endpoint": ({"custom_id": "r2", "body": {}, "url": "/v1/embeddings"}, ProblemCode.WRONG_ENDPOINT),
    "another method": ({"custom_id": "r2", "body": {}, "method": "GET"}, ProblemCode.WRONG_METHOD),
    "no request at all": (5, ProblemCode.NOT_OBJECT),
    "a triple": (("r2", {}, {}), ProblemCode.NOT_OBJECT),
}


@pytest.mark.parametrize("bad", list(BAD_REQUESTS))
def test_each_kind_of_bad_request_is_reported_at_its_position(target: Path, bad: str) -> None:
    request, code = BAD_REQUESTS[bad]
    with pytest.raises(InvalidInputError) as caught:
        write_input(target, [("r1", {}), request, ("r3", {})], endpoint=CHAT)  # type: ignore[list-item]
    assert [(p.line, p.code) for p in caught.value.problems] == [(2, code)]
    assert left_alone(target)


def test_limits_apply_before_anything_is_written(target: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        requests: list[tuple[str, dict[str, Any]]] = [(f"r{index}", {}) for index in range(3)]
        write_input(target, requests, endpoint=CHAT, limits=InputLimits(max_requests=2))
    assert [(p.line, p.code) for p in caught.value.problems] == [(3, ProblemCode.TOO_MANY_REQUESTS)]
    assert left_alone(target)


def test_an_unknown_endpoint_is_a_bad_argument(target: Path) -> None:
    with pytest.raises(ValueError, match="/v1/responses") as caught:
        write_input(target, [("a", {})], endpoint="/v1/responses")
    assert not isinstance(caught.value, InvalidInputError)
    assert left_alone(target)


def test_an_error_from_the_requests_leaves_the_file_as_it_was(target: Path) -> None:
    def requests() -> Iterator[tuple[str, dict[str, Any]]]:
        yield "a", {}
        raise RuntimeError("the source failed")

    with pytest.raises(RuntimeError, match="the source failed"):
        write_input(target, requests(), endpoint=CHAT)
    assert left_alone(target)


def test_the_file_gets_the_permissions_of_a_new_file(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        path = tmp_path / "requests.jsonl"
        write_input(path, [("a", {})], endpoint=CHAT)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_missing_directory_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_input(tmp_path / "missing" / "requests.jsonl", [("a", {})], endpoint=CHAT)


def test_a_failed_sync_leaves_the_file_as_it_was(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="Input/output error"):
        write_input(target, [("a", {})], endpoint=CHAT)
    assert left_alone(target)


def test_a_directory_that_cannot_be_synced_still_gets_the_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []

    def sync_files_only(descriptor: int) -> None:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            raise OSError(22, "Invalid argument")
        synced.append(descriptor)

    monkeypatch.setattr(os, "fsync", sync_files_only)
    write_input(target, [("a", {})], endpoint=CHAT)
    assert len(synced) == 1
    assert lines_of(target) == [{"custom_id": "a", "method": "POST", "url": CHAT, "body": {}}]
