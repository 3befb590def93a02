# Generated from openapi.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    BOOLEAN,
    NULL,
    STRING,
    Array,
    Const,
    Field,
    ModelSchema,
    Nested,
    UnionCodec,
    decode_model,
    encode_model,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch import Batch


@_attrs_define
class BatchList:
    """One page of batches.

    Attributes:
        object_ (Literal['list']): The object type, which is always 'list'
        data (list[Batch]): The batches on this page
        has_more (bool): Whether there are batches after this page
        first_id (None | str | Unset): The ID of the first batch on this page
        last_id (None | str | Unset): The ID of the last batch on this page; pass it as `after` for the next page
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    object_: Literal["list"]
    data: list[Batch]
    has_more: bool
    first_id: None | str | Unset = UNSET
    last_id: None | str | Unset = UNSET
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
        from ..models.batch import Batch

        return ModelSchema(
            fields=(
                Field("object_", "object", Const("list"), required=True),
                Field("data", "data", Array(Nested(Batch)), required=True),
                Field("has_more", "has_more", BOOLEAN, required=True),
                Field("first_id", "first_id", UnionCodec((STRING, NULL)), required=False),
                Field("last_id", "last_id", UnionCodec((STRING, NULL)), required=False),
            ),
            extra=None,
        )
