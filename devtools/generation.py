"""Generate the client package from openapi.yaml, or check that the committed one is current.

    python -m scripts.generate           # rewrite generated/anyapi-batches
    python -m scripts.generate --check   # fail with a diff if it is out of date

The package is built in a fresh temporary directory and only then swapped in,
so a failed run leaves generated/ exactly as it was, and no stale file survives.

openapi-python-client runs in this process rather than through its command
line, for three things the command line cannot do: the templates get the spec
facts the generator's objects leave out (devtools/spec_facts.py); a spec the
templates cannot handle stops with one clear message, never a template
traceback; and every generated module starts with a line naming its source.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import filecmp
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import jinja2
from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError, ParseError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from devtools import ROOT
from devtools.spec_facts import GenerationError, SpecFacts
from devtools.spec_support import unsupported_constructs

SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "generator_config.yml"
TEMPLATES = ROOT / "templates"
HANDWRITTEN = ROOT / "handwritten"
PACKAGE_DIR = ROOT / "generated" / "anyapi-batches"
IMPORT_NAME = "anyapi_batches"

# A spec with every construct the templates support, and its generated code as a golden record: a template
# change shows its effect on every construct in review, and `check_generated` catches a stale record.
CONSTRUCTS_SPEC = ROOT / "tests" / "generation" / "constructs.yaml"
CONSTRUCTS_PACKAGE = "constructs_client"
GOLDEN_RECORD = ROOT / "tests" / "generation" / "golden-record"
OPERATION_AGNOSTIC = ("_runtime", "_clients.py")
"""The parts of handwritten/ that serve any spec."""
COPIED = "# Copied from handwritten/"


def shown(path: Path) -> str:
    """A path as the repository names it, or as given when it lies elsewhere."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def headed_template_class(spec: Path) -> type[jinja2.Template]:
    """Templates whose Python output starts with a line naming the spec and the template that made it."""

    class HeadedTemplate(jinja2.Template):
        def render(self, *args: Any, **kwargs: Any) -> str:
            body = super().render(*args, **kwargs)
            name = self.name or ""
            if not name.endswith(".py.jinja"):
                return body
            ours = self.filename is not None and Path(self.filename).is_relative_to(TEMPLATES)
            template = f"templates/{name}" if ours else f"openapi-python-client's default {name}"
            head = f"# Generated from {shown(spec)} by {template}: never edit; regenerate with `nox -s generate`."
            return f"{head}\n{body}"

    return HeadedTemplate


def load_spec(spec: Path) -> dict[str, Any]:
    try:
        document = YAML(typ="safe").load(spec.read_bytes())
    except (OSError, YAMLError) as error:
        raise GenerationError(f"{shown(spec)} cannot be read: {error}") from None
    if not isinstance(document, dict):
        raise GenerationError(f"{shown(spec)} is not an OpenAPI document (no mapping at the top)")
    return document


def describe(error: GeneratorError) -> str:
    lines = [error.header, error.detail or ""]
    if isinstance(error, ParseError) and error.data is not None:
        lines.append(error.data.model_dump_json(exclude_unset=True, by_alias=True))
    return "\n".join(line for line in lines if line)


def build(
    destination: Path,
    *,
    spec: Path = SPEC,
    package_name: str = IMPORT_NAME,
    handwritten: tuple[str, ...] | None = None,
) -> None:
    """Run the generator into ``destination`` (which must not exist) and add the hand-written code.

    Another spec, package name and part of handwritten/ (the operation-agnostic
    ``_runtime`` and ``_clients.py``, say) build a client of another API with the
    same config and templates: the tests do that with a spec of every construct.
    Raises GenerationError, with every reason, when the spec cannot be generated.
    """
    document = load_spec(spec)
    problems = unsupported_constructs(document)
    if problems:
        raise GenerationError("\n".join(str(problem) for problem in problems))
    config_file = ConfigFile.load_from_path(CONFIG)
    if package_name != IMPORT_NAME:
        names = {"project_name_override": package_name.replace("_", "-"), "package_name_override": package_name}
        config_file = config_file.model_copy(update=names)
    config = Config.from_sources(config_file, MetaType.PDM, spec, "utf-8", False, destination)
    openapi = GeneratorData.from_dict(copy.deepcopy(document), config=config)
    if isinstance(openapi, GeneratorError):
        raise GenerationError(describe(openapi))
    project = Project(openapi=openapi, config=config, custom_template_path=TEMPLATES)
    project.env.template_class = headed_template_class(spec)
    project.env.globals.update(SpecFacts(document).helpers())
    try:
        errors = project.build()
    except jinja2.TemplateError as error:
        raise GenerationError(f"a template failed ({type(error).__name__}: {error})") from None
    # Warnings too: a warning means an operation or schema was left out of the client.
    if errors:
        raise GenerationError("\n\n".join(describe(error) for error in errors))
    add_handwritten(destination / package_name, handwritten)


def add_handwritten(package: Path, parts: tuple[str, ...] | None = None) -> None:
    """Copy handwritten/ (or only ``parts`` of it) into the package, each .py headed by a line naming its source.

    A hand-written file never replaces a generated one: that would hide a
    template's output, so it stops the run instead.
    """
    for source in sorted(HANDWRITTEN.rglob("*")):
        if not source.is_file() or "__pycache__" in source.parts or source.suffix == ".pyc":
            continue
        relative = source.relative_to(HANDWRITTEN)
        if parts is not None and relative.parts[0] not in parts:
            continue
        target = package / relative
        if target.exists():
            raise GenerationError(f"handwritten/{relative} would replace the generated {package.name}/{relative}")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text()
        if source.suffix == ".py":
            text = f"# Copied from handwritten/{relative.as_posix()} by `nox -s generate`: edit it there.\n" + text
        target.write_text(text)


def build_constructs(destination: Path) -> None:
    """The client of the constructs spec, with the operation-agnostic hand-written code."""
    build(destination, spec=CONSTRUCTS_SPEC, package_name=CONSTRUCTS_PACKAGE, handwritten=OPERATION_AGNOSTIC)


def golden_record(built: Path, record: Path) -> None:
    """The generated files of ``built`` (not the hand-written copies) into ``record``."""
    for path in sorted(files_under(built)):
        source = built / path
        if source.suffix == ".py" and source.read_text().startswith(COPIED):
            continue
        (record / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, record / path)


def files_under(directory: Path) -> set[Path]:
    return {
        path.relative_to(directory)
        for path in directory.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def replace_tree(fresh: Path, target: Path) -> None:
    """Swap ``target`` for a copy of ``fresh``; a run that fails before this leaves ``target`` as it was."""
    staged = target.with_name(target.name + ".new")
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(fresh, staged)
    shutil.rmtree(target, ignore_errors=True)
    staged.rename(target)


def drift(expected: Path, actual: Path) -> list[str]:
    """Unified diffs and notes for every file that differs between the two trees."""
    expected_files, actual_files = files_under(expected), files_under(actual)
    report = [f"missing from the committed files: {path}" for path in sorted(expected_files - actual_files)]
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
        fresh, record = Path(scratch) / "anyapi-batches", Path(scratch) / "golden-record"
        try:
            build(fresh)
            build_constructs(Path(scratch) / "constructs")
        except GenerationError as error:
            sys.stderr.write(f"{error}\n\ngeneration failed; generated/ was left as it was\n")
            return 1
        golden_record(Path(scratch) / "constructs", record)
        if args.check:
            report = drift(fresh, PACKAGE_DIR) + drift(record, GOLDEN_RECORD)
            if report:
                print("\n".join(report))
                print(f"\ngenerated/ is out of date ({len(report)} file(s)): run `nox -s generate` and commit it.")
                return 1
            print("generated/ matches openapi.yaml, generator_config.yml, templates/ and handwritten/.")
            return 0
        replace_tree(fresh, PACKAGE_DIR)
        replace_tree(record, GOLDEN_RECORD)
    print(f"regenerated {PACKAGE_DIR.relative_to(ROOT)} and {GOLDEN_RECORD.relative_to(ROOT)}")
    return 0
