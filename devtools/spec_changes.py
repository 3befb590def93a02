"""Gate a change of openapi.yaml: the version bump must match what changed, and be in CHANGELOG.md.

    python -m scripts.spec_changes [--base REF]

The base is REF, else $SPEC_BASE, else the merge base with origin/main when
there is one, else the newest commit whose spec has another version (so the
changes of a version in the making are weighed together against the version
before it), else HEAD~1. Optic (pinned in package.json) finds the API changes
and decides which would break a client; this script only holds the result
against info.version and the changelog:

- a breaking change needs a major bump;
- any other change to the spec needs at least a minor or patch bump;
- the spec's version needs a `## [X.Y.Z]` entry in CHANGELOG.md.

Two of Optic's verdicts are overruled, because this client's versioning rules
judge them otherwise (see `overruled`): new enum values, and required fields
of an optional object that the same change adds.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from devtools import ROOT

SPEC = ROOT / "openapi.yaml"
CHANGELOG = ROOT / "CHANGELOG.md"
OPTIC = ROOT / "node_modules" / ".bin" / "optic"
VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


class GateError(Exception):
    """The change may not land as it is; the message says why."""


def git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def default_base() -> str:
    if os.environ.get("SPEC_BASE"):
        return os.environ["SPEC_BASE"]
    merge_base = git("merge-base", "HEAD", "origin/main")
    if merge_base.returncode == 0:
        return merge_base.stdout.strip()
    return previous_version_commit() or "HEAD~1"


def previous_version_commit() -> str | None:
    """The newest commit whose openapi.yaml has another info.version than the working tree's.

    A version collects every spec change made while it is being prepared, over many commits: each is
    weighed against the version before it, not against the commit before it.
    """
    current = yaml.safe_load(SPEC.read_text())["info"]["version"]
    history = git("log", "--format=%H", "--", SPEC.name)
    for commit in history.stdout.split():
        shown = git("show", f"{commit}:{SPEC.name}")
        if shown.returncode == 0 and yaml.safe_load(shown.stdout)["info"]["version"] != current:
            return commit
    return None


def parse_version(text: str) -> tuple[int, int, int]:
    match = VERSION.match(text)
    if not match:
        raise GateError(f"info.version {text!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def without_version(spec: dict[str, Any]) -> dict[str, Any]:
    return {**spec, "info": {key: value for key, value in spec["info"].items() if key != "version"}}


def changelog_has(version: str) -> bool:
    return CHANGELOG.exists() and re.search(rf"^## \[{re.escape(version)}\]", CHANGELOG.read_text(), re.M) is not None


OPERATION = re.compile(r"^[x✔] ([A-Z]+ \S+): ?")
PROPERTY = re.compile(r"^- property (\S+): ?(added)?")
FINDING = re.compile(r"^x \[([^\]]+)\] (.*)")


def overruled(rule: str, message: str, property_path: str | None, added: set[str]) -> str | None:
    """Why an Optic finding does not break a client of this package, or None when it does."""
    if message.startswith("cannot add enum options"):
        # The client keeps an enum value it does not know (with a warning) unless the caller chose strict=True,
        # which refuses every addition; README "Versions" counts a new value as an addition.
        return "a new enum value is an addition: the client keeps values it does not know"
    if rule == "prevent changing request property to required" and property_path is not None:
        parents = [property_path[:index] for index in range(len(property_path)) if property_path[index] == "/"]
        if any(parent in added for parent in parents):
            return "required inside an optional object that this change adds, so no existing request lacks it"
    return None


def breaking_findings(report: str) -> tuple[list[str], list[str]]:
    """Optic's breaking findings, split into those that stand and those overruled (with the reason)."""
    standing: list[str] = []
    overruled_findings: list[str] = []
    property_path: str | None = None
    added: set[str] = set()
    for raw in report.splitlines():
        line = raw.strip()
        if OPERATION.match(line):
            property_path, added = None, set()
        elif match := PROPERTY.match(line):
            property_path = match.group(1)
            if match.group(2):
                added.add(property_path)
        elif match := FINDING.match(line):
            rule, message = match.groups()
            reason = overruled(rule, message, property_path, added)
            if reason is None:
                standing.append(line)
            else:
                overruled_findings.append(f"{line}\n    not breaking here: {reason}")
    return standing, overruled_findings


def optic_diff(base_text: str) -> tuple[bool, str]:
    """Optic's plain-words report of the changes, and whether any of them breaks a client of this package."""
    if not OPTIC.exists():
        raise GateError("Optic is not installed: run `npm ci` (nox does it for you)")
    with tempfile.TemporaryDirectory() as scratch:
        base_file = Path(scratch) / "base.openapi.yaml"
        base_file.write_text(base_text)
        result = subprocess.run(
            [str(OPTIC), "diff", str(base_file), str(SPEC), "--check"],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "OPTIC_TELEMETRY": "off"},
        )
    report = (result.stdout + result.stderr).replace(str(base_file), "base").strip()
    if result.returncode not in (0, 1) or (result.returncode == 1 and "breaking change" not in report):
        raise GateError(f"optic could not compare the specs (exit {result.returncode}):\n{report}")
    standing, overruled_findings = breaking_findings(report)
    if result.returncode == 1 and not standing and not overruled_findings:
        raise GateError(f"optic found a breaking change this gate cannot read:\n{report}")
    if overruled_findings:
        report += "\n\nOverruled by this package's versioning rules:\n" + "\n".join(overruled_findings)
    return bool(standing), report


def gate(base_ref: str) -> str:
    """What the change amounts to; raises GateError when it may not land."""
    head_text = SPEC.read_text()
    head = yaml.safe_load(head_text)
    head_version = head["info"]["version"]
    parse_version(head_version)
    if not changelog_has(head_version):
        raise GateError(f"CHANGELOG.md has no '## [{head_version}]' entry for the spec's version")
    shown = git("show", f"{base_ref}:openapi.yaml")
    if shown.returncode != 0:
        return f"no earlier openapi.yaml at {base_ref}: nothing to compare, version {head_version} stands"
    base = yaml.safe_load(shown.stdout)
    base_version = base["info"]["version"]
    if without_version(base) == without_version(head):
        return f"no change to the spec since {base_ref} (version {head_version})"
    breaking, report = optic_diff(shown.stdout)
    print(report)
    old, new = parse_version(base_version), parse_version(head_version)
    if new <= old:
        raise GateError(f"the spec changed but info.version did not go up ({base_version} -> {head_version})")
    if breaking and new[0] == old[0]:
        raise GateError(f"a breaking change needs a major version bump, but {base_version} -> {head_version} is not")
    kind = "breaking" if breaking else "non-breaking"
    return f"{kind} change, version {base_version} -> {head_version}: OK"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", help="git ref to compare with (default: see above)")
    args = parser.parse_args()
    base_ref = args.base or default_base()
    print(f"comparing openapi.yaml with {base_ref}")
    try:
        print(gate(base_ref))
    except GateError as error:
        print(f"spec_changes: FAILED: {error}", file=sys.stderr)
        return 1
    return 0
