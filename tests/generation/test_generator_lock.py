"""generator.lock pins every package the generator imports, at the version installed from it."""

from __future__ import annotations

from importlib.metadata import distribution, version

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from devtools import ROOT


def locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "generator.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, pinned = line.partition("==")
            pins[canonicalize_name(name)] = pinned
    return pins


def closure(*roots: str) -> set[str]:
    """The names of ``roots`` and of everything they require, on this platform and Python."""
    seen: set[str] = set()
    pending = [canonicalize_name(root) for root in roots]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        for text in distribution(name).requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                pending.append(canonicalize_name(requirement.name))
    return seen


def test_the_lock_holds_the_whole_closure_at_the_installed_versions() -> None:
    pins = locked()
    needed = closure("openapi-python-client", "ruff")
    assert needed - set(pins) == set()
    assert {name: version(name) for name in needed} == {name: pins[name] for name in needed}
