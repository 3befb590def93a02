"""A rehearsal of the everyday loop in a scratch copy of the repository.

Change the spec, bump the version, add the changelog entry, regenerate: the
drift check fails until generation runs, then every gate passes. Remove a
response field without a major bump: the spec gate fails and names the field.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devtools import ROOT
from devtools.openapi_document import spec

pytestmark = pytest.mark.slow

MODEL_FIELD = '        model:\n          type: [string, "null"]\n'
NEW_FIELD = (
    "        output_expires_at:\n"
    '          type: [integer, "null"]\n'
    "          description: The Unix timestamp (in seconds) for when the output file expires\n"
)


MAJOR, MINOR, PATCH = (int(part) for part in spec()["info"]["version"].split("."))
CURRENT = f"{MAJOR}.{MINOR}.{PATCH}"
NEXT_PATCH = f"{MAJOR}.{MINOR}.{PATCH + 1}"
NEXT_MINOR = f"{MAJOR}.{MINOR + 1}.0"
NEXT_MAJOR = f"{MAJOR + 1}.0.0"


class Repo:
    def __init__(self, path: Path) -> None:
        self.path = path
        tools = str(Path(sys.executable).parent)
        self.env = {**os.environ, "PATH": tools + os.pathsep + os.environ["PATH"], "SPEC_BASE": "HEAD"}

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=self.path, env=self.env, capture_output=True, text=True, check=False)

    def script(self, name: str, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-m", f"scripts.{name}", *args)

    def edit(self, name: str, old: str, new: str) -> None:
        file = self.path / name
        text = file.read_text()
        assert old in text, f"{old!r} not in {name}"
        file.write_text(text.replace(old, new, 1))

    def release(self, version: str, note: str) -> None:
        spec = self.path / "openapi.yaml"
        spec.write_text(re.sub(r"^  version: .*$", f"  version: {version}", spec.read_text(), count=1, flags=re.M))
        self.edit("CHANGELOG.md", "\n## [", f"\n## [{version}] - 2026-11-28\n\n- {note}\n\n## [")

    def commit(self, message: str) -> None:
        for command in (("git", "add", "-A"), ("git", "commit", "-qm", message)):
            assert self.run(*command).returncode == 0


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """The repository's tracked files, in a fresh git repository of their own."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in tracked.stdout.splitlines():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    copy = Repo(tmp_path)
    for command in (("git", "init", "-q"), ("git", "config", "user.email", "t@example.invalid")):
        assert copy.run(*command).returncode == 0
    assert copy.run("git", "config", "user.name", "rehearsal").returncode == 0
    copy.commit("baseline")
    return copy


def test_adding_a_field_is_a_minor_release_once_regenerated(repo: Repo) -> None:
    repo.edit("openapi.yaml", MODEL_FIELD, NEW_FIELD + MODEL_FIELD)
    repo.release(NEXT_MINOR, "Batch.output_expires_at")

    stale = repo.script("generate", "--check")
    assert stale.returncode == 1
    assert "models/batch.py" in stale.stdout
    assert "nox -s generate" in stale.stdout

    assert repo.script("generate").returncode == 0
    fresh = repo.script("generate", "--check")
    assert fresh.returncode == 0, fresh.stdout
    gate = repo.script("spec_changes")
    assert gate.returncode == 0, gate.stdout + gate.stderr
    assert f"non-breaking change, version {CURRENT} -> {NEXT_MINOR}" in gate.stdout

    parsed = repo.run(
        sys.executable,
        "-c",
        "import sys; sys.path.insert(0, 'generated/anyapi-batches');"
        "from anyapi_batches.models import Batch;"
        "b = Batch.from_dict({'id': 'b', 'object': 'batch', 'endpoint': '/v1/embeddings', 'input_file_id': 'f',"
        " 'completion_window': '24h', 'status': 'completed', 'created_at': 1, 'output_expires_at': 7}, strict=True);"
        "print(b.output_expires_at)",
    )
    assert parsed.stdout.strip() == "7", parsed.stderr


def test_removing_a_field_without_a_major_bump_is_refused(repo: Repo) -> None:
    spec = repo.path / "openapi.yaml"
    without_model = re.sub(r"^        model:\n(?:          .*\n)+", "", spec.read_text(), count=1, flags=re.M)
    assert "        model:" not in without_model
    spec.write_text(without_model)
    repo.release(NEXT_MINOR, "Batch.model removed")

    gate = repo.script("spec_changes")
    assert gate.returncode == 1
    assert "cannot remove response property 'model'" in gate.stdout
    assert "needs a major version bump" in gate.stderr

    repo.release(NEXT_MAJOR, "Batch.model removed")
    assert repo.script("spec_changes").returncode == 0


def test_a_change_without_any_version_bump_is_refused(repo: Repo) -> None:
    repo.edit("openapi.yaml", MODEL_FIELD, NEW_FIELD + MODEL_FIELD)

    gate = repo.script("spec_changes")
    assert gate.returncode == 1
    assert "did not go up" in gate.stderr


def test_a_version_without_a_changelog_entry_is_refused(repo: Repo) -> None:
    repo.edit("openapi.yaml", f"  version: {CURRENT}", f"  version: {NEXT_PATCH}")

    gate = repo.script("spec_changes")
    assert gate.returncode == 1
    assert f"no '## [{NEXT_PATCH}]' entry" in gate.stderr


def test_a_broken_spec_fails_generation_and_leaves_generated_alone(repo: Repo) -> None:
    before = (repo.path / "generated/anyapi-batches/anyapi_batches/models/batch.py").read_text()
    repo.edit("openapi.yaml", '$ref: "#/components/schemas/BatchStatus"', '$ref: "#/components/schemas/NoSuchSchema"')

    result = repo.script("generate")
    assert result.returncode != 0
    assert "generated/ was left as it was" in result.stderr
    assert "NoSuchSchema" in result.stderr + result.stdout
    assert (repo.path / "generated/anyapi-batches/anyapi_batches/models/batch.py").read_text() == before


def test_a_hand_edit_or_stray_file_in_generated_is_caught(repo: Repo) -> None:
    package = repo.path / "generated/anyapi-batches/anyapi_batches"
    (package / "client.py").write_text((package / "client.py").read_text() + "# edited by hand\n")
    (package / "stray.py").write_text("")

    result = repo.script("generate", "--check")
    assert result.returncode == 1
    assert "+++ regenerated/anyapi_batches/client.py" in result.stdout
    assert "-# edited by hand" in result.stdout
    assert "not produced by the generator: anyapi_batches/stray.py" in result.stdout


def test_without_a_base_a_version_in_the_making_is_weighed_against_the_version_before(repo: Repo) -> None:
    """Two commits of one new version: the gate compares the second with the last commit of the old version."""
    baseline = repo.run("git", "rev-parse", "HEAD").stdout.strip()
    del repo.env["SPEC_BASE"]
    repo.edit("openapi.yaml", MODEL_FIELD, NEW_FIELD + MODEL_FIELD)
    repo.release(NEXT_MINOR, "Batch.output_expires_at")
    repo.commit("first step of the release")
    repo.edit("openapi.yaml", MODEL_FIELD, NEW_FIELD.replace("output_expires_at", "output_deleted_at") + MODEL_FIELD)
    repo.commit("second step, same version")

    gate = repo.script("spec_changes")
    assert gate.returncode == 0, gate.stdout + gate.stderr
    assert f"comparing openapi.yaml with {baseline}" in gate.stdout
    assert "output_expires_at" in gate.stdout
    assert "output_deleted_at" in gate.stdout
    assert f"non-breaking change, version {CURRENT} -> {NEXT_MINOR}" in gate.stdout
