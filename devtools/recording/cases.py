"""The exchanges tests/recordings holds: one cassette per case, named after it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from anyapi_batches.models import Batch, BatchCancellation, BatchList, FileDeletion, FileList, FileObject

Operation = Literal[
    "retrieve_batch",
    "create_batch",
    "list_batches",
    "cancel_batch",
    "create_file",
    "retrieve_file",
    "list_files",
    "delete_file",
    "retrieve_file_content",
]
Model = Batch | BatchCancellation | BatchList | FileObject | FileList | FileDeletion
Answer = Model | bytes
"""What the client makes of a success: a model, or the bytes of an answer that is not JSON (a file's content)."""

# The argument of each operation that holds an id of the account it runs against
# (a path id, the list cursor, the input file of a create): a live run maps it with --id.
LIVE_ARGUMENT: dict[Operation, str] = {
    "retrieve_batch": "batch_id",
    "cancel_batch": "batch_id",
    "retrieve_file": "file_id",
    "retrieve_file_content": "file_id",
    "delete_file": "file_id",
    "create_batch": "input_file_id",
    "list_batches": "after",
    "list_files": "after",
}


@dataclass(frozen=True)
class Upload:
    """A file for the multipart body, kept as data so that every send reads it afresh."""

    filename: str
    content: bytes


@dataclass(frozen=True)
class Case:
    name: str
    operation: Operation
    http_status: int
    arguments: Mapping[str, Any] = field(default_factory=dict)
    """The keyword arguments of the client method."""
    answer: type[Answer] | None = None
    """The model of a 200 answer (bytes for one that is not JSON); None for an error response."""
    shows: Mapping[str, Any] = field(default_factory=dict)
    """Attribute values the answer must have, so a cassette cannot pass for a case it does not record."""

    @property
    def target(self) -> str | None:
        """The id a live run may map to one of its own; None when the request carries none."""
        name = LIVE_ARGUMENT.get(self.operation)
        return self.arguments.get(name) if name else None


def _batch(status: str, batch_id: str, name: str | None = None) -> Case:
    return Case(
        name or status, "retrieve_batch", 200, {"batch_id": batch_id}, Batch, {"id": batch_id, "status": status}
    )


def _error(http_status: int, slug: str) -> Case:
    return Case(f"{http_status}_{slug}", "retrieve_batch", http_status, {"batch_id": f"batch_{slug}"})


NEW_BATCH = {"endpoint": "/v1/chat/completions", "completion_window": "24h"}
# OpenAI's Batch guide: its example input file, verbatim.
REQUESTS_JSONL = (
    b'{"custom_id": "request-1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": '
    b'"gpt-3.5-turbo-0125", "messages": [{"role": "system", "content": "You are a helpful assistant."},'
    b'{"role": "user", "content": "Hello world!"}],"max_tokens": 1000}}\n'
    b'{"custom_id": "request-2", "method": "POST", "url": "/v1/chat/completions", "body": {"model": '
    b'"gpt-3.5-turbo-0125", "messages": [{"role": "system", "content": "You are an unhelpful assistant."},'
    b'{"role": "user", "content": "Hello world!"}],"max_tokens": 1000}}\n'
)

RESULT_FILES = ("file-out456", "file-err789")
"""The output and error file of one batch, as the recordings of the file operations name them."""

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
    Case(
        "create_batch",
        "create_batch",
        200,
        {
            **NEW_BATCH,
            "input_file_id": "file-abc123",
            "metadata": {"customer_id": "user_123456789", "batch_description": "Nightly eval job"},
        },
        Batch,
        {"id": "batch_validating", "status": "validating", "input_file_id": "file-abc123"},
    ),
    Case("create_batch_400_unknown_file", "create_batch", 400, {**NEW_BATCH, "input_file_id": "file-missing"}),
    Case(
        "list_batches_first_page",
        "list_batches",
        200,
        {"limit": 2},
        BatchList,
        {"first_id": "batch_completed_usage", "last_id": "batch_failed", "has_more": True},
    ),
    Case(
        "list_batches_last_page",
        "list_batches",
        200,
        {"after": "batch_failed", "limit": 2},
        BatchList,
        {"first_id": "batch_expired", "last_id": "batch_expired", "has_more": False},
    ),
    Case("list_batches_empty", "list_batches", 200, {}, BatchList, {"data": [], "first_id": None, "has_more": False}),
    Case(
        "cancel_batch",
        "cancel_batch",
        200,
        {"batch_id": "batch_abc123"},
        BatchCancellation,
        {"id": "batch_abc123", "status": "cancelled"},
    ),
    Case(
        "cancel_batch_cancelling",
        "cancel_batch",
        200,
        {"batch_id": "batch_cancelling"},
        Batch,
        {"id": "batch_cancelling", "status": "cancelling"},
    ),
    Case("cancel_batch_409_completed", "cancel_batch", 409, {"batch_id": "batch_completed_usage"}),
    Case(
        "create_file",
        "create_file",
        200,
        {"file": Upload("requests.jsonl", REQUESTS_JSONL), "purpose": "batch"},
        FileObject,
        {"id": "file-abc123", "bytes_": len(REQUESTS_JSONL), "filename": "requests.jsonl", "status": "uploaded"},
    ),
    Case(
        "create_file_400_not_jsonl",
        "create_file",
        400,
        {"file": Upload("requests.txt", REQUESTS_JSONL), "purpose": "batch"},
    ),
    Case(
        "retrieve_file",
        "retrieve_file",
        200,
        {"file_id": "file-abc123"},
        FileObject,
        {"id": "file-abc123", "purpose": "batch", "status": "processed"},
    ),
    Case("retrieve_file_404_not_found", "retrieve_file", 404, {"file_id": "file-missing"}),
    Case(
        "list_files",
        "list_files",
        200,
        {"purpose": "batch_output"},
        FileList,
        {"first_id": RESULT_FILES[0], "last_id": RESULT_FILES[1], "has_more": False},
    ),
    Case("retrieve_file_content", "retrieve_file_content", 200, {"file_id": RESULT_FILES[0]}, bytes),
    Case("retrieve_file_content_errors", "retrieve_file_content", 200, {"file_id": RESULT_FILES[1]}, bytes),
    Case(
        "delete_file",
        "delete_file",
        200,
        {"file_id": RESULT_FILES[1]},
        FileDeletion,
        {"id": RESULT_FILES[1], "deleted": True},
    ),
)

CASES_BY_NAME = {case.name: case for case in CASES}
