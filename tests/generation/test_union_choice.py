"""A union's branch is chosen honestly: first strict fit, else first lenient fit, else an error naming every reason.

Lenient mode keeps unknown fields and enum values; it never lets a closed
branch swallow the fields of another branch.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from anyapi_batches import errors
from anyapi_batches._runtime.resources import one_of
from anyapi_batches.models import Batch, BatchCancellation
from devtools.fault_server import batch_body

CANCEL_ANSWER = one_of(Batch, BatchCancellation)


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_a_full_batch_with_a_broken_nested_object_is_an_error_not_the_short_answer(strict: bool) -> None:
    body = batch_body(status="cancelling", errors={"object": "list", "data": "not a list"})
    with pytest.raises(errors.ResponseValidationError) as caught:
        CANCEL_ANSWER(body, strict=strict)
    message = caught.value.message
    assert message.startswith("$: no allowed type fits (")
    assert "($.errors.data: expected array, got string; $.endpoint: field is not in the spec)" in message
    assert "$.endpoint: field is not in the spec" in message


def test_the_short_answer_is_still_read_as_such() -> None:
    short = CANCEL_ANSWER({"id": "batch_abc123", "object": "batch", "status": "cancelled"}, strict=False)
    assert isinstance(short, BatchCancellation)


def test_a_full_batch_with_a_field_no_branch_knows_is_a_batch_in_lenient_mode() -> None:
    full = CANCEL_ANSWER(batch_body(status="cancelling", priority="high"), strict=False)
    assert isinstance(full, Batch)
    assert full.additional_properties == {"priority": "high"}
    with pytest.raises(errors.ResponseValidationError, match=r"\$\.priority: field is not in the spec"):
        CANCEL_ANSWER(batch_body(status="cancelling", priority="high"), strict=True)


def test_a_strict_fit_wins_over_an_earlier_lenient_one(constructs: ModuleType) -> None:
    # Cat comes first and would take {"barks": true, "name": ...} leniently if "barks" were unknown;
    # but Dog declares it, and Dog fits strictly.
    pet = constructs.models.Everything.from_dict(
        {"name": "n", "when": "2024-01-05T10:00:00Z", "kind": "everything", "pet": {"barks": True, "name": "Rex"}}
    )
    assert isinstance(pet.pet, constructs.models.Dog)


def test_fields_of_two_branches_fit_neither(constructs: ModuleType) -> None:
    body = {"name": "n", "when": "2024-01-05T10:00:00Z", "kind": "everything", "pet": {"meows": True, "barks": True}}
    with pytest.raises(constructs.errors.ResponseValidationError) as caught:
        constructs.models.Everything.from_dict(body)
    assert caught.value.path == "$.pet"
    assert "$.pet.barks: field is not in the spec" in caught.value.message
    assert "$.pet.meows: field is not in the spec" in caught.value.message
