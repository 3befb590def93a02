# Generated from openapi.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

# Every codec is imported; the generator's ruff pass keeps only those this model uses.
from .._runtime.decoding import (
    NULL,
    STRING,
    EnumCodec,
    Field,
    ModelSchema,
    Nested,
    UnionCodec,
    decode_model,
    encode_model,
)
from .._runtime.request_checks import Limited, Limits
from ..models.batch_endpoint import BatchEndpoint
from ..models.create_batch_request_completion_window import (
    CreateBatchRequestCompletionWindow,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata
    from ..models.output_expiration import OutputExpiration


@_attrs_define
class CreateBatchRequest:
    """What a new batch runs.

    Attributes:
        input_file_id (str): The ID of an uploaded file (purpose `batch`) holding the requests, one JSON object per
            line.
        endpoint (BatchEndpoint): The endpoint every request in the batch is sent to
        completion_window (CreateBatchRequestCompletionWindow): The time frame within which the batch should be processed
        metadata (Metadata | None | Unset): Set of key-value pairs attached to the object. At most 16 pairs; keys are strings of at
            most 64 characters and values strings of at most 512 characters.
        output_expires_after (OutputExpiration | Unset): When the batch's output and error files expire, counted from their creation. Without it
            they expire after 30 days. Not in the provider's reference: this follows OpenAI's Batch
            API, which the provider is compatible with.
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    input_file_id: str
    endpoint: BatchEndpoint
    completion_window: CreateBatchRequestCompletionWindow
    metadata: Metadata | None | Unset = UNSET
    output_expires_after: OutputExpiration | Unset = UNSET
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
        from ..models.metadata import Metadata
        from ..models.output_expiration import OutputExpiration

        return ModelSchema(
            fields=(
                Field("input_file_id", "input_file_id", Limited(STRING, Limits(min_length=1)), required=True),
                Field(
                    "endpoint",
                    "endpoint",
                    EnumCodec(frozenset({"/v1/chat/completions", "/v1/completions", "/v1/embeddings"})),
                    required=True,
                ),
                Field("completion_window", "completion_window", EnumCodec(frozenset({"24h"})), required=True),
                Field("metadata", "metadata", UnionCodec((Nested(Metadata), NULL)), required=False),
                Field("output_expires_after", "output_expires_after", Nested(OutputExpiration), required=False),
            ),
            extra=None,
        )
