"""`nox -s record` end to end: scripts/record.py against a loopback server, through the real client."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scripts.record import main
from tests.contract.leaks import REDACTED, leaks
from tests.contract.provider import Reply, provider
from tests.contract.recordings import Recording, all_recordings

API_KEY = "sk-test-Qm7Xw2Lp9Rk4Tn8Vb3Yc6Hd1"
# Credentials a careless server or proxy might send back: the recorder must drop these headers whole.
PLANTED = (("Set-Cookie", "session=Zx8Kq2Lm9Np4Rt7Vw1Yb3Cd6Fg0Hj5Ks; HttpOnly"), ("X-Api-Key", API_KEY))


def reply(recording: Recording, body: bytes | None = None, *extra: tuple[str, str]) -> Reply:
    response = recording.cassette["interactions"][0]["response"]
    headers = [(name, value) for name, values in response["headers"].items() for value in values]
    if body is not None:
        headers = [(name, value) for name, value in headers if name != "content-length"]
    return Reply(recording.status, body or response["body"]["string"].encode(), (*headers, *PLANTED, *extra))


def exchange(recording: Recording) -> Any:
    """What a re-recording must reproduce; request headers such as User-Agent vary with the recording machine."""
    recorded = recording.cassette["interactions"][0]
    return recorded["request"]["method"], recorded["request"]["uri"], recorded["response"]


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("ANYAPI_API_KEY", API_KEY)
    return monkeypatch


def test_recording_reproduces_every_cassette_without_secrets(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    committed = all_recordings()
    replies = {"/v1" + recording.api_path: reply(recording) for recording in committed}
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
    with provider({"/v1/batches/batch_live_777": reply(completed, served, echo)}) as base_url:
        env.setenv("ANYAPI_BASE_URL", base_url)
        assert main(["--only", "completed", "--id", "completed=batch_live_777", "--out", str(tmp_path)]) == 0
    recorded = Recording(tmp_path / "completed.yaml")
    assert recorded.batch_id == completed.batch_id
    assert recorded.body == {**completed.body, "metadata": {"echo": f"key {REDACTED}"}}
    assert recorded.headers["x-echo"] == REDACTED
    assert recorded.headers["content-length"] == str(len(json.dumps(recorded.body, indent=2)))
    assert leaks(tmp_path) == []


def test_it_refuses_to_run_without_a_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ANYAPI_API_KEY", raising=False)
    assert main(["--out", str(tmp_path)]) == 2
    assert list(tmp_path.iterdir()) == []
