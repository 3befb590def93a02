"""The exchanges tests/recordings holds: one cassette per case, named after it."""

from __future__ import annotations

from dataclasses import dataclass

from anyapi_batches.models.batch_status import BatchStatus


@dataclass(frozen=True)
class Case:
    name: str
    batch_id: str
    http_status: int
    batch_status: BatchStatus | None = None
    """The status the batch is in, for a 200; None for an error response."""


def _batch(status: BatchStatus, batch_id: str, name: str | None = None) -> Case:
    return Case(name or status, batch_id, 200, status)


def _error(http_status: int, slug: str) -> Case:
    return Case(f"{http_status}_{slug}", f"batch_{slug}", http_status)


CASES: tuple[Case, ...] = (
    _batch("validating", "batch_validating"),
    _batch("in_progress", "batch_in_progress"),
    _batch("finalizing", "batch_finalizing"),
    _batch("completed", "batch_abc123"),
    _batch("completed", "batch_completed_usage", name="completed_with_usage"),
    _batch("failed", "batch_failed"),
    _batch("expired", "batch_expired"),
    _batch("cancelling", "batch_cancelling"),
    _batch("cancelled", "batch_cancelled"),
    _error(400, "bad_request"),
    _error(401, "unauthorized"),
    _error(402, "payment_required"),
    _error(403, "forbidden"),
    _error(404, "not_found"),
    _error(404, "upstream_not_found"),
    _error(409, "conflict"),
    _error(422, "unprocessable_entity"),
    _error(429, "rate_limited"),
    _error(500, "internal_error"),
    _error(503, "unavailable"),
)

CASES_BY_NAME = {case.name: case for case in CASES}
