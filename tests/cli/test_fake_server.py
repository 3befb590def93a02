"""``anyapi-batches fake-server``: the fake over HTTP, its options, and a clear refusal of bad ones."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys

import httpx
import pytest

from devtools.fake_process import fake_server_process
from devtools.loopback import LOOPBACK
from tests.support.cli_runner import flat, run_cli
from tests.support.flavours import SECRET


def status_with_key(url: str, key: str) -> int:
    return httpx.get(f"{url}/batches", headers={"Authorization": f"Bearer {key}"}).status_code


def test_without_a_key_it_takes_any_key() -> None:
    with fake_server_process() as url:
        assert url.startswith(f"http://{LOOPBACK}:")
        assert status_with_key(url, "sk-one") == 200
        assert status_with_key(url, "sk-two") == 200
        assert httpx.get(f"{url}/batches").status_code == 401


@pytest.mark.parametrize(
    ("options", "env"),
    [
        (("--api-key", SECRET), {}),
        ((), {"ANYAPI_API_KEY": SECRET}),
    ],
    ids=["--api-key", "ANYAPI_API_KEY"],
)
def test_given_a_key_it_takes_only_that_one(options: tuple[str, ...], env: dict[str, str]) -> None:
    with fake_server_process(*options, env=env) as url:
        assert status_with_key(url, SECRET) == 200
        answer = httpx.get(f"{url}/batches", headers={"Authorization": "Bearer sk-other"})
        assert answer.status_code == 401
        assert answer.json() == {
            "error": {"code": 401, "message": "Invalid API key provided", "type": "authentication_error"}
        }


def test_the_key_may_come_before_the_command_as_for_every_other() -> None:
    command = [sys.executable, "-m", "anyapi_batches", "--api-key", SECRET, "fake-server", "--port", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = line.split(" on ")[1].split()[0]
        try:
            assert "only its API key" in line
            assert status_with_key(url, "sk-other") == 401
            assert status_with_key(url, SECRET) == 200
        finally:
            process.terminate()


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (("--speed", "0"), "'--speed': must be a finite number more than 0, got 0.0"),
        (("--speed", "-2"), "'--speed': must be a finite number more than 0, got -2.0"),
        (("--speed", "nan"), "'--speed': must be a finite number more than 0, got nan"),
        (("--speed", "inf"), "'--speed': must be a finite number more than 0, got inf"),
        (("--speed", "fast"), "'--speed': 'fast' is not a valid float"),
        (("--port", "-1"), "'--port': -1 is not in the range 0<=x<=65535"),
        (("--port", "65536"), "'--port': 65536 is not in the range 0<=x<=65535"),
        (("--port", "eighty"), "'--port': 'eighty' is not a valid int range"),
        (("--port", "0", "--host", "no-such-host.invalid"), "cannot listen on no-such-host.invalid:0"),
        (("--port", "0", "--api-key", " sk-padded "), "api_key must be a non-empty string without surrounding"),
        (("--sped", "10"), "No such option: --sped"),
    ],
)
def test_a_bad_option_is_a_usage_error(args: tuple[str, ...], complaint: str) -> None:
    run = run_cli("fake-server", *args)
    assert run.code == 2
    assert complaint in flat(run.stderr)
    assert run.stdout == ""


def test_a_port_in_use_is_a_usage_error_naming_it() -> None:
    with socket.socket() as taken:
        taken.bind((LOOPBACK, 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = run_cli("fake-server", "--host", LOOPBACK, "--port", str(port))
    assert run.code == 2
    assert f"cannot listen on {LOOPBACK}:{port}: Address already in use" in flat(run.stderr)


def test_ctrl_c_stops_it_with_the_interrupted_exit_code() -> None:
    command = [sys.executable, "-m", "anyapi_batches", "fake-server", "--host", LOOPBACK, "--port", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None and process.stderr is not None
        assert "listening on" in process.stdout.readline()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 130
        assert "Traceback" not in process.stderr.read()
