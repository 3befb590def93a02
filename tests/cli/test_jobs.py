"""``submit`` and ``resume`` against the package's fake over HTTP: a job's progress, summary and exit codes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from anyapi_batches.cli.exits import MEANINGS, ExitCode
from anyapi_batches.testing import Disconnect, FakeAnyAPI, Timings
from anyapi_batches.workflows import jobs as jobs_module
from tests.support.cli_runner import Run, cli, flat, run_cli
from tests.support.jobs import write_requests

CHAT = ("--endpoint", "/v1/chat/completions")
FAST = ("--interval", "0.01", "--timeout", "20")


@pytest.fixture
def fake() -> FakeAnyAPI:
    """A fake whose clock moves 1 s with every request, so that polling walks the batches through their lives."""
    return FakeAnyAPI(tick=1)


@pytest.fixture
def url(fake: FakeAnyAPI) -> Iterator[str]:
    with fake.serve() as served:
        yield served


@pytest.fixture
def requests_file(tmp_path: Path) -> Path:
    return write_requests(tmp_path / "requests.jsonl", 5)


def summary_of(run: Run) -> dict[str, str]:
    return dict(re.split(r"\s{2,}", line.strip(), maxsplit=1) for line in run.stdout.splitlines())


def test_submit_wait_runs_every_part_to_its_end_with_one_progress_display(url: str, requests_file: Path) -> None:
    run = cli(url, "submit", str(requests_file), *CHAT, "--max-requests-per-batch", "2", "--wait", *FAST)
    assert run.code == ExitCode.OK, run.stderr
    summary = summary_of(run)
    assert summary["journal"] == str(requests_file.with_suffix(".job.json"))
    assert summary["requests"] == "5 in 3 parts: 5 completed, 0 failed"
    assert [summary[f"part {number}"].split()[1] for number in (1, 2, 3)] == ["completed"] * 3
    states = [line.split(None, 2)[2] for line in run.stderr.splitlines()]
    assert states[0].startswith("parts ended 0/3, requests 0/5 done")
    assert states[-1] == "parts ended 3/3, requests 5/5 done, 0 failed"
    assert all(line.split()[1] == summary["job"] for line in run.stderr.splitlines())


def test_submit_without_wait_shows_the_job_as_submitted_and_resume_takes_it_up(
    url: str, requests_file: Path, tmp_path: Path
) -> None:
    journal = tmp_path / "elsewhere.json"
    run = cli(url, "submit", str(requests_file), *CHAT, "--journal", str(journal), "--json")
    assert run.code == ExitCode.OK
    shown = json.loads(run.stdout)
    assert shown["journal"] == str(journal)
    assert [part["status"] for part in shown["parts"]] == ["validating"]
    resumed = cli(url, "resume", str(journal), "--wait", *FAST, "--json")
    assert resumed.code == ExitCode.OK
    assert json.loads(resumed.stdout)["progress"]["completed"] == 5


def test_a_job_in_which_one_batch_expired_exits_as_expired(tmp_path: Path) -> None:
    # Each request takes 40,000 s: a 3-request part runs out of its 24 hours, a 1-request part does not.
    with FakeAnyAPI(tick=3600, timings=Timings(per_request=40_000)).serve() as url:
        path = write_requests(tmp_path / "requests.jsonl", 4)
        run = cli(url, "submit", str(path), *CHAT, "--max-requests-per-batch", "3", "--wait", *FAST)
    assert run.code == ExitCode.EXPIRED
    summary = summary_of(run)
    assert [summary[f"part {number}"].split()[1] for number in (1, 2)] == ["expired", "completed"]


def test_a_file_with_problems_is_listed_and_nothing_is_sent(url: str, fake: FakeAnyAPI, tmp_path: Path) -> None:
    path = tmp_path / "requests.jsonl"
    path.write_text('{"custom_id": "a"}\nnot json\n')
    run = cli(url, "submit", str(path), *CHAT)
    assert run.code == ExitCode.BAD_INPUT
    assert f"{path}:2: not_json" in run.stdout
    assert fake.received == []
    assert not path.with_suffix(".job.json").exists()


def test_an_existing_journal_is_a_usage_error(url: str, requests_file: Path, fake: FakeAnyAPI) -> None:
    requests_file.with_suffix(".job.json").write_text("{}")
    run = cli(url, "submit", str(requests_file), *CHAT)
    assert run.code == ExitCode.USAGE
    assert "exists: resume that job" in run.stderr
    assert fake.received == []


def test_a_damaged_journal_is_one_line_and_its_exit_code(url: str, tmp_path: Path, fake: FakeAnyAPI) -> None:
    journal = tmp_path / "job.json"
    journal.write_text('{"format": "anyapi-batches job journal", "version": 7}')
    run = cli(url, "resume", str(journal))
    assert run.code == ExitCode.BAD_JOURNAL
    assert run.stderr.count("\n") == 1
    assert run.stderr.startswith(f"JournalVersionError: {journal}: journal format 7 comes from a newer")
    assert fake.received == []


def test_a_journal_whose_batches_are_gone_is_refused(url: str, requests_file: Path) -> None:
    assert cli(url, "submit", str(requests_file), *CHAT).code == ExitCode.OK
    with FakeAnyAPI().serve() as another_server:
        run = cli(another_server, "resume", str(requests_file.with_suffix(".job.json")))
    assert run.code == ExitCode.BAD_JOURNAL
    assert run.stderr.startswith("MissingBatchError: ")
    assert "The job goes on" not in run.stderr


def test_an_api_error_mid_submit_says_how_to_resume(url: str, fake: FakeAnyAPI, requests_file: Path) -> None:
    fake.faults.add(Disconnect(), operation="create_batch", after=1)
    run = cli(url, "submit", str(requests_file), *CHAT, "--max-requests-per-batch", "2")
    journal = requests_file.with_suffix(".job.json")
    assert run.code == ExitCode.NO_ANSWER
    first, second = run.stderr.splitlines()
    assert first.startswith("APIConnectionError: ")
    assert second == f"The job goes on. Its journal {journal} is up to date; to take the job up again: " + (
        f"anyapi-batches resume {journal} --wait"
    )
    assert cli(url, "resume", str(journal), "--wait", *FAST).code == ExitCode.OK
    made = [call for call in fake.received if (call.operation_id, call.status) == ("create_batch", 200)]
    assert len(made) == 3, "the batch whose create was cut off before it was handled is made once, on resume"


def test_a_wait_that_times_out_says_how_to_resume(tmp_path: Path, requests_file: Path) -> None:
    with FakeAnyAPI().serve() as url:  # its clock stands still: the batch never moves on
        run = cli(url, "submit", str(requests_file), *CHAT, "--wait", "--interval", "0.01", "--timeout", "0.3")
    assert run.code == ExitCode.WAIT_TIMEOUT
    assert run.stderr.splitlines()[-2].startswith("WaitTimeoutError: Gave up waiting after 0.3s")
    assert run.stderr.splitlines()[-1].startswith("The job goes on. Its journal")


@pytest.mark.parametrize("command", ["submit", "resume"])
def test_help_documents_every_exit_code(command: str) -> None:
    run = run_cli(command, "--help")
    assert run.code == ExitCode.OK
    for code, meaning in MEANINGS.items():
        assert re.search(rf"^\s*{int(code)}\s+{re.escape(meaning)}\s*$", run.stdout, re.MULTILINE), meaning


def test_a_journal_that_cannot_be_written_is_a_usage_error(url: str, requests_file: Path, fake: FakeAnyAPI) -> None:
    run = cli(url, "submit", str(requests_file), *CHAT, "--journal", str(requests_file.parent / "no" / "job.json"))
    assert run.code == ExitCode.USAGE
    assert f"cannot use {requests_file.parent / 'no'}: no such directory for the journal" in flat(run.stderr)
    assert fake.received == []


def test_ctrl_c_before_the_journal_is_written_says_nothing_was_sent(
    url: str, requests_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **options: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(jobs_module, "new_journal", interrupted)
    run = cli(url, "submit", str(requests_file), *CHAT)
    assert run.code == ExitCode.INTERRUPTED
    assert run.stderr == "Interrupted before the job was submitted: nothing was sent.\n"


def test_out_waits_and_writes_every_result_of_the_job(url: str, requests_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    run = cli(url, "submit", str(requests_file), *CHAT, "--max-requests-per-batch", "2", "--out", str(out), *FAST)
    assert run.code == ExitCode.OK
    lines = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert sorted(line["custom_id"] for line in lines) == [f"request-{number}" for number in range(1, 6)]
    assert all(line["response"]["status_code"] == 200 for line in lines)
    assert run.stderr.splitlines()[-1] == f"5 results: 5 succeeded, 0 failed, 0 expired, 0 cancelled; in {out}"


def test_out_in_a_folder_that_is_not_there_is_refused_before_anything(
    url: str, requests_file: Path, fake: FakeAnyAPI
) -> None:
    run = cli(url, "submit", str(requests_file), *CHAT, "--out", str(requests_file.parent / "no" / "results.jsonl"))
    assert run.code == ExitCode.USAGE
    assert "no such folder" in flat(run.stderr)
    assert fake.received == []
    assert not requests_file.with_suffix(".job.json").exists()
