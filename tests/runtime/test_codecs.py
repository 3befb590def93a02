"""The runtime's codecs for constructs openapi.yaml does not use yet (dates, UUIDs, arrays, item limits).

The fixture spec of every construct (tests/generation) checks them end to end, in
a client of its own; these tests call the codecs of this package directly, so
that a change to them shows here too, with the exact value or message a caller gets.
"""

from __future__ import annotations

import datetime
import math
import uuid
from collections.abc import Callable
from types import MappingProxyType
from typing import Any, cast

import pytest

from anyapi_batches import errors
from anyapi_batches._runtime import decoding
from anyapi_batches._runtime.decoding import DATE, DATE_TIME, INTEGER, STRING, UUID_STRING, Array, Codec, Run
from anyapi_batches._runtime.request_checks import Limited, Limits
from anyapi_batches.models import BatchRequestCounts

UTC = datetime.UTC


def lenient() -> Run:
    return Run(strict=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-05T10:00:00Z", datetime.datetime(2024, 1, 5, 10, 0, tzinfo=UTC)),
        ("2024-01-05t10:00:00z", datetime.datetime(2024, 1, 5, 10, 0, tzinfo=UTC)),
        ("2024-01-05T10:00:00.5Z", datetime.datetime(2024, 1, 5, 10, 0, 0, 500000, tzinfo=UTC)),
        ("2024-01-05T10:00:00.1234567Z", datetime.datetime(2024, 1, 5, 10, 0, 0, 123456, tzinfo=UTC)),
        (
            "2024-01-05T10:00:00+02:30",
            datetime.datetime(2024, 1, 5, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2, minutes=30))),
        ),
        (
            "2024-01-05T10:00:00-01:00",
            datetime.datetime(2024, 1, 5, 10, 0, tzinfo=datetime.timezone(-datetime.timedelta(hours=1))),
        ),
    ],
)
def test_a_date_time_is_read_and_keeps_its_text(text: str, expected: datetime.datetime) -> None:
    parsed = DATE_TIME.decode(text, "$.at", lenient())
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()
    assert DATE_TIME.encode(parsed) == text


NOT_DATE_TIMES = [
    "2024-01-05 10:00:00Z",
    "2024-01-05T10:00:00",
    "2024-02-30T10:00:00Z",
    "2024-01-05T25:00:00Z",
    "2024-01-05T10:00:00Zjunk",
    "2024-01-05T10:00:00.Z",
    "x2024-01-05T10:00:00Z",
]
WRONG_FORMS = [
    *[(DATE_TIME, text, "an RFC 3339 date-time (2024-01-05T10:00:00Z)") for text in NOT_DATE_TIMES],
    *[
        (DATE, text, "a date (YYYY-MM-DD)")
        for text in ["2024-1-5", "2024-02-30", "2024-01-05T00:00:00Z", "20240105", "2024-01-05\n"]
    ],
    *[
        (UUID_STRING, text, "a UUID")
        for text in [
            "0f8fad5bd9cb469fa16570867728950e",
            "{0f8fad5b-d9cb-469f-a165-70867728950e}",
            "0f8fad5b-d9cb-469f-a165-7086",
        ]
    ],
]


@pytest.mark.parametrize(("codec", "text", "expected"), WRONG_FORMS)
def test_a_string_of_the_wrong_form_is_refused(codec: Codec, text: str, expected: str) -> None:
    with pytest.raises(errors.ResponseValidationError) as caught:
        codec.decode(text, "$.v", lenient())
    assert caught.value.message == f"$.v: expected {expected}, got {text!r}"
    assert caught.value.path == "$.v"


@pytest.mark.parametrize("text", NOT_DATE_TIMES)
def test_parse_date_time_finds_no_date_time_in_the_wrong_form(text: str) -> None:
    assert decoding.parse_date_time(text) is None


@pytest.mark.parametrize(
    ("codec", "value", "message"),
    [
        (DATE_TIME, 1704448800, "$.v: expected date-time string, got integer"),
        (DATE, None, "$.v: expected date string, got null"),
        (DATE, 20240105, "$.v: expected date string, got integer"),
        (UUID_STRING, [], "$.v: expected UUID string, got array"),
        (Array(DATE), {}, "$.v: expected array, got object"),
    ],
)
def test_a_value_that_is_no_string_is_a_mismatch(codec: Codec, value: object, message: str) -> None:
    with pytest.raises(errors.ResponseValidationError) as caught:
        codec.decode(value, "$.v", lenient())
    assert caught.value.message == message


def test_a_date_time_made_by_the_caller_is_sent_in_iso_format() -> None:
    made = datetime.datetime(2024, 1, 5, 10, 0, tzinfo=UTC)
    assert DATE_TIME.encode(made) == "2024-01-05T10:00:00+00:00"
    DATE_TIME.check(made, "at", lenient())
    assert DATE_TIME.holds(made)
    assert not DATE_TIME.holds("2024-01-05T10:00:00Z")


class NoOffset(datetime.tzinfo):
    """A timezone that cannot tell its offset from UTC."""

    def utcoffset(self, moment: datetime.datetime | None) -> None:
        return None

    def dst(self, moment: datetime.datetime | None) -> None:
        return None

    def tzname(self, moment: datetime.datetime | None) -> str:
        return "nowhere"


def test_a_date_time_to_send_needs_a_timezone() -> None:
    with pytest.raises(ValueError) as caught:
        DATE_TIME.check(datetime.datetime(2024, 1, 5, 10, 0), "at", lenient())
    assert str(caught.value) == "at: a date-time needs a timezone (RFC 3339), got the naive 2024-01-05T10:00:00"
    with pytest.raises(ValueError, match=r"^at: a date-time needs a timezone"):
        DATE_TIME.check(datetime.datetime(2024, 1, 5, 10, 0, tzinfo=NoOffset()), "at", lenient())
    with pytest.raises(TypeError, match=r"^at: expected datetime\.datetime, got str$"):
        DATE_TIME.check("2024-01-05T10:00:00Z", "at", lenient())


def test_a_date_is_read_and_sent_as_yyyy_mm_dd() -> None:
    parsed = DATE.decode("2024-01-05", "$.on", lenient())
    assert (type(parsed), parsed) == (datetime.date, datetime.date(2024, 1, 5))
    assert DATE.encode(parsed) == "2024-01-05"
    DATE.check(parsed, "on", lenient())
    assert DATE.holds(parsed)
    assert not DATE.holds(datetime.datetime(2024, 1, 5, tzinfo=UTC))
    assert not DATE.holds("2024-01-05")


def test_a_date_to_send_must_be_a_date_alone() -> None:
    with pytest.raises(TypeError, match=r"^on: expected datetime\.date, got datetime$"):
        DATE.check(datetime.datetime(2024, 1, 5, tzinfo=UTC), "on", lenient())
    with pytest.raises(TypeError, match=r"^on: expected datetime\.date, got str$"):
        DATE.check("2024-01-05", "on", lenient())


def test_a_uuid_is_read_and_sent_as_it_came() -> None:
    text = "0F8FAD5B-D9CB-469F-A165-70867728950E"
    parsed = UUID_STRING.decode(text, "$.id", lenient())
    assert parsed == uuid.UUID(text)
    assert UUID_STRING.encode(parsed) == text
    made = uuid.UUID(text)
    assert UUID_STRING.encode(made) == text.lower()
    UUID_STRING.check(made, "id", lenient())
    assert UUID_STRING.holds(made)
    assert not UUID_STRING.holds(text)


def test_a_uuid_to_send_must_be_a_uuid() -> None:
    with pytest.raises(TypeError, match=r"^id: expected uuid\.UUID, got str$"):
        UUID_STRING.check("0f8fad5b-d9cb-469f-a165-70867728950e", "id", lenient())


def test_an_array_reads_each_item_with_its_codec() -> None:
    assert Array(DATE).decode(["2024-01-05", "2024-01-06"], "$.days", lenient()) == [
        datetime.date(2024, 1, 5),
        datetime.date(2024, 1, 6),
    ]
    assert Array(INTEGER).decode([1, 2], "$.n", lenient()) == [1, 2]
    with pytest.raises(errors.ResponseValidationError) as caught:
        Array(DATE).decode(["2024-01-05", "soon"], "$.days", lenient())
    assert caught.value.path == "$.days[1]"
    # Items a codec passes as they are skip it; every other item is still checked.
    nullable_strings = Array(decoding.UnionCodec((STRING, decoding.NULL)))
    assert nullable_strings.decode(["a", None], "$.tags", lenient()) == ["a", None]
    with pytest.raises(errors.ResponseValidationError) as caught:
        nullable_strings.decode(["a", 7], "$.tags", lenient())
    assert caught.value.path == "$.tags[1]"


def test_an_array_is_sent_item_by_item() -> None:
    days = [datetime.date(2024, 1, 5), datetime.date(2024, 1, 6)]
    assert Array(DATE).encode(days) == ["2024-01-05", "2024-01-06"]
    Array(DATE).check(days, "days", lenient())
    Array(DATE).check(tuple(days), "days", lenient())
    assert Array(DATE).holds(days)
    assert Array(DATE).holds(tuple(days))
    assert not Array(DATE).holds([days[0], "2024-01-06"])
    assert not Array(DATE).holds(days[0])


def test_an_array_to_send_checks_each_item_in_the_mode_of_the_call() -> None:
    run = lenient()
    Array(decoding.EnumCodec(frozenset({"a"}))).check(["a", "zz"], "tags", run)
    assert run.warnings == ["tags[1]: 'zz' is not a value the spec lists (a); sent as it is"]


def test_an_array_to_send_must_be_a_list_of_fitting_items() -> None:
    with pytest.raises(TypeError, match=r"^days: expected list, got str$"):
        Array(STRING).check("abc", "days", lenient())
    with pytest.raises(TypeError, match=r"^days\[2\]: expected string, got int$"):
        Array(STRING).check(["a", "b", 3], "days", lenient())


@pytest.mark.parametrize(
    ("limits", "items", "message"),
    [
        (dict(max_items=2), [1, 2, 3], "tags: at most 2 items, got 3"),
        (dict(min_items=2), [1], "tags: at least 2 items, got 1"),
        (dict(unique_items=True), [1, 2, 1], "tags[2]: repeats an earlier item, and items must be unique"),
        (dict(unique_items=True), ("a", "b", "b"), "tags[2]: repeats an earlier item, and items must be unique"),
    ],
)
def test_item_limits_name_what_is_wrong(limits: dict[str, Any], items: list[int], message: str) -> None:
    with pytest.raises(ValueError) as caught:
        Limits(**limits).check(items, "tags")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("limits", "items"),
    [(dict(max_items=2), [1, 2]), (dict(min_items=2), [1, 2]), (dict(unique_items=True), [1, 2, 3])],
)
def test_items_within_their_limits_pass(limits: dict[str, Any], items: list[int]) -> None:
    Limits(**limits).check(items, "tags")


@pytest.mark.parametrize(
    ("value", "named"),
    [
        (True, "boolean"),
        (3, "integer"),
        (1.5, "number"),
        ("x", "string"),
        ([], "array"),
        ({}, "object"),
        ({1, 2}, "set"),
        (b"x", "bytes"),
    ],
)
def test_a_mismatch_names_the_json_type_it_got(value: object, named: str) -> None:
    with pytest.raises(errors.ResponseValidationError) as caught:
        decoding.decode_value(decoding.NULL, value, strict=False, path="$.v")
    assert caught.value.message == f"$.v: expected null, got {named}"


@pytest.mark.parametrize(
    ("text", "shown"),
    [("a" * 58, "'" + "a" * 58 + "'"), ("a" * 59, "'" + "a" * 56 + "..."), ("a" * 500, "'" + "a" * 56 + "...")],
)
def test_a_long_value_is_cut_short_in_a_message(text: str, shown: str) -> None:
    assert decoding.short(text) == shown
    with pytest.raises(ValueError) as caught:
        decoding.Const("batch").check(text, "object", lenient())
    assert str(caught.value) == f"object: must be the constant 'batch', got {shown}"


# Codecs are made in each test, not at collection: a mutation tool that forks after collecting would otherwise
# test codecs built by the unmutated code.
@pytest.mark.parametrize(
    ("make", "held", "not_held"),
    [
        (lambda: STRING, ["", "x"], [None, 1, b"x"]),
        (lambda: INTEGER, [0, -3], [True, 1.0, "1"]),
        (lambda: decoding.Const("batch"), ["batch"], ["file", None]),
        (lambda: decoding.Const(1), [1, 1.0], [True, "1"]),
        (lambda: decoding.EnumCodec(frozenset({"a", "b"})), ["a", "zz"], [1, None]),
        (lambda: decoding.EnumCodec(frozenset({1, 2})), [1, 9], ["1", True]),
        (lambda: decoding.UnionCodec((DATE, INTEGER)), [datetime.date(2024, 1, 5), 3], ["2024-01-05", None]),
        (lambda: Limited(STRING, Limits(max_length=1)), ["long text too"], [1]),
    ],
)
def test_what_a_codec_holds_decides_how_a_value_is_sent(
    make: Callable[[], Codec], held: list[object], not_held: list[object]
) -> None:
    codec = make()
    assert [codec.holds(value) for value in held] == [True] * len(held)
    assert [codec.holds(value) for value in not_held] == [False] * len(not_held)


def test_a_union_sends_each_value_through_the_codec_that_holds_it() -> None:
    union = decoding.UnionCodec((DATE, INTEGER))
    assert union.encode(datetime.date(2024, 1, 5)) == "2024-01-05"
    assert union.encode(3) == 3


def test_an_integer_enum_reads_integers_only() -> None:
    codec = decoding.EnumCodec(frozenset({1, 2}))
    assert codec.decode(2, "$.n", lenient()) == 2
    with pytest.raises(errors.ResponseValidationError, match=r"^\$\.n: expected integer, got string$"):
        codec.decode("2", "$.n", lenient())


def test_an_unknown_enum_value_names_the_values_known() -> None:
    run = lenient()
    assert decoding.EnumCodec(frozenset({"b", "a", "c"})).decode("zz", "$.e", run) == "zz"
    assert run.warnings == ["$.e: unknown value 'zz', expected one of a, b, c"]
    with pytest.raises(errors.ResponseValidationError, match=r"^\$\.e: unknown value 9, expected one of 1, 2$"):
        decoding.EnumCodec(frozenset({1, 2})).decode(9, "$.e", Run(strict=True))


def test_a_limited_codec_reads_as_its_codec_does() -> None:
    run = lenient()
    limited = Limited(decoding.EnumCodec(frozenset({"a"})), Limits(max_length=1))
    assert limited.decode("longer", "$.e", run) == "longer"
    assert run.warnings == ["$.e: unknown value 'longer', expected one of a"]


def test_a_union_to_send_keeps_the_strict_mode_for_each_branch() -> None:
    union = decoding.UnionCodec((decoding.EnumCodec(frozenset({"a"})), INTEGER))
    with pytest.raises(ValueError) as caught:
        union.check("zz", "kind", Run(strict=True))
    assert str(caught.value) == (
        "kind: fits none of the allowed types (kind: 'zz' is not a value the spec lists (a); strict mode refuses it; "
        "kind: expected integer, got str)"
    )
    run = lenient()
    union.check("zz", "kind", run)
    assert run.warnings == ["kind: 'zz' is not a value the spec lists (a); sent as it is"]


@pytest.mark.parametrize(
    ("limits", "value", "message"),
    [
        (dict(), math.inf, "n: must be a finite number, got inf"),
        (dict(exclusive_minimum=0), 0, "n: must be more than 0, got 0"),
        (dict(exclusive_maximum=10), 10, "n: must be less than 10, got 10"),
        (dict(multiple_of=0.5), 1.25, "n: must be a multiple of 0.5, got 1.25"),
        (dict(multiple_of=3), 10, "n: must be a multiple of 3, got 10"),
    ],
)
def test_number_limits_name_what_is_wrong(limits: dict[str, Any], value: float, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        Limits(**limits).check(value, "n")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("limits", "value"),
    [
        (dict(exclusive_minimum=0), 0.001),
        (dict(exclusive_maximum=10), 9.999),
        (dict(multiple_of=0.5), 1.5),
        (dict(multiple_of=0.1), 0.3),
        (dict(multiple_of=3), -9),
    ],
)
def test_numbers_within_their_limits_pass(limits: dict[str, Any], value: float) -> None:
    Limits(**limits).check(value, "n")


def test_key_limits_count_the_keys() -> None:
    Limits(min_properties=2).check({"a": 1, "b": 2}, "m")
    with pytest.raises(ValueError, match=r"^m: at least 2 keys, got 1$"):
        Limits(min_properties=2).check({"a": 1}, "m")


@pytest.mark.parametrize(
    ("make", "value", "message"),
    [
        # Only one branch takes strings (or numbers): its own error says most.
        (lambda: decoding.UnionCodec((decoding.Const("a"), INTEGER)), "b", "$.v: expected the constant 'a', got 'b'"),
        (lambda: decoding.UnionCodec((decoding.Const(1), STRING)), 2.5, "$.v: expected the constant 1, got 2.5"),
        (lambda: decoding.UnionCodec((decoding.Const(1.5), STRING)), 2, "$.v: expected the constant 1.5, got 2"),
        # Two branches take strings, one of them a union itself: each one's reason is given.
        (
            lambda: decoding.UnionCodec((decoding.UnionCodec((decoding.Const("a"), INTEGER)), decoding.Const("c"))),
            "b",
            "$.v: no allowed type fits "
            "($.v: expected the constant 'a', got 'b'; $.v: expected the constant 'c', got 'b')",
        ),
    ],
)
def test_a_value_no_branch_fits_gets_the_error_of_the_branches_that_take_its_type(
    make: Callable[[], Codec], value: object, message: str
) -> None:
    with pytest.raises(errors.ResponseValidationError) as caught:
        decoding.decode_value(make(), value, strict=False, path="$.v")
    assert caught.value.message == message


def test_an_object_goes_to_the_model_branch_before_any_later_branch() -> None:
    counts = {"total": 1, "completed": 1, "failed": 0}
    for union in (
        decoding.UnionCodec((decoding.Nested(BatchRequestCounts), decoding.ANY)),
        decoding.UnionCodec((decoding.Nested(BatchRequestCounts), decoding.Const("x"), decoding.ANY)),
    ):
        assert isinstance(decoding.decode_value(union, counts, strict=False), BatchRequestCounts)
        assert decoding.decode_value(union, [1], strict=False) == [1]


def test_a_strict_read_of_a_union_never_falls_back_to_a_lenient_fit() -> None:
    union = decoding.UnionCodec((decoding.Nested(BatchRequestCounts), decoding.NULL))
    counts = {"total": 1, "completed": 1, "failed": 0, "new": 1}
    assert decoding.decode_value(union, counts, strict=False).additional_properties == {"new": 1}
    with pytest.raises(errors.ResponseValidationError):
        decoding.decode_value(union, counts, strict=True)


def test_a_model_is_read_from_any_mapping() -> None:
    counts = BatchRequestCounts.from_dict(MappingProxyType({"total": 3, "completed": 2, "failed": 1}))
    assert (counts.total, counts.completed, counts.failed) == (3, 2, 1)


class Tagged:
    """An object of free keys whose values are one of an enum's."""

    def __init__(self, **values: Any) -> None:
        self.additional_properties: dict[str, Any] = {}

    @staticmethod
    def json_schema() -> decoding.ModelSchema:
        return decoding.ModelSchema((), decoding.EnumCodec(frozenset({"a"})))


def test_the_values_of_free_keys_are_read_in_the_mode_of_the_call() -> None:
    run = lenient()
    tagged = decoding.Nested(cast(Any, Tagged)).decode({"k": "zz"}, "$", run)
    assert tagged.additional_properties == {"k": "zz"}
    assert run.warnings == ["$.k: unknown value 'zz', expected one of a"]


def test_a_limited_codec_takes_the_part_of_its_codec_in_a_union() -> None:
    assert decoding.decode_value(Limited(STRING, Limits(max_length=1)), "longer", strict=False) == "longer"
    union = decoding.UnionCodec((Limited(decoding.Const("a"), Limits()), INTEGER))
    with pytest.raises(errors.ResponseValidationError) as caught:
        decoding.decode_value(union, "b", strict=False, path="$.v")
    assert caught.value.message == "$.v: expected the constant 'a', got 'b'"


class Titled:
    """An object with one named field, open to any other key (``additionalProperties: true``)."""

    def __init__(self, **values: Any) -> None:
        self.title = values["title"]
        self.additional_properties: dict[str, Any] = {}

    @staticmethod
    def json_schema() -> decoding.ModelSchema:
        return decoding.ModelSchema((decoding.Field("title", "title", STRING, True),), decoding.ANY)


def test_an_open_object_keeps_only_the_keys_it_does_not_name_as_extras() -> None:
    titled = decoding.Nested(cast(Any, Titled)).decode({"title": "t", "other": [1]}, "$", decoding.Run(True))
    assert titled.title == "t"
    assert titled.additional_properties == {"other": [1]}


@pytest.mark.parametrize(
    "options",
    [
        (decoding.EnumCodec(frozenset({"a"})), decoding.NULL),
        (decoding.EnumCodec(frozenset({"a"})), decoding.Const("b")),
    ],
    ids=["the only option for a string", "one of two options for a string"],
)
def test_an_unknown_enum_value_in_a_union_is_kept_with_a_warning(options: tuple[Codec, ...]) -> None:
    run = lenient()
    assert decoding.UnionCodec(options).decode("zz", "$.kind", run) == "zz"
    assert run.warnings == ["$.kind: unknown value 'zz', expected one of a"]


def test_a_union_takes_a_strict_fit_over_an_earlier_lenient_one() -> None:
    run = lenient()
    union = decoding.UnionCodec((decoding.EnumCodec(frozenset({"a"})), decoding.Const("zz")))
    assert union.decode("zz", "$.kind", run) == "zz"
    assert run.warnings == [], "the constant fits strictly, so the enum's lenient fit is never taken"


def test_a_strict_union_tried_option_by_option_never_falls_back_to_a_lenient_fit() -> None:
    union = decoding.UnionCodec((decoding.EnumCodec(frozenset({"a"})), decoding.Const("b")))
    with pytest.raises(errors.ResponseValidationError) as caught:
        union.decode("zz", "$.kind", Run(strict=True))
    assert caught.value.message.startswith("$.kind: no allowed type fits (")
