"""Arguments no request can carry are refused before anything is sent, with a message that names the field."""

from __future__ import annotations

import io
from typing import Any, cast

import pytest

from anyapi_batches import errors
from anyapi_batches._runtime.decoding import (
    BOOLEAN,
    INTEGER,
    STRING,
    Array,
    EnumCodec,
    Field,
    ModelSchema,
    Nested,
    Run,
    encode_model,
)
from anyapi_batches._runtime.multipart import FILE, as_file, encode_multipart
from anyapi_batches._runtime.request_checks import Limits, check_body
from anyapi_batches._runtime.resources import body_field
from anyapi_batches.models import OutputExpiration
from anyapi_batches.types import UNSET, File
from devtools.fault_server import FaultServer
from tests.support.flavours import ApiFactory

pytestmark = pytest.mark.anyio

REQUIRED = {"input_file_id": "file-abc123", "endpoint": "/v1/embeddings", "completion_window": "24h"}


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"input_file_id": UNSET}, ValueError, "input_file_id: required field is missing"),
        ({"endpoint": 5}, TypeError, "endpoint: expected string, got int"),
        ({"output_expires_after": 5}, TypeError, "output_expires_after: expected OutputExpiration, got int"),
        (
            {"output_expires_after": {"anchor": "created_at", "seconds": 3600, "x": 1}},
            ValueError,
            "output_expires_after.x: field is not in the spec",
        ),
        (
            {"metadata": {1: "x"}},
            ValueError,
            "metadata: fits none of the allowed types (metadata key: expected str, got int; "
            "metadata: expected null, got Metadata)",
        ),
        (
            {"metadata": {f"k{index}": "v" for index in range(17)}},
            ValueError,
            "metadata: fits none of the allowed types (metadata: at most 16 keys, got 17; "
            "metadata: expected null, got Metadata)",
        ),
    ],
)
async def test_a_create_that_does_not_fit_the_spec_is_refused(
    make_api: ApiFactory, fault_server: FaultServer, changes: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        await make_api().batches.create(**{**REQUIRED, **changes})
    assert str(caught.value) == message
    assert fault_server.received == []


async def test_an_endpoint_the_spec_does_not_list_is_sent_with_a_warning_or_refused_in_strict_mode(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    known = "(/v1/chat/completions, /v1/completions, /v1/embeddings)"
    with pytest.raises(ValueError) as caught:
        await make_api(strict=True).batches.create(**{**REQUIRED, "endpoint": "/v1/images"})
    assert str(caught.value) == f"endpoint: '/v1/images' is not a value the spec lists {known}; strict mode refuses it"
    assert fault_server.received == []
    with pytest.warns(errors.UnknownEnumValueWarning) as warned, pytest.raises(errors.APIStatusError):
        await make_api(max_retries=0).batches.create(**{**REQUIRED, "endpoint": "/v1/images"})
    assert [str(warning.message) for warning in warned] == [
        f"endpoint: '/v1/images' is not a value the spec lists {known}; sent as it is"
    ]
    assert len(fault_server.received) == 1


@pytest.mark.parametrize(("given", "named"), [(42, "int"), ("requests.jsonl", "str"), (None, "NoneType")])
async def test_an_upload_of_something_that_is_no_file_is_refused(
    make_api: ApiFactory, fault_server: FaultServer, given: Any, named: str
) -> None:
    with pytest.raises(TypeError) as caught:
        await make_api().files.create(file=given, purpose="batch")
    assert str(caught.value) == f"expected a File, an open binary file or bytes, got {named}"
    assert fault_server.received == []


def test_a_file_field_holds_only_a_file() -> None:
    with pytest.raises(TypeError) as caught:
        FILE.check(b"data", "file", Run(strict=False))
    assert str(caught.value) == "file: expected a file, got bytes"
    FILE.check(as_file(b"data"), "file", Run(strict=False))


def form_fields() -> tuple[Field, ...]:
    # Made on each use, not at import: a mutation tool that forks after importing would otherwise test
    # schemas built by the unmutated code.
    return (
        Field("note", "note", STRING, False),
        Field("count", "count", INTEGER, False),
        Field("label", "label", STRING, False),
        Field("flags", "flags", Array(BOOLEAN), False),
        Field("upload", "file", FILE, True),
    )


class Form:
    """A multipart body with one field of each kind the runtime sends: left out, text, number, array, file."""

    def __init__(self, **values: Any) -> None:
        self.additional_properties: dict[Any, Any] = {}
        self.__dict__.update(dict.fromkeys((field.attribute for field in form_fields()), UNSET), **values)

    @classmethod
    def json_schema(cls) -> ModelSchema:
        return ModelSchema(form_fields(), None)

    def to_dict(self) -> dict[str, Any]:
        return encode_model(self)  # type: ignore[arg-type]


class OpenForm(Form):
    """Takes keys of its own, each one of an enum's values, and at most two fields in all."""

    @classmethod
    def json_schema(cls) -> ModelSchema:
        return ModelSchema(form_fields(), EnumCodec(frozenset({"a"})), Limits(max_properties=2))


class Kind:
    """A request object with an enum field, as a body field may hold one."""

    def __init__(self, **values: Any) -> None:
        self.additional_properties: dict[Any, Any] = {}
        self.kind = values.get("kind", UNSET)

    @staticmethod
    def json_schema() -> ModelSchema:
        return ModelSchema((Field("kind", "kind", EnumCodec(frozenset({"a"})), True),), None)


class Holder(Form):
    @classmethod
    def json_schema(cls) -> ModelSchema:
        return ModelSchema((Field("inner", "inner", Nested(cast(Any, Kind)), False),), None)


def test_a_mapping_for_a_body_field_is_read_leniently_so_the_check_decides() -> None:
    # Read strictly, a value the spec does not list would be refused here, even from a lenient client.
    inner = body_field(cast(Any, Holder), "inner", {"kind": "zz"})
    assert isinstance(inner, Kind)
    assert inner.kind == "zz"


UPLOAD = File(payload=io.BytesIO(b"{}\n"), file_name="r.jsonl")


def test_each_form_field_is_sent_as_its_json_text_and_files_as_they_are() -> None:
    parts = encode_multipart(Form(note=UNSET, count=3, label="é", flags=[True, False], upload=UPLOAD))  # type: ignore[arg-type]
    assert parts == [
        ("count", (None, b"3", "text/plain")),
        ("label", (None, "é".encode(), "text/plain")),
        ("flags", (None, b"[true, false]", "text/plain")),
        ("file", UPLOAD.to_tuple()),
    ]


@pytest.mark.parametrize(
    ("form", "error", "message"),
    [
        (Form(upload=UNSET), ValueError, "file: required field is missing"),
        (Form(upload=UPLOAD, count="3"), TypeError, "count: expected integer, got str"),
        (Form(upload=UPLOAD, additional_properties={1: "x"}), TypeError, "body key: expected str, got int"),
        (Form(upload=UPLOAD, additional_properties={"k": "v"}), ValueError, "k: field is not in the spec"),
        (
            OpenForm(upload=UPLOAD, additional_properties={"k": "zz"}),
            ValueError,
            "k: 'zz' is not a value the spec lists (a); strict mode refuses it",
        ),
        (OpenForm(upload=UPLOAD, count=1, label="x"), ValueError, "body: at most 2 keys, got 3"),
    ],
)
def test_a_body_is_checked_field_by_field_before_sending(form: Form, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        check_body(form, strict=True)  # type: ignore[type-var]
    assert str(caught.value) == message


async def test_a_nested_model_missing_a_field_is_named_by_its_path(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    expiry = OutputExpiration(anchor="created_at", seconds=cast(Any, UNSET))
    with pytest.raises(ValueError) as caught:
        await make_api().batches.create(**REQUIRED, output_expires_after=expiry)
    assert str(caught.value) == "output_expires_after.seconds: required field is missing"
    assert fault_server.received == []
