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
    Field,
    ModelSchema,
    Nested,
    UnionCodec,
    decode_model,
    encode_model,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_request_error import BatchRequestError
    from ..models.batch_request_response import BatchRequestResponse


@_attrs_define
class BatchRequestOutput:
    """One line of a batch's output or error file: the result of one request. Successful requests are in
    the output file; requests answered with an error status, and those never run (the batch expired or
    was cancelled first), are in the error file. Not in the provider's reference: this follows OpenAI's
    Batch API, which the provider is compatible with.

    Attributes:
        id (str): The ID of this result, such as batch_req_abc123
        custom_id (str): The `custom_id` of the input line this result answers
        response (BatchRequestResponse | None | Unset): The endpoint's answer, or null when the request never got one
        error (BatchRequestError | None | Unset): Why the request has no answer, or null when it has one
        additional_properties (dict[str, Any]): Fields the spec does not name; kept in lenient mode so that to_dict() returns the body unchanged.
    """

    id: str
    custom_id: str
    response: BatchRequestResponse | None | Unset = UNSET
    error: BatchRequestError | None | Unset = UNSET
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
        from ..models.batch_request_error import BatchRequestError
        from ..models.batch_request_response import BatchRequestResponse

        return ModelSchema(
            fields=(
                Field("id", "id", STRING, required=True),
                Field("custom_id", "custom_id", STRING, required=True),
                Field("response", "response", UnionCodec((Nested(BatchRequestResponse), NULL)), required=False),
                Field("error", "error", UnionCodec((Nested(BatchRequestError), NULL)), required=False),
            ),
            extra=None,
        )
