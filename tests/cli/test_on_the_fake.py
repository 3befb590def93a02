"""The command line against the package's fake, served over HTTP: whole batch lifecycles, not scripted answers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from anyapi_batches.testing import FakeAnyAPI, Timings
from tests.support.batch_files import chat_requests
from tests.support.cli_runner import TERMINAL_ENV, Run, cli

FAST = ("--interval", "0.01", "--timeout", "20")


@pytest.fixture
def requests_file(tmp_path: Path) -> Path:
    path = tmp_path / "requests.jsonl"
    path.write_bytes(chat_requests(3))
    return path


@pytest.fixture
def fake_url() -> Iterator[str]:
    """A fake whose clock moves 5 s with every request, so that polling walks a batch through its life."""
    with FakeAnyAPI(tick=5).serve() as url:
        yield url


def create(url: str, requests_file: Path, *extra: str, env: dict[str, str] | None = None) -> Run:
    return cli(url, "create", "--file", str(requests_file), "--endpoint", "/v1/chat/completions", *extra, env=env)


def create_and_wait(url: str, requests_file: Path, env: dict[str, str] | None = None) -> Run:
    return create(url, requests_file, "--wait", *FAST, env=env)


def summary_of(run: Run) -> dict[str, str]:
    """The rows of a printed batch summary, by label."""
    return dict(re.split(r"\s{2,}", line.strip(), maxsplit=1) for line in run.stdout.splitlines())


def test_create_wait_follows_a_batch_to_completed(fake_url: str, requests_file: Path) -> None:
    run = create_and_wait(fake_url, requests_file)
    assert run.code == 0
    states = [line.split(None, 2)[2] for line in run.stderr.splitlines()]
    assert states[0].startswith("validating 0/? done")
    assert states[-1] == "completed 3/3 done, 0 failed"
    assert any(state.startswith("in_progress") or state.startswith("finalizing") for state in states[1:-1])
    summary = summary_of(run)
    assert summary["status"] == "completed"
    assert summary["requests"] == "3 completed, 0 failed, of 3"
    assert summary["output file"].startswith("file-")
    assert "error file" not in summary


def test_the_live_bar_shows_the_batch_moving_on(fake_url: str, requests_file: Path) -> None:
    run = create_and_wait(fake_url, requests_file, env=TERMINAL_ENV)
    assert run.code == 0
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", run.stderr)
    frames = [frame.split() for frame in plain.split("\r") if frame.strip()]
    statuses = [frame[0] for frame in frames if frame[0] != "waiting"]
    assert statuses[0] == "validating"
    assert statuses[-1] == "completed" and "3/3" in frames[-1]
    assert "in_progress" in statuses or "finalizing" in statuses


def test_a_bad_input_file_ends_failed_with_its_exit_code(fake_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("this is not a request\n")
    run = create_and_wait(fake_url, bad)
    assert run.code == 3
    assert summary_of(run)["status"] == "failed"


def test_a_batch_past_its_window_ends_expired_with_its_exit_code(requests_file: Path) -> None:
    with FakeAnyAPI(tick=3 * 3600, timings=Timings(per_request=50_000)).serve() as url:
        run = create_and_wait(url, requests_file)
        assert run.code == 4
        assert summary_of(run)["requests"] == "1 completed, 0 failed, of 3"


def test_cancel_then_wait_ends_cancelled_with_its_exit_code(fake_url: str, requests_file: Path) -> None:
    batch_id = json.loads(create(fake_url, requests_file, "--json").stdout)["id"]
    cancelled = cli(fake_url, "cancel", batch_id)
    assert (cancelled.code, cancelled.stdout) == (0, f"{batch_id}: cancelling\n")
    run = cli(fake_url, "wait", batch_id, *FAST)
    assert run.code == 5
    assert run.stderr.splitlines()[-1].endswith(f"{batch_id}  cancelled 0/? done, 0 failed")
    again = cli(fake_url, "cancel", batch_id)
    assert again.code == 7
    assert again.stderr.startswith("ConflictError: Error code: 409 - Cannot cancel a batch with status 'cancelled'")


def test_list_and_get_show_what_the_fake_holds(fake_url: str, requests_file: Path) -> None:
    ids = [json.loads(create(fake_url, requests_file, "--json").stdout)["id"] for _ in range(3)]
    listed = cli(fake_url, "list", "--json", "--limit", "2")
    assert [batch["id"] for batch in json.loads(listed.stdout)] == ids[::-1][:2]
    shown = cli(fake_url, "get", ids[0], "--json")
    assert json.loads(shown.stdout)["id"] == ids[0]
    missing = cli(fake_url, "get", "batch_nope")
    assert missing.code == 7
    assert missing.stderr.startswith("NotFoundError: Error code: 404 - No batch found with id 'batch_nope'")
