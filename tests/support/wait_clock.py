"""A stand-in for the time module inside waiting.py, so a test sees every pause a wait takes without sleeping."""

from __future__ import annotations

NOW = 1_800_000_000
"""The wall time the stand-in reports at the start: a Unix time in seconds."""
DAY = 86_400
MONOTONIC_ORIGIN = 5_000.0


class WaitClock:
    """Wall time starts at NOW and moves only by the pauses, which are recorded and skipped."""

    def __init__(self) -> None:
        self.elapsed = 0.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return NOW + self.elapsed

    def monotonic(self) -> float:
        # Like a real monotonic clock, it counts from an arbitrary origin: only differences mean anything.
        return MONOTONIC_ORIGIN + self.elapsed

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.elapsed += seconds
