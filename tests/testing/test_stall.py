"""The ``Stall`` fault: a request left unanswered until its client goes away, handled first or not at all."""

from __future__ import annotations

import threading
import time

import pytest

from anyapi_batches import AnyAPI, errors
from anyapi_batches.testing import FakeAnyAPI, ServerError, Stall
from tests.support.batch_files import chat_requests, start_batch, upload


@pytest.mark.parametrize("after_handling", [True, False])
def test_in_process_a_stalled_call_times_out_at_once_its_effect_standing_if_handled(
    fake: FakeAnyAPI, after_handling: bool
) -> None:
    with fake.client(max_retries=0) as client:
        uploaded = upload(client, chat_requests(1))
        fake.faults.add(Stall(after_handling=after_handling), operation="create_batch")
        with pytest.raises(errors.APITimeoutError):
            client.batches.create(input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h")
        assert len(list(client.batches.list())) == (1 if after_handling else 0)
    assert [(call.operation_id, call.status) for call in fake.received][1:3] == [
        ("create_batch", None),
        ("list_batches", 200),
    ]


def test_over_http_the_request_waits_until_its_client_gives_up_while_others_are_answered(fake: FakeAnyAPI) -> None:
    with fake.serve() as url:
        with AnyAPI(api_key="k", base_url=url, max_retries=0) as client:
            batch_id = start_batch(client, chat_requests(1))
        fake.faults.add(Stall(after_handling=True), operation="retrieve_batch")
        outcome: list[BaseException | None] = []

        def stalled_poll() -> None:
            with AnyAPI(api_key="k", base_url=url, max_retries=0, timeout=1.0) as patient:
                try:
                    patient.batches.retrieve(batch_id)
                except errors.APIError as error:
                    outcome.append(error)
                else:
                    outcome.append(None)

        started = time.monotonic()
        waiting = threading.Thread(target=stalled_poll)
        waiting.start()
        while not any(call.operation_id == "retrieve_batch" for call in fake.received):
            assert time.monotonic() - started < 5, "the stalled request never arrived"
            time.sleep(0.01)
        with AnyAPI(api_key="k", base_url=url, max_retries=0) as other:
            assert other.batches.retrieve(batch_id).id == batch_id, "the server answers others meanwhile"
        assert outcome == [], "the stalled request got an answer"
        waiting.join(10)
        assert [type(error) for error in outcome] == [errors.APITimeoutError]
        assert 1.0 <= time.monotonic() - started < 5


def test_a_fault_after_some_requests_lets_those_through_first(fake: FakeAnyAPI) -> None:
    fake.faults.add(ServerError(), operation="list_files", after=2)
    with fake.client(max_retries=0) as client:
        for _ in range(2):
            assert list(client.files.list()) == []
        with pytest.raises(errors.InternalServerError):
            next(client.files.list().pages())
        next(client.batches.list().pages())
        assert list(client.files.list()) == []
    assert [call.status for call in fake.received] == [200, 200, 500, 200, 200]


@pytest.mark.parametrize("after", [-1, 1.0, True])
def test_after_must_be_a_whole_number(fake: FakeAnyAPI, after: object) -> None:
    with pytest.raises(ValueError, match="after must be a whole number, 0 or more"):
        fake.faults.add(Stall(), after=after)  # type: ignore[arg-type]
