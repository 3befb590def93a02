"""Answers a broken or hostile server may send end in this package's documented errors, never in a raw one."""

from __future__ import annotations

import gzip
import json

import pytest

from anyapi_batches import errors
from devtools.fault_server import CutOff, FaultServer, Reply, batch_body, batch_reply, error_reply, gzipped, json_reply
from tests.support.flavours import ApiFactory
from tests.support.hostile import DEEP_JSON

pytestmark = pytest.mark.anyio


async def test_a_gzipped_body_is_decompressed(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(gzipped(batch_reply()))
    batch = await make_api().retrieve("batch_abc123")
    assert batch.to_dict() == batch_body()


async def test_a_corrupt_gzip_success_is_a_validation_error(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(gzipped(batch_reply(), corrupt=True))
    with pytest.raises(errors.ResponseValidationError, match="200 response body cannot be decoded") as caught:
        await make_api().retrieve("batch_abc123")
    assert caught.value.path == "$"
    assert len(fault_server.received) == 1


async def test_a_corrupt_gzip_error_body_keeps_the_status_class(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    fault_server.script(gzipped(error_reply(404), corrupt=True))
    with pytest.raises(errors.NotFoundError) as caught:
        await make_api().retrieve("batch_abc123")
    assert caught.value.status_code == 404
    assert caught.value.request_id == "req_404"
    assert caught.value.body == ""


async def test_deeply_nested_json_success_is_a_validation_error(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    fault_server.script(Reply(200, DEEP_JSON, {"Content-Type": "application/json"}))
    with pytest.raises(errors.ResponseValidationError, match=r"not JSON \(nested too deeply"):
        await make_api().retrieve("batch_abc123")


async def test_deeply_nested_json_error_body_keeps_the_status_class_and_the_text(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    fault_server.script(Reply(400, DEEP_JSON, {"Content-Type": "application/json"}))
    with pytest.raises(errors.BadRequestError) as caught:
        await make_api().retrieve("batch_abc123")
    assert caught.value.body == DEEP_JSON.decode()
    assert caught.value.message == "Error code: 400 - Bad Request"


async def test_a_gzipped_error_body_is_read(make_api: ApiFactory, fault_server: FaultServer) -> None:
    body = {"error": {"code": 402, "message": "out of credits", "type": "payment_required"}}
    fault_server.script(Reply(402, gzip.compress(json.dumps(body).encode()), {"Content-Encoding": "gzip"}))
    with pytest.raises(errors.PaymentRequiredError) as caught:
        await make_api().retrieve("batch_abc123")
    assert caught.value.body == body
    assert caught.value.message == "Error code: 402 - out of credits"


async def test_an_answer_cut_short_is_a_connection_error_that_says_so(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    fault_server.script(CutOff(batch_reply(), sent=20))
    with pytest.raises(errors.APIConnectionError) as caught:
        await make_api(max_retries=0).retrieve("batch_abc123")
    assert not isinstance(caught.value, errors.APITimeoutError)
    assert caught.value.message.startswith("Connection error (RemoteProtocolError: ")


async def test_a_create_whose_answer_was_cut_short_is_not_sent_again(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    # The request arrived, and the batch may exist: a second one would be paid for twice.
    fault_server.script(CutOff(json_reply(batch_body(status="validating")), sent=20), batch_reply())
    with pytest.raises(errors.APIConnectionError):
        await make_api(max_retries=2).batches.create(
            input_file_id="file-abc123", endpoint="/v1/embeddings", completion_window="24h"
        )
    assert len(fault_server.received) == 1


@pytest.mark.parametrize(
    ("content_type", "body", "read"),
    [
        ("text/plain; charset=latin-1", b"caf\xe9 closed", "café closed"),
        ("text/plain", b"caf\xe9 closed", "caf\ufffd closed"),
        ("text/html; charset=utf-8", b"<p>\xff</p>", "<p>\ufffd</p>"),
    ],
)
async def test_an_error_body_that_is_no_json_is_kept_as_text_in_its_charset(
    make_api: ApiFactory, fault_server: FaultServer, content_type: str, body: bytes, read: str
) -> None:
    fault_server.script(Reply(502, body, {"Content-Type": content_type}))
    with pytest.raises(errors.InternalServerError) as caught:
        await make_api(max_retries=0).retrieve("batch_abc123")
    assert caught.value.body == read


@pytest.mark.parametrize(
    ("content_type", "body", "kept"),
    [("text/plain; charset=latin-1", b"caf\xe9", "café"), ("text/plain", b"<p>\xff</p>", "<p>\ufffd</p>")],
)
async def test_a_success_body_that_is_no_json_is_kept_as_text_in_its_charset(
    make_api: ApiFactory, fault_server: FaultServer, content_type: str, body: bytes, kept: str
) -> None:
    fault_server.script(Reply(200, body, {"Content-Type": content_type}))
    with pytest.raises(errors.ResponseValidationError) as caught:
        await make_api().retrieve("batch_abc123")
    assert caught.value.body == kept
    assert caught.value.message.startswith("$: the 200 response body is not JSON (")


async def test_a_full_batch_missing_a_field_is_no_short_cancel_answer(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    # Read leniently, the short answer would take it, keeping the batch's own fields as unknown ones.
    body = batch_body(status="cancelling")
    del body["created_at"]
    fault_server.script(json_reply(body))
    with pytest.raises(errors.ResponseValidationError) as caught:
        await make_api().batches.cancel("batch_abc123")
    assert caught.value.path == "$"
    assert caught.value.message.startswith("$: no allowed type fits ($.created_at: required field is missing; ")


async def test_a_value_that_fits_no_branch_of_a_union_names_the_field(
    make_api: ApiFactory, fault_server: FaultServer
) -> None:
    fault_server.script(batch_reply(metadata=5))
    with pytest.raises(errors.ResponseValidationError) as caught:
        await make_api().retrieve("batch_abc123")
    assert caught.value.path == "$.metadata"
