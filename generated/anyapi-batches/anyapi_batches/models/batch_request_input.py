# Generated from openapi.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    STRING,
    Const,
    EnumCodec,
    Field,
    ModelSchema,
    Nested,
    decode_model,
    encode_model,
)
from .._runtime.request_checks import Limited, Limits
from ..models.batch_endpoint import BatchEndpoint

if TYPE_CHECKING:
    from ..models.batch_request_input_body import BatchRequestInputBody


@_attrs_define
class BatchRequestInput:
    """One line of a batch's input file: a request and the ID it is answered under. Not in the provider's
    reference: this follows OpenAI's Batch API, which the provider is compatible with.

    Attributes:
        custom_id (str): The caller's ID of the request, unique within the file; its result carries it back
        method (Literal['POST']): The HTTP method of the request, which is always POST
        url (BatchEndpoint): The endpoint every request in the batch is sent to
        body (BatchRequestInputBody): The request body, as the endpoint takes it
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    custom_id: str
    method: Literal["POST"]
    url: BatchEndpoint
    body: BatchRequestInputBody
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
        from ..models.batch_request_input_body import BatchRequestInputBody

        return ModelSchema(
            fields=(
                Field("custom_id", "custom_id", Limited(STRING, Limits(min_length=1)), required=True),
                Field("method", "method", Const("POST"), required=True),
                Field(
                    "url",
                    "url",
                    EnumCodec(frozenset({"/v1/chat/completions", "/v1/completions", "/v1/embeddings"})),
                    required=True,
                ),
                Field("body", "body", Nested(BatchRequestInputBody), required=True),
            ),
            extra=None,
        )
