"""The fake over real HTTP: served by uvicorn from a thread, sharing its state with in-process clients."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import MutableMapping
from typing import Any

import httpx
import pytest

from anyapi_batches import AnyAPI, errors
from anyapi_batches.testing import Answer, BatchRequest, Disconnect, FakeAnyAPI, RateLimit
from tests.support.batch_files import chat_requests, counts, file_lines, start_batch, upload
from tests.support.cli_runner import flat, run_cli
from tests.testing.conftest import plain_client


def over_http(fake: FakeAnyAPI, url: str, **options: Any) -> AnyAPI:
    return AnyAPI(api_key=fake.api_key, base_url=url, **{"max_retries": 0, **options})


def test_a_batch_runs_over_http_as_in_process(fake: FakeAnyAPI) -> None:
    with fake.serve() as url, over_http(fake, url) as client, plain_client(fake) as in_process:
        assert url.startswith("http://127.0.0.1:")
        batch_id = start_batch(client, chat_requests(2))
        fake.advance(60)
        batch = client.batches.retrieve(batch_id)
        assert (batch.status, counts(batch)) == ("completed", (2, 2, 0))
        assert isinstance(batch.output_file_id, str)
        content = httpx.get(
            f"{url}/files/{batch.output_file_id}/content", headers={"Authorization": f"Bearer {fake.api_key}"}
        )
        assert content.headers["content-type"] == "application/octet-stream"
        assert content.headers["x-request-id"].startswith("req_")
        assert content.content == in_process.get(f"files/{batch.output_file_id}/content").content
        assert sorted(file_lines(in_process, batch.output_file_id)) == ["request-1", "request-2"]


def test_threads_over_http_and_in_process_share_one_consistent_state(fake: FakeAnyAPI) -> None:
    created: list[str] = []
    failures: list[BaseException] = []

    def make_batches(client: AnyAPI) -> None:
        try:
            with client:
                for _ in range(5):
                    created.append(start_batch(client, chat_requests(2)))
        except BaseException as error:  # handed to the test thread, which fails on it
            failures.append(error)

    with fake.serve() as url:
        clients = [over_http(fake, url), over_http(fake, url), fake.client(), fake.client()]
        threads = [threading.Thread(target=make_batches, args=(client,)) for client in clients]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert failures == []
    assert len(set(created)) == 20
    with fake.client() as client:
        assert sorted(batch.id for batch in client.batches.list(limit=3)) == sorted(created)
        assert len(list(client.files.list())) == 20


@pytest.mark.usefixtures("fast_backoff")
def test_a_dropped_connection_is_a_connection_error_and_a_retrieve_is_sent_again(fake: FakeAnyAPI) -> None:
    with fake.serve() as url, over_http(fake, url, max_retries=1) as client:
        batch_id = start_batch(client, chat_requests(1))
        fake.faults.add(Disconnect(), operation="retrieve_batch")
        assert client.batches.retrieve(batch_id).id == batch_id
    assert [(call.operation_id, call.status) for call in fake.received[-2:]] == [
        ("retrieve_batch", None),
        ("retrieve_batch", 200),
    ]


def test_a_connection_dropped_after_an_upload_keeps_the_file_and_the_upload_is_not_sent_again(
    fake: FakeAnyAPI,
) -> None:
    fake.faults.add(Disconnect(after_handling=True), operation="create_file")
    with fake.serve() as url, over_http(fake, url, max_retries=2) as client:
        with pytest.raises(errors.APIConnectionError):
            upload(client, chat_requests(1))
        assert len(list(client.files.list())) == 1
    assert [call.operation_id for call in fake.received] == ["create_file", "list_files"]


def test_a_rate_limit_over_http_carries_retry_after_and_the_client_honours_it(fake: FakeAnyAPI) -> None:
    fake.faults.add(RateLimit(retry_after=0.05), operation="list_batches")
    with fake.serve() as url, over_http(fake, url, max_retries=1) as client:
        assert list(client.batches.list()) == []
        answer = httpx.get(f"{url}/batches", headers={"Authorization": f"Bearer {fake.api_key}"})
    assert answer.status_code == 200
    assert [call.status for call in fake.received] == [429, 200, 200]


def broken(request: BatchRequest) -> Answer:
    raise RuntimeError(f"no answer for {request.custom_id}")


def test_a_responder_that_raises_is_a_500_over_http_and_raises_in_process(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeAnyAPI(responder=broken, tick=60)
    with fake.client() as in_process:
        batch_id = start_batch(in_process, chat_requests(1))
    with fake.serve() as url, over_http(fake, url) as client, pytest.raises(errors.InternalServerError) as raised:
        client.batches.retrieve(batch_id)
    assert raised.value.body == {
        "error": {
            "code": 500,
            "message": "The fake failed: RuntimeError: no answer for request-1",
            "type": "internal_error",
        }
    }
    assert "the fake failed to answer GET /v1/batches/" in caplog.text
    with fake.client() as in_process, pytest.raises(RuntimeError, match="no answer for request-1"):
        in_process.batches.retrieve(batch_id)


def test_an_upload_over_the_size_limit_is_refused_before_it_is_read() -> None:
    fake = FakeAnyAPI(max_upload_bytes=1000)
    with fake.serve() as url, over_http(fake, url) as client, pytest.raises(errors.BadRequestError) as raised:
        upload(client, b"x" * 70_000)
    assert raised.value.message == "Error code: 400 - File too large: the fake takes files of up to 1000 bytes"


Message = MutableMapping[str, Any]


async def drive(fake: FakeAnyAPI, scope: dict[str, Any], incoming: list[Message]) -> list[Message]:
    """Call the ASGI app with ``incoming`` as what it receives; what it sends."""
    sent: list[Message] = []

    async def receive() -> Message:
        return incoming.pop(0)

    async def send(message: Message) -> None:
        sent.append(message)

    await fake.asgi_app()(scope, receive, send)
    return sent


@pytest.mark.anyio
async def test_the_asgi_app_follows_the_lifespan_protocol() -> None:
    sent = await drive(
        FakeAnyAPI(), {"type": "lifespan"}, [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    )
    assert sent == [{"type": "lifespan.startup.complete"}, {"type": "lifespan.shutdown.complete"}]


@pytest.mark.anyio
async def test_the_asgi_app_refuses_what_is_not_http() -> None:
    with pytest.raises(ValueError, match="the fake speaks only HTTP, not websocket"):
        await drive(FakeAnyAPI(), {"type": "websocket"}, [])


@pytest.mark.anyio
async def test_the_asgi_app_answers_nothing_to_a_client_gone_before_its_body_arrived() -> None:
    fake = FakeAnyAPI()
    scope = {"type": "http", "method": "POST", "path": "/v1/files", "query_string": b"", "headers": []}
    assert await drive(fake, scope, [{"type": "http.disconnect"}]) == []
    assert fake.received == []


def test_without_uvicorn_serving_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    with pytest.raises(ModuleNotFoundError, match=r'pip install "anyapi-batches\[testing\]"'):
        FakeAnyAPI().serve().__enter__()
    run = run_cli("fake-server", "--port", "0")
    assert run.code == 2
    assert 'Serving the fake over HTTP needs uvicorn: pip install "anyapi-batches[testing]"' in flat(run.stderr)


def test_the_server_logs_a_dropped_connection(fake: FakeAnyAPI, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "anyapi_batches.testing")
    fake.faults.add(Disconnect())
    with fake.serve() as url, pytest.raises(httpx.RemoteProtocolError):
        httpx.get(f"{url}/batches")
    assert "the fake drops a connection, as a Disconnect fault asked" in caplog.text
