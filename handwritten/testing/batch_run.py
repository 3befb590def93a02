"""One batch's life: validating, in_progress, finalizing, then completed, or failed, expired or cancelled.

Nothing runs in the background. ``settle(now)`` plays every step that is due by
``now``, each at the moment it was due, so the result is the same whether the
clock was read often or once, and a frozen clock freezes every batch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any, Protocol

from ..models.batch_status import BatchStatus
from .batch_input import LineProblem, RequestLine, ScannedInput, request_body
from .clock import checked_seconds
from .responders import Answer, BatchRequest
from .results import answered_line, not_run_line

COMPLETION_WINDOWS = {"24h": 24 * 3600}
"""Seconds in each completion window the API offers."""

ACTIVE = ("validating", "in_progress", "finalizing")
"""The statuses a batch can be cancelled in."""
LAST_STEPS: dict[str, BatchStatus] = {"finalizing": "completed", "cancelling": "cancelled"}
"""The steps that end a batch once their time (the Timings field of the same name) is up, and how it ends."""


@dataclass(frozen=True)
class Timings:
    """How long each step of a batch takes, in the fake's seconds."""

    validating: float = 10.0
    """From create to in_progress (or to failed, for a bad input file)."""
    per_request: float = 1.0
    """Between one request finishing and the next; requests run one after another."""
    finalizing: float = 10.0
    """From the last request to completed."""
    cancelling: float = 10.0
    """From cancel to cancelled."""

    def __post_init__(self) -> None:
        for field in fields(self):
            checked_seconds(getattr(self, field.name), f"Timings.{field.name}")


class Services(Protocol):
    """What a batch needs from the fake around it."""

    def answer(self, request: BatchRequest) -> Answer: ...

    def new_id(self, prefix: str) -> str: ...

    def save_results(self, filename: str, content: bytearray, at: float, lifetime: float) -> str:
        """Store an output or error file; its id."""
        ...


@dataclass
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0

    def add(self, body: dict[str, Any]) -> None:
        counts = body.get("usage")
        if isinstance(counts, dict):
            self.input_tokens += whole(counts.get("prompt_tokens"))
            self.output_tokens += whole(counts.get("completion_tokens"))
            self.total_tokens += whole(counts.get("total_tokens"))


def whole(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


class BatchRun:
    def __init__(
        self,
        *,
        batch_id: str,
        endpoint: str,
        input_file_id: str,
        completion_window: str,
        metadata: dict[str, str] | None,
        results_lifetime: float,
        created_at: float,
        content: memoryview,
        scanned: ScannedInput,
        timings: Timings,
    ) -> None:
        self.id = batch_id
        self.endpoint = endpoint
        self.input_file_id = input_file_id
        self.completion_window = completion_window
        self.metadata = metadata
        self.results_lifetime = results_lifetime
        self.timings = timings
        self.model = scanned.model
        self.problems: list[LineProblem] = scanned.problems
        self.status: BatchStatus = "validating"
        self.times: dict[str, float] = {"created": created_at}
        self.expires_at = created_at + COMPLETION_WINDOWS[completion_window]
        # Held only until the batch ends: the input is then no longer needed.
        self._content: memoryview | None = content
        self._requests: list[RequestLine] = scanned.requests
        self.total = len(scanned.requests)
        self.done = 0
        self.completed = 0
        self.failed = 0
        self.usage = Usage()
        self._output = bytearray()
        self._errors = bytearray()
        self.output_file_id: str | None = None
        self.error_file_id: str | None = None

    @property
    def started(self) -> bool:
        return "in_progress" in self.times

    def settle(self, now: float, services: Services) -> None:
        """Play every step due by ``now``."""
        if self.status == "validating":
            ready = self.times["created"] + self.timings.validating
            if ready > now:
                return
            if ready > self.expires_at:
                self._end("expired", self.expires_at, services)
                return
            if self.problems:
                self.status = "failed"
                self.times["failed"] = ready
                self._release()
                return
            self.status = "in_progress"
            self.times["in_progress"] = ready
        if self.status == "in_progress":
            self._run_requests(min(now, self.expires_at), services)
            if self.done < self.total:
                if now >= self.expires_at:
                    self._end("expired", self.expires_at, services)
                return
            self.status = "finalizing"
            self.times["finalizing"] = self._finished_at(self.total)
        if self.status in LAST_STEPS:
            ending = LAST_STEPS[self.status]
            end = self.times[self.status] + getattr(self.timings, self.status)
            if end <= now:
                self._end(ending, end, services)

    def cancel(self, now: float) -> bool:
        """Start cancelling; False when the batch is past the point where it can be."""
        if self.status not in ACTIVE:
            return False
        self.status = "cancelling"
        self.times["cancelling"] = now
        return True

    def _finished_at(self, count: int) -> float:
        return self.times["in_progress"] + count * self.timings.per_request

    def _run_requests(self, until: float, services: Services) -> None:
        per_request = self.timings.per_request
        elapsed = until - self.times["in_progress"]
        # The small allowance keeps a request that ends exactly at ``until`` from being lost to rounding.
        due = self.total if per_request == 0 else min(self.total, math.floor(elapsed / per_request + 1e-9))
        for index in range(self.done, due):
            self._run(self._requests[index], self._finished_at(index + 1), services)
            # Counted one at a time: should the responder raise, what ran already is not run again.
            self.done = index + 1

    def _run(self, request: RequestLine, at: float, services: Services) -> None:
        assert self._content is not None, "a batch runs requests only before it ends"
        body = request_body(self._content, request)
        answer = services.answer(BatchRequest(request.custom_id, self.endpoint, body, int(at)))
        if not isinstance(answer, Answer):
            raise TypeError(f"the responder must return an Answer, not {type(answer).__name__}")
        line = answered_line(services.new_id("batch_req_"), request.custom_id, answer, services.new_id("req_"))
        if answer.succeeded:
            self.completed += 1
            self._output += line
        else:
            self.failed += 1
            self._errors += line
        self.usage.add(answer.body)

    def _end(self, status: BatchStatus, at: float, services: Services) -> None:
        self.status = status
        self.times[status] = at
        if self.started:
            for request in self._requests[self.done :]:
                self._errors += not_run_line(services.new_id("batch_req_"), request.custom_id, status)
        if self._output:
            self.output_file_id = services.save_results(
                f"{self.id}_output.jsonl", self._output, at, self.results_lifetime
            )
        if self._errors:
            self.error_file_id = services.save_results(
                f"{self.id}_error.jsonl", self._errors, at, self.results_lifetime
            )
        self._release()

    def _release(self) -> None:
        self._content = None
        self._requests = []
        self._output = bytearray()
        self._errors = bytearray()
