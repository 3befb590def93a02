"""The install path: build the wheel, install it into a fresh virtual environment, and use it."""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

import pytest

from devtools import ROOT
from devtools.fault_server import FaultServer, batch_reply
from devtools.openapi_document import spec

pytestmark = pytest.mark.slow

PACKAGE_DIR = ROOT / "generated" / "anyapi-batches"

# Runs inside the fresh environment: prints what the installed package says about itself.
PROBE = """
import sys
from importlib import metadata
from importlib.resources import files

import anyapi_batches
from anyapi_batches import AnyAPI

assert "site-packages" in anyapi_batches.__file__, anyapi_batches.__file__
print(metadata.version("anyapi-batches"))
print(anyapi_batches.__version__)
print(files("anyapi_batches").joinpath("py.typed").is_file())
with AnyAPI(api_key="sk-install-check", base_url=sys.argv[1], max_retries=0) as client:
    print(client.batches.retrieve("batch_abc123").status)
"""


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The interpreter of a new virtual environment with pip (the test's own may have none)."""
    env_dir = tmp_path_factory.mktemp("env")
    venv.create(env_dir, with_pip=True)
    return env_dir / "bin" / "python"


@pytest.fixture(scope="module")
def wheel(fresh_python: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [str(fresh_python), "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(PACKAGE_DIR)],
        check=True,
    )
    (built,) = out.glob("anyapi_batches-*.whl")
    return built


def test_wheel_installs_and_works_in_a_fresh_environment(
    fresh_python: Path, wheel: Path, tmp_path: Path, fault_server: FaultServer
) -> None:
    python = fresh_python
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    fault_server.script(batch_reply(status="finalizing"))
    result = subprocess.run(
        [str(python), "-c", PROBE, fault_server.url], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    version = spec()["info"]["version"]
    assert result.stdout.split() == [version, version, "True", "finalizing"]
    assert [request.target for request in fault_server.received] == ["/v1/batches/batch_abc123"]


def test_wheel_is_named_for_the_spec_version(wheel: Path) -> None:
    assert wheel.name == f"anyapi_batches-{spec()['info']['version']}-py3-none-any.whl"
