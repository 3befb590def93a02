"""Every construct of constructs.yaml, through the generated model: decode, encode back, and one bad body each.

A round trip must give back exactly the JSON that came in (dates and UUIDs
included, in their own spelling), in strict and in lenient mode; a body that
breaks a construct's rule must give a ResponseValidationError naming its path.
"""

from __future__ import annotations

import datetime
import json
import uuid
import warnings
from types import ModuleType

import pytest

from tests.generation.construct_cases import CASES, LEAF, REQUIRED, Case, body_with


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "lenient"])
@pytest.mark.parametrize("case", CASES, ids=repr)
def test_round_trip_gives_back_the_same_json(constructs: ModuleType, case: Case, strict: bool) -> None:
    body = body_with(case.field, case.good)
    decoded = constructs.models.Everything.from_dict(body, strict=strict)
    assert json.dumps(decoded.to_dict()) == json.dumps(body)


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "lenient"])
@pytest.mark.parametrize("case", [case for case in CASES if case.bad is not None], ids=repr)
def test_a_bad_value_names_its_json_path(constructs: ModuleType, case: Case, strict: bool) -> None:
    with pytest.raises(constructs.errors.ResponseValidationError) as caught:
        constructs.models.Everything.from_dict(body_with(case.field, case.bad), strict=strict)
    assert caught.value.path == case.path
    assert case.reason in caught.value.message


def test_dates_and_uuids_decode_to_python_values(constructs: ModuleType) -> None:
    body = {**REQUIRED, "day": "2024-02-29", "ident": "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"}
    body["when"] = "2024-01-05T10:00:00.123456789+01:00"
    thing = constructs.models.Everything.from_dict(body)
    assert thing.when == datetime.datetime(2024, 1, 5, 9, 0, 0, 123456, tzinfo=datetime.UTC)
    assert thing.day == datetime.date(2024, 2, 29)
    assert thing.ident == uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
    # A value computed from a decoded one has no text of its own: it is written in Python's ISO form.
    thing.when = thing.when + datetime.timedelta(hours=1)
    assert thing.to_dict()["when"] == "2024-01-05T11:00:00.123456+01:00"


def test_unions_decode_to_the_branch_that_fits(constructs: ModuleType) -> None:
    models = constructs.models
    thing = models.Everything.from_dict(
        body_with("shapes", [{"kind": "square", "side": 2}, {"kind": "circle", "radius": 1}])
    )
    assert [type(shape) for shape in thing.shapes] == [models.Square, models.Circle]
    assert isinstance(models.Everything.from_dict(body_with("pet", {"barks": True})).pet, models.Dog)
    assert isinstance(models.Everything.from_dict(body_with("parent", LEAF)).parent, models.Leaf)
    assert models.Everything.from_dict(body_with("code", 7)).code == 7


def test_all_of_merges_the_parts(constructs: ModuleType) -> None:
    extended = constructs.models.Extended.from_dict({"title": "t", "rank": 1}, strict=True)
    assert (extended.title, extended.rank) == ("t", 1)
    with pytest.raises(constructs.errors.ResponseValidationError, match=r"^\$\.rank: required field is missing"):
        constructs.models.Extended.from_dict({"title": "t"})


@pytest.mark.parametrize(("field", "value"), [("colour", "purple"), ("level", 9), ("mood", "bored")])
def test_an_unknown_enum_value_is_kept_with_a_warning_or_refused(
    constructs: ModuleType, field: str, value: object
) -> None:
    body = body_with(field, value)
    with pytest.warns(constructs.errors.UnknownEnumValueWarning, match=rf"\$\.{field}: unknown value"):
        assert constructs.models.Everything.from_dict(body).to_dict() == body
    with pytest.raises(constructs.errors.ResponseValidationError, match=rf"\$\.{field}"):
        constructs.models.Everything.from_dict(body, strict=True)


def test_an_unknown_field_is_kept_in_lenient_mode_only(constructs: ModuleType) -> None:
    body = {**REQUIRED, "added_later": {"x": 1}}
    assert constructs.models.Everything.from_dict(body).to_dict() == body
    with pytest.raises(constructs.errors.ResponseValidationError, match=r"^\$\.added_later: field is not in the spec"):
        constructs.models.Everything.from_dict(body, strict=True)


def test_a_date_time_keeps_its_text_through_the_round_trip(constructs: ModuleType) -> None:
    thing = constructs.models.Everything.from_dict(body_with("when", "2024-01-05T10:00:00Z"))
    assert isinstance(thing.when, datetime.datetime)
    assert getattr(thing.when, "json_text", None) == "2024-01-05T10:00:00Z"
    assert thing.to_dict()["when"] == "2024-01-05T10:00:00Z"


def test_no_warning_comes_from_a_branch_that_was_not_taken(constructs: ModuleType) -> None:
    # The first branch (null) fails; the enum branch takes the value: one warning, from that branch.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        constructs.models.Everything.from_dict(body_with("mood", "bored"))
    assert [str(warning.message) for warning in caught] == ["$.mood: unknown value 'bored', expected one of happy, sad"]
