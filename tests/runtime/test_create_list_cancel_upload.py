"""The rest of the batch lifecycle: create, list, cancel, and input files.

Against Prism, which checks every request (JSON body, multipart body, query
parameters) against openapi.yaml: its answers are the spec's examples, whatever
was asked, so those tests show only that a request was accepted and its answer
parsed. What is sent and answered, by value, is checked against the scripted
loopback server here and in test_what_is_sent, and against the package's fake
in test_on_the_fake; so are paging, the two cancel answers and the retry rules
of POST requests.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final, cast

import httpx
import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI, errors
from anyapi_batches.models import Batch, BatchCancellation, BatchList, FileObject
from devtools.fault_server import FaultServer, Reply, Reset, Stall, batch_body, error_reply, json_reply
from tests.support.cli_runner import uploaded_reply
from tests.support.flavours import SECRET, ApiFactory

pytestmark = pytest.mark.anyio

ENDPOINT: Final = "/v1/chat/completions"


@pytest.fixture
def prism_client(prism_url: str) -> Iterator[AnyAPI]:
    with AnyAPI(api_key=SECRET, base_url=prism_url, strict=True, max_retries=0) as client:
        yield client


@pytest.fixture
def client(fault_server: FaultServer) -> Iterator[AnyAPI]:
    with AnyAPI(api_key=SECRET, base_url=fault_server.url, max_retries=2) as client:
        yield client


def page(ids: list[str], has_more: bool) -> dict[str, Any]:
    return {
        "object": "list",
        "data": [batch_body(id=batch_id) for batch_id in ids],
        "first_id": ids[0] if ids else None,
        "last_id": ids[-1] if ids else None,
        "has_more": has_more,
    }


def test_prism_accepts_the_create_body(prism_client: AnyAPI) -> None:
    batch = prism_client.batches.create(
        input_file_id="file-abc123", endpoint=ENDPOINT, completion_window="24h", metadata={"job": "eval"}
    )
    assert isinstance(batch, Batch)


def test_a_create_body_outside_the_spec_is_refused_before_sending(fault_server: FaultServer) -> None:
    with (
        AnyAPI(api_key=SECRET, base_url=fault_server.url, strict=True) as strict,
        pytest.raises(ValueError, match=r"^endpoint: '/v1/images' is not a value the spec lists"),
    ):
        strict.batches.create(input_file_id="file-abc123", endpoint=cast(Any, "/v1/images"), completion_window="24h")
    assert fault_server.received == []


def test_prism_accepts_the_list_query(prism_client: AnyAPI) -> None:
    pages = list(prism_client.batches.list(limit=50).pages())
    assert [type(page) for page in pages] == [BatchList]


def test_a_limit_outside_the_spec_is_refused_before_sending(client: AnyAPI, fault_server: FaultServer) -> None:
    with pytest.raises(ValueError, match=r"^limit: must be at most 100, got 1000$"):
        list(client.batches.list(limit=1000))
    assert fault_server.received == []


def test_prism_accepts_a_cancel_and_its_short_answer_parses(prism_client: AnyAPI) -> None:
    assert isinstance(prism_client.batches.cancel("batch_abc123"), BatchCancellation)


def test_prism_accepts_an_upload_and_a_file_retrieve(prism_client: AnyAPI) -> None:
    uploaded = prism_client.files.create(file=b'{"custom_id": "1"}\n', purpose="batch")
    assert isinstance(uploaded, FileObject)
    assert isinstance(prism_client.files.retrieve(uploaded.id), FileObject)


async def test_prism_accepts_what_the_async_client_sends(prism_url: str) -> None:
    async with AsyncAnyAPI(api_key=SECRET, base_url=prism_url, strict=True) as client:
        pages = [page async for page in client.batches.list().pages()]
        created = await client.batches.create(input_file_id="file-abc123", endpoint=ENDPOINT, completion_window="24h")
        cancelled = await client.batches.cancel("batch_abc123")
    assert [type(page) for page in pages] == [BatchList]
    assert isinstance(created, Batch)
    assert isinstance(cancelled, BatchCancellation)


def test_list_follows_the_cursor_through_every_page(client: AnyAPI, fault_server: FaultServer) -> None:
    fault_server.script(
        json_reply(page(["b1", "b2"], True)), json_reply(page(["b3", "b4"], True)), json_reply(page(["b5"], False))
    )
    assert [batch.id for batch in client.batches.list(limit=2)] == ["b1", "b2", "b3", "b4", "b5"]
    targets = [request.target for request in fault_server.received]
    assert targets == ["/v1/batches?limit=2", "/v1/batches?after=b2&limit=2", "/v1/batches?after=b4&limit=2"]


def test_list_stops_when_a_server_repeats_its_cursor(client: AnyAPI, fault_server: FaultServer) -> None:
    fault_server.script(json_reply(page(["b1"], True)))
    assert [batch.id for batch in client.batches.list(after="b1")] == ["b1"]
    assert len(fault_server.received) == 1


async def test_async_list_follows_the_cursor(fault_server: FaultServer) -> None:
    fault_server.script(json_reply(page(["b1"], True)), json_reply(page(["b2"], False)))
    async with AsyncAnyAPI(api_key=SECRET, base_url=fault_server.url) as client:
        pages = [each async for each in client.batches.list().pages()]
    assert [[batch.id for batch in each.data] for each in pages] == [["b1"], ["b2"]]


def test_cancel_gives_the_whole_batch_when_the_server_sends_it(client: AnyAPI, fault_server: FaultServer) -> None:
    fault_server.script(json_reply(batch_body(status="cancelling", cancelling_at=1711471600)))
    cancelled = client.batches.cancel("batch_abc123")
    assert isinstance(cancelled, Batch)
    assert cancelled.status == "cancelling"
    assert cancelled.cancelling_at == 1711471600


def test_cancel_answer_that_fits_neither_shape_is_a_validation_error(client: AnyAPI, fault_server: FaultServer) -> None:
    fault_server.script(json_reply({"id": "batch_abc123"}))
    with pytest.raises(errors.ResponseValidationError) as caught:
        client.batches.cancel("batch_abc123")
    assert "$.status" in str(caught.value) or "$.object" in str(caught.value)


def test_create_is_not_resent_after_a_server_error(client: AnyAPI, fault_server: FaultServer) -> None:
    fault_server.script(error_reply(503), json_reply(batch_body(status="validating")))
    with pytest.raises(errors.InternalServerError):
        client.batches.create(input_file_id="file-abc123", endpoint=ENDPOINT, completion_window="24h")
    assert len(fault_server.received) == 1


def test_create_is_resent_when_the_caller_opts_in(fault_server: FaultServer) -> None:
    fault_server.script(error_reply(503, {"retry-after-ms": "10"}), json_reply(batch_body(status="validating")))
    with AnyAPI(api_key=SECRET, base_url=fault_server.url, retry_non_idempotent=True) as client:
        batch = client.batches.create(input_file_id="file-abc123", endpoint=ENDPOINT, completion_window="24h")
    assert batch.status == "validating"
    assert len(fault_server.received) == 2


POSTS: dict[str, tuple[str, str, tuple[str, ...], dict[str, Any], Reply]] = {
    "create": (
        "batches",
        "create",
        (),
        {"input_file_id": "file-abc123", "endpoint": ENDPOINT, "completion_window": "24h"},
        json_reply(batch_body(status="validating")),
    ),
    "cancel": ("batches", "cancel", ("batch_abc123",), {}, json_reply(batch_body(status="cancelling"))),
    "upload": ("files", "create", (), {"file": b"{}\n", "purpose": "batch"}, uploaded_reply()),
}


@pytest.mark.parametrize("operation", POSTS)
async def test_a_post_is_not_resent_after_a_connection_reset(
    make_api: ApiFactory, fault_server: FaultServer, operation: str
) -> None:
    # A reset comes after the request went out: the server may have made the batch, and a resend would be a
    # second one, paid for twice.
    resource, method, args, options, answer = POSTS[operation]
    fault_server.script(Reset(), answer)
    api = make_api(max_retries=2)
    with pytest.raises(errors.APIConnectionError) as caught:
        await getattr(getattr(api, resource), method)(*args, **options)
    assert not isinstance(caught.value, errors.APITimeoutError)
    assert len(fault_server.received) == 1


class RefusesFirst(httpx.HTTPTransport):
    """Refuses the first connection, as a server that is not up yet would, then connects for real."""

    def __init__(self) -> None:
        super().__init__()
        self.refused = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.refused:
            self.refused += 1
            raise httpx.ConnectError("connection refused", request=request)
        return super().handle_request(request)


def test_create_is_resent_when_the_connection_was_refused(fault_server: FaultServer) -> None:
    fault_server.script(json_reply(batch_body(status="validating")))
    transport = RefusesFirst()
    http_client = httpx.Client(transport=transport)
    with AnyAPI(api_key=SECRET, base_url=fault_server.url, http_client=http_client) as client:
        batch = client.batches.create(input_file_id="file-abc123", endpoint=ENDPOINT, completion_window="24h")
    assert batch.status == "validating"
    assert transport.refused == 1
    assert len(fault_server.received) == 1
    http_client.close()


def test_create_is_not_resent_after_a_timeout(fault_server: FaultServer) -> None:
    fault_server.script(Stall(2), json_reply(batch_body(status="validating")))
    with (
        AnyAPI(api_key=SECRET, base_url=fault_server.url, timeout=0.2) as client,
        pytest.raises(errors.APITimeoutError),
    ):
        client.batches.create(input_file_id="file-abc123", endpoint=ENDPOINT, completion_window="24h")
    assert len(fault_server.received) == 1


def test_metadata_with_a_non_string_value_is_refused_before_sending(client: AnyAPI, fault_server: FaultServer) -> None:
    with pytest.raises(ValueError, match=r"^metadata\.job: expected string, got integer$"):
        client.batches.create(
            input_file_id="file-abc123", endpoint=ENDPOINT, completion_window="24h", metadata={"job": 7}
        )
    assert fault_server.received == []


def test_upload_refuses_something_that_is_not_a_file(client: AnyAPI, fault_server: FaultServer) -> None:
    with pytest.raises(TypeError, match="expected a File, an open binary file or bytes"):
        client.files.create(file=cast(Any, 42), purpose="batch")
    assert fault_server.received == []


def test_prism_accepts_an_upload_from_an_open_file(tmp_path: Any, prism_client: AnyAPI) -> None:
    path = tmp_path / "requests.jsonl"
    path.write_bytes(b'{"custom_id": "1"}\n')
    with path.open("rb") as handle:
        assert isinstance(prism_client.files.create(file=handle, purpose="batch"), FileObject)
