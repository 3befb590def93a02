# Generated from openapi.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    INTEGER,
    Const,
    Field,
    ModelSchema,
    decode_model,
    encode_model,
)
from .._runtime.request_checks import Limited, Limits


@_attrs_define
class OutputExpiration:
    """When the batch's output and error files expire, counted from their creation. Without it they expire
    after 30 days. Not in the provider's reference: this follows OpenAI's Batch API, which the provider
    is compatible with.

    Attributes:
        anchor (Literal['created_at']): What the expiry is counted from; always the file's creation time
        seconds (int): Seconds after the anchor, from 3600 (1 hour) to 2592000 (30 days)
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    anchor: Literal["created_at"]
    seconds: int
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
            fields=(
                Field("anchor", "anchor", Const("created_at"), required=True),
                Field("seconds", "seconds", Limited(INTEGER, Limits(minimum=3600.0, maximum=2592000.0)), required=True),
            ),
            extra=None,
        )
