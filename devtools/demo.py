"""The command line tool on the package's own fake of the API: offline, no key, a few seconds (`nox -s demo`).

    python -m scripts.demo

Needs the package installed with its `cli` and `testing` extras. `anyapi-batches
fake-server` runs on a free loopback port with its clock sped up, and the demo
runs the main job as a user would: checks a file of requests (a broken one
first, to show a problem caught before anything is sent), submits it as a job
cut into two batches, follows them to the end with one progress display, and
writes every answer to a JSONL file. Then it creates a third batch, cancels it,
and reads its partial results.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from anyapi_batches import AnyAPI
from anyapi_batches._runtime.client import API_KEY_ENV, BASE_URL_ENV
from anyapi_batches.types import Unset
from devtools.fake_process import fake_server_process

DEMO_KEY = "sk-demo-the-fake-takes-this-key"
SPEED = "10"
"""How many times faster than real time the fake's batches move: a batch of five takes under three seconds."""
QUESTIONS = [
    "What is a batch?",
    "Why JSONL?",
    "What does 24h mean?",
    "Who reads the output?",
    "What if one fails?",
    "Can a job span batches?",
    "What is a journal for?",
    "What survives a crash?",
]
PER_BATCH = 4
"""The most requests per batch of the demo's job, so that its eight requests make two batches."""
SECOND_BATCH = 100
"""Requests in the batch that gets cancelled: enough that it is still running when the cancel arrives."""
STARTED_SECONDS = 30.0


def write_requests(path: Path, questions: list[str]) -> str:
    lines = [
        {
            "custom_id": f"question-{number}",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": question}]},
        }
        for number, question in enumerate(questions, 1)
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return str(path)


def run(script: str, env: dict[str, str], *args: str, expect: int = 0, capture: bool = False) -> str:
    """Run the command as a person would type it, showing it first; its stdout when captured."""
    print(f"\n$ anyapi-batches {' '.join(args)}", flush=True)
    done = subprocess.run([script, *args], env=env, check=False, stdout=subprocess.PIPE if capture else None, text=True)
    if capture:
        print(done.stdout, end="")
    if done.returncode != expect:
        raise SystemExit(f"exit code {done.returncode}, expected {expect}")
    return done.stdout or ""


def until_some_ran(url: str, batch_id: str) -> None:
    """Wait until the batch has run a request, so that cancelling it leaves partial results to show."""
    deadline = time.monotonic() + STARTED_SECONDS
    with AnyAPI(api_key=DEMO_KEY, base_url=url) as client:
        while time.monotonic() < deadline:
            counts = client.batches.retrieve(batch_id).request_counts
            if not isinstance(counts, Unset) and counts.completed:
                return
            time.sleep(0.05)
    raise SystemExit(f"{batch_id} ran no request within {STARTED_SECONDS:g}s")


def main() -> int:
    script = shutil.which("anyapi-batches")
    if script is None:
        sys.stderr.write('anyapi-batches is not installed: pip install -e "generated/anyapi-batches[cli,testing]"\n')
        return 1
    key_env = {API_KEY_ENV: DEMO_KEY}
    with tempfile.TemporaryDirectory() as scratch, fake_server_process("--speed", SPEED, env=key_env) as url:
        env = {**os.environ, **key_env, BASE_URL_ENV: url}
        folder = Path(scratch)
        print(f"The package's fake of the API listens on {url}; its clock runs {SPEED} times faster than yours,")
        print(f"so its timestamps run ahead of it. {API_KEY_ENV} is a made-up key: nothing leaves this machine.")
        chat = ["--endpoint", "/v1/chat/completions"]
        broken = folder / "broken.jsonl"
        write_requests(broken, QUESTIONS[:2])
        with broken.open("a") as file:
            # The first request once more: the same custom_id twice, which the check finds.
            file.write(broken.read_text().splitlines()[0] + "\n")
        run(script, env, "check", str(broken), *chat, expect=10)
        requests = write_requests(folder / "requests.jsonl", QUESTIONS)
        run(script, env, "check", requests, *chat)
        answers = folder / "answers.jsonl"
        job = ["--max-requests-per-batch", str(PER_BATCH), "--interval", "0.25", "--out", str(answers)]
        run(script, env, "submit", requests, *chat, *job)
        print(f"\n{len(answers.read_text().splitlines())} answers in answers.jsonl; the first:")
        print(answers.read_text().splitlines()[0][:160] + " ...")
        second_file = write_requests(folder / "more.jsonl", [f"Question {n}?" for n in range(SECOND_BATCH)])
        summary = run(script, env, "create", "--file", second_file, *chat, capture=True)
        # The summary's first row is the batch id: "id   batch_...".
        second = summary.split()[1]
        print("\n(the demo waits until the batch has run a few requests)")
        until_some_ran(url, second)
        run(script, env, "cancel", second)
        # A cancelled batch is one of the endings wait reports by its exit code.
        run(script, env, "wait", second, "--interval", "0.25", expect=5)
        run(script, env, "results", second, "--failed", "--out", str(folder / "not-run.jsonl"))
        run(script, env, "list", "--limit", "5")
    print("\nDone: a job of two batches answered in full, and a cancelled batch with its partial results.")
    return 0
