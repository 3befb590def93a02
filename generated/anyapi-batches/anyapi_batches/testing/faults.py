# Copied from handwritten/testing/faults.py by `nox -s generate`: edit it there.
"""HTTP faults a test injects to see how a client copes: rate limits, server errors and dropped connections."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from .problems import error_body
from .wire import Response, json_response


def checked_wait(value: float | None) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0
    ):
        raise ValueError(f"retry_after must be a finite number of seconds, 0 or more; got {value!r}")


@dataclass(frozen=True)
class RateLimit:
    """A 429 with a Retry-After header."""

    retry_after: float = 1.0

    def __post_init__(self) -> None:
        checked_wait(self.retry_after)


SERVER_ERRORS = {500: "An internal error occurred", 503: "The service is temporarily unavailable"}
"""The server errors openapi.yaml documents, with the provider's messages for them."""


@dataclass(frozen=True)
class ServerError:
    """A 500 or 503 in the provider's error format, with a Retry-After header when ``retry_after`` is set."""

    status: int = 500
    retry_after: float | None = None

    def __post_init__(self) -> None:
        if self.status not in SERVER_ERRORS or isinstance(self.status, bool):
            raise ValueError(f"status must be 500 or 503, the server errors openapi.yaml has; got {self.status!r}")
        checked_wait(self.retry_after)


@dataclass(frozen=True)
class Disconnect:
    """The connection is cut without an answer: before the request is handled, or after (its effect then stands)."""

    after_handling: bool = False


@dataclass(frozen=True)
class Stall:
    """No answer comes, before the request is handled or after (its effect then stands), until the client goes away.

    Over HTTP the connection stays open until the client closes it: a test can kill a client process at a
    known point, or see its timeout run out. In-process, where nothing can wait, the client's read times out at
    once.
    """

    after_handling: bool = False


Fault = RateLimit | ServerError | Disconnect | Stall


def seconds_header(seconds: float) -> tuple[tuple[str, str], ...]:
    return (("retry-after", f"{seconds:g}"),)


def fault_response(fault: RateLimit | ServerError) -> Response:
    if isinstance(fault, RateLimit):
        message = f"Rate limit exceeded. Please retry after {fault.retry_after:g} seconds."
        return json_response(429, error_body(429, message), seconds_header(fault.retry_after))
    headers = () if fault.retry_after is None else seconds_header(fault.retry_after)
    return json_response(fault.status, error_body(fault.status, SERVER_ERRORS[fault.status]), headers)


@dataclass
class Planned:
    fault: Fault
    operation_id: str | None
    remaining: int
    passing: int = 0
    """Matching requests still to let through before the fault starts."""


class Faults:
    """The faults still to come, each for the next ``times`` requests it matches, in the order they were added."""

    def __init__(self, operation_ids: frozenset[str], lock: threading.RLock) -> None:
        self._operation_ids = operation_ids
        self._lock = lock
        self._planned: list[Planned] = []

    def add(self, fault: Fault, *, operation: str | None = None, times: int = 1, after: int = 0) -> None:
        """Answer the next ``times`` requests for ``operation`` (an operationId; None: any) with ``fault``.

        ``after`` lets that many of them through first: ``after=1`` hits the second upload, say.
        """
        if not isinstance(fault, (RateLimit, ServerError, Disconnect, Stall)):
            raise TypeError(f"fault must be a RateLimit, ServerError, Disconnect or Stall, got {fault!r}")
        if operation is not None and operation not in self._operation_ids:
            raise ValueError(
                f"unknown operation {operation!r}; expected one of {', '.join(sorted(self._operation_ids))}"
            )
        if isinstance(times, bool) or not isinstance(times, int) or times < 1:
            raise ValueError(f"times must be a whole number, 1 or more; got {times!r}")
        if isinstance(after, bool) or not isinstance(after, int) or after < 0:
            raise ValueError(f"after must be a whole number, 0 or more; got {after!r}")
        with self._lock:
            self._planned.append(Planned(fault, operation, times, after))

    def clear(self) -> None:
        with self._lock:
            self._planned.clear()

    @property
    def pending(self) -> int:
        """How many requests are still to get a fault."""
        with self._lock:
            return sum(planned.remaining for planned in self._planned)

    def take(self, operation_id: str | None) -> Fault | None:
        """The fault for a request to ``operation_id`` (None: no operation has its path), used up by this request."""
        with self._lock:
            for planned in self._planned:
                if planned.operation_id in (None, operation_id):
                    if planned.passing:
                        planned.passing -= 1
                        continue
                    planned.remaining -= 1
                    if not planned.remaining:
                        self._planned.remove(planned)
                    return planned.fault
        return None
