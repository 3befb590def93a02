# Generated from tests/generation/constructs.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from functools import cache
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    DATE,
    EnumCodec,
    Field,
    ModelSchema,
    decode_model,
    encode_model,
)
from .._runtime.multipart import FILE, encode_multipart
from ..models.colour import Colour
from ..types import UNSET, File, FileTypes, Unset


@_attrs_define
class CreateUploadBody:
    """CreateUploadBody

    Attributes:
        file (File): The file
        taken_on (datetime.date | Unset): The day it was made
        colour (Colour | Unset): A colour
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    file: File
    taken_on: datetime.date | Unset = UNSET
    colour: Colour | Unset = UNSET
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

    def to_multipart(self) -> list[tuple[str, FileTypes]]:
        """The multipart/form-data parts of this request body."""
        return encode_multipart(self)

    @staticmethod
    @cache
    def json_schema() -> ModelSchema:
        """The JSON shape of this model, as openapi.yaml gives it."""

        return ModelSchema(
            fields=(
                Field("file", "file", FILE, required=True),
                Field("taken_on", "taken_on", DATE, required=False),
                Field("colour", "colour", EnumCodec(frozenset({"blue", "green", "red"})), required=False),
            ),
            extra=None,
        )
