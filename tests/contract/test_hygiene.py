"""No cassette may hold a credential, and there must be cassettes to check."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from devtools.recording.leaks import leaks
from devtools.recording.recordings import RECORDINGS


def test_recordings_hold_no_secrets() -> None:
    assert list(RECORDINGS.glob("*.yaml")), "tests/recordings holds no cassettes"
    assert leaks(RECORDINGS) == []


def test_an_empty_folder_fails(tmp_path: Path) -> None:
    assert leaks(tmp_path) == [f"{tmp_path}: no recordings"]


def _request_headers(cassette: Any) -> Any:
    return cassette["interactions"][0]["request"]["headers"]


def _response(cassette: Any) -> Any:
    return cassette["interactions"][0]["response"]


PLANTS: dict[str, Callable[[Any], None]] = {
    "Authorization header": lambda c: _request_headers(c).update(authorization=["Basic dXNlcjpwYXNz"]),
    "Set-Cookie header": lambda c: _response(c)["headers"].update({"set-cookie": ["session=1"]}),
    "Bearer token in a header": lambda c: _request_headers(c).update({"x-forwarded-auth": ["Bearer abc.def"]}),
    "API key in the body": lambda c: _response(c)["body"].update(string='{"key": "sk-proj-4f9a8b7c6d5e"}'),
    "API key in a request body": lambda c: c["interactions"][0]["request"].update(
        body='{"metadata": {"key": "sk-proj-4f9a8b7c6d5e"}}'
    ),
    "random token in the URL": lambda c: c["interactions"][0]["request"].update(
        uri="https://api.anyapi.ai/v1/batches/x?token=Zx8Kq2Lm9Np4Rt7Vw1Yb3Cd6Fg0Hj5Ks"
    ),
}


@pytest.mark.parametrize("plant", PLANTS.values(), ids=PLANTS.keys())
def test_a_planted_secret_is_caught(plant: Callable[[Any], None], tmp_path: Path) -> None:
    for source in RECORDINGS.glob("*.yaml"):
        shutil.copy(source, tmp_path)
    victim = tmp_path / "completed.yaml"
    cassette = yaml.safe_load(victim.read_text())
    plant(cassette)
    victim.write_text(yaml.safe_dump(cassette))
    found = leaks(tmp_path)
    assert found
    assert all(problem.startswith("completed.yaml: ") for problem in found)
