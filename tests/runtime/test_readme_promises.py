"""The README's promises about errors, each checked: one tree, drawn as it is; nothing else escapes; no key."""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from anyapi_batches import errors, workflows
from anyapi_batches._runtime import errors as errors_module
from anyapi_batches.workflows import errors as workflow_errors
from devtools import ROOT
from devtools.fault_server import FaultServer
from tests.support.flavours import SECRET, ApiFactory
from tests.support.hostile import ANSWERS, TIMEOUT, Hostile
from tests.support.reachable import reachable_text

pytestmark = pytest.mark.anyio

TREE_LINE = re.compile(r"^(?P<indent>[│ ├└─]*)(?P<name>[A-Za-z]+Error|UnexpectedStatus)\b")


def drawn_tree(text: str) -> dict[str, str | None]:
    """Each class in a tree drawn as in the README, with the class it hangs from (None for the root)."""
    parents: dict[str, str | None] = {}
    stack: list[tuple[int, str]] = []
    for line in text.splitlines():
        match = TREE_LINE.match(line)
        if match is None:
            continue
        depth = len(match["indent"])
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parents[match["name"]] = stack[-1][1] if stack else None
        stack.append((depth, match["name"]))
    return parents


def actual_tree(*modules: ModuleType) -> dict[str, str | None]:
    exceptions = [
        getattr(module, name)
        for module in modules
        for name in module.__all__
        if isinstance(getattr(module, name), type) and issubclass(getattr(module, name), Exception)
    ]
    tree: dict[str, str | None] = {}
    for cls in exceptions:
        if issubclass(cls, Warning):
            continue
        base = cls.__bases__[0]
        tree[cls.__name__] = None if cls is errors.AnyAPIError else base.__name__
    return tree


def readme_tree_block() -> str:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("### Errors", 1)[1]
    return section.split("```text", 1)[1].split("```", 1)[0]


def test_every_error_derives_from_the_documented_root() -> None:
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, errors.AnyAPIError) or issubclass(cls, Warning), name


@pytest.mark.parametrize("where", ["README.md", "errors.py", "workflows/errors.py"])
def test_the_drawn_tree_is_the_tree(where: str) -> None:
    if where == "README.md":
        assert drawn_tree(readme_tree_block()) == actual_tree(errors, workflows)
    elif where == "errors.py":
        assert drawn_tree(errors_module.__doc__ or "") == actual_tree(errors)
    else:
        assert drawn_tree(workflow_errors.__doc__ or "") == {"AnyAPIError": None, **actual_tree(workflows)}


@pytest.mark.parametrize("hostile", ANSWERS, ids=[hostile.name for hostile in ANSWERS])
async def test_a_hostile_answer_ends_in_its_documented_error_and_nothing_else(
    make_api: ApiFactory, fault_server: FaultServer, hostile: Hostile
) -> None:
    fault_server.script(hostile.step)
    try:
        await make_api(timeout=TIMEOUT, max_retries=0).retrieve("batch_abc123")
    except BaseException as error:  # anything at all: the point is what escapes
        assert type(error) is hostile.error
        assert isinstance(error, errors.AnyAPIError)
        assert SECRET not in reachable_text(error)
    else:
        pytest.fail("no error was raised")
