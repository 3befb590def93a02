"""The deadline watchdog on its own: a fresh one per test, fed socket pairs instead of connections."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from anyapi_batches._runtime.attempts import Deadline, Watchdog


class Stream:
    """What the watchdog reads of an httpcore network stream: its socket, and no TLS."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def get_extra_info(self, name: str) -> Any:
        return self.sock if name == "socket" else None


@pytest.fixture
def pairs() -> Iterator[list[tuple[socket.socket, socket.socket]]]:
    made: list[tuple[socket.socket, socket.socket]] = []
    yield made
    for pair in made:
        for end in pair:
            end.close()


def pair(pairs: list[tuple[socket.socket, socket.socket]]) -> tuple[socket.socket, socket.socket]:
    ends = socket.socketpair()
    pairs.append(ends)
    return ends


def shut_within(peer: socket.socket, seconds: float) -> bool:
    """Whether the other end was shut down within ``seconds`` (its peer then reads the end of the stream)."""
    peer.settimeout(seconds)
    try:
        return peer.recv(1) == b""
    except TimeoutError:
        return False


def test_an_attempt_past_its_deadline_has_its_socket_shut_down(pairs: list[Any]) -> None:
    watchdog = Watchdog()
    ours, peer = pair(pairs)
    watchdog.guard(Deadline.after(0.1)).watch(Stream(ours))
    assert shut_within(peer, 5)


def test_a_released_attempt_is_left_alone_and_leaves_the_queue(pairs: list[Any]) -> None:
    watchdog = Watchdog()
    guards = []
    for _ in range(20):
        ours, _peer = pair(pairs)
        guard = watchdog.guard(Deadline.after(60))
        guard.watch(Stream(ours))
        guards.append(guard)
    for guard in guards:
        guard.release()
    # Ended in the order they started, the released ones are dropped at once rather than at their deadlines.
    assert watchdog._queue == []
    assert not shut_within(pairs[0][1], 0.2)


def test_a_socket_closed_before_its_deadline_does_not_stop_the_watchdog(pairs: list[Any]) -> None:
    watchdog = Watchdog()
    closed, _ = pair(pairs)
    watchdog.guard(Deadline.after(0.05)).watch(Stream(closed))
    closed.close()
    ours, peer = pair(pairs)
    watchdog.guard(Deadline.after(0.3)).watch(Stream(ours))
    assert shut_within(peer, 5), "the watchdog thread died on the closed socket"
