"""Error responses become typed exceptions, whatever the status code and whatever the body."""

from __future__ import annotations

import pytest

from anyapi_batches import errors
from devtools.fault_server import FaultServer, Reply, error_reply, json_reply
from tests.support.flavours import ApiFactory

pytestmark = pytest.mark.anyio

HTML_PAGE = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (402, errors.PaymentRequiredError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (418, errors.APIStatusError),
        (422, errors.UnprocessableEntityError),
        (429, errors.RateLimitError),
        (499, errors.APIStatusError),
        (500, errors.InternalServerError),
        (503, errors.InternalServerError),
        (520, errors.InternalServerError),
        (561, errors.InternalServerError),
    ],
)
async def test_each_status_raises_its_class_with_the_details(
    make_api: ApiFactory, fault_server: FaultServer, status: int, error_class: type[errors.APIStatusError]
) -> None:
    fault_server.script(error_reply(status))
    api = make_api(max_retries=0)
    with pytest.raises(errors.APIStatusError) as caught:
        await api.retrieve("batch_abc123")
    error = caught.value
    assert type(error) is error_class
    assert error.status_code == status
    assert error.request_id == f"req_{status}"
    assert error.headers["x-request-id"] == f"req_{status}"
    assert error.body == {"error": {"code": status, "message": f"scripted failure {status}", "type": "scripted_error"}}
    assert error.message == f"Error code: {status} - scripted failure {status}"
    assert error.type == "scripted_error"
    assert error.code == status


async def test_openai_style_error_body_gives_a_string_code(make_api: ApiFactory, fault_server: FaultServer) -> None:
    body = {"error": {"message": "No such batch", "type": "invalid_request_error", "param": None, "code": "not_found"}}
    fault_server.script(json_reply(body, 404))
    with pytest.raises(errors.NotFoundError) as caught:
        await make_api().retrieve("batch_abc123")
    assert caught.value.code == "not_found"
    assert caught.value.type == "invalid_request_error"
    assert caught.value.request_id is None


@pytest.mark.parametrize("status", [502, 520])
async def test_html_error_page_keeps_the_page_as_body(
    make_api: ApiFactory, fault_server: FaultServer, status: int
) -> None:
    fault_server.script(Reply(status, HTML_PAGE, {"Content-Type": "text/html"}))
    with pytest.raises(errors.InternalServerError) as caught:
        await make_api(max_retries=0).retrieve("batch_abc123")
    error = caught.value
    assert error.status_code == status
    assert error.body == HTML_PAGE.decode()
    assert (error.type, error.code) == (None, None)
    assert error.message.startswith(f"Error code: {status} - ")


@pytest.mark.parametrize(
    "body",
    [b"", b"upstream closed the connection", b'{"error": "gone"}', b"[1, 2]", b'{"error": {"code": true}}'],
)
async def test_error_body_of_any_shape_still_gives_the_status_class(
    make_api: ApiFactory, fault_server: FaultServer, body: bytes
) -> None:
    fault_server.script(Reply(499, body))
    with pytest.raises(errors.APIStatusError) as caught:
        await make_api().retrieve("batch_abc123")
    error = caught.value
    assert type(error) is errors.APIStatusError
    assert error.status_code == 499
    assert (error.type, error.code) == (None, None)
    assert error.message.startswith("Error code: 499 - ")


async def test_every_raised_error_shares_the_base_class(make_api: ApiFactory, fault_server: FaultServer) -> None:
    fault_server.script(error_reply(404), Reply(200, b"not json"))
    api = make_api()
    with pytest.raises(errors.APIError):
        await api.retrieve("batch_abc123")
    with pytest.raises(errors.APIError):
        await api.retrieve("batch_abc123")
    assert len(fault_server.received) == 2
