"""Bodies built from openapi.yaml's own schemas: the valid ones round-trip, the broken ones are refused cleanly."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft202012Validator

from anyapi_batches import errors
from anyapi_batches._runtime.resources import one_of
from anyapi_batches.models import Batch, BatchCancellation, BatchList, ErrorResponse, FileObject
from devtools.json_schemas import json_schema

Model = type[Batch] | type[BatchCancellation] | type[BatchList] | type[FileObject] | type[ErrorResponse]
MODELS: dict[str, Model] = {
    "Batch": Batch,
    "BatchCancellation": BatchCancellation,
    "BatchList": BatchList,
    "FileObject": FileObject,
    "ErrorResponse": ErrorResponse,
}
# How the client reads a cancel answer: whichever of the two models fits.
CANCEL_ANSWER = one_of(Batch, BatchCancellation)
# Enough to reach the optional fields and null branches, few enough to keep the suite quick.
VALID_EXAMPLES = settings(max_examples=40, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The valid part of a broken body does not matter, so there is nothing to shrink.
BROKEN_EXAMPLES = settings(VALID_EXAMPLES, max_examples=3, phases=[Phase.generate])
# One value of each JSON type: each property is tried with every one its schema refuses.
ANY_JSON: dict[str, Any] = {
    "null": None,
    "boolean": True,
    "integer": 7,
    "number": 2.5,
    "string": "text",
    "array": [],
    "object": {},
}
MISSING = "missing"


@cache
def bodies(name: str) -> st.SearchStrategy[Any]:
    return from_schema(json_schema(name))


def breakages() -> list[Any]:
    """(model, key, how): every required key left out and every wrong JSON type for every property."""
    params = []
    for name in MODELS:
        schema = json_schema(name)
        for key, property_schema in schema["properties"].items():
            if key in schema["required"]:
                params.append(pytest.param(name, key, MISSING, id=f"{name}.{key} {MISSING}"))
            accepts = Draft202012Validator(property_schema).is_valid
            for kind, value in ANY_JSON.items():
                if accepts(value):
                    continue
                params.append(pytest.param(name, key, kind, id=f"{name}.{key} {kind}"))
    return params


@pytest.mark.parametrize("name", MODELS)
def test_valid_bodies_parse_strictly_and_round_trip(name: str) -> None:
    model = MODELS[name]

    @VALID_EXAMPLES
    @given(bodies(name))
    def check(body: dict[str, Any]) -> None:
        assert model.from_dict(body, strict=True).to_dict() == body

    check()


def test_either_cancel_answer_parses_strictly_and_round_trips() -> None:
    @VALID_EXAMPLES
    @given(bodies("CancelBatchResponse"))
    def check(body: dict[str, Any]) -> None:
        answer = CANCEL_ANSWER(body, strict=True)
        assert isinstance(answer, BatchCancellation) == (set(body) == {"id", "object", "status"})
        assert answer.to_dict() == body

    check()


@pytest.mark.parametrize(("name", "key", "how"), breakages())
def test_broken_bodies_raise_the_validation_error(name: str, key: str, how: str) -> None:
    model = MODELS[name]

    @BROKEN_EXAMPLES
    @given(bodies(name))
    def check(body: dict[str, Any]) -> None:
        if how == MISSING:
            del body[key]
        else:
            body[key] = ANY_JSON[how]
        with pytest.raises(errors.ResponseValidationError) as raised:
            model.from_dict(body, strict=True)
        assert raised.value.path == f"$.{key}" or raised.value.path.startswith(f"$.{key}.")

    check()
