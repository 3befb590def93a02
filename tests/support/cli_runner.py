"""Running ``anyapi-batches`` in-process, checking on every run that neither the API key nor a traceback shows."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from anyapi_batches.cli import app
from devtools.fault_server import Reply, json_reply
from tests.support.flavours import SECRET

# The developer's own settings must not reach a test; the terminal ones decide between bar and plain lines.
CLEAN_ENV: dict[str, str | None] = dict.fromkeys(
    ("ANYAPI_API_KEY", "ANYAPI_BASE_URL", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "FORCE_COLOR", "COLUMNS")
)

TERMINAL_ENV = {"TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1"}
"""Makes rich treat the captured stdout as an interactive terminal."""


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: Mapping[str, str] | None = None) -> Run:
    """Run the command line in-process with a clean environment plus ``env``."""
    result = CliRunner().invoke(app, list(args), env={**CLEAN_ENV, **(env or {})})
    shown = result.stdout + result.stderr
    assert SECRET not in shown, f"the API key was printed:\n{shown}"
    assert "Traceback" not in shown
    # Anything but the exit the command chose is a bug in the command line itself: show it as such.
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def cli(base_url: str, *args: str, env: Mapping[str, str] | None = None) -> Run:
    """The command line with the test key, ``base_url`` and no retries, then ``args``."""
    return run_cli("--api-key", SECRET, "--base-url", base_url, "--max-retries", "0", *args, env=env)


def flat(text: str) -> str:
    """Text without the box that typer draws around a usage error, on one line."""
    return " ".join(re.sub("[│╭╮╰╯─]", " ", text).split())


def page_reply(batches: list[dict[str, Any]], has_more: bool = False) -> Reply:
    """One page of a batch listing."""
    body = {
        "object": "list",
        "data": batches,
        "first_id": batches[0]["id"] if batches else None,
        "last_id": batches[-1]["id"] if batches else None,
        "has_more": has_more,
    }
    return json_reply(body)


def uploaded_reply() -> Reply:
    """The answer to a file upload."""
    body = {
        "id": "file-abc123",
        "object": "file",
        "bytes": 120,
        "created_at": 1711471533,
        "filename": "requests.jsonl",
        "purpose": "batch",
        "status": "uploaded",
    }
    return json_reply(body)


def write_requests(directory: Path) -> Path:
    """A one-line JSONL file of requests, as create uploads it."""
    path = directory / "requests.jsonl"
    path.write_text('{"custom_id": "r1", "method": "POST", "url": "/v1/chat/completions", "body": {}}\n')
    return path
