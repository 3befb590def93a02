"""The contract suite cannot reach past loopback, so replay can never fall through to a real server."""

from __future__ import annotations

import socket

import pytest


def test_a_connection_beyond_loopback_is_refused() -> None:
    # 192.0.2.1 is TEST-NET-1: documentation-only, so even a broken guard sends nothing real.
    with pytest.raises(RuntimeError, match="Network is disabled"):
        socket.create_connection(("192.0.2.1", 443), timeout=1)
