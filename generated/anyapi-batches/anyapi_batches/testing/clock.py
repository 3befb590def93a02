# Copied from handwritten/testing/clock.py by `nox -s generate`: edit it there.
"""The fake's sense of time: frozen until advanced, or running at a multiple of real time."""

from __future__ import annotations

import math
import time


def checked_seconds(value: float, name: str) -> float:
    """``value`` if it is a finite number of seconds, 0 or more; else a ValueError naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number of seconds, 0 or more; got {value!r}")
    return float(value)


class Clock:
    """Unix time as the fake sees it.

    Without ``speed`` it stands still until ``advance`` moves it, so a test decides
    exactly when a batch moves on. With ``speed`` it runs ``speed`` times as fast as
    real time; ``advance`` still jumps it forward.
    """

    def __init__(self, *, start: float | None = None, speed: float | None = None) -> None:
        if speed is not None and (
            isinstance(speed, bool) or not isinstance(speed, (int, float)) or not math.isfinite(speed) or speed <= 0
        ):
            raise ValueError(f"speed must be a finite number above 0; got {speed!r}")
        self.start = time.time() if start is None else checked_seconds(start, "start")
        self.speed = speed
        self._began = time.monotonic()
        self._skipped = 0.0

    def now(self) -> float:
        running = 0.0 if self.speed is None else (time.monotonic() - self._began) * self.speed
        return self.start + running + self._skipped

    def advance(self, seconds: float) -> None:
        self._skipped += checked_seconds(seconds, "seconds")
