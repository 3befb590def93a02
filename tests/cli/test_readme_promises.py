"""The README's promises about the command line: a documented exit code for each failure, one line, no traceback.

``run_cli`` itself fails a run that prints a traceback or the key, or ends in any exception but the
command's own exit.
"""

from __future__ import annotations

import re

import pytest

from anyapi_batches import errors
from anyapi_batches.cli.exits import MEANINGS, ExitCode
from devtools import ROOT
from devtools.fault_server import FaultServer
from tests.support.cli_runner import cli, run_cli
from tests.support.flavours import SECRET
from tests.support.hostile import ANSWERS, TIMEOUT, Hostile

DOCUMENTED_CODES = {
    int(code): meaning
    for code, meaning in re.findall(r"^\| (\d+) \| (.+) \|$", (ROOT / "README.md").read_text(), re.MULTILINE)
}


def documented_exit(error: type[errors.AnyAPIError]) -> ExitCode:
    """The exit code the README's table gives for an error of this class."""
    if issubclass(error, errors.APIStatusError):
        return ExitCode.API_ERROR
    if issubclass(error, errors.APIConnectionError):
        return ExitCode.NO_ANSWER
    return ExitCode.BAD_RESPONSE


def test_the_readme_table_is_the_tools_table() -> None:
    assert {int(code): meaning for code, meaning in MEANINGS.items()} == DOCUMENTED_CODES


@pytest.mark.parametrize("hostile", ANSWERS, ids=[hostile.name for hostile in ANSWERS])
def test_a_hostile_answer_is_one_line_and_its_documented_exit_code(fault_server: FaultServer, hostile: Hostile) -> None:
    fault_server.script(hostile.step)
    run = cli(fault_server.url, "--timeout", str(TIMEOUT), "get", "batch_abc123")
    assert run.code == documented_exit(hostile.error)
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert run.stderr.startswith(f"{hostile.error.__name__}: ")


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--api-key", SECRET + "\x1b", "get", "b"), {}),
        (("get", "b"), {"ANYAPI_API_KEY": " " + SECRET}),
        (("get", "b"), {}),
        (("--timeout", "nan", "get", "b"), {"ANYAPI_API_KEY": SECRET}),
        (("--max-retries", "inf", "get", "b"), {"ANYAPI_API_KEY": SECRET}),
        (("wait", "b", "--timeout", "inf"), {"ANYAPI_API_KEY": SECRET}),
        (("wait", "b", "--interval", "nan"), {"ANYAPI_API_KEY": SECRET}),
        (("get", ""), {"ANYAPI_API_KEY": SECRET}),
        (("cancel", ".."), {"ANYAPI_API_KEY": SECRET}),
        (("wait", "."), {"ANYAPI_API_KEY": SECRET}),
        (("--base-url", "http://[::1", "get", "b"), {"ANYAPI_API_KEY": SECRET}),
    ],
    ids=[
        "control-in-key",
        "spaced-key",
        "no-key",
        "nan-timeout",
        "inf-retries",
        "inf-wait",
        "nan-interval",
        "empty-id",
        "dot-dot-id",
        "dot-id",
        "bad-base-url",
    ],
)
def test_bad_usage_exits_2_before_asking_the_server(
    fault_server: FaultServer, args: tuple[str, ...], env: dict[str, str]
) -> None:
    run = run_cli("--base-url", fault_server.url, *args, env=env)
    assert run.code == ExitCode.USAGE
    assert run.stderr.startswith("Usage: anyapi-batches")
    assert fault_server.received == []
