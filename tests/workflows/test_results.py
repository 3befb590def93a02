"""``batches.results``: one typed result per request of a batch that has ended, streamed a line at a time.

The fake runs real batches (completed, expired, cancelled, failed) and writes real result files; a scripted
server plays the files no honest server writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import tracemalloc
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI, errors
from anyapi_batches.testing import FakeAnyAPI, RequestFailures, Timings
from anyapi_batches.workflows import BatchResult
from anyapi_batches.workflows.results import decode_line
from devtools.fault_server import Drip, FaultServer, batch_body, batch_reply, error_reply
from tests.support.batch_files import chat_requests, start_batch
from tests.support.flavours import SECRET
from tests.support.streams import Client, close, encoded, flavour, jsonl, make_client, octets, result_line, results

__all__ = ["flavour"]  # a fixture shared with other tests

pytestmark = pytest.mark.anyio

DAY = 24 * 3600
NOT_RUN = {"code": "batch_expired", "message": "This request could not be executed before the window expired."}


@pytest.fixture
def fake(request: pytest.FixtureRequest) -> FakeAnyAPI:
    """The test's fake; ``fake_with(...)`` gives it options."""
    return FakeAnyAPI(**getattr(request, "param", {}))


def fake_with(**options: Any) -> pytest.MarkDecorator:
    return pytest.mark.parametrize("fake", [options], indirect=True, ids=[",".join(options)])


@pytest.fixture
async def client(flavour: str, fake: FakeAnyAPI) -> AsyncIterator[Client]:
    """A client of the flavour under test on the fake, which streams its bodies as a server would."""
    made = fake.client() if flavour == "sync" else fake.async_client()
    yield made
    await close(made)


@pytest.fixture
async def scripted(flavour: str, fault_server: FaultServer) -> AsyncIterator[Client]:
    """A client of the flavour under test on the fault server, for the files no honest server writes."""
    made = make_client(flavour, api_key=SECRET, base_url=fault_server.url, max_retries=0, timeout=5)
    yield made
    await close(made)


def started(fake: FakeAnyAPI, content: bytes) -> str:
    with fake.client() as setup:
        return start_batch(setup, content)


def summary(found: list[BatchResult]) -> list[tuple[str, str, bool]]:
    return [(result.custom_id, result.outcome, result.succeeded) for result in found]


@fake_with(failures=RequestFailures(custom_ids={"request-2"}))
async def test_a_completed_batch_gives_the_output_file_then_the_error_file(fake: FakeAnyAPI, client: Client) -> None:
    batch_id = started(fake, chat_requests(4))
    fake.advance(3600)
    found = await results(client, batch_id)
    assert summary(found) == [
        ("request-1", "succeeded", True),
        ("request-3", "succeeded", True),
        ("request-4", "succeeded", True),
        ("request-2", "failed", False),
    ]
    assert all(type(result) is BatchResult for result in found)
    assert found[-1].to_dict()["response"]["status_code"] == 500


@fake_with(timings=Timings(per_request=30_000))
async def test_an_expired_batch_gives_its_partial_results(fake: FakeAnyAPI, client: Client) -> None:
    batch_id = started(fake, chat_requests(5))
    fake.advance(DAY)
    found = await results(client, batch_id)
    assert summary(found) == [
        ("request-1", "succeeded", True),
        ("request-2", "succeeded", True),
        ("request-3", "expired", False),
        ("request-4", "expired", False),
        ("request-5", "expired", False),
    ]


async def test_a_cancelled_batch_gives_what_ran_and_what_did_not(fake: FakeAnyAPI, client: Client) -> None:
    batch_id = started(fake, chat_requests(4))
    fake.advance(12.5)
    with fake.client() as setup:
        setup.batches.cancel(batch_id)
    fake.advance(60)
    found = await results(client, batch_id)
    assert [result.outcome for result in found] == ["succeeded", "succeeded", "cancelled", "cancelled"]


@fake_with(failures=RequestFailures(rate=1.0))
async def test_a_batch_with_only_an_error_file_gives_those_results(fake: FakeAnyAPI, client: Client) -> None:
    batch_id = started(fake, chat_requests(3))
    fake.advance(3600)
    with fake.client() as setup:
        assert setup.batches.retrieve(batch_id).output_file_id is None
    assert summary(await results(client, batch_id)) == [(f"request-{n}", "failed", False) for n in (1, 2, 3)]


async def test_a_failed_batch_gives_the_results_it_has_none(fake: FakeAnyAPI, client: Client) -> None:
    batch_id = started(fake, chat_requests(1) + b"not json\n")
    fake.advance(3600)
    assert await results(client, batch_id) == []


@pytest.mark.parametrize(("seconds", "status"), [(0, "validating"), (11, "in_progress")])
async def test_a_batch_that_has_not_ended_is_a_clear_error(
    fake: FakeAnyAPI, client: Client, seconds: float, status: str
) -> None:
    batch_id = started(fake, chat_requests(3))
    fake.advance(seconds)
    with pytest.raises(errors.BatchNotEndedError, match=f"it is '{status}'") as raised:
        await results(client, batch_id)
    assert (raised.value.status, raised.value.batch.id) == (status, batch_id)
    assert isinstance(raised.value, errors.AnyAPIError)
    assert not isinstance(raised.value, errors.APIError)
    assert fake.received[-1].operation_id == "retrieve_batch", "no file was read"


def completed(output: str | None = "file-out", error: str | None = None) -> Any:
    return batch_reply(output_file_id=output, error_file_id=error)


async def test_a_line_that_is_not_json_is_named_by_file_and_number(scripted: Client, fault_server: FaultServer) -> None:
    lines = jsonl([result_line("a"), result_line("b")]) + b"\n{not json\n" + jsonl([result_line("c")])
    fault_server.script(completed(), octets(lines))
    with pytest.raises(errors.ResponseValidationError, match=r"^file file-out: line 4: not JSON") as raised:
        await results(scripted, "batch_abc123")
    assert raised.value.body == "{not json"
    assert [request.target for request in fault_server.received] == [
        "/v1/batches/batch_abc123",
        "/v1/files/file-out/content",
    ]


async def test_a_line_that_is_no_result_names_the_field(scripted: Client, fault_server: FaultServer) -> None:
    broken = {key: value for key, value in result_line("b").items() if key != "custom_id"}
    fault_server.script(completed(error="file-err"), octets(b""), octets(jsonl([result_line("a"), broken])))
    with pytest.raises(errors.ResponseValidationError) as raised:
        await results(scripted, "batch_abc123")
    assert raised.value.message == "file file-err: line 2: $.custom_id: required field is missing"
    assert raised.value.path == "$.custom_id"


async def test_a_line_that_is_not_utf8_is_named_by_file_and_number(scripted: Client, fault_server: FaultServer) -> None:
    fault_server.script(completed(), octets(jsonl([result_line("a")]) + b'{"id": "\xff"}\n'))
    with pytest.raises(errors.ResponseValidationError, match=r"^file file-out: line 2: not UTF-8 text"):
        await results(scripted, "batch_abc123")


async def test_an_unknown_field_is_kept_unless_strict(flavour: str, fault_server: FaultServer) -> None:
    line = {**result_line("a"), "new_field": 1}
    for strict in (False, True):
        fault_server.script(completed(), octets(jsonl([line])))
        api = make_client(flavour, api_key=SECRET, base_url=fault_server.url, max_retries=0, strict=strict)
        try:
            if strict:
                with pytest.raises(errors.ResponseValidationError, match=r"line 1: .*new_field"):
                    await results(api, "batch_abc123")
            else:
                (result,) = await results(api, "batch_abc123")
                assert result.additional_properties == {"new_field": 1}
        finally:
            await close(api)


async def test_a_file_that_is_gone_is_its_error(scripted: Client, fault_server: FaultServer) -> None:
    fault_server.script(completed(), error_reply(404))
    with pytest.raises(errors.NotFoundError):
        await results(scripted, "batch_abc123")


async def test_a_dripping_file_cannot_outlast_the_total_timeout(scripted: Client, fault_server: FaultServer) -> None:
    fault_server.script(completed(), Drip(octets(jsonl([result_line("a")] * 50)), every=0.01))
    start = time.monotonic()
    with pytest.raises(errors.APITimeoutError):
        await results(scripted, "batch_abc123", total_timeout=1)
    assert time.monotonic() - start < 2


def test_outcomes_follow_the_answer_and_the_error() -> None:
    def outcome(**line: Any) -> tuple[str, bool]:
        result = BatchResult.from_dict({"id": "batch_req_1", "custom_id": "a", **line}, strict=True)
        return result.outcome, result.succeeded

    answered = {"status_code": 200, "body": {}}
    assert outcome(response=answered, error=None) == ("succeeded", True)
    assert outcome(response={**answered, "status_code": 201}) == ("succeeded", True)
    assert outcome(response={**answered, "status_code": 429}, error=None) == ("failed", False)
    assert outcome(response=answered, error={"message": "odd", "code": "x"}) == ("failed", False)
    assert outcome(response=None, error=NOT_RUN) == ("expired", False)
    assert outcome(response=None, error={"code": "batch_cancelled", "message": "m"}) == ("cancelled", False)
    assert outcome(response=None, error={"code": None, "message": "m"}) == ("failed", False)
    assert outcome() == ("failed", False)


def big_result_file(megabytes: int) -> tuple[bytes, int]:
    """A result file of about ``megabytes``: chat answers of about a kilobyte each, and how many lines."""
    answer = {"id": "chatcmpl-1", "object": "chat.completion", "choices": [{"message": {"content": "x" * 800}}]}
    line = json.dumps({**result_line("request-0"), "response": {"status_code": 200, "body": answer}}).encode()
    count = megabytes * 1_000_000 // (len(line) + 1)
    return b"\n".join([line] * count) + b"\n", count


def peak_while(read: Callable[[], int]) -> tuple[int, int]:
    """What ``read`` returns (the results it counted), and the most memory in use at once (above the start)."""
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        count = read()
        return count, tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


async def count_results(api: AsyncAnyAPI) -> int:
    count = 0
    async with api:
        async for _ in api.batches.results("batch_abc123"):
            count += 1
    return count


def test_a_large_result_file_is_read_in_little_memory(fault_server: FaultServer, flavour: str) -> None:
    body, count = big_result_file(30)
    # Encoded up front: the server sends it without allocating, so what is measured is the client.
    fault_server.script(completed(), encoded(octets(body)))
    options: dict[str, Any] = {"api_key": SECRET, "base_url": fault_server.url, "max_retries": 0}
    if flavour == "sync":
        with AnyAPI(**options) as api:
            read, peak = peak_while(lambda: sum(1 for _ in api.batches.results("batch_abc123")))
    else:
        read, peak = peak_while(lambda: asyncio.run(count_results(AsyncAnyAPI(**options))))
    assert read == count
    assert peak < 8 * 2**20, f"{peak / 2**20:.1f} MiB for a {len(body) / 2**20:.0f} MiB file"


class Watched(httpx.SyncByteStream):
    """A result file of three lines that records whether it was closed."""

    closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield jsonl([result_line(custom_id) for custom_id in "abc"])

    def close(self) -> None:
        self.closed = True


def test_an_early_end_closes_the_file_being_read() -> None:
    content = Watched()

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/content"):
            return httpx.Response(200, stream=content)
        return httpx.Response(200, json=batch_body(output_file_id="file-out"))

    http = httpx.Client(transport=httpx.MockTransport(answer))
    with AnyAPI(api_key=SECRET, base_url="http://results.test/v1", http_client=http) as api:
        with contextlib.closing(api.batches.results("batch_abc123")) as found:
            assert next(found).custom_id == "a"
            assert not content.closed
        assert content.closed


@pytest.mark.parametrize(
    "line",
    ['{"a": 1}', ' {"a": 1}', '{"a": 1} ', '{"a": 1}{"b": 2}', '{"a": 1', "[]", "7", "nul", "", "[" * 100_000],
    ids=["value", "space before", "space after", "two values", "cut off", "array", "number", "bad", "empty", "deep"],
)
def test_a_line_is_read_as_json_loads_reads_it(line: str) -> None:
    try:
        expected = json.loads(line)
    except (ValueError, RecursionError):
        # Refused alike; too deep a nesting, which json.loads lets out as a RecursionError, as a ValueError.
        with pytest.raises(ValueError):
            decode_line(line)
        return
    assert decode_line(line) == expected
