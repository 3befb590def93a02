# Copied from handwritten/_runtime/arguments.py by `nox -s generate`: edit it there.
"""Checks of the numeric options (timeouts, intervals, retry counts), made before anything is sent.

A nan compares false with everything, so an unchecked one turns every deadline
test into "not yet" and a wait into a loop without end; inf does the same
more honestly. Both are refused here with a ValueError naming the option,
as are negative numbers; a value that is no number at all is a TypeError.
"""

from __future__ import annotations

import math

import httpx

TIMEOUT_PHASES = ("connect", "read", "write", "pool")


def seconds(name: str, value: object, *, allow_zero: bool = False) -> float:
    """A finite number of seconds, more than 0 (or 0 too, if allowed)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number of seconds, got {type(value).__name__}")
    number = float(value)
    if not math.isfinite(number) or number < 0 or (number == 0 and not allow_zero):
        bound = "0 or more" if allow_zero else "more than 0"
        raise ValueError(f"{name} must be a finite number of seconds, {bound}, got {value!r}")
    return number


def count(name: str, value: object) -> int:
    """A whole number, 0 or more."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a whole number, got {type(value).__name__}")
    if not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a whole number, 0 or more, got {value!r}")
    return value


def request_timeout(name: str, value: object) -> float | httpx.Timeout | None:
    """A request timeout: seconds, an ``httpx.Timeout`` whose every set phase is such, or None for none at all."""
    if value is None:
        return None
    if isinstance(value, httpx.Timeout):
        for phase in TIMEOUT_PHASES:
            limit = getattr(value, phase)
            if limit is not None:
                seconds(f"{name}.{phase}", limit)
        return value
    return seconds(name, value)
