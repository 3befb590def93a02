# Generated from openapi.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    EnumCodec,
    Field,
    ModelSchema,
    decode_model,
    encode_model,
)
from .._runtime.multipart import FILE, encode_multipart
from ..models.file_purpose import FilePurpose
from ..types import File, FileTypes


@_attrs_define
class CreateFileRequest:
    """A file to upload, and what it is for.

    Attributes:
        file (File): The file to upload; for a batch, JSONL with one request per line
        purpose (FilePurpose): What an uploaded file is for
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    file: File
    purpose: FilePurpose
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
                Field(
                    "purpose",
                    "purpose",
                    EnumCodec(frozenset({"assistants", "batch", "fine-tune", "vision"})),
                    required=True,
                ),
            ),
            extra=None,
        )
