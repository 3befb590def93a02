# Generated from openapi.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    INTEGER,
    Field,
    ModelSchema,
    decode_model,
    encode_model,
)


@_attrs_define
class OutputTokensDetails:
    """A breakdown of the output tokens.

    Attributes:
        reasoning_tokens (int): The number of reasoning tokens
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    reasoning_tokens: int
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

        return ModelSchema(
            fields=(Field("reasoning_tokens", "reasoning_tokens", INTEGER, required=True),),
            extra=None,
        )
