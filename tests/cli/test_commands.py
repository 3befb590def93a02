"""Each command of ``anyapi-batches``: what it sends, and what it prints readable and as JSON."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import anyapi_batches
from anyapi_batches.cli.exits import MEANINGS
from devtools import ROOT
from devtools.fault_server import FaultServer, batch_body, batch_reply, json_reply
from tests.support.cli_runner import cli, flat, page_reply, run_cli, uploaded_reply, write_requests
from tests.support.flavours import SECRET

README = ROOT / "README.md"


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC for the test, so that printed times can be compared."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def without_counts(body: dict[str, Any]) -> dict[str, Any]:
    """A batch as sent before the server has counted its requests."""
    del body["request_counts"]
    return body


@pytest.fixture
def requests_file(tmp_path: Path) -> Path:
    return write_requests(tmp_path)


def test_version_is_the_package_version() -> None:
    run = run_cli("--version")
    assert run.code == 0
    assert run.stdout.strip() == f"anyapi-batches {anyapi_batches.__version__}"


@pytest.mark.parametrize("command", [(), ("get",), ("list",), ("wait",), ("cancel",), ("create",), ("check",)])
def test_help_documents_every_exit_code(command: tuple[str, ...]) -> None:
    run = run_cli(*command, "--help")
    assert run.code == 0
    for code, meaning in MEANINGS.items():
        assert re.search(rf"^\s*{int(code)}\s+{re.escape(meaning)}\s*$", run.stdout, re.MULTILINE), meaning


def test_get_prints_a_readable_summary(fault_server: FaultServer, utc: None) -> None:
    fault_server.script(batch_reply(in_progress_at=1711471538, expires_at=int(time.time()) + 7000))
    run = cli(fault_server.url, "get", "batch_abc123")
    assert run.code == 0
    lines = run.stdout.splitlines()
    assert lines[:4] == [
        "id           batch_abc123",
        "status       completed",
        "endpoint     /v1/chat/completions",
        "requests     95 completed, 5 failed, of 100",
    ]
    assert re.fullmatch(r"created      2024-03-26 16:45:33 UTC \(\d+d \d+h ago\)", lines[4])
    assert re.fullmatch(r"in progress  2024-03-26 16:45:38 UTC \(\d+d \d+h ago\)", lines[5])
    assert re.fullmatch(r"expires      \S+ \S+ UTC \(in 1h 56m\)", lines[7])
    assert lines[8:] == [
        "input file   file-abc123",
        "output file  file-out456",
        "metadata     customer_id=user_123456789",
    ]
    (request,) = fault_server.received
    assert (request.method, request.target) == ("GET", "/v1/batches/batch_abc123")
    assert request.headers["authorization"] == f"Bearer {SECRET}"


def test_get_leaves_out_what_the_batch_does_not_have(fault_server: FaultServer) -> None:
    fault_server.script(json_reply(without_counts(batch_body(status="validating", output_file_id=None, metadata=None))))
    run = cli(fault_server.url, "get", "batch_abc123")
    assert run.code == 0
    assert "requests    not reported yet" in run.stdout
    for absent in ("output file", "error file", "metadata"):
        assert absent not in run.stdout


def test_get_json_prints_the_body_unchanged(fault_server: FaultServer) -> None:
    body = batch_body(model="gpt-4o-mini", something_new={"kept": True})
    fault_server.script(json_reply(body))
    run = cli(fault_server.url, "get", "batch_abc123", "--json")
    assert run.code == 0
    assert json.loads(run.stdout) == body


def test_get_is_accepted_by_the_mock(prism_url: str) -> None:
    # The mock answers with the spec's example: only the request's acceptance is shown here.
    run = cli(prism_url, "get", "batch_abc123")
    assert (run.code, run.stderr) == (0, "")


def test_server_text_is_not_read_as_markup(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(metadata={"note": "[bold]x[/bold]"}))
    run = cli(fault_server.url, "get", "batch_abc123")
    assert "metadata     note=[bold]x[/bold]" in run.stdout


def test_list_prints_a_plain_table_when_not_on_a_terminal(fault_server: FaultServer, utc: None) -> None:
    fault_server.script(
        page_reply([batch_body(id="batch_1"), without_counts(batch_body(id="batch_2", status="failed"))])
    )
    run = cli(fault_server.url, "list")
    assert run.code == 0
    rows = [line.split("  ") for line in run.stdout.splitlines()]
    assert [[cell.strip() for cell in row if cell.strip()] for row in rows] == [
        ["ID", "STATUS", "DONE", "FAILED", "CREATED", "ENDPOINT"],
        ["batch_1", "completed", "100/100", "5", rows[1][-2].strip(), "/v1/chat/completions"],
        ["batch_2", "failed", "0/?", "0", rows[2][-2].strip(), "/v1/chat/completions"],
    ]
    assert rows[1][-2].strip().startswith("2024-03-26 16:45:33 UTC (")
    assert "\x1b[" not in run.stdout
    assert fault_server.received[0].target == "/v1/batches?limit=20"


def test_list_filters_by_status_and_stops_at_the_limit(fault_server: FaultServer) -> None:
    fault_server.script(
        page_reply([batch_body(id="b1"), batch_body(id="b2", status="failed")], has_more=True),
        page_reply([batch_body(id="b3", status="expired"), batch_body(id="b4", status="failed")], has_more=True),
        page_reply([batch_body(id="b5", status="failed")]),
    )
    run = cli(fault_server.url, "list", "--status", "failed", "--status", "expired", "--limit", "2", "--json")
    assert run.code == 0
    assert [batch["id"] for batch in json.loads(run.stdout)] == ["b2", "b3"]
    assert [request.target for request in fault_server.received] == [
        "/v1/batches?limit=2",
        "/v1/batches?after=b2&limit=2",
    ]


def test_list_pages_of_at_most_the_api_maximum(fault_server: FaultServer) -> None:
    fault_server.script(page_reply([]))
    assert cli(fault_server.url, "list", "--limit", "500").code == 0
    assert fault_server.received[0].target == "/v1/batches?limit=100"


def test_list_refuses_an_unknown_status_before_asking(fault_server: FaultServer) -> None:
    run = cli(fault_server.url, "list", "--status", "done")
    assert run.code == 2
    assert "'done' is not one of cancelled, cancelling, completed" in flat(run.stderr)
    assert fault_server.received == []


def test_list_is_accepted_by_the_mock(prism_url: str) -> None:
    run = cli(prism_url, "list", "--limit", "5")
    assert (run.code, run.stderr) == (0, "")


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ({"id": "batch_abc123", "object": "batch", "status": "cancelled"}, "batch_abc123: cancelled"),
        (batch_body(status="cancelling", cancelling_at=1711471600), "batch_abc123: cancelling"),
    ],
    ids=["short-answer", "whole-batch"],
)
def test_cancel_prints_id_and_status(fault_server: FaultServer, body: dict[str, Any], shown: str) -> None:
    fault_server.script(json_reply(body))
    run = cli(fault_server.url, "cancel", "batch_abc123")
    assert run.code == 0
    assert run.stdout.strip() == shown
    (request,) = fault_server.received
    assert (request.method, request.target) == ("POST", "/v1/batches/batch_abc123/cancel")


def test_cancel_json_prints_the_body(fault_server: FaultServer) -> None:
    body = {"id": "batch_abc123", "object": "batch", "status": "cancelled"}
    fault_server.script(json_reply(body))
    run = cli(fault_server.url, "cancel", "batch_abc123", "--json")
    assert json.loads(run.stdout) == body


def test_cancel_is_accepted_by_the_mock(prism_url: str) -> None:
    run = cli(prism_url, "cancel", "batch_abc123")
    assert (run.code, run.stderr) == (0, "")


def test_create_uploads_then_creates(fault_server: FaultServer, requests_file: Path) -> None:
    fault_server.script(uploaded_reply(), json_reply(batch_body(status="validating")))
    run = cli(fault_server.url, "create", "--file", str(requests_file), "--endpoint", "/v1/chat/completions")
    assert run.code == 0
    assert "status       validating" in run.stdout
    assert [(request.method, request.target) for request in fault_server.received] == [
        ("POST", "/v1/files"),
        ("POST", "/v1/batches"),
    ]
    assert fault_server.received[0].headers["content-type"].startswith("multipart/form-data")


def test_create_bodies_are_accepted_by_the_mock(prism_url: str, requests_file: Path) -> None:
    # Prism answers 422 to any request body outside the spec, multipart and JSON alike; what the bodies hold is
    # checked field by field in test_what_is_sent.
    run = cli(
        prism_url,
        "create",
        "--file",
        str(requests_file),
        "--endpoint",
        "/v1/embeddings",
        "--metadata",
        "job=eval",
        "--metadata",
        "owner=a=b",
        "--json",
    )
    assert run.code == 0, run.stderr


@pytest.mark.parametrize(
    ("option", "value", "complaint"),
    [
        ("--endpoint", "/v1/images", "'/v1/images' is not one of /v1/chat/completions"),
        ("--metadata", "novalue", "'novalue' is not KEY=VALUE"),
        ("--metadata", "=x", "'=x' is not KEY=VALUE"),
    ],
)
def test_create_refuses_bad_values_before_uploading(
    fault_server: FaultServer, requests_file: Path, option: str, value: str, complaint: str
) -> None:
    args = {"--endpoint": "/v1/chat/completions", option: value}
    run = cli(fault_server.url, "create", "--file", str(requests_file), *(x for pair in args.items() for x in pair))
    assert run.code == 2
    assert complaint in flat(run.stderr)
    assert fault_server.received == []


def test_create_needs_an_existing_file(fault_server: FaultServer, tmp_path: Path) -> None:
    run = cli(fault_server.url, "create", "--file", str(tmp_path / "absent.jsonl"), "--endpoint", "/v1/embeddings")
    assert run.code == 2
    assert fault_server.received == []
