"""``anyapi-batches results`` and ``download``: what they write, where, and the exit code of each way they end."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from anyapi_batches.testing import FakeAnyAPI, RequestFailures, Timings
from devtools.fault_server import FaultServer, batch_reply, error_reply
from tests.support.batch_files import chat_requests, start_batch
from tests.support.cli_runner import TERMINAL_ENV, cli
from tests.support.streams import cut_off, files_in, jsonl, octets, result_line


@pytest.fixture
def fake() -> FakeAnyAPI:
    """A fake that fails request-2 of every batch."""
    return FakeAnyAPI(failures=RequestFailures(custom_ids={"request-2"}))


@pytest.fixture
def fake_url(fake: FakeAnyAPI) -> Iterator[str]:
    with fake.serve() as url:
        yield url


def ended_batch(fake: FakeAnyAPI, count: int = 4) -> str:
    with fake.client() as client:
        batch_id = start_batch(client, chat_requests(count))
    fake.advance(3600)
    return batch_id


def test_results_are_jsonl_on_stdout_and_counts_on_stderr(fake: FakeAnyAPI, fake_url: str) -> None:
    run = cli(fake_url, "results", ended_batch(fake))
    assert run.code == 0
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [line["custom_id"] for line in lines] == ["request-1", "request-3", "request-4", "request-2"]
    assert lines[-1]["response"]["status_code"] == 500
    assert run.stderr == "4 results: 3 succeeded, 1 failed, 0 expired, 0 cancelled\n"


def test_failed_keeps_the_requests_that_did_not_succeed(fake: FakeAnyAPI, fake_url: str) -> None:
    run = cli(fake_url, "results", ended_batch(fake), "--failed")
    assert run.code == 0
    assert [json.loads(line)["custom_id"] for line in run.stdout.splitlines()] == ["request-2"]
    assert run.stderr == "4 results: 3 succeeded, 1 failed, 0 expired, 0 cancelled\n"


def test_an_expired_batch_counts_what_never_ran() -> None:
    fake = FakeAnyAPI(timings=Timings(per_request=30_000))
    with fake.client() as client:
        batch_id = start_batch(client, chat_requests(5))
    fake.advance(24 * 3600)
    with fake.serve() as url:
        run = cli(url, "results", batch_id, "--failed")
    assert run.code == 0
    assert len(run.stdout.splitlines()) == 3
    assert run.stderr == "5 results: 2 succeeded, 0 failed, 3 expired, 0 cancelled\n"


def test_out_writes_the_file_and_nothing_to_stdout(fake: FakeAnyAPI, fake_url: str, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    run = cli(fake_url, "results", ended_batch(fake), "--out", str(out))
    assert run.code == 0
    assert run.stdout == ""
    assert len(out.read_text().splitlines()) == 4
    assert files_in(tmp_path) == ["results.jsonl"]


def test_a_batch_that_has_not_ended_exits_11(fake: FakeAnyAPI, fake_url: str, tmp_path: Path) -> None:
    with fake.client() as client:
        batch_id = start_batch(client, chat_requests(2))
    out = tmp_path / "results.jsonl"
    out.write_text("earlier results\n")
    run = cli(fake_url, "results", batch_id, "--out", str(out))
    assert run.code == 11
    assert run.stderr.startswith(f"BatchNotEndedError: Batch '{batch_id}' has not ended: it is 'validating'.")
    assert out.read_text() == "earlier results\n"
    assert files_in(tmp_path) == ["results.jsonl"]


def test_results_cut_off_leave_no_file(fault_server: FaultServer, tmp_path: Path) -> None:
    body = jsonl([result_line("a"), result_line("b")])
    fault_server.script(batch_reply(output_file_id="file-out"), cut_off(octets(body), sent=len(body) - 5))
    run = cli(fault_server.url, "results", "batch_abc123", "--out", str(tmp_path / "results.jsonl"))
    assert run.code == 8
    assert run.stderr.startswith("APIConnectionError: ")
    assert files_in(tmp_path) == []


def test_a_line_that_is_no_result_exits_9_naming_it(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(output_file_id="file-out"), octets(b'{"id": "x"}\n'))
    run = cli(fault_server.url, "results", "batch_abc123")
    assert run.code == 9
    assert "file file-out: line 1: $.custom_id: required field is missing" in run.stderr


def test_server_text_reaches_the_terminal_escaped(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(id="batch_\x1b[2Jx", status="in_progress"))
    run = cli(fault_server.url, "results", "batch_abc123")
    assert run.code == 11
    assert "\x1b" not in run.stderr
    assert "'batch_\\x1b[2Jx'" in run.stderr


def test_hostile_text_inside_results_stays_json_escaped(fault_server: FaultServer) -> None:
    line = {**result_line("a\x1b]0;owned\x07\u202e"), "error": None}
    fault_server.script(batch_reply(output_file_id="file-out"), octets(jsonl([line])))
    run = cli(fault_server.url, "results", "batch_abc123")
    assert run.code == 0
    assert run.stdout.isascii() and "\x1b" not in run.stdout
    assert json.loads(run.stdout)["custom_id"] == "a\x1b]0;owned\x07\u202e"


@pytest.mark.parametrize("command", ["results", "download"])
def test_a_folder_that_does_not_exist_exits_12_before_any_request(
    fault_server: FaultServer, tmp_path: Path, command: str
) -> None:
    missing = tmp_path / "missing" / "out.jsonl"
    run = cli(
        fault_server.url, command, "file-abc123" if command == "download" else "batch_abc123", "--out", str(missing)
    )
    assert run.code == 12
    assert run.stderr == f"{missing}: cannot be written: No such file or directory\n"
    assert fault_server.received == []


def test_download_writes_the_file_with_plain_progress(fake: FakeAnyAPI, fake_url: str, tmp_path: Path) -> None:
    with fake.client() as client:
        output_file = client.batches.retrieve(ended_batch(fake)).output_file_id
        assert isinstance(output_file, str)
        with client.files.content(output_file) as body:
            expected = body.read()
    out = tmp_path / "output.jsonl"
    run = cli(fake_url, "download", output_file, "--out", str(out))
    assert run.code == 0
    assert out.read_bytes() == expected
    assert run.stdout == f"{output_file}: {len(expected):,} bytes written to {out}\n"
    size = f"{len(expected):,}"
    assert run.stderr.splitlines() == [f"{output_file}: 0 of {size} bytes", f"{output_file}: {size} of {size} bytes"]


def test_download_shows_a_byte_bar_on_a_terminal(fault_server: FaultServer, tmp_path: Path) -> None:
    fault_server.script(octets(b"x" * 300_000))
    run = cli(fault_server.url, "download", "file-abc123", "--out", str(tmp_path / "x.bin"), env=TERMINAL_ENV)
    assert run.code == 0
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", run.stderr)
    assert "━" in shown
    assert "300.0 kB" in shown


def test_a_download_cut_off_exits_8_and_leaves_nothing(fault_server: FaultServer, tmp_path: Path) -> None:
    fault_server.script(cut_off(octets(b"x" * 10_000), sent=5_000))
    run = cli(fault_server.url, "download", "file-abc123", "--out", str(tmp_path / "x.bin"))
    assert run.code == 8
    assert files_in(tmp_path) == []


def test_a_file_that_is_not_there_exits_7(fault_server: FaultServer, tmp_path: Path) -> None:
    fault_server.script(error_reply(404))
    run = cli(fault_server.url, "download", "file-missing", "--out", str(tmp_path / "x.bin"))
    assert run.code == 7
    assert run.stderr.startswith("NotFoundError: Error code: 404")
    assert files_in(tmp_path) == []
