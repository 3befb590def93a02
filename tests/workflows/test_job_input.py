"""A job's file of requests cut into parts in the pass that checks it, and each part copied out as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anyapi_batches.workflows.job_input import copy_part, split_input
from tests.support.batch_files import CHAT, chat_line


def request_lines(sizes: list[int]) -> list[bytes]:
    """One request per size, each line padded to about that many extra bytes."""
    return [json.dumps(chat_line(f"r{index}", user="x" * size)).encode() for index, size in enumerate(sizes)]


@settings(max_examples=60, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 300), min_size=1, max_size=30),
    max_requests=st.integers(1, 8),
    room=st.integers(0, 2000),
    last_break=st.booleans(),
)
def test_parts_hold_every_line_in_order_within_both_limits_and_are_cut_as_late_as_possible(
    tmp_path_factory: pytest.TempPathFactory, sizes: list[int], max_requests: int, room: int, last_break: bool
) -> None:
    lines = request_lines(sizes)
    max_bytes = max(len(line) + 1 for line in lines) + room
    path = tmp_path_factory.mktemp("split") / "requests.jsonl"
    path.write_bytes(b"\n".join(lines) + (b"\n" if last_break else b""))
    split = split_input(path, CHAT, max_requests, max_bytes)
    assert split.summary.requests == len(lines)
    copies = []
    for part in split.parts:
        copy = copy_part(path, part)
        assert copy is not None
        with copy:
            copies.append(copy.read())
    assert b"".join(copies) == b"".join(line + b"\n" for line in lines)
    assert [part.number for part in split.parts] == list(range(1, len(split.parts) + 1))
    for part, content in zip(split.parts, copies, strict=True):
        assert (part.requests, part.bytes) == (content.count(b"\n"), len(content))
        assert part.requests <= max_requests and part.bytes <= max_bytes
    for part, following in zip(split.parts, split.parts[1:], strict=False):
        first_of_next = len(lines[sum(p.requests for p in split.parts[: following.number - 1])]) + 1
        assert part.requests == max_requests or part.bytes + first_of_next > max_bytes, "cut before it had to be"


def test_a_part_whose_bytes_changed_is_not_copied(tmp_path: Path) -> None:
    path = tmp_path / "requests.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in request_lines([5, 5, 5, 5])))
    first, second = split_input(path, CHAT, 2, 10_000).parts
    path.write_bytes(path.read_bytes().replace(b'"r3"', b'"r9"'))
    assert copy_part(path, first) is not None
    assert copy_part(path, second) is None


def test_a_file_cut_short_no_longer_holds_its_last_part(tmp_path: Path) -> None:
    path = tmp_path / "requests.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in request_lines([5, 5])))
    _, last = split_input(path, CHAT, 1, 10_000).parts
    path.write_bytes(path.read_bytes()[:-10])
    assert copy_part(path, last) is None
