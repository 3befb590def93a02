# Generated from tests/generation/constructs.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, Self
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    ANY,
    BOOLEAN,
    DATE,
    DATE_TIME,
    INTEGER,
    NULL,
    NUMBER,
    STRING,
    UUID_STRING,
    Array,
    Const,
    EnumCodec,
    Field,
    ModelSchema,
    Nested,
    UnionCodec,
    decode_model,
    encode_model,
)
from .._runtime.request_checks import Limited, Limits
from ..models.colour import Colour
from ..models.everything_level import EverythingLevel
from ..models.everything_mood_type_1 import EverythingMoodType1
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cat import Cat
    from ..models.circle import Circle
    from ..models.dog import Dog
    from ..models.everything_inline import EverythingInline
    from ..models.everything_leaf_map import EverythingLeafMap
    from ..models.everything_scores import EverythingScores
    from ..models.leaf import Leaf
    from ..models.square import Square


@_attrs_define
class Everything:
    """One field per construct.

    Attributes:
        name (str): A string with limits
        when (datetime.datetime): A date-time
        kind (Literal['everything']): A string const
        day (datetime.date | Unset): A date
        ident (UUID | Unset): A UUID
        email (str | Unset): A format the client treats as a plain string
        colour (Colour | Unset): A colour
        level (EverythingLevel | Unset): An integer enum
        mood (EverythingMoodType1 | None | Unset): A nullable string enum
        version (Literal[2] | Unset): An integer const
        ratio (float | Unset): A number with limits
        flag (bool | Unset): A boolean
        count (int | Unset): An integer with a default
        nickname (None | str | Unset): Nullable through a type list
        parent (Leaf | None | Unset): Nullable through anyOf
        sibling (Leaf | None | Unset): Nullable through oneOf
        code (int | None | str | Unset): A union of scalars
        tags (list[str] | Unset): An array of scalars, with limits on it and its items
        leaves (list[Leaf] | Unset): An array of models
        shapes (list[Circle | Square] | Unset): An array of unions
        scores (EverythingScores | Unset): A map of scalars
        leaf_map (EverythingLeafMap | Unset): A map of models
        anything (Any | Unset): Any value at all
        inline (EverythingInline | Unset): An inline nested object
        pet (Cat | Dog | Unset): A cat or a dog, told apart by their fields.
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    name: str
    when: datetime.datetime
    kind: Literal["everything"]
    day: datetime.date | Unset = UNSET
    ident: UUID | Unset = UNSET
    email: str | Unset = UNSET
    colour: Colour | Unset = UNSET
    level: EverythingLevel | Unset = UNSET
    mood: EverythingMoodType1 | None | Unset = UNSET
    version: Literal[2] | Unset = UNSET
    ratio: float | Unset = UNSET
    flag: bool | Unset = UNSET
    count: int | Unset = UNSET
    nickname: None | str | Unset = UNSET
    parent: Leaf | None | Unset = UNSET
    sibling: Leaf | None | Unset = UNSET
    code: int | None | str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    leaves: list[Leaf] | Unset = UNSET
    shapes: list[Circle | Square] | Unset = UNSET
    scores: EverythingScores | Unset = UNSET
    leaf_map: EverythingLeafMap | Unset = UNSET
    anything: Any | Unset = UNSET
    inline: EverythingInline | Unset = UNSET
    pet: Cat | Dog | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any], *, strict: bool = False) -> Self:
        """Check a decoded JSON object against the spec and build the model from it.

        Raises ResponseValidationError naming the JSON path of the first value that does not fit.
        """
        return decode_model(cls, src, strict=strict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object this model stands for, unknown keys included."""
        return encode_model(self)

    @staticmethod
    @cache
    def json_schema() -> ModelSchema:
        """The JSON shape of this model, as openapi.yaml gives it."""
        from ..models.cat import Cat
        from ..models.circle import Circle
        from ..models.dog import Dog
        from ..models.everything_inline import EverythingInline
        from ..models.everything_leaf_map import EverythingLeafMap
        from ..models.everything_scores import EverythingScores
        from ..models.leaf import Leaf
        from ..models.square import Square

        return ModelSchema(
            fields=(
                Field("name", "name", Limited(STRING, Limits(max_length=20, min_length=1)), required=True),
                Field("when", "when", DATE_TIME, required=True),
                Field("kind", "kind", Const("everything"), required=True),
                Field("day", "day", DATE, required=False),
                Field("ident", "ident", UUID_STRING, required=False),
                Field("email", "email", STRING, required=False),
                Field("colour", "colour", EnumCodec(frozenset({"blue", "green", "red"})), required=False),
                Field("level", "level", EnumCodec(frozenset({1, 2, 3})), required=False),
                Field("mood", "mood", UnionCodec((NULL, EnumCodec(frozenset({"happy", "sad"})))), required=False),
                Field("version", "version", Const(2), required=False),
                Field("ratio", "ratio", Limited(NUMBER, Limits(minimum=0.0, maximum=1.0)), required=False),
                Field("flag", "flag", BOOLEAN, required=False),
                Field("count", "count", INTEGER, required=False),
                Field("nickname", "nickname", UnionCodec((STRING, NULL)), required=False),
                Field("parent", "parent", UnionCodec((Nested(Leaf), NULL)), required=False),
                Field("sibling", "sibling", UnionCodec((Nested(Leaf), NULL)), required=False),
                Field("code", "code", UnionCodec((INTEGER, STRING, NULL)), required=False),
                Field(
                    "tags",
                    "tags",
                    Limited(Array(Limited(STRING, Limits(max_length=8))), Limits(max_items=4)),
                    required=False,
                ),
                Field("leaves", "leaves", Array(Nested(Leaf)), required=False),
                Field("shapes", "shapes", Array(UnionCodec((Nested(Circle), Nested(Square)))), required=False),
                Field("scores", "scores", Nested(EverythingScores), required=False),
                Field("leaf_map", "leaf_map", Nested(EverythingLeafMap), required=False),
                Field("anything", "anything", ANY, required=False),
                Field("inline", "inline", Nested(EverythingInline), required=False),
                Field("pet", "pet", UnionCodec((Nested(Cat), Nested(Dog))), required=False),
            ),
            extra=None,
        )
