"""Every API error is one line on stderr and a documented exit code; the key never shows, wherever it came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.fault_server import (
    FaultServer,
    Reply,
    Reset,
    Stall,
    Step,
    batch_body,
    batch_reply,
    error_reply,
    json_reply,
)
from tests.support.cli_runner import cli, flat, page_reply, run_cli, uploaded_reply, write_requests
from tests.support.flavours import SECRET

COMMANDS = [
    ("get", "batch_abc123"),
    ("list",),
    ("cancel", "batch_abc123"),
    ("wait", "batch_abc123", "--interval", "0.01"),
]


@pytest.mark.parametrize(
    ("step", "code", "line"),
    [
        (error_reply(404), 7, "NotFoundError: Error code: 404 - scripted failure 404 (request id req_404)"),
        (error_reply(401), 7, "AuthenticationError: Error code: 401 - scripted failure 401 (request id req_401)"),
        (error_reply(500), 7, "InternalServerError: Error code: 500 - scripted failure 500 (request id req_500)"),
        (Reply(418, b"short and stout"), 7, "APIStatusError: Error code: 418 - I'm a Teapot"),
        (Reset(), 8, "APIConnectionError: Connection error ("),
        (Stall(5), 8, "APITimeoutError: Request timed out (no complete answer within 0.2s)."),
        (Reply(200, b"{not json"), 9, "ResponseValidationError: $: the 200 response body is not JSON"),
        (json_reply({"id": 5}), 9, "ResponseValidationError: $.id: expected string, got integer"),
    ],
    ids=["404", "401", "500", "418-not-json", "reset", "timeout", "bad-json", "bad-shape"],
)
def test_each_kind_of_error_is_one_line_and_its_exit_code(
    fault_server: FaultServer, step: Step, code: int, line: str
) -> None:
    fault_server.script(step)
    run = cli(fault_server.url, "--timeout", "0.2", "get", "batch_abc123")
    assert run.code == code
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1
    assert run.stderr.startswith(line)


@pytest.mark.parametrize("command", COMMANDS, ids=[command[0] for command in COMMANDS])
def test_every_command_reports_an_api_error_the_same_way(fault_server: FaultServer, command: tuple[str, ...]) -> None:
    fault_server.script(error_reply(403))
    run = cli(fault_server.url, *command)
    assert run.code == 7
    assert run.stderr == "PermissionDeniedError: Error code: 403 - scripted failure 403 (request id req_403)\n"


def test_create_reports_a_failed_upload(fault_server: FaultServer, tmp_path: Path) -> None:
    requests = write_requests(tmp_path)
    fault_server.script(error_reply(400))
    run = cli(fault_server.url, "create", "--file", str(requests), "--endpoint", "/v1/embeddings")
    assert run.code == 7
    assert run.stderr.startswith("BadRequestError: Error code: 400 - scripted failure 400")
    assert len(fault_server.received) == 1


def test_server_text_stays_on_one_line(fault_server: FaultServer) -> None:
    body = {"error": {"code": 400, "message": "first line\nsecond line\r\n\tthird", "type": "bad_request"}}
    fault_server.script(json_reply(body, 400))
    run = cli(fault_server.url, "get", "batch_abc123")
    assert run.stderr == "BadRequestError: Error code: 400 - first line second line third\n"


def test_a_key_the_server_echoes_is_redacted(fault_server: FaultServer) -> None:
    body = {"error": {"code": 401, "message": f"Incorrect API key provided: {SECRET}", "type": "auth"}}
    fault_server.script(json_reply(body, 401))
    run = cli(fault_server.url, "get", "batch_abc123")
    assert run.stderr == "AuthenticationError: Error code: 401 - Incorrect API key provided: [redacted]\n"


def test_a_key_from_the_environment_is_redacted_too(fault_server: FaultServer) -> None:
    body = {"error": {"code": 401, "message": f"bad key {SECRET}", "type": "auth"}}
    fault_server.script(json_reply(body, 401))
    run = run_cli("--base-url", fault_server.url, "get", "batch_abc123", env={"ANYAPI_API_KEY": SECRET})
    assert run.stderr == "AuthenticationError: Error code: 401 - bad key [redacted]\n"
    assert fault_server.received[0].headers["authorization"] == f"Bearer {SECRET}"


@pytest.mark.filterwarnings("default::anyapi_batches.errors.UnknownEnumValueWarning")
def test_a_warning_is_one_line_too(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(status="paused"))
    run = cli(fault_server.url, "get", "batch_abc123")
    assert run.code == 0
    assert "status       paused" in run.stdout
    assert run.stderr.startswith("warning: UnknownEnumValueWarning: $.status: unknown value 'paused', expected one of")
    assert len(run.stderr.splitlines()) == 1


def test_retries_follow_max_retries(fault_server: FaultServer) -> None:
    fault_server.script(
        error_reply(503, {"retry-after-ms": "1"}), error_reply(503, {"retry-after-ms": "1"}), batch_reply()
    )
    run = run_cli("--api-key", SECRET, "--base-url", fault_server.url, "--max-retries", "2", "get", "batch_abc123")
    assert run.code == 0
    assert len(fault_server.received) == 3


def test_no_key_is_a_usage_error_naming_the_variable(fault_server: FaultServer) -> None:
    run = run_cli("--base-url", fault_server.url, "get", "batch_abc123")
    assert run.code == 2
    assert "Invalid value for '--api-key': none given: pass --api-key or set $ANYAPI_API_KEY" in flat(run.stderr)
    assert fault_server.received == []


def test_a_key_with_a_line_break_is_refused_without_showing_it(fault_server: FaultServer) -> None:
    run = run_cli("--base-url", fault_server.url, "get", "batch_abc123", env={"ANYAPI_API_KEY": SECRET + "\n"})
    assert run.code == 2
    assert "surrounding whitespace" in flat(run.stderr)
    assert fault_server.received == []


@pytest.mark.parametrize(
    "args",
    [
        ("get",),
        ("frobnicate",),
        ("--timeout", "0", "get", "batch_abc123"),
        ("--max-retries", "-1", "get", "batch_abc123"),
        ("list", "--limit", "0"),
    ],
    ids=["missing-id", "unknown-command", "zero-timeout", "negative-retries", "zero-limit"],
)
def test_usage_errors_exit_2_without_asking_the_server(fault_server: FaultServer, args: tuple[str, ...]) -> None:
    run = cli(fault_server.url, *args)
    assert run.code == 2
    assert run.stderr.startswith("Usage: anyapi-batches")
    assert fault_server.received == []


CREATE = ("create", "--file", "{requests}", "--endpoint", "/v1/embeddings", "--metadata", "k=v")


@pytest.mark.parametrize("source", ["option", "environment"])
@pytest.mark.parametrize(
    ("args", "steps", "code"),
    [
        (("--help",), (), 0),
        (("--version",), (), 0),
        (("get", "batch_abc123"), (batch_reply(),), 0),
        (("get", "batch_abc123", "--json"), (batch_reply(),), 0),
        (("list",), (page_reply([batch_body()]),), 0),
        (("list", "--json"), (page_reply([batch_body()]),), 0),
        (("cancel", "batch_abc123"), (batch_reply(status="cancelling"),), 0),
        (("wait", "batch_abc123", "--interval", "0.01"), (batch_reply(status="in_progress"), batch_reply()), 0),
        (("wait", "batch_abc123", "--timeout", "0.05", "--interval", "0.01"), (batch_reply(status="in_progress"),), 6),
        (CREATE, (uploaded_reply(), batch_reply(status="validating")), 0),
        (("get", "batch_abc123"), (error_reply(401),), 7),
        (("list",), (Reset(),), 8),
        (("cancel", "batch_abc123"), (Reply(200, b"[]"),), 9),
        (("create", "--file", "{requests}", "--endpoint", "/v1/embeddings"), (error_reply(401),), 7),
    ],
)
def test_no_command_prints_the_key(
    fault_server: FaultServer, tmp_path: Path, source: str, args: tuple[str, ...], steps: tuple[Step, ...], code: int
) -> None:
    requests = write_requests(tmp_path)
    if steps:
        fault_server.script(*steps)
    given = ("--api-key", SECRET) if source == "option" else ()
    env = {"ANYAPI_API_KEY": SECRET} if source == "environment" else {}
    command = (arg.format(requests=requests) for arg in args)
    # run_cli fails the test on a key in stdout or stderr; this checks each run went where it was meant to.
    run = run_cli(*given, "--base-url", fault_server.url, "--max-retries", "0", *command, env=env)
    assert run.code == code
    assert all(request.headers["authorization"] == f"Bearer {SECRET}" for request in fault_server.received)
    assert len(fault_server.received) >= len(steps)
