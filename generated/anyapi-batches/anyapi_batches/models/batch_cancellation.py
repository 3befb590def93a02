# Generated from openapi.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    STRING,
    Const,
    EnumCodec,
    Field,
    ModelSchema,
    decode_model,
    encode_model,
)
from ..models.batch_status import BatchStatus


@_attrs_define
class BatchCancellation:
    """The short answer to a cancel request.

    Attributes:
        id (str): The batch identifier
        object_ (Literal['batch']): The object type, which is always 'batch'
        status (BatchStatus): The current status of the batch
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    id: str
    object_: Literal["batch"]
    status: BatchStatus
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
                Field("object_", "object", Const("batch"), required=True),
                Field(
                    "status",
                    "status",
                    EnumCodec(
                        frozenset(
                            {
                                "cancelled",
                                "cancelling",
                                "completed",
                                "expired",
                                "failed",
                                "finalizing",
                                "in_progress",
                                "validating",
                            }
                        )
                    ),
                    required=True,
                ),
            ),
            extra=None,
        )
