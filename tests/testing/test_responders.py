"""What each request of a batch is answered with: the canned answers, and a responder of the test's own."""

from __future__ import annotations

import math
from typing import Any

import httpx
import pytest

from anyapi_batches import AnyAPI
from anyapi_batches.models import BatchEndpoint
from anyapi_batches.testing import Answer, BatchRequest, FakeAnyAPI, canned_answer, error_answer
from tests.support.batch_files import counts, file_lines, jsonl, start_batch
from tests.testing.conftest import START, plain_client


def run_one(
    fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client, endpoint: BatchEndpoint, body: dict[str, Any]
) -> dict[str, Any]:
    """The result line of a one-request batch."""
    batch_id = start_batch(
        client, jsonl([{"custom_id": "only", "method": "POST", "url": endpoint, "body": body}]), endpoint
    )
    fake.advance(60)
    batch = client.batches.retrieve(batch_id)
    file_id = batch.output_file_id or batch.error_file_id
    assert isinstance(file_id, str)
    return file_lines(raw, file_id)["only"]


def test_a_chat_completion_answers_with_the_model_asked_and_a_usage(
    fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client
) -> None:
    messages = [{"role": "user", "content": "one two three"}]
    body = run_one(fake, client, raw, "/v1/chat/completions", {"model": "gpt-x", "messages": messages})["response"][
        "body"
    ]
    assert body["object"] == "chat.completion"
    assert body["model"] == "gpt-x"
    assert body["created"] == START + 11
    assert body["choices"][0]["message"] == {"role": "assistant", "content": "Fake answer to only."}
    # A token per four characters of every string in the messages (the role's among them), and of the answer.
    assert body["usage"] == {"prompt_tokens": 4, "completion_tokens": 5, "total_tokens": 9}


def test_a_completion_answers_with_text(fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client) -> None:
    body = run_one(fake, client, raw, "/v1/completions", {"model": "m", "prompt": "say it"})["response"]["body"]
    assert (body["object"], body["choices"][0]["text"]) == ("text_completion", "Fake completion for only.")
    assert body["usage"] == {"prompt_tokens": 1, "completion_tokens": 6, "total_tokens": 7}


def test_embeddings_are_unit_vectors_one_per_input_the_same_for_the_same_text(
    fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client
) -> None:
    asked = {"model": "e", "input": ["alpha", "beta", "alpha"], "dimensions": 20}
    body = run_one(fake, client, raw, "/v1/embeddings", asked)["response"]["body"]
    vectors = [item["embedding"] for item in body["data"]]
    assert [item["index"] for item in body["data"]] == [0, 1, 2]
    assert [len(vector) for vector in vectors] == [20, 20, 20]
    assert vectors[0] == vectors[2] != vectors[1]
    assert math.isclose(math.fsum(value * value for value in vectors[1]), 1.0, abs_tol=1e-4)
    assert body["usage"] == {"prompt_tokens": 3, "total_tokens": 3}


def test_the_canned_answer_is_the_same_for_the_same_request() -> None:
    request = BatchRequest("r", "/v1/embeddings", {"model": "e", "input": "text"}, START)
    assert canned_answer(request) == canned_answer(request)
    assert (
        canned_answer(request).body["data"][0]["embedding"]
        != canned_answer(BatchRequest("r", "/v1/embeddings", {"model": "e", "input": "other"}, START)).body["data"][0][
            "embedding"
        ]
    )


def test_a_responder_of_ones_own_gets_each_request_and_decides_where_it_lands() -> None:
    seen: list[BatchRequest] = []

    def responder(request: BatchRequest) -> Answer:
        seen.append(request)
        if request.body["input"] == "bad":
            return error_answer(400, "no such input")
        return Answer(200, {"echo": request.body["input"]})

    fake = FakeAnyAPI(start=START, responder=responder)
    lines = [
        {"custom_id": c, "method": "POST", "url": "/v1/embeddings", "body": {"model": "e", "input": c}}
        for c in ("good", "bad")
    ]
    with fake.client() as client, httpx.Client(transport=fake.transport(), base_url=fake.base_url + "/") as raw:
        raw.headers["Authorization"] = f"Bearer {fake.api_key}"
        batch_id = start_batch(client, jsonl(lines), "/v1/embeddings")
        fake.advance(60)
        batch = client.batches.retrieve(batch_id)
        assert isinstance(batch.output_file_id, str) and isinstance(batch.error_file_id, str)
        output, failed = file_lines(raw, batch.output_file_id), file_lines(raw, batch.error_file_id)
    assert [(r.custom_id, r.url, r.body, r.created) for r in seen] == [
        ("good", "/v1/embeddings", {"model": "e", "input": "good"}, START + 11),
        ("bad", "/v1/embeddings", {"model": "e", "input": "bad"}, START + 12),
    ]
    assert output["good"]["response"]["body"] == {"echo": "good"}
    assert failed["bad"]["response"]["status_code"] == 400
    assert failed["bad"]["response"]["body"] == {
        "error": {"message": "no such input", "type": "invalid_request_error", "param": None, "code": None}
    }


def test_a_responder_that_answers_with_something_else_is_a_type_error() -> None:
    fake = FakeAnyAPI(responder=lambda request: {"not": "an Answer"})  # type: ignore[arg-type,return-value]
    with fake.client() as client:
        start_batch(
            client,
            jsonl(
                [{"custom_id": "a", "method": "POST", "url": "/v1/completions", "body": {"model": "m", "prompt": "p"}}]
            ),
            "/v1/completions",
        )
        with pytest.raises(TypeError, match="the responder must return an Answer, not dict"):
            fake.advance(60)


def test_after_a_responder_raised_the_batch_picks_up_where_it_stopped() -> None:
    raised_once: list[str] = []

    def flaky(request: BatchRequest) -> Answer:
        if request.custom_id == "b" and not raised_once:
            raised_once.append(request.custom_id)
            raise RuntimeError("a bug in the test's responder")
        return canned_answer(request)

    fake = FakeAnyAPI(responder=flaky)
    lines = jsonl(
        {"custom_id": c, "method": "POST", "url": "/v1/completions", "body": {"model": "m", "prompt": c}} for c in "abc"
    )
    with fake.client() as client, plain_client(fake) as plain:
        batch_id = start_batch(client, lines, "/v1/completions")
        with pytest.raises(RuntimeError, match="a bug in the test's responder"):
            fake.advance(60)
        fake.advance(0)
        batch = client.batches.retrieve(batch_id)
        assert (batch.status, counts(batch)) == ("completed", (3, 3, 0))
        assert isinstance(batch.output_file_id, str)
        assert sorted(file_lines(plain, batch.output_file_id)) == ["a", "b", "c"]
