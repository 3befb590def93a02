"""``anyapi-batches wait`` (and ``create --wait``): progress while polling, and an exit code per ending."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from devtools.fault_server import FaultServer, Reply, Stall, batch_body, batch_reply, json_reply
from tests.support.cli_runner import TERMINAL_ENV, cli, flat, uploaded_reply, write_requests

FAST = ("--interval", "0.01")


def without_escapes(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


def in_progress(completed: int, failed: int = 0) -> Reply:
    return batch_reply(status="in_progress", request_counts={"total": 10, "completed": completed, "failed": failed})


def test_live_bar_on_a_terminal_follows_every_scripted_change(fault_server: FaultServer) -> None:
    fault_server.script(
        batch_reply(status="validating", request_counts={"total": 0, "completed": 0, "failed": 0}),
        in_progress(3),
        in_progress(6, failed=1),
        batch_reply(request_counts={"total": 10, "completed": 9, "failed": 1}),
    )
    run = cli(fault_server.url, "wait", "batch_abc123", *FAST, env=TERMINAL_ENV)
    assert run.code == 0
    # The bar hides the cursor while it runs; each redraw starts with a carriage return.
    assert run.stderr.startswith("\x1b[?25l")
    assert run.stderr.endswith("\x1b[?25h")
    frames = [without_escapes(frame).split() for frame in run.stderr.split("\r") if without_escapes(frame).strip()]
    states = [(frame[0], frame[-4], frame[-3]) for frame in frames]
    assert ("validating", "0/?", "0") in states
    assert states.index(("in_progress", "3/10", "0")) < states.index(("in_progress", "7/10", "1"))
    assert states[-1] == ("completed", "10/10", "1")
    assert "━" in run.stderr
    assert without_escapes(run.stdout).splitlines()[1].split() == ["status", "completed"]


def test_plain_lines_when_not_on_a_terminal_one_per_change(fault_server: FaultServer) -> None:
    fault_server.script(in_progress(3), in_progress(3), in_progress(8), batch_reply())
    run = cli(fault_server.url, "wait", "batch_abc123", *FAST)
    assert run.code == 0
    assert "\x1b[" not in run.stdout + run.stderr
    progress = [re.split(r"\s+", line.strip(), maxsplit=1) for line in run.stderr.splitlines()]
    assert [elapsed for elapsed, _ in progress] == ["0s", "0s", "0s"]
    assert [state for _, state in progress] == [
        "batch_abc123  in_progress 3/10 done, 0 failed",
        "batch_abc123  in_progress 8/10 done, 0 failed",
        "batch_abc123  completed 100/100 done, 5 failed",
    ]
    assert run.stdout.splitlines()[0] == "id           batch_abc123"
    assert len(fault_server.received) == 4


@pytest.mark.parametrize(
    ("status", "code"),
    [("completed", 0), ("failed", 3), ("expired", 4), ("cancelled", 5)],
)
def test_exit_code_tells_how_the_batch_ended(fault_server: FaultServer, status: str, code: int) -> None:
    fault_server.script(in_progress(1), batch_reply(status=status))
    run = cli(fault_server.url, "wait", "batch_abc123", *FAST)
    assert run.code == code
    assert f"status       {status}" in run.stdout
    assert f"batch_abc123  {status}" in run.stderr.splitlines()[-1]


def test_timeout_is_its_own_exit_code_and_line(fault_server: FaultServer) -> None:
    fault_server.script(in_progress(2))
    run = cli(fault_server.url, "wait", "batch_abc123", "--timeout", "0.2", "--interval", "0.05")
    assert run.code == 6
    assert run.stdout == ""
    *progress, error = run.stderr.splitlines()
    assert [line.split(None, 1)[1] for line in progress] == ["batch_abc123  in_progress 2/10 done, 0 failed"]
    assert (
        error == "WaitTimeoutError: Gave up waiting after 0.2s: no terminal status reached. (last status in_progress)"
    )


def test_a_stalled_poll_ends_at_the_wait_timeout_not_the_request_timeout(fault_server: FaultServer) -> None:
    # --timeout before the command is each request's, a plain float; the wait's own --timeout bounds them all.
    fault_server.script(in_progress(2), Stall(8))
    started = time.monotonic()
    run = cli(fault_server.url, "--timeout", "30", "wait", "batch_abc123", "--timeout", "1", *FAST)
    assert time.monotonic() - started < 2
    assert run.code == 6
    assert run.stderr.splitlines()[-1].startswith("WaitTimeoutError: Gave up waiting after 1s")


def test_wait_json_leaves_stdout_to_the_final_body(fault_server: FaultServer) -> None:
    fault_server.script(in_progress(1), batch_reply(status="expired"))
    run = cli(fault_server.url, "wait", "batch_abc123", "--json", *FAST)
    assert run.code == 4
    assert json.loads(run.stdout) == batch_body(status="expired")
    assert len(run.stderr.splitlines()) == 2


SECONDS_OPTIONS = [
    ("--timeout", "{value}", "get", "batch_abc123"),
    ("wait", "batch_abc123", "--timeout", "{value}"),
    ("wait", "batch_abc123", "--interval", "{value}"),
    ("create", "--file", "{requests}", "--endpoint", "/v1/embeddings", "--wait", "--timeout", "{value}"),
]


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-1"])
@pytest.mark.parametrize("args", SECONDS_OPTIONS, ids=["request-timeout", "wait-timeout", "interval", "create-wait"])
def test_seconds_must_be_finite_and_positive(
    fault_server: FaultServer, tmp_path: Path, args: tuple[str, ...], value: str
) -> None:
    requests = write_requests(tmp_path)
    run = cli(fault_server.url, *(arg.format(value=value, requests=requests) for arg in args))
    assert run.code == 2
    assert "is not a finite number of seconds more than 0" in flat(run.stderr)
    assert fault_server.received == []


def test_create_wait_follows_the_new_batch(fault_server: FaultServer, tmp_path: Path) -> None:
    requests = write_requests(tmp_path)
    fault_server.script(
        uploaded_reply(),
        json_reply(batch_body(id="batch_new", status="validating")),
        in_progress(5),
        batch_reply(id="batch_new", status="failed"),
    )
    run = cli(
        fault_server.url, "create", "--file", str(requests), "--endpoint", "/v1/chat/completions", "--wait", *FAST
    )
    assert run.code == 3
    assert "status       failed" in run.stdout
    assert [request.target for request in fault_server.received] == [
        "/v1/files",
        "/v1/batches",
        "/v1/batches/batch_new",
        "/v1/batches/batch_new",
    ]
