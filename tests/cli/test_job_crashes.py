"""``submit`` killed at each step of a job, then ``resume``: every part uploaded once, made a batch once, and run.

``submit`` runs in a process of its own against the fake served over HTTP. A ``Stall`` fault holds one request
unanswered, handled by the fake or not, so that the process is killed (SIGKILL: no cleanup of any kind) at a
known step; the journal is then all that is left of it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from anyapi_batches import AnyAPI
from anyapi_batches.cli.exits import ExitCode
from anyapi_batches.testing import FakeAnyAPI, Stall
from anyapi_batches.workflows.journal import Journal
from tests.support.cli_runner import cli
from tests.support.flavours import SECRET
from tests.support.jobs import job_batches, job_uploads, write_requests

REQUESTS = 5
PARTS = 3
"""Two requests a part."""
STARTUP_SECONDS = 30


@pytest.fixture
def fake() -> FakeAnyAPI:
    """A fake whose clock stands still: nothing ends until the test moves it on."""
    return FakeAnyAPI()


@pytest.fixture
def url(fake: FakeAnyAPI) -> Iterator[str]:
    with fake.serve() as served:
        yield served


def start_submit(url: str, path: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "anyapi_batches", "--api-key", SECRET, "--base-url", url, "--max-retries", "0"]
    options = ["--endpoint", "/v1/chat/completions", "--max-requests-per-batch", "2", "--wait", "--interval", "30"]
    env = {name: value for name, value in os.environ.items() if not name.startswith(("ANYAPI_", "TTY_"))}
    return subprocess.Popen(
        [*command, "submit", str(path), *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def wait_for(fake: FakeAnyAPI, operation: str, process: subprocess.Popen[str], *, answered: bool) -> None:
    """Until the fake has had a request for ``operation`` (left unanswered, unless ``answered``)."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while not any(call.operation_id == operation and (call.status is not None) == answered for call in fake.received):
        if process.poll() is not None:
            pytest.fail(f"submit ended first ({process.returncode}): {process.communicate()[1]}")
        assert time.monotonic() < deadline, f"no {operation} came"
        time.sleep(0.01)


@pytest.mark.parametrize(
    ("operation", "after", "handled"),
    [
        ("create_file", 0, True),
        ("create_batch", 0, False),
        ("create_batch", 0, True),
        ("create_file", 1, False),
        ("retrieve_batch", 0, True),
    ],
    ids=[
        "after an upload whose answer never came",
        "after an upload, its create sent",
        "during a create whose answer never came",
        "after a create, the next upload sent",
        "while waiting",
    ],
)
def test_a_job_killed_at_any_step_is_resumed_with_each_part_uploaded_and_created_once(
    fake: FakeAnyAPI, url: str, tmp_path: Path, operation: str, after: int, handled: bool
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", REQUESTS)
    fake.faults.add(Stall(after_handling=handled), operation=operation, after=after)
    process = start_submit(url, path)
    try:
        wait_for(fake, operation, process, answered=False)
    finally:
        process.kill()
        process.communicate()
    assert process.returncode == -signal.SIGKILL
    journal = Journal.load(path.with_suffix(".job.json"))  # whole, whatever the moment of the kill
    resumed = cli(url, "resume", str(journal.path))
    assert resumed.code == ExitCode.OK, resumed.stderr
    fake.advance(3600)
    out = tmp_path / "results.jsonl"
    waited = cli(url, "resume", str(journal.path), "--out", str(out), "--interval", "0.01", "--timeout", "20")
    assert waited.code == ExitCode.OK, waited.stderr
    results = [json.loads(line)["custom_id"] for line in out.read_bytes().splitlines()]
    assert sorted(results) == sorted(f"request-{n}" for n in range(1, REQUESTS + 1))
    with AnyAPI(api_key=SECRET, base_url=url, max_retries=0) as client:
        uploads = job_uploads(client, journal.record.job_id)
        assert sorted(uploads) == [f"{journal.record.job_id}.part-{number}.jsonl" for number in range(1, PARTS + 1)]
        assert all(len(files) == 1 for files in uploads.values()), uploads
        batches = job_batches(client, journal.record.job_id)
        assert sorted(batches) == list(range(1, PARTS + 1))
        assert all(len(made) == 1 for made in batches.values()), batches


def test_ctrl_c_while_waiting_leaves_the_journal_whole_and_says_how_to_resume(
    fake: FakeAnyAPI, url: str, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", REQUESTS)
    process = start_submit(url, path)
    try:
        wait_for(fake, "retrieve_batch", process, answered=True)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    journal = path.with_suffix(".job.json")
    assert process.returncode == ExitCode.INTERRUPTED
    assert stdout == ""
    assert "Traceback" not in stderr
    assert stderr.splitlines()[-1] == (
        f"Interrupted. Its journal {journal} is up to date; to take the job up again: "
        f"anyapi-batches resume {journal} --wait"
    )
    assert [part.step for part in Journal.load(journal).record.parts] == ["created"] * PARTS
    fake.advance(3600)
    assert cli(url, "resume", str(journal), "--wait", "--interval", "0.01", "--timeout", "20").code == ExitCode.OK
