"""The client generated from constructs.yaml, built once per test session into a temporary directory."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from devtools.generation import CONSTRUCTS_PACKAGE, build_constructs


@pytest.fixture(scope="session")
def constructs_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated project (pyproject.toml and the package) of tests/generation/constructs.yaml."""
    project = tmp_path_factory.mktemp("constructs") / "constructs-client"
    build_constructs(project)
    return project


@pytest.fixture(scope="session")
def constructs(constructs_project: Path) -> ModuleType:
    """The generated package, imported from its directory (no sys.path entry needed)."""
    package = constructs_project / CONSTRUCTS_PACKAGE
    spec = importlib.util.spec_from_file_location(
        CONSTRUCTS_PACKAGE, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[CONSTRUCTS_PACKAGE] = module
    spec.loader.exec_module(module)
    # Submodules are found through the package's own __path__, as for any installed package.
    importlib.import_module(f"{CONSTRUCTS_PACKAGE}.models")
    return module
