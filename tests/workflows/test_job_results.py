"""A job's results across its parts, and its retry: a new job of the requests that did not succeed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anyapi_batches import AnyAPI, errors
from anyapi_batches.testing import FakeAnyAPI, RequestFailures, Timings
from anyapi_batches.workflows import InputChangedError
from tests.support.jobs import JOB_TAG, JobsUnderTest, job_batches, operations, write_requests

pytestmark = pytest.mark.anyio

EVERY_ID = [f"request-{number}" for number in range(1, 8)]


def lines_by_id(path: Path) -> dict[str, bytes]:
    return {json.loads(line)["custom_id"]: line for line in path.read_bytes().splitlines()}


async def test_results_wait_for_no_part_and_come_only_once_every_part_has_ended(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    job = await jobs.submit(write_requests(tmp_path / "requests.jsonl", 7), max_requests_per_batch=3)
    fake.advance(21)  # the 1-request part has ended, the others are finalizing
    with pytest.raises(errors.BatchNotEndedError) as caught:
        await job.results()
    assert caught.value.status == "finalizing"
    assert caught.value.batch.id == job.job.parts[0].batch_id
    assert "retrieve_file_content" not in operations(fake)
    fake.advance(60)
    results = await job.results()
    assert sorted(result.custom_id for result in results) == EVERY_ID
    assert {result.outcome for result in results} == {"succeeded"}


@pytest.mark.fake(failures=RequestFailures(custom_ids={"request-2", "request-6"}), timings=Timings(per_request=40_000))
async def test_a_retry_is_a_new_job_of_the_failed_and_never_run_requests_as_they_were(
    jobs: JobsUnderTest, fake: FakeAnyAPI, client: AnyAPI, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 7)
    job = await jobs.submit(path, max_requests_per_batch=3)
    fake.advance(24 * 3600)  # each request takes 40,000 s: each 3-request part runs out of time after two
    outcomes = {result.custom_id: result.outcome for result in await job.results()}
    assert outcomes == {
        "request-1": "succeeded",
        "request-2": "failed",
        "request-3": "expired",
        "request-4": "succeeded",
        "request-5": "succeeded",
        "request-6": "expired",
        "request-7": "succeeded",
    }
    retry = await job.retry_failed()
    assert retry is not None
    retry_input = tmp_path / "requests.job.retry-1.jsonl"
    original = lines_by_id(path)
    assert lines_by_id(retry_input) == {key: original[key] for key in ("request-2", "request-3", "request-6")}
    assert retry.job.journal == tmp_path / "requests.job.retry-1.json"
    first, second = (json.loads(journal.read_text()) for journal in (job.job.journal, retry.job.journal))
    assert first["retries"] == [{"job_id": retry.job.id, "journal": str(retry.job.journal)}]
    assert second["retry_of"] == {"job_id": job.job.id, "journal": str(job.job.journal)}
    [[batch]] = job_batches(client, retry.job.id).values()
    assert batch.to_dict()["metadata"][JOB_TAG] == retry.job.id
    fake.advance(24 * 3600)
    assert sorted(result.custom_id for result in await retry.results()) == ["request-2", "request-3", "request-6"]


async def test_a_job_cancelled_before_it_ran_has_no_results_and_all_of_it_is_retried(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 7)
    job = await jobs.submit(path, max_requests_per_batch=3)
    await job.cancel()
    fake.advance(60)
    assert await job.results() == []
    retry = await job.retry_failed(journal=tmp_path / "again.json")
    assert retry is not None
    assert retry.job.journal == tmp_path / "again.json"
    assert (tmp_path / "requests.job.retry-1.jsonl").read_bytes() == path.read_bytes()


async def test_a_job_whose_every_request_succeeded_has_nothing_to_retry(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    job = await jobs.submit(write_requests(tmp_path / "requests.jsonl", 3))
    fake.advance(60)
    sent = len(fake.received)
    assert await job.retry_failed() is None
    assert "create_file" not in operations(fake)[sent:]
    assert json.loads(job.job.journal.read_text())["retries"] == []
    assert sorted(tmp_path.iterdir()) == [tmp_path / "requests.job.json", tmp_path / "requests.jsonl"]


@pytest.mark.fake(failures=RequestFailures(custom_ids={"request-1"}))
async def test_a_retry_is_refused_when_the_file_changed_or_its_journal_exists(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 3)
    job = await jobs.submit(path)
    fake.advance(60)
    (tmp_path / "taken.json").write_text("another job's journal")
    with pytest.raises(FileExistsError):
        await job.retry_failed(journal=tmp_path / "taken.json")
    path.write_bytes(path.read_bytes().replace(b"request-3", b"request-9"))
    sent = len(fake.received)
    with pytest.raises(InputChangedError):
        await job.retry_failed()
    assert "create_file" not in operations(fake)[sent:]
    assert json.loads(job.job.journal.read_text())["retries"] == []
    assert not (tmp_path / "requests.job.retry-1.jsonl").exists()
