# Generated from openapi.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    INTEGER,
    Field,
    ModelSchema,
    Nested,
    decode_model,
    encode_model,
)

if TYPE_CHECKING:
    from ..models.input_tokens_details import InputTokensDetails
    from ..models.output_tokens_details import OutputTokensDetails


@_attrs_define
class BatchUsage:
    """Token usage details for the whole batch.

    Attributes:
        input_tokens (int): The number of input tokens
        input_tokens_details (InputTokensDetails): A breakdown of the input tokens.
        output_tokens (int): The number of output tokens
        output_tokens_details (OutputTokensDetails): A breakdown of the output tokens.
        total_tokens (int): The total number of tokens used
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    input_tokens: int
    input_tokens_details: InputTokensDetails
    output_tokens: int
    output_tokens_details: OutputTokensDetails
    total_tokens: int
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
        from ..models.input_tokens_details import InputTokensDetails
        from ..models.output_tokens_details import OutputTokensDetails

        return ModelSchema(
            fields=(
                Field("input_tokens", "input_tokens", INTEGER, required=True),
                Field("input_tokens_details", "input_tokens_details", Nested(InputTokensDetails), required=True),
                Field("output_tokens", "output_tokens", INTEGER, required=True),
                Field("output_tokens_details", "output_tokens_details", Nested(OutputTokensDetails), required=True),
                Field("total_tokens", "total_tokens", INTEGER, required=True),
            ),
            extra=None,
        )
