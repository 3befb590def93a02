"""What a broken or malicious server sends cannot crash the command line or drive the user's terminal."""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path

import pytest

from devtools.fault_server import FaultServer, batch_body, batch_reply, json_reply
from tests.support.cli_runner import TERMINAL_ENV, cli, page_reply, uploaded_reply, write_requests

OUT_OF_RANGE = {"created_at": 1711471533000, "completed_at": 10**20, "expires_at": -(10**20)}
"""Valid integers, but no date: milliseconds by mistake, and numbers far past what datetime can hold."""

TITLE = "\x1b]0;pwned\x07"
"""An OSC sequence that sets the terminal window's title."""
CLEAR = "\x1b[2J"
"""A CSI sequence that clears the screen."""
HOSTILE = {
    "id": "batch_abc\x1b[1A123",
    "endpoint": "/v1/chat/completions\r" + CLEAR,
    "metadata": {"note": TITLE, "k\x9bey": "right\u202eleft"},
    "input_file_id": "file\x00abc",
}
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]")
"""What must never reach a plain (non-terminal) output: every control but the line feed and the tab."""


@pytest.mark.parametrize(
    "args",
    [("get", "batch_abc123"), ("wait", "batch_abc123", "--interval", "0.01")],
    ids=["get", "wait"],
)
def test_timestamps_out_of_range_are_shown_raw_with_a_note(fault_server: FaultServer, args: tuple[str, ...]) -> None:
    fault_server.script(batch_reply(**OUT_OF_RANGE))
    run = cli(fault_server.url, *args)
    assert run.code == 0
    lines = run.stdout.splitlines()
    note = "(not a date: out of range for a Unix time in seconds)"
    assert f"created      1711471533000 {note}" in lines
    assert f"completed    100000000000000000000 {note}" in lines
    assert f"expires      -100000000000000000000 {note}" in lines


def test_list_shows_an_out_of_range_creation_time_raw(fault_server: FaultServer) -> None:
    fault_server.script(page_reply([batch_body(**OUT_OF_RANGE)]))
    run = cli(fault_server.url, "list")
    assert run.code == 0
    assert "1711471533000 (not a date" in run.stdout.splitlines()[1]


def assert_escaped(shown: str) -> None:
    assert not RAW_CONTROLS.search(shown), repr(shown)
    assert "\\x1b]0;pwned\\x07" in shown


def test_get_escapes_every_control_character(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(**HOSTILE))
    run = cli(fault_server.url, "get", "batch_abc123")
    assert run.code == 0
    assert_escaped(run.stdout + run.stderr)
    lines = run.stdout.splitlines()
    assert lines[0] == "id           batch_abc\\x1b[1A123"
    assert lines[2] == "endpoint     /v1/chat/completions\\r\\x1b[2J"
    assert "input file   file\\x00abc" in lines
    assert "metadata     note=\\x1b]0;pwned\\x07, k\\x9bey=right\\u202eleft" in lines


def test_on_a_terminal_no_sequence_from_the_server_gets_through(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(**HOSTILE, status="in_progress"), batch_reply(**HOSTILE))
    run = cli(fault_server.url, "wait", "batch_abc123", "--interval", "0.01", env=TERMINAL_ENV)
    assert run.code == 0
    shown = run.stdout + run.stderr
    # rich styles a terminal's output with sequences of its own; none of the server's may be among them.
    for sequence in (TITLE, CLEAR, "\x1b[1A", "\r" + CLEAR, "\x9b", "\u202e", "\x00"):
        assert sequence not in shown
    assert "\\x1b]0;pwned\\x07" in shown


@pytest.mark.filterwarnings("default::anyapi_batches.errors.UnknownEnumValueWarning")
def test_list_and_progress_lines_escape_too(fault_server: FaultServer) -> None:
    fault_server.script(page_reply([batch_body(**HOSTILE, status="fail\x1b[8med")]))
    listed = cli(fault_server.url, "list")
    fault_server.script(batch_reply(**HOSTILE, status="in_\x1b[8mprogress"), batch_reply(**HOSTILE))
    waited = cli(fault_server.url, "wait", "batch_abc123", "--interval", "0.01")
    for run in (listed, waited):
        assert not RAW_CONTROLS.search(run.stdout + run.stderr), repr(run.stdout + run.stderr)
    assert "fail\\x1b[8med" in listed.stdout
    assert "batch_abc\\x1b[1A123  in_\\x1b[8mprogress" in waited.stderr


@pytest.mark.filterwarnings("default::anyapi_batches.errors.UnknownEnumValueWarning")
def test_cancel_escapes_the_id_and_status(fault_server: FaultServer) -> None:
    fault_server.script(json_reply({"id": "b\x1b[2Jc", "object": "batch", "status": "cancelled\r"}))
    run = cli(fault_server.url, "cancel", "batch_abc123")
    assert run.stdout == "b\\x1b[2Jc: cancelled\\r\n"


def test_error_lines_escape_the_message_and_the_request_id(fault_server: FaultServer) -> None:
    body = {"error": {"code": 400, "message": f"bad {TITLE} request{CLEAR}", "type": "bad_request"}}
    fault_server.script(json_reply(body, 400, {"x-request-id": "req\x1b[1A"}))
    run = cli(fault_server.url, "get", "batch_abc123")
    assert run.code == 7
    assert run.stderr == (
        "BadRequestError: Error code: 400 - bad \\x1b]0;pwned\\x07 request\\x1b[2J (request id req\\x1b[1A)\n"
    )


@pytest.mark.filterwarnings("default::anyapi_batches.errors.UnknownEnumValueWarning")
def test_a_warning_about_a_hostile_value_is_escaped(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(status="paused" + TITLE))
    run = cli(fault_server.url, "get", "batch_abc123")
    assert run.code == 0
    assert not RAW_CONTROLS.search(run.stdout + run.stderr)
    assert run.stderr.startswith("warning: UnknownEnumValueWarning: $.status: unknown value 'paused\\x1b]0;pwned\\x07'")


def test_json_output_stays_the_servers_json(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(**HOSTILE))
    run = cli(fault_server.url, "get", "batch_abc123", "--json")
    assert json.loads(run.stdout) == batch_body(**HOSTILE)
    # JSON itself escapes the C0 controls, ESC among them.
    assert not re.search("[\x00-\x09\x0b-\x1f]", run.stdout)


def test_create_uploads_every_byte_of_a_named_pipe(fault_server: FaultServer, tmp_path: Path) -> None:
    content = write_requests(tmp_path).read_bytes() * 2000
    fault_server.script(uploaded_reply(), batch_reply(status="validating"))
    fifo = tmp_path / "requests.fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        fifo.write_bytes(content)

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    run = cli(fault_server.url, "create", "--file", str(fifo), "--endpoint", "/v1/embeddings")
    feeder.join(timeout=5)
    assert run.code == 0
    assert content in fault_server.received[0].body
