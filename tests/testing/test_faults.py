"""HTTP faults injected into the fake, and what the client's retries make of them."""

from __future__ import annotations

import httpx
import pytest

from anyapi_batches import errors
from anyapi_batches.testing import Disconnect, FakeAnyAPI, RateLimit, ServerError
from tests.support.batch_files import chat_requests, upload

pytestmark = pytest.mark.usefixtures("fast_backoff")


def test_a_rate_limit_is_a_429_with_retry_after_in_the_providers_format(fake: FakeAnyAPI, raw: httpx.Client) -> None:
    fake.faults.add(RateLimit(retry_after=2.5))
    answer = raw.get("batches")
    assert answer.status_code == 429
    assert answer.headers["retry-after"] == "2.5"
    assert answer.json() == {
        "error": {
            "code": 429,
            "message": "Rate limit exceeded. Please retry after 2.5 seconds.",
            "type": "rate_limit_exceeded",
        }
    }
    assert raw.get("batches").status_code == 200


@pytest.mark.parametrize(
    ("fault", "status", "retry_after", "error_type"),
    [
        (ServerError(), 500, None, "internal_error"),
        (ServerError(503, retry_after=1), 503, "1", "service_unavailable"),
    ],
)
def test_a_server_error_is_its_status_in_the_providers_format(
    fake: FakeAnyAPI, raw: httpx.Client, fault: ServerError, status: int, retry_after: str | None, error_type: str
) -> None:
    fake.faults.add(fault)
    answer = raw.get("files")
    assert answer.status_code == status
    assert answer.headers.get("retry-after") == retry_after
    assert answer.json()["error"]["type"] == error_type


def test_faults_hit_only_their_operation_the_given_number_of_times(fake: FakeAnyAPI, raw: httpx.Client) -> None:
    fake.faults.add(ServerError(), operation="list_files", times=2)
    assert fake.faults.pending == 2
    assert [raw.get("batches").status_code, raw.get("files").status_code, raw.get("files").status_code] == [
        200,
        500,
        500,
    ]
    assert raw.get("files").status_code == 200
    assert fake.faults.pending == 0


def test_faults_come_in_the_order_they_were_added_and_can_be_cleared(fake: FakeAnyAPI, raw: httpx.Client) -> None:
    fake.faults.add(RateLimit(0))
    fake.faults.add(ServerError(503))
    assert [raw.get("batches").status_code, raw.get("batches").status_code] == [429, 503]
    fake.faults.add(ServerError(), times=5)
    fake.faults.clear()
    assert raw.get("batches").status_code == 200


def test_the_client_retries_through_a_rate_limit_and_a_server_error(fake: FakeAnyAPI) -> None:
    fake.faults.add(RateLimit(retry_after=0.01), operation="list_batches")
    fake.faults.add(ServerError(503), operation="list_batches")
    with fake.client(max_retries=2) as client:
        assert list(client.batches.list()) == []
    assert [call.status for call in fake.received] == [429, 503, 200]


def test_a_dropped_connection_is_an_api_connection_error(fake: FakeAnyAPI) -> None:
    fake.faults.add(Disconnect(), operation="retrieve_file")
    with fake.client(max_retries=0) as client, pytest.raises(errors.APIConnectionError):
        client.files.retrieve("file-any")
    assert [(call.operation_id, call.status) for call in fake.received] == [("retrieve_file", None)]


def test_an_upload_dropped_before_it_was_handled_left_nothing(fake: FakeAnyAPI) -> None:
    fake.faults.add(Disconnect(), operation="create_file")
    with fake.client(max_retries=2) as client:
        with pytest.raises(errors.APIConnectionError):
            upload(client, chat_requests(1))
        assert list(client.files.list()) == []
    assert [call.operation_id for call in fake.received] == ["create_file", "list_files"]


def test_a_batch_created_before_the_connection_dropped_exists(fake: FakeAnyAPI) -> None:
    with fake.client(max_retries=2) as client:
        uploaded = upload(client, chat_requests(1))
        fake.faults.add(Disconnect(after_handling=True), operation="create_batch")
        with pytest.raises(errors.APIConnectionError):
            client.batches.create(input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h")
        assert [batch.input_file_id for batch in client.batches.list()] == [uploaded.id]


def test_a_fault_for_any_operation_hits_requests_for_no_operation_too(fake: FakeAnyAPI, raw: httpx.Client) -> None:
    fake.faults.add(ServerError())
    assert raw.get("nowhere").status_code == 500
    fake.faults.add(ServerError(), operation="list_files")
    assert raw.get("nowhere").status_code == 404
    assert fake.faults.pending == 1


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: RateLimit(-1), ValueError, "retry_after must be a finite number of seconds, 0 or more; got -1"),
        (lambda: RateLimit(float("nan")), ValueError, "retry_after must be a finite number"),
        (
            lambda: ServerError(404),
            ValueError,
            "status must be 500 or 503, the server errors openapi.yaml has; got 404",
        ),
        (
            lambda: ServerError(502),
            ValueError,
            "status must be 500 or 503, the server errors openapi.yaml has; got 502",
        ),
        (lambda: ServerError(500, retry_after=float("inf")), ValueError, "retry_after must be a finite number"),
    ],
)
def test_a_fault_with_bad_values_is_refused(make: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(")):
        make()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("fault", "options", "error", "message"),
    [
        (
            "ServerError",
            {},
            TypeError,
            "fault must be a RateLimit, ServerError, Disconnect or Stall, got 'ServerError'",
        ),
        (
            ServerError(),
            {"operation": "retrieve_batches"},
            ValueError,
            "unknown operation 'retrieve_batches'; expected",
        ),
        (ServerError(), {"times": 0}, ValueError, "times must be a whole number, 1 or more; got 0"),
        (ServerError(), {"times": 1.5}, ValueError, "times must be a whole number, 1 or more; got 1.5"),
    ],
)
def test_adding_a_fault_wrongly_is_refused(
    fake: FakeAnyAPI, fault: object, options: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        fake.faults.add(fault, **options)  # type: ignore[arg-type]
    assert fake.faults.pending == 0
