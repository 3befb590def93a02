# Generated from openapi.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    NULL,
    STRING,
    Field,
    ModelSchema,
    UnionCodec,
    decode_model,
    encode_model,
)
from ..types import UNSET, Unset


@_attrs_define
class BatchRequestError:
    """Why one request of a batch has no answer.

    Attributes:
        message (str): A human-readable description of the error
        code (None | str | Unset): An error code, such as batch_expired or batch_cancelled
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    message: str
    code: None | str | Unset = UNSET
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
                Field("message", "message", STRING, required=True),
                Field("code", "code", UnionCodec((STRING, NULL)), required=False),
            ),
            extra=None,
        )
