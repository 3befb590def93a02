"""`nox -s demo`, the Quick start's first command, runs to its end offline on the package's fake."""

from __future__ import annotations

import subprocess
import sys

from devtools import ROOT


def test_the_demo_completes_one_batch_and_cancels_another() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scripts.demo"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    commands = [line for line in result.stdout.splitlines() if line.startswith("$ anyapi-batches")]
    assert [command.split()[2] for command in commands] == ["create", "create", "cancel", "wait", "list"]
    assert "completed 5/5 done, 0 failed" in result.stderr
    table = result.stdout.split("$ anyapi-batches list")[1].splitlines()[2:]
    assert [row.split()[1] for row in table if row.startswith("batch_")] == ["cancelled", "completed"]
    assert result.stdout.rstrip().endswith("Done: one batch completed, one cancelled with its partial results.")
