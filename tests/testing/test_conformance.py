"""The fake never drifts from openapi.yaml: the same operations, answers that fit the spec, and the openai SDK on it."""

from __future__ import annotations

import io
import json
import time

import httpx
import openai
import pytest
from openapi_core.exceptions import OpenAPIError

from anyapi_batches import AnyAPI, errors
from anyapi_batches.models import BatchRequestOutput
from anyapi_batches.testing import FakeAnyAPI
from anyapi_batches.testing.routes import ROUTES
from devtools.fake_process import fake_server_process
from devtools.openapi_document import spec
from tests.support.batch_files import chat_requests, start_batch, upload
from tests.support.spec_checks import CheckedTransport, check_request, check_response


def spec_operations() -> set[tuple[str, str, str]]:
    return {
        (method.upper(), path, operation["operationId"])
        for path, item in spec()["paths"].items()
        for method, operation in item.items()
    }


def test_the_fake_implements_exactly_the_operations_of_the_spec() -> None:
    assert {(route.method, route.path, route.operation_id) for route in ROUTES} == spec_operations()


def test_the_checks_reject_a_request_and_an_answer_the_spec_does_not_allow() -> None:
    request = httpx.Request(
        "POST",
        "http://fake/v1/files",
        files={"file": ("a.jsonl", b"{}"), "purpose": (None, b"not-a-purpose")},
        headers={"Authorization": "Bearer k"},
    )
    request.read()
    with pytest.raises(OpenAPIError):
        check_request(request)
    retrieve = httpx.Request("GET", "http://fake/v1/batches/batch_1")
    answer = httpx.Response(200, json={"id": "batch_1", "object": "batch", "status": "done"}, request=retrieve)
    with pytest.raises(OpenAPIError):
        check_response(retrieve, answer)


def every_operation(client: AnyAPI, raw: httpx.Client, fake: FakeAnyAPI) -> None:
    """Each operation, answered with success and with the errors the fake can give, through the checked transport."""
    uploaded = upload(client, chat_requests(3))
    batch_id = client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    ).id
    fake.advance(12)
    client.batches.cancel(batch_id)
    fake.advance(10)
    second = start_batch(client, chat_requests(2))
    fake.advance(60)
    list(client.batches.list(limit=1))
    list(client.files.list(limit=1, order="asc", purpose="batch_output"))
    done = client.batches.retrieve(second)
    assert isinstance(done.output_file_id, str)
    client.files.retrieve(done.output_file_id)
    raw.get(f"files/{done.output_file_id}/content")
    client.files.delete(uploaded.id)
    for failing in (
        lambda: client.batches.retrieve("batch_missing"),
        lambda: client.batches.cancel(second),
        lambda: client.files.retrieve(uploaded.id),
        lambda: client.files.delete("file-missing"),
        lambda: client.batches.create(input_file_id="file-missing", endpoint="/v1/embeddings", completion_window="24h"),
        lambda: next(client.batches.list(after="batch_never").pages()),
    ):
        with pytest.raises(errors.APIStatusError):
            failing()
    for method, path in [("GET", "files/file-missing/content"), ("GET", "nowhere"), ("POST", "batches")]:
        raw.request(method, path, content=b"{")
    raw.get("batches", headers={"Authorization": "Bearer "})


def test_every_operation_answers_as_the_spec_says(fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client) -> None:
    every_operation(client, raw, fake)
    answered = {(call.operation_id, call.status) for call in fake.received}
    implemented = {route.operation_id for route in ROUTES}
    assert {operation for operation, status in answered if status == 200} == implemented
    assert {status for _, status in answered} == {200, 400, 401, 404, 409}


def test_the_openai_sdk_runs_a_batch_on_the_fake_server() -> None:
    checked = httpx.Client(transport=CheckedTransport(httpx.HTTPTransport()))
    with fake_server_process("--speed", "1000") as url, checked:
        # The SDK's annotation names the httpx2 fork, but it takes an httpx client as well.
        sdk = openai.OpenAI(api_key="sk-anything", base_url=url, max_retries=0, http_client=checked)  # type: ignore[arg-type]
        uploaded = sdk.files.create(file=("requests.jsonl", io.BytesIO(chat_requests(3))), purpose="batch")
        batch = sdk.batches.create(input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h")
        deadline = time.monotonic() + 20
        while batch.status not in ("completed", "failed", "expired", "cancelled") and time.monotonic() < deadline:
            time.sleep(0.02)
            batch = sdk.batches.retrieve(batch.id)
        assert (batch.status, batch.request_counts and batch.request_counts.completed) == ("completed", 3)
        assert batch.output_file_id is not None
        content = sdk.files.content(batch.output_file_id).text
        lines = [BatchRequestOutput.from_dict(json.loads(line), strict=True) for line in content.splitlines()]
        assert sorted(line.custom_id for line in lines) == ["request-1", "request-2", "request-3"]
        assert sdk.files.retrieve(batch.output_file_id).purpose == "batch_output"
        assert [listed.id for listed in sdk.batches.list()] == [batch.id]
