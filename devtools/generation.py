"""Generate the client package from openapi.yaml, or check that the committed one is current.

    python -m scripts.generate           # rewrite generated/anyapi-batches
    python -m scripts.generate --check   # fail with a diff if it is out of date

The package is built in a fresh temporary directory and only then swapped in,
so a failed run leaves generated/ exactly as it was, and no stale file survives.
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from devtools import ROOT

SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "generator_config.yml"
TEMPLATES = ROOT / "templates"
HANDWRITTEN = ROOT / "handwritten"
PACKAGE_DIR = ROOT / "generated" / "anyapi-batches"
IMPORT_NAME = "anyapi_batches"


def build(destination: Path) -> None:
    """Run the generator into ``destination`` (which must not exist) and add the hand-written code."""
    command = [
        "openapi-python-client",
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(CONFIG),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "pdm",
        "--output-path",
        str(destination),
        "--fail-on-warning",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"generation failed (exit {result.returncode}); generated/ was left as it was")
    add_handwritten(destination / IMPORT_NAME)


def add_handwritten(package: Path) -> None:
    """Copy handwritten/ into the package, each Python file headed by a line that names its source.

    A hand-written file never replaces a generated one: that would hide a
    template's output, so it stops the run instead.
    """
    for source in sorted(HANDWRITTEN.rglob("*")):
        if not source.is_file() or "__pycache__" in source.parts or source.suffix == ".pyc":
            continue
        relative = source.relative_to(HANDWRITTEN)
        target = package / relative
        if target.exists():
            raise SystemExit(f"handwritten/{relative} would replace the generated {IMPORT_NAME}/{relative}")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text()
        if source.suffix == ".py":
            text = f"# Copied from handwritten/{relative.as_posix()} by `nox -s generate`: edit it there.\n" + text
        target.write_text(text)


def files_under(directory: Path) -> set[Path]:
    return {
        path.relative_to(directory)
        for path in directory.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def drift(expected: Path, actual: Path) -> list[str]:
    """Unified diffs and notes for every file that differs between the two trees."""
    expected_files, actual_files = files_under(expected), files_under(actual)
    report = [f"missing from generated/: {path}" for path in sorted(expected_files - actual_files)]
    report += [f"not produced by the generator: {path}" for path in sorted(actual_files - expected_files)]
    for path in sorted(expected_files & actual_files):
        if filecmp.cmp(expected / path, actual / path, shallow=False):
            continue
        diff = difflib.unified_diff(
            (actual / path).read_text().splitlines(keepends=True),
            (expected / path).read_text().splitlines(keepends=True),
            fromfile=f"committed/{path}",
            tofile=f"regenerated/{path}",
        )
        report.append("".join(diff) or f"{path} differs")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with generated/ instead of rewriting it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "anyapi-batches"
        build(fresh)
        if args.check:
            report = drift(fresh, PACKAGE_DIR)
            if report:
                print("\n".join(report))
                print(f"\ngenerated/ is out of date ({len(report)} file(s)): run `nox -s generate` and commit it.")
                return 1
            print("generated/ matches openapi.yaml, generator_config.yml, templates/ and handwritten/.")
            return 0
        staged = PACKAGE_DIR.with_name(PACKAGE_DIR.name + ".new")
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(fresh, staged)
        shutil.rmtree(PACKAGE_DIR, ignore_errors=True)
        staged.rename(PACKAGE_DIR)
    print(f"regenerated {PACKAGE_DIR.relative_to(ROOT)}")
    return 0
