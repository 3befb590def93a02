# Generated from openapi.yaml by templates/model.py.jinja: never edit; regenerate with `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, Self

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
    Nested,
    UnionCodec,
    decode_model,
    encode_model,
)
from ..models.batch_status import BatchStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_errors import BatchErrors
    from ..models.batch_request_counts import BatchRequestCounts
    from ..models.batch_usage import BatchUsage
    from ..models.metadata import Metadata


@_attrs_define
class Batch:
    """A batch of requests processed asynchronously.

    Attributes:
        id (str): The batch identifier
        object_ (Literal['batch']): The object type, which is always 'batch'
        endpoint (str): The endpoint used for the batch
        input_file_id (str): The ID of the input file for the batch
        completion_window (str): The time frame within which the batch should be processed
        status (BatchStatus): The current status of the batch
        created_at (int): The Unix timestamp (in seconds) for when the batch was created
        output_file_id (None | str | Unset): The ID of the file containing the outputs of successfully executed requests
        error_file_id (None | str | Unset): The ID of the file containing the outputs of requests with errors
        in_progress_at (int | None | Unset): The Unix timestamp (in seconds) for when the batch started processing
        expires_at (int | None | Unset): The Unix timestamp (in seconds) for when the batch will expire
        finalizing_at (int | None | Unset): The Unix timestamp (in seconds) for when the batch started finalizing
        completed_at (int | None | Unset): The Unix timestamp (in seconds) for when the batch was completed
        failed_at (int | None | Unset): The Unix timestamp (in seconds) for when the batch failed
        expired_at (int | None | Unset): The Unix timestamp (in seconds) for when the batch expired
        cancelling_at (int | None | Unset): The Unix timestamp (in seconds) for when the batch started cancelling
        cancelled_at (int | None | Unset): The Unix timestamp (in seconds) for when the batch was cancelled
        request_counts (BatchRequestCounts | Unset): The request counts for different statuses within the batch.
        metadata (Metadata | None | Unset): Set of key-value pairs attached to the object. At most 16 pairs; keys are strings of at
            most 64 characters and values strings of at most 512 characters.
        errors (BatchErrors | None | Unset): Errors found while validating the input file. Sent by OpenAI-compatible upstreams; filled
            on failed batches and often null otherwise.
        model (None | str | Unset): The model used by the batch's requests. Sent by OpenAI-compatible upstreams.
        usage (BatchUsage | None | Unset): Token usage of the whole batch. Sent by OpenAI-compatible upstreams.
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    id: str
    object_: Literal["batch"]
    endpoint: str
    input_file_id: str
    completion_window: str
    status: BatchStatus
    created_at: int
    output_file_id: None | str | Unset = UNSET
    error_file_id: None | str | Unset = UNSET
    in_progress_at: int | None | Unset = UNSET
    expires_at: int | None | Unset = UNSET
    finalizing_at: int | None | Unset = UNSET
    completed_at: int | None | Unset = UNSET
    failed_at: int | None | Unset = UNSET
    expired_at: int | None | Unset = UNSET
    cancelling_at: int | None | Unset = UNSET
    cancelled_at: int | None | Unset = UNSET
    request_counts: BatchRequestCounts | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    errors: BatchErrors | None | Unset = UNSET
    model: None | str | Unset = UNSET
    usage: BatchUsage | None | Unset = UNSET
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
        from ..models.batch_errors import BatchErrors
        from ..models.batch_request_counts import BatchRequestCounts
        from ..models.batch_usage import BatchUsage
        from ..models.metadata import Metadata

        return ModelSchema(
            fields=(
                Field("id", "id", STRING, required=True),
                Field("object_", "object", Const("batch"), required=True),
                Field("endpoint", "endpoint", STRING, required=True),
                Field("input_file_id", "input_file_id", STRING, required=True),
                Field("completion_window", "completion_window", STRING, required=True),
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
                Field("created_at", "created_at", INTEGER, required=True),
                Field("output_file_id", "output_file_id", UnionCodec((STRING, NULL)), required=False),
                Field("error_file_id", "error_file_id", UnionCodec((STRING, NULL)), required=False),
                Field("in_progress_at", "in_progress_at", UnionCodec((INTEGER, NULL)), required=False),
                Field("expires_at", "expires_at", UnionCodec((INTEGER, NULL)), required=False),
                Field("finalizing_at", "finalizing_at", UnionCodec((INTEGER, NULL)), required=False),
                Field("completed_at", "completed_at", UnionCodec((INTEGER, NULL)), required=False),
                Field("failed_at", "failed_at", UnionCodec((INTEGER, NULL)), required=False),
                Field("expired_at", "expired_at", UnionCodec((INTEGER, NULL)), required=False),
                Field("cancelling_at", "cancelling_at", UnionCodec((INTEGER, NULL)), required=False),
                Field("cancelled_at", "cancelled_at", UnionCodec((INTEGER, NULL)), required=False),
                Field("request_counts", "request_counts", Nested(BatchRequestCounts), required=False),
                Field("metadata", "metadata", UnionCodec((Nested(Metadata), NULL)), required=False),
                Field("errors", "errors", UnionCodec((Nested(BatchErrors), NULL)), required=False),
                Field("model", "model", UnionCodec((STRING, NULL)), required=False),
                Field("usage", "usage", UnionCodec((Nested(BatchUsage), NULL)), required=False),
            ),
            extra=None,
        )
