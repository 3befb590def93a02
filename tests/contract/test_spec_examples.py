"""openapi.yaml against itself, and its examples against the generated models."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from openapi_core.validation.response.exceptions import InvalidData

import anyapi_batches.models
from anyapi_batches import errors
from devtools.openapi_document import ResponseExample, response_examples, schema_names, spec, validate_response

EXAMPLES = list(response_examples())


def test_every_response_has_an_example() -> None:
    missing = [example.name for example in EXAMPLES if example.example is None]
    assert EXAMPLES
    assert missing == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.name)
def test_example_validates_against_its_schema(example: ResponseExample) -> None:
    validate_response(example.method, example.path, int(example.status), example.example, media_type=example.media_type)


def test_a_broken_example_is_caught() -> None:
    """The check above can fail: an example missing a required field does."""
    good = next(example for example in EXAMPLES if example.status == "200")
    broken = copy.deepcopy(good.example)
    del broken["status"]
    with pytest.raises(InvalidData):
        validate_response(good.method, good.path, 200, broken)


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.is_json], ids=lambda example: example.name)
def test_example_round_trips_through_the_model(example: ResponseExample) -> None:
    """The example parses, strictly, as one of the models its schema names, and encodes back unchanged."""
    names = schema_names(example.schema)
    assert names, f"{example.name}: no component schema"
    models = [getattr(anyapi_batches.models, name) for name in names]
    parsed = [model.from_dict(example.example, strict=True) for model in models if fits(model, example.example)]
    assert len(parsed) == 1, f"{example.name}: fits {len(parsed)} of {names}"
    assert parsed[0].to_dict() == example.example


def test_the_file_content_example_is_result_lines() -> None:
    """The content example is what a batch's output file holds: one strict BatchRequestOutput per line."""
    (example,) = [e for e in EXAMPLES if e.path == "/files/{file_id}/content" and e.status == "200"]
    assert example.media_type == "application/octet-stream"
    lines = example.example.splitlines()
    assert lines
    for line in lines:
        body = json.loads(line)
        assert anyapi_batches.models.BatchRequestOutput.from_dict(body, strict=True).to_dict() == body


def fits(model: Any, body: Any) -> bool:
    try:
        model.from_dict(body, strict=True)
    except errors.ResponseValidationError:
        return False
    return True


def test_batch_declares_the_reference_fields_and_nullability() -> None:
    batch: dict[str, Any] = spec()["components"]["schemas"]["Batch"]
    assert set(batch["required"]) == {
        "id",
        "object",
        "endpoint",
        "input_file_id",
        "completion_window",
        "status",
        "created_at",
    }
    properties = batch["properties"]
    timestamps = [name for name in properties if name.endswith("_at") and name != "created_at"]
    assert len(timestamps) == 8
    for name in timestamps:
        assert properties[name]["type"] == ["integer", "null"], name
    for name in ("output_file_id", "error_file_id"):
        assert properties[name]["type"] == ["string", "null"], name
    statuses = spec()["components"]["schemas"]["BatchStatus"]["enum"]
    assert statuses == [
        "validating",
        "failed",
        "in_progress",
        "finalizing",
        "completed",
        "expired",
        "cancelling",
        "cancelled",
    ]


def test_every_operation_declares_bearer_security() -> None:
    for item in spec()["paths"].values():
        for operation in item.values():
            assert operation["security"] == [{"bearerAuth": []}], operation["operationId"]
