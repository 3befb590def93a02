"""Every task of the project: `nox -l` lists them, plain `nox` runs all the checks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nox

# uv installs the pinned tools in seconds; plain venv + pip is the fallback.
nox.options.default_venv_backend = "uv|venv"
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["check_generated", "lint", "typecheck", "tests", "contract", "spec_changes"]

PACKAGE = "generated/anyapi-batches"

# Exact pins: the generated code is only reproducible with the same generator
# and formatter, and the checks only mean the same thing with the same tools.
RUFF = "ruff==0.17.5"
# The generator and everything it imports, locked (generator.lock names ruff too).
GENERATOR = ["-r", "generator.lock"]
SPEC_LINT = ["openapi-spec-validator==0.9.0"]
PYYAML = "pyyaml==6.0.3"
MYPY = "mypy==2.4.1"
UVICORN = "uvicorn==0.54.0"
OPENAI = "openai==3.51.0"
# typer 0.27 is the newest the pinned generator accepts (it needs typer<0.28), and
# the tests install both side by side.
CLI_TOOLS = ["typer==0.27.3", "rich==15.0.0"]
TEST_TOOLS = [
    *GENERATOR,
    *CLI_TOOLS,
    PYYAML,
    "pytest==9.2.0",
    # A hang fails its test, with a traceback, instead of stalling the run until CI's limit.
    "pytest-timeout==2.4.0",
    "openapi-core==0.23.1",
    "vcrpy==9.4.2",
    "pytest-recording==0.14.1",
    # hypothesis-jsonschema 0.23.1 breaks on newer Hypothesis releases.
    "hypothesis==6.165.0",
    "hypothesis-jsonschema==0.23.1",
    # The tests type-check the client they generate from tests/generation/constructs.yaml.
    MYPY,
    # The fake's HTTP server, and the SDK its conformance tests point at it.
    UVICORN,
    OPENAI,
]
BENCH_TOOLS = [OPENAI, UVICORN, PYYAML, *GENERATOR]
TYPECHECK = [MYPY, "types-PyYAML==6.0.12.20261113", *TEST_TOOLS, *BENCH_TOOLS]
MUTMUT = "mutmut==3.8.1"
MUTATION_WORKSPACE = Path(".mutation")
"""Where `nox -s mutants` lays out the copy it mutates (git ignores it); wiped at the start of each run."""
HAND_WRITTEN = ["handwritten", "devtools", "scripts", "tests", "noxfile.py"]


def npm_ci(session: nox.Session) -> None:
    """Install the pinned Node tools (Prism, Spectral, Optic) from package-lock.json, unless already current."""
    installed = Path("node_modules/.package-lock.json")
    if installed.exists() and installed.stat().st_mtime >= Path("package-lock.json").stat().st_mtime:
        return
    session.run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error", external=True)


def test_targets(session: nox.Session, default: list[str]) -> list[str]:
    """pytest's arguments: the session's default paths, unless the command line names paths of its own."""
    if any(not argument.startswith("-") for argument in session.posargs):
        return session.posargs
    return [*default, *session.posargs]


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate generated/anyapi-batches from openapi.yaml, generator_config.yml, templates/ and handwritten/."""
    session.install(*GENERATOR)
    session.run("python", "-m", "scripts.generate")


@nox.session
def check_generated(session: nox.Session) -> None:
    """Fail, with a diff, if generated/ is not exactly what `nox -s generate` would write."""
    session.install(*GENERATOR)
    session.run("python", "-m", "scripts.generate", "--check")


@nox.session
def lint(session: nox.Session) -> None:
    """ruff over the hand-written code; openapi-spec-validator and Spectral over the spec."""
    session.install(RUFF, *SPEC_LINT)
    session.run("ruff", "check", *HAND_WRITTEN)
    session.run("ruff", "format", "--check", *HAND_WRITTEN)
    session.run("openapi-spec-validator", "openapi.yaml")
    npm_ci(session)
    session.run("npx", "--no-install", "spectral", "lint", "--fail-severity", "hint", "openapi.yaml", external=True)


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the generated package, the tests and the development tools."""
    session.install(*TYPECHECK, "-e", PACKAGE)
    session.run("mypy", f"{PACKAGE}/anyapi_batches", "tests", "devtools", "scripts")


@nox.session
def tests(session: nox.Session) -> None:
    """The unit and integration tests (loopback servers and a Prism mock)."""
    session.install(*TEST_TOOLS, "-e", PACKAGE)
    npm_ci(session)
    session.run("pytest", *test_targets(session, default=["tests", "--ignore=tests/contract"]))


@nox.session
def contract(session: nox.Session) -> None:
    """Recorded responses vs openapi.yaml vs the generated client."""
    session.install(*TEST_TOOLS, "-e", PACKAGE)
    npm_ci(session)
    session.run("pytest", *test_targets(session, default=["tests/contract"]))


@nox.session
def spec_changes(session: nox.Session) -> None:
    """Fail when openapi.yaml changed without the version bump (and changelog entry) the change needs.

    Compares with $SPEC_BASE, else the merge base with origin/main, else the spec's previous version.
    """
    session.install(PYYAML)
    npm_ci(session)
    session.run("python", "-m", "scripts.spec_changes", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and wheel of generated/anyapi-batches into dist/."""
    session.install("build==1.6.1")
    session.run("python", "-m", "build", "--outdir", "dist", PACKAGE)


@nox.session
def record(session: nox.Session) -> None:
    """Re-record tests/recordings from a live server: needs ANYAPI_API_KEY and ANYAPI_BASE_URL."""
    session.install(*TEST_TOOLS, "-e", PACKAGE)
    session.run("python", "-m", "scripts.record", *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """The command line tool on the package's fake of the API: a batch run and one cancelled, offline, no key."""
    session.install(*CLI_TOOLS, UVICORN, "-e", f"{PACKAGE}[cli,testing]")
    session.run("python", "-m", "scripts.demo")


@nox.session
def bench(session: nox.Session) -> None:
    """The client's cost next to bare httpx and the openai SDK (not part of plain `nox`)."""
    session.install(*BENCH_TOOLS, "-e", PACKAGE)
    session.run("python", "-m", "scripts.bench", *session.posargs)


@nox.session
def mutants(session: nox.Session) -> None:
    """Mutation testing of the runtime (anyapi_batches._runtime) with mutmut; prints the score and the survivors.

    Not part of plain `nox`: a full run takes about an hour on two cores. Arguments go to `mutmut run`: mutant names or
    globs run only those, on top of the previous run's results (to re-check survivors after adding tests), e.g.
    `nox -s mutants -- "anyapi_batches._runtime.retries*"`; `--max-children N` runs N at once (default 2).
    Without names, every mutant is run afresh. Settings: [tool.mutmut] in pyproject.toml.
    """
    # Tests, fixtures and the package's dependencies, but not the package: the tests must import the mutated copy.
    session.install(*TEST_TOOLS, MUTMUT)
    # mutmut mutates a copy of what `nox -s generate` wrote, in a workspace of its own, so neither handwritten/
    # nor generated/ is ever edited, and an interrupted run leaves nothing behind in them.
    names = [argument for argument in session.posargs if not argument.startswith("-")]
    if not names:
        shutil.rmtree(MUTATION_WORKSPACE, ignore_errors=True)
    shutil.rmtree(MUTATION_WORKSPACE / "anyapi_batches", ignore_errors=True)
    shutil.copytree(Path(PACKAGE, "anyapi_batches"), MUTATION_WORKSPACE / "anyapi_batches")
    for name in ("tests", "devtools", "openapi.yaml", "README.md", "pyproject.toml"):
        link = MUTATION_WORKSPACE / name
        if not link.is_symlink():
            link.symlink_to(Path.cwd() / name)
    children = [] if "--max-children" in session.posargs else ["--max-children", "2"]
    with session.chdir(MUTATION_WORKSPACE):
        session.run("mutmut", "run", *children, *session.posargs)
        session.run("mutmut", "export-cicd-stats", silent=True)
        stats = json.loads(Path("mutants/mutmut-cicd-stats.json").read_text())
        session.run("mutmut", "results")
    # A mutant that made a test hang or crash was caught too; one that no test reaches was not.
    caught = stats["killed"] + stats["timeout"] + stats["segfault"]
    checked = caught + stats["survived"] + stats["no_tests"] + stats["suspicious"]
    session.log(
        f"mutation score: {caught} of {checked} mutants caught ({100 * caught / max(checked, 1):.1f}%); {stats}"
    )
