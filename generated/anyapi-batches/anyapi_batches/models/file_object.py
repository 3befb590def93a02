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
    NULL,
    STRING,
    Const,
    EnumCodec,
    Field,
    ModelSchema,
    UnionCodec,
    decode_model,
    encode_model,
)
from ..models.file_object_status import FileObjectStatus
from ..models.stored_file_purpose import StoredFilePurpose
from ..types import UNSET, Unset


@_attrs_define
class FileObject:
    """An uploaded file.

    Attributes:
        id (str): The file identifier
        object_ (Literal['file']): The object type, which is always 'file'
        bytes_ (int): The size of the file, in bytes
        created_at (int): The Unix timestamp (in seconds) for when the file was created
        filename (str): The name of the file
        purpose (StoredFilePurpose): What a stored file is for: the purposes of uploads, plus those of the files the service
            writes, such as `batch_output` for the output and error files of a batch (as OpenAI's
            Files API names them).
        status (FileObjectStatus): The processing status of the file
        expires_at (int | None | Unset): The Unix timestamp (in seconds) for when the file expires, or null if it does not. Sent by
            OpenAI-compatible upstreams.
        status_details (None | str | Unset): Why the file could not be processed, when status is error
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    id: str
    object_: Literal["file"]
    bytes_: int
    created_at: int
    filename: str
    purpose: StoredFilePurpose
    status: FileObjectStatus
    expires_at: int | None | Unset = UNSET
    status_details: None | str | Unset = UNSET
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
                Field("id", "id", STRING, required=True),
                Field("object_", "object", Const("file"), required=True),
                Field("bytes_", "bytes", INTEGER, required=True),
                Field("created_at", "created_at", INTEGER, required=True),
                Field("filename", "filename", STRING, required=True),
                Field(
                    "purpose",
                    "purpose",
                    EnumCodec(
                        frozenset(
                            {
                                "assistants",
                                "assistants_output",
                                "batch",
                                "batch_output",
                                "fine-tune",
                                "fine-tune-results",
                                "user_data",
                                "vision",
                            }
                        )
                    ),
                    required=True,
                ),
                Field("status", "status", EnumCodec(frozenset({"error", "processed", "uploaded"})), required=True),
                Field("expires_at", "expires_at", UnionCodec((INTEGER, NULL)), required=False),
                Field("status_details", "status_details", UnionCodec((STRING, NULL)), required=False),
            ),
            extra=None,
        )
