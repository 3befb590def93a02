# Copied from handwritten/testing/batch_operations.py by `nox -s generate`: edit it there.
"""The batch operations of openapi.yaml, one function per operationId."""

from __future__ import annotations

from typing import Any

from ..errors import ResponseValidationError
from ..models import CreateBatchRequest
from ..types import Unset
from .problems import bad_request
from .rendering import batch_json, list_json
from .request_input import cursor, integer, json_object, query
from .state import FakeState
from .wire import Request, Response, json_response

METADATA_PAIRS, METADATA_KEY_LENGTH, METADATA_VALUE_LENGTH = 16, 64, 512
RESULTS_LIFETIME_RANGE = (3600, 30 * 24 * 3600)
"""The bounds of output_expires_after.seconds."""


def create_batch(state: FakeState, request: Request, path: dict[str, str]) -> Response:
    body = json_object(request)
    try:
        asked = CreateBatchRequest.from_dict(body, strict=True)
    except ResponseValidationError as error:
        raise bad_request(f"Invalid request: {error.message}") from None
    if not asked.input_file_id:
        raise bad_request("Invalid request: $.input_file_id must not be empty")
    lifetime = None
    if not isinstance(asked.output_expires_after, Unset):
        lifetime = asked.output_expires_after.seconds
        low, high = RESULTS_LIFETIME_RANGE
        if not low <= lifetime <= high:
            raise bad_request(f"Invalid request: $.output_expires_after.seconds must be from {low} to {high}")
    batch = state.create_batch(
        asked.input_file_id, asked.endpoint, asked.completion_window, checked_metadata(body.get("metadata")), lifetime
    )
    return json_response(200, batch_json(batch))


def checked_metadata(metadata: Any) -> dict[str, str] | None:
    """The metadata of a create request, whose value types the model has already checked, within the API's limits."""
    if metadata is None:
        return None
    if len(metadata) > METADATA_PAIRS:
        raise bad_request(f"Invalid request: $.metadata holds more than {METADATA_PAIRS} pairs")
    for key, value in metadata.items():
        if len(key) > METADATA_KEY_LENGTH:
            raise bad_request(f"Invalid request: $.metadata key {key!r} is longer than {METADATA_KEY_LENGTH}")
        if len(value) > METADATA_VALUE_LENGTH:
            raise bad_request(f"Invalid request: $.metadata.{key} is longer than {METADATA_VALUE_LENGTH}")
    return dict(metadata)


def list_batches(state: FakeState, request: Request, path: dict[str, str]) -> Response:
    params = query(request)
    after = cursor(params)
    if after is not None and not state.batches.knows(after):
        raise bad_request(f"Invalid 'after': no batch found with id {after!r}")
    batches, has_more = state.batches.page(after, integer(params, "limit", 20, 1, 100), newest_first=True)
    return json_response(200, list_json(batches, has_more, batch_json))


def retrieve_batch(state: FakeState, request: Request, path: dict[str, str]) -> Response:
    return json_response(200, batch_json(state.batch(path["batch_id"])))


def cancel_batch(state: FakeState, request: Request, path: dict[str, str]) -> Response:
    batch = state.cancel(path["batch_id"])
    if state.short_cancel_answer:
        return json_response(200, {"id": batch.id, "object": "batch", "status": batch.status})
    return json_response(200, batch_json(batch))
