"""A batch's life on the fake's clock: every status, its timestamps and counts, and the result files."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from anyapi_batches import AnyAPI, errors
from anyapi_batches.models import Batch, BatchCancellation, BatchErrors, BatchUsage
from anyapi_batches.testing import FakeAnyAPI, RequestFailures, Timings
from tests.support.batch_files import chat_requests, counts, file_lines, start_batch
from tests.testing.conftest import START, plain_client

DAY = 24 * 3600


STAMPS = ("in_progress_at", "finalizing_at", "completed_at", "failed_at", "expired_at", "cancelling_at", "cancelled_at")


def stamps(batch: Batch) -> dict[str, Any]:
    """The timestamps a batch has so far, as seconds after the fake's start."""
    body = batch.to_dict()
    return {name: body[name] - START for name in STAMPS if body[name] is not None}


def test_every_status_in_turn_with_counts_and_timestamps(fake: FakeAnyAPI, client: AnyAPI) -> None:
    batch_id = start_batch(client, chat_requests(3))
    steps = [
        (0, "validating", (0, 0, 0), {}),
        (9.5, "validating", (0, 0, 0), {}),
        (0.5, "in_progress", (3, 0, 0), {"in_progress_at": 10}),
        (1, "in_progress", (3, 1, 0), {"in_progress_at": 10}),
        (1, "in_progress", (3, 2, 0), {"in_progress_at": 10}),
        (1, "finalizing", (3, 3, 0), {"in_progress_at": 10, "finalizing_at": 13}),
        (9, "finalizing", (3, 3, 0), {"in_progress_at": 10, "finalizing_at": 13}),
        (1, "completed", (3, 3, 0), {"in_progress_at": 10, "finalizing_at": 13, "completed_at": 23}),
    ]
    for seconds, status, expected_counts, expected_stamps in steps:
        fake.advance(seconds)
        batch = client.batches.retrieve(batch_id)
        assert (batch.status, counts(batch), stamps(batch)) == (status, expected_counts, expected_stamps)
        assert (batch.created_at, batch.expires_at) == (START, START + DAY)
        assert (batch.output_file_id is None) == (status != "completed")
    assert batch.error_file_id is None
    assert batch.model == "gpt-4o-mini"


def test_the_output_file_answers_every_request_and_the_usage_adds_up(
    fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client
) -> None:
    batch_id = start_batch(client, chat_requests(3))
    fake.advance(60)
    batch = client.batches.retrieve(batch_id)
    assert isinstance(batch.output_file_id, str)
    lines = file_lines(raw, batch.output_file_id)
    assert sorted(lines) == ["request-1", "request-2", "request-3"]
    for custom_id, line in lines.items():
        assert line["error"] is None
        assert line["id"].startswith("batch_req_")
        assert line["response"]["status_code"] == 200
        assert line["response"]["body"]["object"] == "chat.completion"
        assert line["response"]["body"]["choices"][0]["message"]["content"] == f"Fake answer to {custom_id}."
    used = [line["response"]["body"]["usage"] for line in lines.values()]
    assert isinstance(batch.usage, BatchUsage)
    usage = batch.usage.to_dict()
    assert usage["input_tokens"] == sum(each["prompt_tokens"] for each in used)
    assert usage["output_tokens"] == sum(each["completion_tokens"] for each in used)
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"] > 0
    output = client.files.retrieve(batch.output_file_id)
    assert (output.purpose, output.filename) == ("batch_output", f"{batch_id}_output.jsonl")
    assert output.expires_at == START + 23 + 30 * DAY


@pytest.mark.fake(failures=RequestFailures(custom_ids={"request-2"}, status_code=429))
def test_failed_requests_go_to_the_error_file_with_their_answer(
    fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client
) -> None:
    batch_id = start_batch(client, chat_requests(3))
    fake.advance(60)
    batch = client.batches.retrieve(batch_id)
    assert counts(batch) == (3, 2, 1)
    assert isinstance(batch.output_file_id, str) and isinstance(batch.error_file_id, str)
    assert sorted(file_lines(raw, batch.output_file_id)) == ["request-1", "request-3"]
    (failed,) = file_lines(raw, batch.error_file_id).values()
    assert failed["custom_id"] == "request-2"
    assert failed["error"] is None
    assert failed["response"]["status_code"] == 429
    assert failed["response"]["body"]["error"]["message"]


@pytest.mark.fake(failures=RequestFailures(rate=1.0))
def test_a_batch_whose_every_request_failed_has_only_an_error_file(fake: FakeAnyAPI, client: AnyAPI) -> None:
    batch_id = start_batch(client, chat_requests(2))
    fake.advance(60)
    batch = client.batches.retrieve(batch_id)
    assert (batch.status, counts(batch)) == ("completed", (2, 0, 2))
    assert batch.output_file_id is None
    assert isinstance(batch.error_file_id, str)


def failed_ids(failures: RequestFailures) -> set[str]:
    fake = FakeAnyAPI(failures=failures)
    with fake.client() as client, plain_client(fake) as raw:
        batch_id = start_batch(client, chat_requests(40))
        fake.advance(3600)
        error_file = client.batches.retrieve(batch_id).error_file_id
        return set(file_lines(raw, error_file)) if isinstance(error_file, str) else set()


def test_failures_by_rate_are_the_same_for_the_same_seed_and_differ_for_another() -> None:
    first = failed_ids(RequestFailures(rate=0.5, seed=1))
    assert first == failed_ids(RequestFailures(rate=0.5, seed=1))
    assert first != failed_ids(RequestFailures(rate=0.5, seed=2))
    assert 0 < len(first) < 40
    assert failed_ids(RequestFailures(rate=0.0)) == set()
    assert len(failed_ids(RequestFailures(rate=1.0))) == 40


def test_a_bad_input_file_ends_failed_with_errors_naming_its_lines(fake: FakeAnyAPI, client: AnyAPI) -> None:
    content = chat_requests(1) + b"not json\n" + chat_requests(1).replace(b"request-1", b"request-3")
    batch_id = start_batch(client, content + b'{"custom_id": "request-4"}\n')
    fake.advance(10)
    batch = client.batches.retrieve(batch_id)
    assert (batch.status, counts(batch), stamps(batch)) == ("failed", (0, 0, 0), {"failed_at": 10})
    assert isinstance(batch.errors, BatchErrors)
    problems = [(error["code"], error["line"]) for error in batch.errors.to_dict()["data"]]
    assert problems == [("invalid_json_line", 2), ("invalid_request", 4)]
    assert (batch.output_file_id, batch.error_file_id) == (None, None)


@pytest.mark.fake(timings=Timings(per_request=30_000))
def test_a_batch_not_done_within_its_window_expires_with_partial_results(
    fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client
) -> None:
    batch_id = start_batch(client, chat_requests(5))
    fake.advance(DAY - 1)
    assert client.batches.retrieve(batch_id).status == "in_progress"
    fake.advance(1)
    batch = client.batches.retrieve(batch_id)
    assert (batch.status, counts(batch)) == ("expired", (5, 2, 0))
    assert stamps(batch) == {"in_progress_at": 10, "expired_at": DAY}
    assert isinstance(batch.output_file_id, str) and isinstance(batch.error_file_id, str)
    assert sorted(file_lines(raw, batch.output_file_id)) == ["request-1", "request-2"]
    never_run = file_lines(raw, batch.error_file_id)
    assert sorted(never_run) == ["request-3", "request-4", "request-5"]
    for line in never_run.values():
        assert line["response"] is None
        assert line["error"]["code"] == "batch_expired"


def test_cancelling_mid_run_keeps_what_ran_and_lists_the_rest_as_cancelled(
    fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client
) -> None:
    batch_id = start_batch(client, chat_requests(5))
    fake.advance(12.5)
    cancelling = client.batches.cancel(batch_id)
    assert isinstance(cancelling, Batch)
    assert (cancelling.status, counts(cancelling), cancelling.cancelling_at) == ("cancelling", (5, 2, 0), START + 12)
    fake.advance(9)
    assert (client.batches.retrieve(batch_id).status, counts(cancelling)) == ("cancelling", (5, 2, 0))
    fake.advance(1)
    batch = client.batches.retrieve(batch_id)
    assert (batch.status, counts(batch), batch.cancelled_at) == ("cancelled", (5, 2, 0), START + 22)
    assert isinstance(batch.output_file_id, str) and isinstance(batch.error_file_id, str)
    assert sorted(file_lines(raw, batch.output_file_id)) == ["request-1", "request-2"]
    never_run = file_lines(raw, batch.error_file_id)
    assert sorted(never_run) == ["request-3", "request-4", "request-5"]
    assert {line["error"]["code"] for line in never_run.values()} == {"batch_cancelled"}
    assert {line["response"] for line in never_run.values()} == {None}


def test_a_batch_cancelled_while_validating_ran_nothing(fake: FakeAnyAPI, client: AnyAPI) -> None:
    batch_id = start_batch(client, chat_requests(2))
    client.batches.cancel(batch_id)
    fake.advance(3600)
    batch = client.batches.retrieve(batch_id)
    assert (batch.status, counts(batch), stamps(batch)) == (
        "cancelled",
        (0, 0, 0),
        {"cancelling_at": 0, "cancelled_at": 10},
    )
    assert (batch.output_file_id, batch.error_file_id) == (None, None)


def test_a_batch_cancelled_while_finalizing_keeps_every_result(
    fake: FakeAnyAPI, client: AnyAPI, raw: httpx.Client
) -> None:
    batch_id = start_batch(client, chat_requests(2))
    fake.advance(15)
    client.batches.cancel(batch_id)
    fake.advance(10)
    batch = client.batches.retrieve(batch_id)
    assert (batch.status, counts(batch), batch.error_file_id) == ("cancelled", (2, 2, 0), None)
    assert isinstance(batch.output_file_id, str)
    assert sorted(file_lines(raw, batch.output_file_id)) == ["request-1", "request-2"]


@pytest.mark.parametrize(("seconds", "status"), [(60, "completed"), (10, "failed")])
def test_a_batch_that_has_ended_cannot_be_cancelled(
    fake: FakeAnyAPI, client: AnyAPI, seconds: float, status: str
) -> None:
    content = chat_requests(1) if status == "completed" else b"[]\n"
    batch_id = start_batch(client, content)
    fake.advance(seconds)
    with pytest.raises(errors.ConflictError) as raised:
        client.batches.cancel(batch_id)
    assert raised.value.message == f"Error code: 409 - Cannot cancel a batch with status '{status}'"
    assert client.batches.retrieve(batch_id).status == status


def test_cancelling_twice_is_a_conflict(client: AnyAPI) -> None:
    batch_id = start_batch(client, chat_requests(1))
    client.batches.cancel(batch_id)
    with pytest.raises(errors.ConflictError, match="status 'cancelling'"):
        client.batches.cancel(batch_id)


@pytest.mark.fake(short_cancel_answer=True)
def test_the_short_cancel_answer_is_anyapis_own(client: AnyAPI) -> None:
    answer = client.batches.cancel(start_batch(client, chat_requests(1)))
    assert isinstance(answer, BatchCancellation)
    assert answer.to_dict() == {"id": answer.id, "object": "batch", "status": "cancelling"}


def test_result_files_expire_when_the_batch_said(fake: FakeAnyAPI, client: AnyAPI) -> None:
    batch_id = start_batch(client, chat_requests(1), output_expires_after={"anchor": "created_at", "seconds": 3600})
    fake.advance(21)
    output_file_id = client.batches.retrieve(batch_id).output_file_id
    assert isinstance(output_file_id, str)
    assert client.files.retrieve(output_file_id).expires_at == START + 21 + 3600
    fake.advance(3599)
    assert client.files.retrieve(output_file_id).id == output_file_id
    fake.advance(1)
    with pytest.raises(errors.NotFoundError):
        client.files.retrieve(output_file_id)
    assert output_file_id not in [stored.id for stored in client.files.list()]


@pytest.mark.fake(tick=5)
def test_a_tick_moves_the_clock_on_every_request_so_polling_gets_somewhere(fake: FakeAnyAPI, client: AnyAPI) -> None:
    batch_id = start_batch(client, chat_requests(2))
    seen: list[str] = []
    done = client.batches.wait(batch_id, timeout=10, poll_interval=0.001, on_poll=lambda b: seen.append(b.status))
    assert done.status == "completed"
    # Upload at +5, create at +10; each poll is 5 s later: validation ends at +20, the requests at +22, final at +32.
    assert seen == ["validating", "in_progress", "finalizing", "finalizing", "completed"]
    assert fake.now() == START + 5 * 7


@pytest.mark.fake(speed=2000)
def test_with_a_speed_the_clock_runs_on_real_time(client: AnyAPI) -> None:
    batch_id = start_batch(client, chat_requests(3))
    seen: list[str] = []
    done = client.batches.wait(batch_id, timeout=10, poll_interval=0.005, on_poll=lambda b: seen.append(b.status))
    assert done.status == "completed"
    order = ["validating", "in_progress", "finalizing", "completed"]
    assert [order.index(status) for status in seen] == sorted(order.index(status) for status in seen)
    assert stamps(done).keys() == {"in_progress_at", "finalizing_at", "completed_at"}
    assert 0 <= stamps(done)["in_progress_at"] <= stamps(done)["finalizing_at"] <= stamps(done)["completed_at"]
