"""`nox -s record` end to end: devtools/recording/cli.py against a loopback server, through the real client.

Re-recording the committed cassettes from themselves shows that the recorder
is consistent; the tests whose server answers what the test itself wrote down
show that a cassette holds what was really sent and answered.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from anyapi_batches.models import Batch
from devtools.fault_server import Received, batch_body
from devtools.fixed_answer_server import Ask, Reply, provider
from devtools.recording.cases import Case, Upload
from devtools.recording.cli import main
from devtools.recording.leaks import REDACTED, leaks
from devtools.recording.recorder import record
from devtools.recording.recordings import REPLAY_BASE_URL, Recording, all_recordings

API_KEY = "sk-test-Qm7Xw2Lp9Rk4Tn8Vb3Yc6Hd1"
# Credentials a careless server or proxy might send back: the recorder must drop these headers whole.
PLANTED = (("Set-Cookie", "session=Zx8Kq2Lm9Np4Rt7Vw1Yb3Cd6Fg0Hj5Ks; HttpOnly"), ("X-Api-Key", API_KEY))


def reply(recording: Recording, body: bytes | None = None, *extra: tuple[str, str]) -> Reply:
    response = recording.cassette["interactions"][0]["response"]
    headers = [(name, value) for name, values in response["headers"].items() for value in values]
    if body is not None:
        headers = [(name, value) for name, value in headers if name != "content-length"]
    return Reply(recording.status, body or response["body"]["string"].encode(), (*headers, *PLANTED, *extra))


def ask(recording: Recording) -> Ask:
    """The request the provider sees when the client makes the recorded one."""
    return Ask(recording.method.upper(), recording.target, recording.request_body)


def exchange(recording: Recording) -> Any:
    """What a re-recording must reproduce; request headers such as User-Agent vary with the recording machine."""
    recorded = recording.cassette["interactions"][0]
    request = recorded["request"]
    return request["method"], request["uri"], request["body"], recorded["response"]


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("ANYAPI_API_KEY", API_KEY)
    return monkeypatch


def test_recording_reproduces_every_cassette_without_secrets(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    committed = all_recordings()
    replies = {ask(recording): reply(recording) for recording in committed}
    with provider(replies) as base_url:
        env.setenv("ANYAPI_BASE_URL", base_url)
        assert main(["--out", str(tmp_path)]) == 0
    fresh = {recording.name: recording for recording in all_recordings(tmp_path)}
    assert sorted(fresh) == [recording.name for recording in committed]
    for recording in committed:
        assert exchange(fresh[recording.name]) == exchange(recording), recording.name
        assert fresh[recording.name].cassette["metadata"] == {"recorded_from": base_url}
    assert leaks(tmp_path) == []
    assert not any(API_KEY in path.read_text() for path in tmp_path.iterdir())


def test_a_live_id_and_echoed_key_are_rewritten(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    completed = next(recording for recording in all_recordings() if recording.name == "completed")
    body = {**completed.body, "id": "batch_live_777", "metadata": {"echo": f"key {API_KEY}"}}
    served = json.dumps(body, indent=2).encode()
    echo = ("X-Echo", f"Bearer {API_KEY}")
    with provider({Ask("GET", "/v1/batches/batch_live_777"): reply(completed, served, echo)}) as base_url:
        env.setenv("ANYAPI_BASE_URL", base_url)
        assert main(["--only", "completed", "--id", "completed=batch_live_777", "--out", str(tmp_path)]) == 0
    recorded = Recording(tmp_path / "completed.yaml")
    assert recorded.target == completed.target
    assert recorded.body == {**completed.body, "metadata": {"echo": f"key {REDACTED}"}}
    assert recorded.headers["x-echo"] == REDACTED
    assert recorded.headers["content-length"] == str(len(json.dumps(recorded.body, indent=2)))
    assert leaks(tmp_path) == []


def test_it_refuses_to_run_without_a_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ANYAPI_API_KEY", raising=False)
    assert main(["--out", str(tmp_path)]) == 2
    assert list(tmp_path.iterdir()) == []


def test_a_live_input_file_is_rewritten_in_the_request_body(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    created = next(recording for recording in all_recordings() if recording.name == "create_batch")
    live_body = created.request_body.replace(b"file-abc123", b"file-live-4242")
    with provider({Ask("POST", "/v1/batches", live_body): reply(created)}) as base_url:
        env.setenv("ANYAPI_BASE_URL", base_url)
        assert main(["--only", "create_batch", "--id", "create_batch=file-live-4242", "--out", str(tmp_path)]) == 0
    recorded = Recording(tmp_path / "create_batch.yaml")
    assert recorded.status == 200
    assert exchange(recorded) == exchange(created)
    request = recorded.cassette["interactions"][0]["request"]
    assert request["headers"]["content-length"] == [str(len(created.request_body))]


def test_a_binary_upload_is_stored_as_readable_text(tmp_path: Path) -> None:
    case = Case("binary_upload", "create_file", 200, {"file": Upload("data.bin", b"\xff\xfeok"), "purpose": "batch"})
    with provider({}) as base_url:
        record([case], base_url=base_url, api_key=API_KEY, out_dir=tmp_path)
    body = Recording(tmp_path / "binary_upload.yaml").cassette["interactions"][0]["request"]["body"]
    assert isinstance(body, str)
    assert "\\xff\\xfeok" in body


def cassette_of(path: Path) -> Any:
    """A cassette as any YAML reader sees it, not through the project's own Recording class."""
    return yaml.safe_load(path.read_text())


def test_a_cassette_holds_exactly_what_was_sent_and_answered(tmp_path: Path) -> None:
    arguments = {"input_file_id": "file-rec-1", "endpoint": "/v1/embeddings", "completion_window": "24h"}
    sent = (
        b'{"input_file_id":"file-rec-1","endpoint":"/v1/embeddings","completion_window":"24h","metadata":{"run":"r-7"}}'
    )
    answer = batch_body(id="batch_rec_1", status="in_progress", input_file_id="file-rec-1", metadata={"run": "r-7"})
    served = json.dumps(answer).encode()
    case = Case("defined", "create_batch", 200, {**arguments, "metadata": {"run": "r-7"}}, Batch)
    headers = (("Content-Type", "application/json"), ("X-Request-Id", "req_rec_1"))
    received: list[Received] = []
    with provider({Ask("POST", "/v1/batches", sent): Reply(200, served, headers)}, received) as base_url:
        assert record([case], base_url=base_url, api_key=API_KEY, out_dir=tmp_path) == {"defined": 200}
    (heard,) = received
    assert heard.body == sent
    assert heard.headers["authorization"] == f"Bearer {API_KEY}"

    cassette = cassette_of(tmp_path / "defined.yaml")
    assert cassette["metadata"] == {"recorded_from": base_url}
    (interaction,) = cassette["interactions"]
    request, response = interaction["request"], interaction["response"]
    assert (request["method"], request["uri"], request["body"]) == ("POST", f"{REPLAY_BASE_URL}/batches", sent.decode())
    assert request["headers"]["host"] == ["api.anyapi.ai"]
    assert request["headers"]["content-type"] == ["application/json"]
    assert request["headers"]["content-length"] == [str(len(sent))]
    assert request["headers"]["user-agent"] == [heard.headers["user-agent"]]
    assert "authorization" not in request["headers"]
    assert response["status"] == {"code": 200, "message": "OK"}
    assert response["headers"] == {
        "content-type": ["application/json"],
        "x-request-id": ["req_rec_1"],
        "content-length": [str(len(served))],
    }
    assert response["body"]["string"] == served.decode()


def test_a_cassette_keeps_an_error_answer_as_it_came(tmp_path: Path) -> None:
    error = {"error": {"code": 404, "message": "No batch batch_gone", "type": "not_found"}}
    served = json.dumps(error).encode()
    case = Case("gone", "retrieve_batch", 404, {"batch_id": "batch_gone"})
    reply = Reply(404, served, (("Content-Type", "application/json"),))
    with provider({Ask("GET", "/v1/batches/batch_gone"): reply}) as base_url:
        assert record([case], base_url=base_url, api_key=API_KEY, out_dir=tmp_path) == {"gone": 404}
    (interaction,) = cassette_of(tmp_path / "gone.yaml")["interactions"]
    request, response = interaction["request"], interaction["response"]
    assert (request["method"], request["uri"], request["body"]) == ("GET", f"{REPLAY_BASE_URL}/batches/batch_gone", "")
    assert response["status"] == {"code": 404, "message": "Not Found"}
    assert json.loads(response["body"]["string"]) == error
