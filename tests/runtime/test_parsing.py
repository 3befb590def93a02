"""Success bodies are checked against the spec: lenient about additions by default, strict on request."""

from __future__ import annotations

import pytest

from anyapi_batches import AnyAPI, errors
from anyapi_batches._runtime.client import Call
from devtools.fault_server import FaultServer, Reply, batch_body, batch_reply, json_reply
from tests.support.flavours import SECRET, ApiFactory

pytestmark = pytest.mark.anyio

TRUNCATED = b'{"id": "batch_abc123", "object": "batch", "status": "compl'


@pytest.mark.parametrize("strict", [False, True])
async def test_truncated_json_keeps_the_raw_text(make_api: ApiFactory, fault_server: FaultServer, strict: bool) -> None:
    fault_server.script(Reply(200, TRUNCATED, {"Content-Type": "application/json"}))
    with pytest.raises(errors.ResponseValidationError, match="not JSON") as caught:
        await make_api(strict=strict).retrieve("batch_abc123")
    assert caught.value.path == "$"
    assert caught.value.body == TRUNCATED.decode()
    assert len(fault_server.received) == 1


@pytest.mark.parametrize(
    ("body", "path", "message"),
    [
        ([batch_body()], "$", "$: expected object, got array"),
        ("batch_abc123", "$", "$: expected object, got string"),
        ({k: v for k, v in batch_body().items() if k != "status"}, "$.status", "$.status: required field is missing"),
        (batch_body(created_at="yesterday"), "$.created_at", "$.created_at: expected integer, got string"),
        (batch_body(created_at=True), "$.created_at", "$.created_at: expected integer, got boolean"),
        (batch_body(object="file"), "$.object", "$.object: expected the constant 'batch', got 'file'"),
        (
            batch_body(request_counts={"total": "many", "completed": 0, "failed": 0}),
            "$.request_counts.total",
            "$.request_counts.total: expected integer, got string",
        ),
    ],
    ids=["array", "string", "missing-status", "string-for-integer", "boolean-for-integer", "wrong-const", "nested"],
)
@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
async def test_body_that_breaks_the_spec_names_the_json_path(
    make_api: ApiFactory, fault_server: FaultServer, body: object, path: str, message: str, strict: bool
) -> None:
    fault_server.script(json_reply(body))
    with pytest.raises(errors.ResponseValidationError) as caught:
        await make_api(strict=strict).retrieve("batch_abc123")
    assert caught.value.message == message
    assert caught.value.path == path
    assert caught.value.body == body


async def test_unknown_status_is_kept_with_a_warning_in_lenient_mode(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    fault_server.script(batch_reply(status="paused"))
    with pytest.warns(errors.UnknownEnumValueWarning, match=r"\$\.status: unknown value 'paused'"):
        batch = await make_api().retrieve("batch_abc123")
    # The model's Literal type names only the documented values; lenient mode widens it to any string.
    status: str = batch.status
    assert status == "paused"
    assert batch.to_dict()["status"] == "paused"
    assert issubclass(errors.UnknownEnumValueWarning, UserWarning)


async def test_unknown_status_is_an_error_in_strict_mode(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(batch_reply(status="paused"))
    with pytest.raises(errors.ResponseValidationError, match=r"^\$\.status: unknown value 'paused'") as caught:
        await make_api(strict=True).retrieve("batch_abc123")
    assert caught.value.path == "$.status"


async def test_unknown_fields_are_kept_and_round_trip_in_lenient_mode(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    body = batch_body(priority="high", request_counts={"total": 3, "completed": 1, "failed": 0, "skipped": 2})
    fault_server.script(json_reply(body))
    batch = await make_api().retrieve("batch_abc123")
    assert batch.additional_properties == {"priority": "high"}
    assert batch.to_dict() == body


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (batch_body(priority="high"), "$.priority"),
        (
            batch_body(request_counts={"total": 3, "completed": 1, "failed": 0, "skipped": 2}),
            "$.request_counts.skipped",
        ),
    ],
)
async def test_unknown_fields_are_an_error_in_strict_mode(
    make_api: ApiFactory, fault_server: FaultServer, body: dict[str, object], path: str
) -> None:
    fault_server.script(json_reply(body))
    with pytest.raises(errors.ResponseValidationError) as caught:
        await make_api(strict=True).retrieve("batch_abc123")
    assert caught.value.path == path
    assert caught.value.message == f"{path}: field is not in the spec"
    assert caught.value.body == body


def read_as_is(body: object, *, strict: bool) -> object:
    return body


@pytest.mark.parametrize(("status", "body", "parsed"), [(204, b"", None), (200, b"{}", {}), (201, b"[1]", [1])])
def test_a_204_alone_may_come_without_a_body(
    fault_server: FaultServer, status: int, body: bytes, parsed: object
) -> None:
    fault_server.script(Reply(status, body))
    with AnyAPI(api_key=SECRET, base_url=fault_server.url) as client:
        assert client.execute(Call({"method": "delete", "url": "/things/1"}, read_as_is)) == parsed


@pytest.mark.parametrize("status", [200, 205])
def test_an_empty_body_of_another_success_is_no_json(fault_server: FaultServer, status: int) -> None:
    fault_server.script(Reply(status, b""))
    with (
        AnyAPI(api_key=SECRET, base_url=fault_server.url) as client,
        pytest.raises(errors.ResponseValidationError, match=f"^\\$: the {status} response body is not JSON"),
    ):
        client.execute(Call({"method": "delete", "url": "/things/1"}, read_as_is))
