"""The client generated from constructs.yaml: the same as its committed golden record, and clean under mypy --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from devtools.generation import CONSTRUCTS_PACKAGE, GOLDEN_RECORD, drift, golden_record

# A hand-written layer over the generated bases, as a later workflow would write it: a resource
# property overridden with a subclass that adds a method.
OVERRIDE = f"""
from functools import cached_property

from {CONSTRUCTS_PACKAGE}.api import GeneratedAnyAPI, GeneratedAsyncAnyAPI
from {CONSTRUCTS_PACKAGE}.api.things import AsyncThings, Things


class ThingsWithCount(Things):
    def count(self) -> int:
        return len(self.list())


class AsyncThingsWithCount(AsyncThings):
    async def count(self) -> int:
        return len(await self.list())


class Client(GeneratedAnyAPI):
    @cached_property
    def things(self) -> ThingsWithCount:
        return ThingsWithCount(self)


class AsyncClient(GeneratedAsyncAnyAPI):
    @cached_property
    def things(self) -> AsyncThingsWithCount:
        return AsyncThingsWithCount(self)


def counted(client: Client) -> int:
    return client.things.count()
"""

# The same override with a resource of another tag: mypy must refuse it, or the check above proves nothing.
WRONG_OVERRIDE = f"""
from functools import cached_property

from {CONSTRUCTS_PACKAGE}.api import GeneratedAnyAPI
from {CONSTRUCTS_PACKAGE}.api.uploads import Uploads


class Client(GeneratedAnyAPI):
    @cached_property
    def things(self) -> Uploads:
        return Uploads(self)
"""


def test_the_golden_record_is_current(constructs_project: Path, tmp_path: Path) -> None:
    record = tmp_path / "record"
    golden_record(constructs_project, record)
    report = drift(record, GOLDEN_RECORD)
    assert not report, "\n".join(report) + "\nThe golden record is stale: run `nox -s generate` and commit it."


def mypy(project: Path, *files: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", CONSTRUCTS_PACKAGE, *files]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_the_generated_client_and_an_override_of_a_resource_pass_mypy_strict(constructs_project: Path) -> None:
    (constructs_project / "override.py").write_text(OVERRIDE)
    (constructs_project / "wrong_override.py").write_text(WRONG_OVERRIDE)
    result = mypy(constructs_project, "override.py", "wrong_override.py")
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert errors[0].startswith("wrong_override.py:")
    assert "incompatible" in errors[0]
