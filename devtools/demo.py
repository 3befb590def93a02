"""The command line tool against a local Prism mock of openapi.yaml, with a dummy key (`nox -s demo`).

    python -m scripts.demo

Needs the package installed with its `cli` extra and the Node tools (`npm ci`).
Prism answers every request from the spec's own examples on a loopback port,
so the demo needs neither an account nor the network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from anyapi_batches._runtime.client import API_KEY_ENV, BASE_URL_ENV
from devtools.loopback import prism_mock

DEMO_KEY = "sk-demo-any-key-works-with-the-mock"
COMMANDS = [
    ["get", "batch_abc123"],
    ["list", "--limit", "5"],
    ["wait", "batch_abc123", "--interval", "1", "--timeout", "30"],
]


def main() -> int:
    script = shutil.which("anyapi-batches")
    if script is None:
        sys.stderr.write('anyapi-batches is not installed: pip install -e "generated/anyapi-batches[cli]"\n')
        return 1
    with prism_mock() as url:
        env = {**os.environ, API_KEY_ENV: DEMO_KEY, BASE_URL_ENV: url}
        print(f"A Prism mock of openapi.yaml listens on {url}; {API_KEY_ENV} is a dummy.")
        for args in COMMANDS:
            print(f"\n$ anyapi-batches {' '.join(args)}", flush=True)
            code = subprocess.run([script, *args], env=env, check=False).returncode
            if code != 0:
                print(f"exit code {code}")
                return code
    return 0
