"""What the command line's options become on the wire, by value: every field, query parameter and header."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devtools.fault_server import FaultServer, Received, batch_body, batch_reply, error_reply, json_reply
from tests.support.cli_runner import cli, page_reply, run_cli, uploaded_reply, write_requests
from tests.support.flavours import SECRET
from tests.support.sent import FormPart, form_sent, json_sent


@pytest.fixture
def requests_file(tmp_path: Path) -> Path:
    folder = tmp_path / "jobs" / "2024"
    folder.mkdir(parents=True)
    return write_requests(folder)


def metadata_options(*pairs: str) -> list[str]:
    return [option for pair in pairs for option in ("--metadata", pair)]


def create(fault_server: FaultServer, requests_file: Path, *options: str) -> tuple[Received, Received]:
    fault_server.script(uploaded_reply(), json_reply(batch_body(status="validating")))
    run = cli(fault_server.url, "create", "--file", str(requests_file), *options)
    assert run.code == 0, run.stderr
    upload, created = fault_server.received
    assert (upload.method, upload.target, created.method, created.target) == (
        "POST",
        "/v1/files",
        "POST",
        "/v1/batches",
    )
    return upload, created


def test_create_uploads_the_file_under_its_base_name(fault_server: FaultServer, requests_file: Path) -> None:
    upload, _ = create(fault_server, requests_file, "--endpoint", "/v1/embeddings")
    assert form_sent(upload.headers, upload.body) == [
        FormPart("file", "requests.jsonl", "application/octet-stream", requests_file.read_bytes()),
        FormPart("purpose", None, "text/plain", b"batch"),
    ]
    assert str(requests_file.parent).encode() not in upload.body


def test_create_sends_metadata_split_at_the_first_equals_sign(fault_server: FaultServer, requests_file: Path) -> None:
    _, created = create(
        fault_server,
        requests_file,
        "--endpoint",
        "/v1/embeddings",
        *metadata_options("job=eval", "owner=a=b", "empty="),
    )
    assert json_sent(created.headers, created.body) == {
        "input_file_id": "file-abc123",
        "endpoint": "/v1/embeddings",
        "completion_window": "24h",
        "metadata": {"job": "eval", "owner": "a=b", "empty": ""},
    }


def test_create_without_metadata_sends_none(fault_server: FaultServer, requests_file: Path) -> None:
    _, created = create(fault_server, requests_file, "--endpoint", "/v1/chat/completions")
    assert json_sent(created.headers, created.body) == {
        "input_file_id": "file-abc123",
        "endpoint": "/v1/chat/completions",
        "completion_window": "24h",
    }


def test_a_repeated_metadata_key_sends_the_last_value(fault_server: FaultServer, requests_file: Path) -> None:
    _, created = create(fault_server, requests_file, "--endpoint", "/v1/embeddings", *metadata_options("k=1", "k=2"))
    assert json_sent(created.headers, created.body)["metadata"] == {"k": "2"}


def test_create_with_wait_polls_the_batch_it_created(fault_server: FaultServer, requests_file: Path) -> None:
    fault_server.script(uploaded_reply(), json_reply(batch_body(id="batch_new", status="validating")), batch_reply())
    run = cli(
        fault_server.url, "create", "--file", str(requests_file), "--endpoint", "/v1/embeddings", "--wait", "--json"
    )
    assert run.code == 0, run.stderr
    assert [(request.method, request.target) for request in fault_server.received] == [
        ("POST", "/v1/files"),
        ("POST", "/v1/batches"),
        ("GET", "/v1/batches/batch_new"),
    ]


@pytest.mark.parametrize(
    ("args", "method", "target"),
    [
        (("get", "a/b c"), "GET", "/v1/batches/a%2Fb%20c"),
        (("wait", "a/b c"), "GET", "/v1/batches/a%2Fb%20c"),
        (("cancel", "a/b c"), "POST", "/v1/batches/a%2Fb%20c/cancel"),
    ],
)
def test_an_id_travels_as_one_encoded_segment(
    fault_server: FaultServer, args: tuple[str, ...], method: str, target: str
) -> None:
    fault_server.script(batch_reply(id="a/b c"))
    assert cli(fault_server.url, *args).code == 0
    (request,) = fault_server.received
    assert (request.method, request.target, request.body) == (method, target, b"")


@pytest.mark.parametrize(("limit", "query"), [("1", "limit=1"), ("100", "limit=100"), ("101", "limit=100")])
def test_list_asks_for_pages_of_its_limit(fault_server: FaultServer, limit: str, query: str) -> None:
    fault_server.script(page_reply([]))
    assert cli(fault_server.url, "list", "--limit", limit).code == 0
    (request,) = fault_server.received
    assert (request.method, request.target) == ("GET", f"/v1/batches?{query}")


@pytest.mark.parametrize("where", ["option", "environment"])
def test_the_key_is_sent_as_a_bearer_token(fault_server: FaultServer, where: str) -> None:
    fault_server.script(batch_reply())
    if where == "option":
        run = run_cli("--api-key", SECRET, "--base-url", fault_server.url, "get", "batch_abc123")
    else:
        run = run_cli("get", "batch_abc123", env={"ANYAPI_API_KEY": SECRET, "ANYAPI_BASE_URL": fault_server.url})
    assert run.code == 0
    (request,) = fault_server.received
    assert request.headers["authorization"] == f"Bearer {SECRET}"


@pytest.mark.parametrize(("retries", "sent"), [("0", 1), ("1", 2), ("3", 4)])
def test_max_retries_is_how_often_a_failure_is_tried_again(fault_server: FaultServer, retries: str, sent: int) -> None:
    fault_server.script(error_reply(503, {"retry-after-ms": "1"}))
    run = run_cli("--api-key", SECRET, "--base-url", fault_server.url, "--max-retries", retries, "get", "b1")
    assert run.code != 0
    assert len(fault_server.received) == sent


def test_get_json_asks_once_and_prints_what_came(fault_server: FaultServer) -> None:
    body = batch_body(id="batch_7")
    fault_server.script(json_reply(body))
    run = cli(fault_server.url, "get", "batch_7", "--json")
    assert json.loads(run.stdout) == body
    assert [request.target for request in fault_server.received] == ["/v1/batches/batch_7"]
