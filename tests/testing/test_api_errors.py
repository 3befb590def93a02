"""Every error the fake answers with, in the provider's format: fed the bad request that earns it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from anyapi_batches import AnyAPI, errors
from anyapi_batches.testing import FakeAnyAPI
from tests.support.batch_files import chat_requests, upload
from tests.testing.conftest import plain_client

TYPES = {400: "bad_request", 401: "authentication_error", 404: "not_found", 409: "conflict"}


def assert_error(answer: httpx.Response, status: int, message: str) -> None:
    assert (answer.status_code, answer.json()) == (
        status,
        {"error": {"code": status, "message": message, "type": TYPES[status]}},
    )
    assert answer.headers["x-request-id"].startswith("req_")


@pytest.mark.parametrize(
    ("authorization", "message"),
    [
        (None, "Missing API key: send it as Authorization: Bearer <key>"),
        ("Basic a2V5Og==", "Missing API key: send it as Authorization: Bearer <key>"),
        ("Bearer ", "Missing API key: send it as Authorization: Bearer <key>"),
        ("Bearer sk-wrong", "Invalid API key provided"),
    ],
)
@pytest.mark.fake(api_key="sk-right")
def test_a_request_without_the_fakes_key_is_refused(raw: httpx.Client, authorization: str | None, message: str) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    del raw.headers["Authorization"]
    assert_error(raw.get("batches", headers=headers), 401, message)
    assert raw.get("batches", headers={"Authorization": "Bearer sk-right"}).status_code == 200


def test_without_a_key_of_its_own_the_fake_takes_any(raw: httpx.Client) -> None:
    assert raw.get("batches", headers={"Authorization": "Bearer whatever-you-like"}).status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "message"),
    [
        ("GET", "batches/batch_missing", "No batch found with id 'batch_missing'"),
        ("POST", "batches/batch_missing/cancel", "No batch found with id 'batch_missing'"),
        ("GET", "batches/a%2Fb", "No batch found with id 'a/b'"),
        ("GET", "files/file-missing", "No file found with id 'file-missing'"),
        ("DELETE", "files/file-missing", "No file found with id 'file-missing'"),
        ("GET", "files/file-missing/content", "No file found with id 'file-missing'"),
        ("GET", "nowhere", "No operation answers GET /v1/nowhere"),
        ("PUT", "batches", "No operation answers PUT /v1/batches"),
        ("GET", "batches/", "No operation answers GET /v1/batches/"),
        ("GET", "http://anyapi.fake.invalid/v2/batches", "No operation answers GET /v2/batches"),
    ],
)
def test_what_does_not_exist_is_a_404(raw: httpx.Client, method: str, path: str, message: str) -> None:
    assert_error(raw.request(method, path), 404, message)


@pytest.fixture
def batch_file(client: AnyAPI) -> str:
    return upload(client, chat_requests(1)).id


def create(raw: httpx.Client, **fields: Any) -> httpx.Response:
    return raw.post("batches", json=fields)


FILE = "<the uploaded file>"
VALID = {"input_file_id": FILE, "endpoint": "/v1/chat/completions", "completion_window": "24h"}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"endpoint": "/v1/chat/completions"}, "Invalid request: $.input_file_id: required field is missing"),
        ({"input_file_id": FILE, "completion_window": "24h"}, "Invalid request: $.endpoint: required field is missing"),
        ({**VALID, "input_file_id": 7}, "Invalid request: $.input_file_id: expected string, got integer"),
        ({**VALID, "input_file_id": ""}, "Invalid request: $.input_file_id must not be empty"),
        ({**VALID, "endpoint": "/v1/images"}, "Invalid request: $.endpoint: unknown value '/v1/images'"),
        ({**VALID, "completion_window": "48h"}, "Invalid request: $.completion_window: unknown value '48h'"),
        ({**VALID, "priority": "high"}, "Invalid request: $.priority: field is not in the spec"),
        ({**VALID, "metadata": {"n": 1}}, "$.metadata.n: expected string, got integer"),
        ({**VALID, "metadata": {f"k{i}": "v" for i in range(17)}}, "Invalid request: $.metadata holds more than 16"),
        ({**VALID, "metadata": {"k" * 65: "v"}}, f"Invalid request: $.metadata key '{'k' * 65}' is longer than 64"),
        ({**VALID, "metadata": {"k": "v" * 513}}, "Invalid request: $.metadata.k is longer than 512"),
        (
            {**VALID, "output_expires_after": {"anchor": "created_at", "seconds": 60}},
            "Invalid request: $.output_expires_after.seconds must be from 3600 to 2592000",
        ),
        (
            {**VALID, "output_expires_after": {"anchor": "now", "seconds": 3600}},
            "Invalid request: $.output_expires_after.anchor: expected the constant 'created_at', got 'now'",
        ),
    ],
)
def test_a_create_with_bad_fields_is_a_400(
    raw: httpx.Client, batch_file: str, fields: dict[str, Any], message: str
) -> None:
    body = {name: batch_file if value == FILE else value for name, value in fields.items()}
    answer = create(raw, **body)
    assert answer.status_code == 400
    assert message in answer.json()["error"]["message"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{", "Invalid request: the body is not valid JSON (Expecting property name enclosed in double quotes"),
        (b"[]", "Invalid request: the body must be a JSON object"),
        (b"", "Invalid request: the body is not valid JSON (Expecting value"),
    ],
)
def test_a_create_whose_body_is_not_a_json_object_is_a_400(raw: httpx.Client, content: bytes, message: str) -> None:
    answer = raw.post("batches", content=content)
    assert answer.status_code == 400
    assert answer.json()["error"]["message"].startswith(message)


def test_a_create_from_a_file_that_is_not_there_is_a_400(client: AnyAPI) -> None:
    with pytest.raises(errors.BadRequestError) as raised:
        client.batches.create(input_file_id="file-missing", endpoint="/v1/embeddings", completion_window="24h")
    assert raised.value.body == {
        "error": {
            "code": 400,
            "message": "Invalid input_file_id: no file found with id 'file-missing'",
            "type": "bad_request",
        }
    }


def test_a_create_from_a_file_that_is_no_batch_input_is_a_400(fake: FakeAnyAPI, client: AnyAPI) -> None:
    picture = client.files.create(file=b"GIF89a", purpose="vision")
    with pytest.raises(errors.BadRequestError, match=f"file '{picture.id}' has purpose 'vision', not 'batch'"):
        client.batches.create(input_file_id=picture.id, endpoint="/v1/embeddings", completion_window="24h")
    first = client.batches.create(
        input_file_id=upload(client, chat_requests(1)).id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    fake.advance(60)
    output = client.batches.retrieve(first.id).output_file_id
    with pytest.raises(errors.BadRequestError, match="has purpose 'batch_output', not 'batch'"):
        client.batches.create(input_file_id=str(output), endpoint="/v1/chat/completions", completion_window="24h")


BOUNDARY = "b0undary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


def form(*parts: tuple[str, str | None, bytes], end: bool = True) -> bytes:
    """A multipart body: parts of (name, filename, content)."""
    body = b""
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        body += f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + content + b"\r\n"
    return body + (f"--{BOUNDARY}--\r\n".encode() if end else b"")


JSONL = ("file", "requests.jsonl", chat_requests(1))
PURPOSE = ("purpose", None, b"batch")


@pytest.mark.parametrize(
    ("content_type", "body", "message"),
    [
        ("application/json", b"{}", "Invalid request: expected a multipart/form-data body with a boundary"),
        (
            "multipart/form-data",
            form(JSONL, PURPOSE),
            "Invalid request: expected a multipart/form-data body with a boundary",
        ),
        (MULTIPART, b"no parts at all", "Invalid multipart body: the boundary never appears"),
        (MULTIPART, form(JSONL, PURPOSE, end=False), "Invalid multipart body: a part is never closed by the boundary"),
        (
            MULTIPART,
            f"--{BOUNDARY}garbage".encode(),
            "Invalid multipart body: a boundary is not followed by a line break",
        ),
        (MULTIPART, f"--{BOUNDARY}\r\nX: y".encode(), "Invalid multipart body: a part has no end to its headers"),
        (
            MULTIPART,
            f"--{BOUNDARY}\r\nX: y\r\n\r\nz\r\n--{BOUNDARY}--".encode(),
            "Invalid multipart body: a part has no Content-Disposition with a name",
        ),
        (MULTIPART, form(PURPOSE), "Invalid request: 'file' is required, as a file part"),
        (MULTIPART, form(("file", None, b"{}"), PURPOSE), "Invalid request: 'file' is required, as a file part"),
        (MULTIPART, form(JSONL), "Invalid request: 'purpose' is required"),
        (
            MULTIPART,
            form(JSONL, ("purpose", None, b"nope")),
            "Invalid 'purpose': expected one of assistants, batch, fine-tune, vision, got 'nope'",
        ),
        (MULTIPART, form(JSONL, ("purpose", None, b"\xff")), "Invalid 'purpose': not UTF-8 text"),
        (
            MULTIPART,
            form(("file", "requests.txt", b"{}"), PURPOSE),
            "Invalid file format for Batch API. Must be .jsonl",
        ),
    ],
)
def test_an_upload_that_is_not_a_good_form_is_a_400(
    raw: httpx.Client, content_type: str, body: bytes, message: str
) -> None:
    assert_error(raw.post("files", content=body, headers={"Content-Type": content_type}), 400, message)


def test_a_well_formed_upload_by_hand_is_taken(raw: httpx.Client) -> None:
    answer = raw.post("files", content=form(JSONL, PURPOSE), headers={"Content-Type": MULTIPART})
    assert answer.status_code == 200
    assert (answer.json()["filename"], answer.json()["bytes"]) == ("requests.jsonl", len(JSONL[2]))


@pytest.fixture
def small_fake() -> FakeAnyAPI:
    return FakeAnyAPI(max_upload_bytes=1000)


TOO_LARGE = "File too large: the fake takes files of up to 1000 bytes"


def test_a_file_over_the_size_limit_is_a_400(small_fake: FakeAnyAPI) -> None:
    with plain_client(small_fake) as raw:
        fits = raw.post("files", files={"file": ("a.jsonl", b"x" * 1000)}, data={"purpose": "batch"})
        assert fits.status_code == 200
        over = raw.post("files", files={"file": ("a.jsonl", b"x" * 1001)}, data={"purpose": "batch"})
    assert_error(over, 400, TOO_LARGE)


def test_a_body_over_the_size_limit_is_not_read_to_its_end(small_fake: FakeAnyAPI) -> None:
    read: list[int] = []

    def chunks() -> Iterator[bytes]:
        for number in range(100):
            read.append(number)
            yield b"x" * 10_000

    # Straight to the fake's transport: the checks around it would read the whole body first.
    headers = {"Authorization": "Bearer k", "Content-Type": MULTIPART}
    with httpx.Client(transport=small_fake.transport(), base_url=small_fake.base_url + "/", headers=headers) as raw:
        answer = raw.post("files", content=chunks())
    assert_error(answer, 400, TOO_LARGE)
    assert len(read) < 10


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("batches?limit=0", "Invalid 'limit': expected an integer from 1 to 100, got '0'"),
        ("batches?limit=101", "Invalid 'limit': expected an integer from 1 to 100, got '101'"),
        ("batches?limit=ten", "Invalid 'limit': expected an integer from 1 to 100, got 'ten'"),
        ("batches?limit=-1", "Invalid 'limit': expected an integer from 1 to 100, got '-1'"),
        ("batches?after=", "Invalid 'after': expected the id of the last object of the previous page"),
        ("batches?after=batch_never", "Invalid 'after': no batch found with id 'batch_never'"),
        ("files?limit=10001", "Invalid 'limit': expected an integer from 1 to 10000, got '10001'"),
        ("files?order=up", "Invalid 'order': expected one of asc, desc, got 'up'"),
        ("files?purpose=nope", "Invalid 'purpose': expected one of assistants, assistants_output, batch, batch_output"),
        ("files?after=file-never", "Invalid 'after': no file found with id 'file-never'"),
        ("files?after=%ff", "Invalid request: the query string is not UTF-8"),
    ],
)
def test_a_list_with_bad_parameters_is_a_400(raw: httpx.Client, path: str, message: str) -> None:
    answer = raw.get(path)
    assert answer.status_code == 400
    assert answer.json()["error"]["message"].startswith(message)
