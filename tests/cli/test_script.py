"""The installed ``anyapi-batches`` console script, run as a user runs it; and a library that does not need it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import pytest

from devtools.fault_server import FaultServer, batch_reply, error_reply
from tests.support.flavours import SECRET

SCRIPT = Path(sys.executable).parent / "anyapi-batches"

needs_script = pytest.mark.skipif(
    not SCRIPT.exists(), reason="the package is not installed with its console script (pip install -e ...)"
)


def run_script(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=60, env={**clean_env(), **(env or {})}
    )
    assert SECRET not in result.stdout + result.stderr
    return result


def clean_env() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if not name.startswith(("ANYAPI_", "TTY_"))}


def test_the_package_declares_the_script_and_the_extra() -> None:
    (script,) = metadata.entry_points(group="console_scripts", name="anyapi-batches")
    assert script.value == "anyapi_batches.cli:main"
    assert "cli" in (metadata.metadata("anyapi-batches").get_all("Provides-Extra") or [])


# Runs in a fresh interpreter in which typer and rich cannot be imported, as without the extra.
WITHOUT_EXTRA = """
import sys

class Missing:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("typer", "rich"):
            raise ModuleNotFoundError(name)

sys.meta_path.insert(0, Missing())
from anyapi_batches import AnyAPI, errors
with AnyAPI(api_key="sk-no-extra", base_url=sys.argv[1], max_retries=0) as client:
    print(client.batches.retrieve("batch_abc123").status)
"""


def test_the_library_works_without_the_extra(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(status="finalizing"))
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_EXTRA, fault_server.url], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, "finalizing\n"), result.stderr


@needs_script
def test_script_gets_a_batch(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(id="batch_x1", status="finalizing"))
    result = run_script("--base-url", fault_server.url, "get", "batch_x1", env={"ANYAPI_API_KEY": SECRET})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["id           batch_x1", "status       finalizing"]
    assert [request.target for request in fault_server.received] == ["/v1/batches/batch_x1"]


@needs_script
def test_script_reports_an_api_error_in_one_line(fault_server: FaultServer) -> None:
    fault_server.script(error_reply(404))
    result = run_script("--api-key", SECRET, "--base-url", fault_server.url, "get", "batch_missing")
    assert result.returncode == 7
    assert result.stdout == ""
    assert result.stderr == "NotFoundError: Error code: 404 - scripted failure 404 (request id req_404)\n"


@needs_script
def test_script_wait_exits_on_the_ending_status(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(status="in_progress"), batch_reply(status="expired"))
    result = run_script(
        "--api-key", SECRET, "--base-url", fault_server.url, "wait", "batch_abc123", "--interval", "0.01"
    )
    assert result.returncode == 4
    assert "status       expired" in result.stdout
    assert result.stderr.splitlines()[-1].split()[1:3] == ["batch_abc123", "expired"]


@needs_script
def test_ctrl_c_during_a_wait_exits_130_quietly(fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(status="in_progress"))
    process = subprocess.Popen(
        [str(SCRIPT), "--api-key", SECRET, "--base-url", fault_server.url, "wait", "batch_abc123", "--interval", "30"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(),
    )
    try:
        deadline = time.monotonic() + 30
        while not fault_server.received and time.monotonic() < deadline:
            time.sleep(0.02)
        assert fault_server.received, "the wait never polled"
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130
    assert "Traceback" not in stderr
    assert SECRET not in stdout + stderr
