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
    from ..models.batch_request_response_body import BatchRequestResponseBody


@_attrs_define
class BatchRequestResponse:
    """The answer the endpoint gave to one request of a batch.

    Attributes:
        status_code (int): The HTTP status code of the answer
        body (BatchRequestResponseBody): The answer's JSON body, as the endpoint sent it
        request_id (None | str | Unset): The ID of the request that produced the answer
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    status_code: int
    body: BatchRequestResponseBody
    request_id: None | str | Unset = UNSET
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
        from ..models.batch_request_response_body import BatchRequestResponseBody

        return ModelSchema(
            fields=(
                Field("status_code", "status_code", INTEGER, required=True),
                Field("body", "body", Nested(BatchRequestResponseBody), required=True),
                Field("request_id", "request_id", UnionCodec((STRING, NULL)), required=False),
            ),
            extra=None,
        )
