"""A test that hangs fails, with a traceback, and the run goes on; a test marked slow is given longer.

Runs pytest on a scratch test file with this repository's settings (pyproject.toml
and tests/conftest.py), the default timeout cut to three seconds.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from devtools import ROOT

HANGING_TESTS = """
import time

import anyio
import pytest


def test_hangs():
    time.sleep(30)


@pytest.mark.anyio
async def test_hangs_awaiting():
    await anyio.sleep(30)


@pytest.mark.slow
def test_slow_but_finishing():
    time.sleep(3.5)


@pytest.mark.anyio
async def test_after_the_hangs():
    await anyio.sleep(0)
"""


def test_a_hang_is_a_failed_test_with_its_traceback(tmp_path: Path) -> None:
    tests = tmp_path / "test_scratch.py"
    tests.write_text(HANGING_TESTS)
    settings = ["-c", str(ROOT / "pyproject.toml"), "-p", "tests.conftest", "-o", "timeout=3", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", *settings, str(tests)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert " 2 failed, 2 passed in " in result.stdout.splitlines()[-1]
    assert "::test_hangs - Failed: Timeout (>3.0s) from pytest-timeout." in result.stdout
    assert "::test_hangs_awaiting[asyncio] - TimeoutError" in result.stdout
    # The traceback points at the line that hung.
    assert ">       time.sleep(30)\nE       Failed: Timeout" in result.stdout
    assert ">       await anyio.sleep(30)" in result.stdout
