"""What the fake makes of a batch's input file: every line a request for the batch's endpoint, or named in errors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from anyapi_batches import AnyAPI
from anyapi_batches.models import BatchEndpoint, BatchErrors
from anyapi_batches.testing import FakeAnyAPI
from tests.support.batch_files import chat_line, chat_requests, counts, jsonl, start_batch


def problems_of(
    fake: FakeAnyAPI, client: AnyAPI, content: bytes, endpoint: BatchEndpoint = "/v1/chat/completions"
) -> list[dict[str, Any]]:
    """The errors of the failed batch ``content`` makes, without their messages' details."""
    batch_id = start_batch(client, content, endpoint)
    fake.advance(10)
    batch = client.batches.retrieve(batch_id)
    assert batch.status == "failed"
    assert isinstance(batch.errors, BatchErrors)
    return [{k: v for k, v in error.to_dict().items() if k != "message"} for error in batch.errors.data]


def line_of(**fields: Any) -> dict[str, Any]:
    return {**chat_line("r1"), **fields}


@pytest.mark.parametrize(
    ("line", "code", "param"),
    [
        (b"{not json", "invalid_json_line", None),
        (b"\xff\xfe", "invalid_json_line", None),
        (b"[1, 2]", "invalid_json_line", None),
        (
            json.dumps({k: v for k, v in chat_line("r1").items() if k != "custom_id"}).encode(),
            "invalid_request",
            "custom_id",
        ),
        (json.dumps(line_of(custom_id="")).encode(), "invalid_request", "custom_id"),
        (json.dumps(line_of(custom_id=5)).encode(), "invalid_request", "custom_id"),
        (json.dumps(line_of(method="GET")).encode(), "invalid_request", "method"),
        (json.dumps(line_of(url="/v1/images")).encode(), "invalid_request", "url"),
        (json.dumps(line_of(url="/v1/embeddings")).encode(), "invalid_url", "url"),
        (json.dumps(line_of(body=[])).encode(), "invalid_request", "body"),
        (json.dumps(line_of(extra=1)).encode(), "invalid_request", "extra"),
        (json.dumps(line_of(body={"messages": []})).encode(), "missing_required_parameter", "body.model"),
        (json.dumps(line_of(body={"model": "m"})).encode(), "missing_required_parameter", "body.messages"),
    ],
)
def test_a_bad_line_is_named_with_its_number_and_what_is_wrong(
    fake: FakeAnyAPI, client: AnyAPI, line: bytes, code: str, param: str | None
) -> None:
    content = chat_requests(2) + line + b"\n"
    assert problems_of(fake, client, content) == [{"code": code, "param": param, "line": 3}]


def test_a_repeated_custom_id_is_named_on_its_second_line(fake: FakeAnyAPI, client: AnyAPI) -> None:
    content = jsonl([chat_line("a"), chat_line("b"), chat_line("a")])
    assert problems_of(fake, client, content) == [{"code": "duplicate_custom_id", "param": "custom_id", "line": 3}]


def test_blank_lines_are_skipped_but_counted(fake: FakeAnyAPI, client: AnyAPI) -> None:
    content = b"\n" + jsonl([chat_line("a")]) + b"   \n\r\n" + b"oops\n"
    assert problems_of(fake, client, content) == [{"code": "invalid_json_line", "param": None, "line": 5}]


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_a_file_without_requests_fails_the_batch(fake: FakeAnyAPI, client: AnyAPI, content: bytes) -> None:
    assert problems_of(fake, client, content) == [{"code": "empty_file", "param": None, "line": None}]


def test_only_the_first_hundred_bad_lines_are_listed(fake: FakeAnyAPI, client: AnyAPI) -> None:
    problems = problems_of(fake, client, b"bad\n" * 150)
    assert [problem["line"] for problem in problems] == list(range(1, 101))


@pytest.mark.parametrize(
    ("endpoint", "body", "missing"),
    [
        ("/v1/embeddings", {"model": "m"}, "body.input"),
        ("/v1/completions", {"model": "m"}, "body.prompt"),
        ("/v1/completions", {"prompt": "p"}, "body.model"),
    ],
)
def test_each_endpoint_needs_its_own_fields(
    fake: FakeAnyAPI, client: AnyAPI, endpoint: BatchEndpoint, body: dict[str, Any], missing: str
) -> None:
    content = jsonl([{"custom_id": "x", "method": "POST", "url": endpoint, "body": body}])
    assert problems_of(fake, client, content, endpoint) == [
        {"code": "missing_required_parameter", "param": missing, "line": 1}
    ]


def test_the_message_of_a_bad_line_says_what_is_wrong(fake: FakeAnyAPI, client: AnyAPI) -> None:
    batch_id = start_batch(client, jsonl([line_of(url="/v1/embeddings")]))
    fake.advance(10)
    errors = client.batches.retrieve(batch_id).errors
    assert isinstance(errors, BatchErrors)
    assert errors.data[0].message == (
        "Line 1: url '/v1/embeddings' does not match the batch's endpoint '/v1/chat/completions'"
    )


def test_a_file_without_a_final_line_break_is_read_to_its_end(fake: FakeAnyAPI, client: AnyAPI) -> None:
    batch_id = start_batch(client, chat_requests(2).rstrip(b"\n"))
    fake.advance(60)
    batch = client.batches.retrieve(batch_id)
    assert (batch.status, counts(batch)) == ("completed", (2, 2, 0))
