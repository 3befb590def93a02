"""Sections 4 and 5: cold import time in fresh interpreters, and the wall time of the generation pipeline."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from devtools import generation
from devtools.bench.measure import Samples, compare

INTERPRETER_START = "python -c pass"
IMPORT_HTTPX = "import httpx"
IMPORT_ANYAPI = "import anyapi_batches"
IMPORTS = {
    INTERPRETER_START: "pass",
    IMPORT_HTTPX: IMPORT_HTTPX,
    IMPORT_ANYAPI: IMPORT_ANYAPI,
    "import openai": "import openai",
}

GENERATE = "generate into a temporary directory"
CHECK = "python -m scripts.generate --check"


def timed_run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and exit code of one run of ``command``."""
    start = time.perf_counter()
    exit_code = subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=False).returncode
    return time.perf_counter() - start, exit_code


def import_time(code: str, env: dict[str, str]) -> float:
    seconds, exit_code = timed_run([sys.executable, "-c", code], env)
    if exit_code:
        raise SystemExit(f"`python -c {code!r}` failed (exit {exit_code})")
    return seconds


def import_times(rounds: int) -> Samples:
    """Seconds to start an interpreter and import each module, less a bare interpreter start of the same round.

    The interpreters keep their bytecode under a scratch PYTHONPYCACHEPREFIX, so from the warm-up run on every
    module loads from a .pyc: ours (an editable install has none until it is first imported) as well as httpx's
    and openai's. Where PYTHONDONTWRITEBYTECODE is set, our package would otherwise be compiled from source on
    every import while the installed libraries load theirs; no __pycache__ is written into the source tree.
    """
    with tempfile.TemporaryDirectory() as cache:
        env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        cases = {name: partial(import_time, code, env) for name, code in IMPORTS.items()}
        return compare(cases, rounds).less(INTERPRETER_START)


def pipeline_times(rounds: int) -> tuple[Samples, bool]:
    """Wall time of a generate and of the drift check; also whether generated/ matched a fresh generate.

    The generator is found on PATH, so the directory of this interpreter goes first: it holds the
    pinned generator both in the nox session and in a plain virtualenv run without activating it.
    """
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    matched = True

    def generate_once() -> float:
        with tempfile.TemporaryDirectory() as scratch:
            start = time.perf_counter()
            generation.build(Path(scratch) / "anyapi-batches")
            return time.perf_counter() - start

    def check_once() -> float:
        nonlocal matched
        seconds, exit_code = timed_run([sys.executable, "-m", "scripts.generate", "--check"])
        matched = matched and exit_code == 0
        return seconds

    return compare({GENERATE: generate_once, CHECK: check_once}, rounds, warm_up=False), matched
