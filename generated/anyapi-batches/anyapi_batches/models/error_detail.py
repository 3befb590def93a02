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
    NULL,
    STRING,
    Field,
    ModelSchema,
    Nested,
    UnionCodec,
    decode_model,
    encode_model,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_detail_metadata import ErrorDetailMetadata


@_attrs_define
class ErrorDetail:
    """What went wrong. AnyAPI sends the HTTP status as an integer `code`; OpenAI-compatible upstreams send
    a string `code` (or null) and `param`.

    Attributes:
        message (str): A human-readable description of the error
        code (int | None | str | Unset): The HTTP status (AnyAPI) or an error code string (upstreams)
        type_ (None | str | Unset): The error category, such as bad_request or authentication_error
        param (None | str | Unset): The request parameter the error is about, if any
        metadata (ErrorDetailMetadata | Unset): Extra details about the error
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    message: str
    code: int | None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    param: None | str | Unset = UNSET
    metadata: ErrorDetailMetadata | Unset = UNSET
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
        from ..models.error_detail_metadata import ErrorDetailMetadata

        return ModelSchema(
            fields=(
                Field("message", "message", STRING, required=True),
                Field("code", "code", UnionCodec((INTEGER, STRING, NULL)), required=False),
                Field("type_", "type", UnionCodec((STRING, NULL)), required=False),
                Field("param", "param", UnionCodec((STRING, NULL)), required=False),
                Field("metadata", "metadata", Nested(ErrorDetailMetadata), required=False),
            ),
            extra=None,
        )
