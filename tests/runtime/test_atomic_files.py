"""Replacing a file all at once: the old file or the new one, and no stray temporary file either way."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from anyapi_batches._runtime.atomic_files import Replacement, replacing


def test_a_replacement_takes_the_old_file_s_place_on_commit(tmp_path: Path) -> None:
    target = tmp_path / "results.jsonl"
    target.write_bytes(b"old\n")
    replacement = Replacement(target)
    replacement.file.write(b"new\n")
    assert target.read_bytes() == b"old\n"
    replacement.commit()
    assert target.read_bytes() == b"new\n"
    assert [path.name for path in tmp_path.iterdir()] == ["results.jsonl"]


def test_a_discarded_replacement_leaves_the_old_file_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "results.jsonl"
    target.write_bytes(b"old\n")
    replacement = Replacement(target)
    replacement.file.write(b"new\n")
    replacement.discard()
    assert replacement.file.closed
    assert [path.name for path in tmp_path.iterdir()] == ["results.jsonl"]
    assert target.read_bytes() == b"old\n"


def test_discarding_a_new_file_that_is_gone_already_is_quiet(tmp_path: Path) -> None:
    replacement = Replacement(tmp_path / "results.jsonl")
    replacement.temporary.unlink()
    replacement.discard()  # raises nothing: what it would remove is gone
    assert replacement.file.closed
    assert list(tmp_path.iterdir()) == []


def test_a_block_that_fails_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "results.jsonl"
    target.write_bytes(b"old\n")
    with pytest.raises(KeyboardInterrupt), replacing(target) as file:
        file.write(b"new\n")
        raise KeyboardInterrupt
    assert [path.name for path in tmp_path.iterdir()] == ["results.jsonl"]
    assert target.read_bytes() == b"old\n"


def test_the_new_file_gets_the_mode_of_any_new_file(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        replacement = Replacement(tmp_path / "results.jsonl")
        replacement.commit()
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "results.jsonl").stat().st_mode) == 0o644
