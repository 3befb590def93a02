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
class BatchError:
    """One error found in the batch's input file.

    Attributes:
        code (str): An error code identifying the error type
        message (str): A human-readable message providing more details about the error
        param (None | str | Unset): The name of the parameter that caused the error, if applicable
        line (int | None | Unset): The line number of the input file where the error occurred, if applicable
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    code: str
    message: str
    param: None | str | Unset = UNSET
    line: int | None | Unset = UNSET
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
                Field("code", "code", STRING, required=True),
                Field("message", "message", STRING, required=True),
                Field("param", "param", UnionCodec((STRING, NULL)), required=False),
                Field("line", "line", UnionCodec((INTEGER, NULL)), required=False),
            ),
            extra=None,
        )
