# Generated from openapi.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    Field,
    ModelSchema,
    Nested,
    decode_model,
    encode_model,
)

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail


@_attrs_define
class ErrorResponse:
    """The body of every error response.

    Attributes:
        error (ErrorDetail): What went wrong. AnyAPI sends the HTTP status as an integer `code`; OpenAI-compatible
            upstreams send a string `code` (or null) and `param`.
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    error: ErrorDetail
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
        from ..models.error_detail import ErrorDetail

        return ModelSchema(
            fields=(Field("error", "error", Nested(ErrorDetail), required=True),),
            extra=None,
        )
