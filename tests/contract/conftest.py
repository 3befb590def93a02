"""Every contract test runs with the network blocked except loopback (Prism, the recording server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.loopback import LOOPBACK


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.block_network(allowed_hosts=[LOOPBACK]))
