"""``anyapi-batches check``: counts and exit code 0 for a good file, the problems by line and exit code 10 if not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from anyapi_batches.cli import check as check_module
from anyapi_batches.cli.check import check
from anyapi_batches.cli.exits import ExitCode

CHAT = "/v1/chat/completions"


def run(*args: str) -> tuple[int, str, str]:
    """The command, registered as the app registers it, run in-process."""
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """The app's other commands and options are not needed here."""

    app.command()(check)
    result = CliRunner().invoke(app, ["check", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout, result.stderr


def request(custom_id: str, url: str = CHAT) -> str:
    return json.dumps({"custom_id": custom_id, "method": "POST", "url": url, "body": {}})


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.jsonl"
    path.write_text(f"{request('a')}\n{request('b')}\n")
    return path


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_text(f"{request('a')}\n[]\n{request('a')}\n")
    return path


def test_a_good_file_prints_its_counts(good: Path) -> None:
    code, stdout, stderr = run(str(good))
    assert code == 0
    assert stdout == f"{good}: 2 requests to {CHAT}, {good.stat().st_size} bytes\n"
    assert stderr == ""


def test_a_good_file_as_json(good: Path) -> None:
    code, stdout, _ = run(str(good), "--json")
    assert code == 0
    assert json.loads(stdout) == {"path": str(good), "requests": 2, "bytes": good.stat().st_size, "endpoint": CHAT}


def test_problems_are_listed_by_line_with_exit_code_10(bad: Path) -> None:
    code, stdout, stderr = run(str(bad))
    assert code == 10
    assert int(ExitCode.BAD_INPUT) == 10
    assert stdout.splitlines() == [
        f"{bad}:2: not_object: expected an object, got array",
        f"{bad}:3: duplicate_custom_id: custom_id 'a' is used on line 1",
        "2 problems",
    ]
    assert stderr == ""


def test_problems_as_json(bad: Path) -> None:
    code, stdout, _ = run(str(bad), "--json")
    assert code == ExitCode.BAD_INPUT
    assert json.loads(stdout) == {
        "path": str(bad),
        "problems": [
            {"line": 2, "code": "not_object", "message": "expected an object, got array"},
            {"line": 3, "code": "duplicate_custom_id", "message": "custom_id 'a' is used on line 1"},
        ],
        "more": 0,
    }


def test_whole_file_problems_have_no_line_and_the_rest_are_counted(bad: Path) -> None:
    code, stdout, _ = run(str(bad), "--max-requests-per-batch", "1", "--max-problems", "2")
    assert code == ExitCode.BAD_INPUT
    assert stdout.splitlines() == [
        f"{bad}:2: too_many_requests: 3 requests, more than the 1 a batch may have",
        f"{bad}:2: not_object: expected an object, got array",
        "3 problems, 1 more not shown",
    ]


def test_the_byte_limit_can_be_set(good: Path) -> None:
    code, stdout, _ = run(str(good), "--max-bytes-per-batch", "10")
    assert code == ExitCode.BAD_INPUT
    assert f"{good}:1: file_too_large: " in stdout


def test_the_endpoint_must_match(good: Path) -> None:
    code, stdout, _ = run(str(good), "--endpoint", "/v1/embeddings")
    assert code == ExitCode.BAD_INPUT
    assert f"{good}:1: wrong_endpoint: url is '{CHAT}', not the batch's endpoint '/v1/embeddings'" in stdout


def test_an_unknown_endpoint_is_bad_usage(good: Path) -> None:
    code, stdout, stderr = run(str(good), "--endpoint", "/v1/responses")
    assert code == 2
    assert stdout == ""
    assert "'/v1/responses' is not one of" in stderr


def test_a_missing_file_is_bad_usage(tmp_path: Path) -> None:
    code, _, stderr = run(str(tmp_path / "missing.jsonl"))
    assert code == 2
    assert "does not exist" in stderr


def test_escape_sequences_from_the_file_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "hostile.jsonl"
    hostile = "/v1/x\x1b]0;title\x07"
    path.write_text(f"{request('a')}\n{request('b', url=hostile)}\n")
    code, stdout, _ = run(str(path))
    assert code == ExitCode.BAD_INPUT
    assert "\x1b" not in stdout and "\x07" not in stdout
    assert "\\x1b]0;title\\x07" in stdout


def test_a_file_that_cannot_be_read_is_bad_usage(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(*args: object, **options: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(check_module, "check_input", unreadable)
    code, stdout, stderr = run(str(good))
    assert code == 2
    assert stdout == ""
    assert "cannot be read: Permission denied" in stderr
