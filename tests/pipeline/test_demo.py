"""`nox -s demo`, the Quick start's first command, runs to its end offline on the package's fake."""

from __future__ import annotations

import subprocess
import sys

from devtools import ROOT


def test_the_demo_runs_a_job_of_two_batches_and_cancels_another_batch() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scripts.demo"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    commands = [line for line in result.stdout.splitlines() if line.startswith("$ anyapi-batches")]
    steps = ["check", "check", "submit", "create", "cancel", "wait", "results", "list"]
    assert [command.split()[2] for command in commands] == steps
    assert "duplicate_custom_id: custom_id 'question-1' is used on line 1" in result.stdout
    assert "parts ended 2/2, requests 8/8 done, 0 failed" in result.stdout + result.stderr
    assert "8 results: 8 succeeded, 0 failed, 0 expired, 0 cancelled" in result.stdout + result.stderr
    assert "8 answers in answers.jsonl" in result.stdout
    table = result.stdout.split("$ anyapi-batches list")[1].splitlines()[2:]
    assert [row.split()[1] for row in table if row.startswith("batch_")] == ["cancelled", "completed", "completed"]
    ending = "Done: a job of two batches answered in full, and a cancelled batch with its partial results."
    assert result.stdout.rstrip().endswith(ending)
