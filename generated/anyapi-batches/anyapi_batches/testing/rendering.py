# Copied from handwritten/testing/rendering.py by `nox -s generate`: edit it there.
"""The fake's objects as the API's JSON, built through the generated models so that every field is the spec's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..models import (
    Batch,
    BatchError,
    BatchErrors,
    BatchRequestCounts,
    BatchUsage,
    FileObject,
    InputTokensDetails,
    Metadata,
    OutputTokensDetails,
)
from .batch_run import BatchRun
from .state import StoredFile

T = TypeVar("T")


def stamp(moment: float | None) -> int | None:
    return None if moment is None else int(moment)


def batch_json(batch: BatchRun) -> dict[str, Any]:
    times = batch.times
    metadata = None
    if batch.metadata is not None:
        metadata = Metadata()
        metadata.additional_properties = dict(batch.metadata)
    errors = None
    if batch.status == "failed":
        errors = BatchErrors(
            object_="list",
            data=[BatchError(code=p.code, message=p.message, param=p.param, line=p.line) for p in batch.problems],
        )
    return Batch(
        id=batch.id,
        object_="batch",
        endpoint=batch.endpoint,
        input_file_id=batch.input_file_id,
        completion_window=batch.completion_window,
        status=batch.status,
        output_file_id=batch.output_file_id,
        error_file_id=batch.error_file_id,
        created_at=int(times["created"]),
        in_progress_at=stamp(times.get("in_progress")),
        expires_at=int(batch.expires_at),
        finalizing_at=stamp(times.get("finalizing")),
        completed_at=stamp(times.get("completed")),
        failed_at=stamp(times.get("failed")),
        expired_at=stamp(times.get("expired")),
        cancelling_at=stamp(times.get("cancelling")),
        cancelled_at=stamp(times.get("cancelled")),
        request_counts=BatchRequestCounts(
            total=batch.total if batch.started else 0, completed=batch.completed, failed=batch.failed
        ),
        metadata=metadata,
        errors=errors,
        model=batch.model,
        usage=BatchUsage(
            input_tokens=batch.usage.input_tokens,
            input_tokens_details=InputTokensDetails(cached_tokens=0),
            output_tokens=batch.usage.output_tokens,
            output_tokens_details=OutputTokensDetails(reasoning_tokens=0),
            total_tokens=batch.usage.total_tokens,
        ),
    ).to_dict()


def file_json(stored: StoredFile) -> dict[str, Any]:
    return FileObject(
        id=stored.id,
        object_="file",
        bytes_=len(stored.content),
        created_at=int(stored.created_at),
        filename=stored.filename,
        purpose=stored.purpose,
        status="processed",
        expires_at=stamp(stored.expires_at),
        status_details=None,
    ).to_dict()


def list_json(items: Sequence[T], has_more: bool, render: Callable[[T], dict[str, Any]]) -> dict[str, Any]:
    """One page of a list, as both BatchList and FileList have it."""
    data = [render(item) for item in items]
    return {
        "object": "list",
        "data": data,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": has_more,
    }
