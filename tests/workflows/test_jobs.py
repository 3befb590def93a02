"""``client.jobs``: a file of requests cut into tagged batches, waited for and cancelled as one job, on the fake."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from anyapi_batches import AnyAPI, errors
from anyapi_batches.testing import FakeAnyAPI
from anyapi_batches.workflows import InvalidInputError, JobProgress
from tests.support.jobs import JOB_TAG, PART_TAG, JobsUnderTest, job_batches, job_uploads, operations, write_requests

pytestmark = pytest.mark.anyio


def uploaded_content(fake: FakeAnyAPI, file_id: str) -> bytes:
    with httpx.Client(transport=fake.transport(), base_url=fake.base_url + "/") as raw:
        response = raw.get(f"files/{file_id}/content", headers={"Authorization": f"Bearer {fake.api_key}"})
    assert response.status_code == 200
    return response.content


async def test_a_job_is_cut_into_parts_each_uploaded_once_and_made_a_tagged_batch(
    jobs: JobsUnderTest, fake: FakeAnyAPI, client: AnyAPI, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 7)
    submitted = (await jobs.submit(path, max_requests_per_batch=3, metadata={"team": "eval"})).job
    assert [part.requests for part in submitted.parts] == [3, 3, 1]
    assert operations(fake) == ["create_file", "create_batch"] * 3
    batches = job_batches(client, submitted.id)
    uploads = job_uploads(client, submitted.id)
    assert sorted(uploads) == [f"{submitted.id}.part-{number}.jsonl" for number in (1, 2, 3)]
    pieces = []
    for part in submitted.parts:
        [batch] = batches[part.number]
        assert batch.id == part.batch_id
        assert batch.input_file_id == part.file_id
        assert batch.to_dict()["metadata"] == {"team": "eval", JOB_TAG: submitted.id, PART_TAG: str(part.number)}
        [upload] = uploads[f"{submitted.id}.part-{part.number}.jsonl"]
        assert upload.id == part.file_id
        pieces.append(uploaded_content(fake, upload.id))
    assert b"".join(pieces) == path.read_bytes()
    assert [piece.count(b"\n") for piece in pieces] == [3, 3, 1]
    assert submitted.journal == tmp_path / "requests.job.json"


async def test_a_part_never_holds_more_bytes_than_allowed(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 9)
    line_bytes = [len(line) + 1 for line in path.read_bytes().splitlines()]
    limit = line_bytes[0] + line_bytes[1] + line_bytes[2] - 1  # two lines fit, three do not
    submitted = (await jobs.submit(path, max_bytes_per_batch=limit)).job
    assert [part.requests for part in submitted.parts] == [2, 2, 2, 2, 1]
    sizes = [len(uploaded_content(fake, part.file_id or "")) for part in submitted.parts]
    assert max(sizes) <= limit
    assert sum(sizes) == len(path.read_bytes())


async def test_the_last_line_without_a_line_break_is_sent_with_one(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 2)
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    submitted = (await jobs.submit(path, max_requests_per_batch=1)).job
    assert uploaded_content(fake, submitted.parts[1].file_id or "").endswith(b"}\n")


async def test_wait_reports_the_progress_of_all_parts_until_every_one_ended(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 7)
    job = await jobs.submit(path, max_requests_per_batch=3)
    seen: list[JobProgress] = []

    def on_progress(progress: JobProgress) -> None:
        seen.append(progress)
        fake.advance(1)  # each round of polls finds the batches a second further on

    final = await job.wait(timeout=30, poll_interval=0.001, on_progress=on_progress)
    assert final is seen[-1]
    assert (final.ended, final.parts_ended, final.requests, final.completed, final.failed) == (True, 3, 7, 7, 0)
    assert final.statuses == ("completed",) * 3
    dones = [progress.done for progress in seen]
    assert dones == sorted(dones) and dones[0] < 7
    assert any(0 < progress.parts_ended < 3 for progress in seen), "parts end one by one: the 1-request one first"
    journal = json.loads(job.job.journal.read_text())
    assert [part["status"] for part in journal["parts"]] == ["completed"] * 3
    # A part that ended is polled no more.
    polls = operations(fake).count("retrieve_batch")
    await job.wait(timeout=5)
    assert operations(fake).count("retrieve_batch") == polls


async def test_a_wait_that_runs_out_of_time_raises_with_the_last_progress(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    job = await jobs.submit(write_requests(tmp_path / "requests.jsonl", 2))
    seen: list[JobProgress] = []
    with pytest.raises(errors.WaitTimeoutError) as caught:
        await job.wait(timeout=0.2, poll_interval=0.01, on_progress=seen.append)
    assert caught.value.batch is seen[-1]
    assert seen[-1].statuses == ("validating",)


async def test_cancel_cancels_every_part_still_running_and_leaves_the_ended_ones(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    job = await jobs.submit(write_requests(tmp_path / "requests.jsonl", 7), max_requests_per_batch=3)
    fake.advance(21)  # the 1-request part has completed; the others are finalizing
    cancelled = await job.cancel()
    assert operations(fake).count("cancel_batch") == 3
    assert cancelled.statuses == ("cancelling", "cancelling", "validating"), "the last part's end is not seen yet"
    fake.advance(10)
    assert (await job.wait(timeout=5, poll_interval=0.001)).statuses == ("cancelled", "cancelled", "completed")
    assert operations(fake).count("cancel_batch") == 3


async def test_resuming_a_submitted_job_only_checks_its_batches(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    submitted = (await jobs.submit(write_requests(tmp_path / "requests.jsonl", 5), max_requests_per_batch=2)).job
    before = len(fake.received)
    resumed = (await jobs.resume(submitted.journal)).job
    assert operations(fake)[before:] == ["retrieve_batch"] * 3
    assert (resumed.id, resumed.parts) == (submitted.id, submitted.parts)


@pytest.mark.parametrize(
    "metadata",
    [
        {f"key{number}": "value" for number in range(15)},
        {JOB_TAG: "mine"},
        {"k" * 65: "value"},
        {"key": "v" * 513},
    ],
    ids=["no room for the tags", "a tag's key", "a long key", "a long value"],
)
async def test_metadata_that_does_not_fit_beside_the_tags_is_refused_before_anything(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path, metadata: dict[str, str]
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 2)
    with pytest.raises(ValueError, match="metadata"):
        await jobs.submit(path, metadata=metadata)
    assert fake.received == []
    assert not (tmp_path / "requests.job.json").exists()


@pytest.mark.parametrize("metadata", [{"team": 5}, {7: "seven"}, [("team", "eval")]], ids=["value", "key", "list"])
async def test_metadata_that_is_no_mapping_of_strings_is_refused_before_anything(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path, metadata: object
) -> None:
    with pytest.raises(TypeError, match="metadata"):
        await jobs.submit(write_requests(tmp_path / "requests.jsonl", 2), metadata=metadata)
    assert fake.received == []
    assert not (tmp_path / "requests.job.json").exists()


async def test_fourteen_pairs_of_metadata_fit_beside_the_tags(
    jobs: JobsUnderTest, client: AnyAPI, tmp_path: Path
) -> None:
    metadata = {f"key{number}": "v" * 512 for number in range(14)}
    submitted = (await jobs.submit(write_requests(tmp_path / "requests.jsonl", 1), metadata=metadata)).job
    [[batch]] = job_batches(client, submitted.id).values()
    assert len(batch.to_dict()["metadata"]) == 16


@pytest.mark.parametrize(
    "options",
    [
        {"completion_window": "48h"},
        {"endpoint": "/v1/images"},
        {"max_requests_per_batch": 0},
        {"max_bytes_per_batch": 1.5},
    ],
    ids=lambda options: next(iter(options)),
)
async def test_arguments_the_api_would_refuse_stop_the_job_before_anything(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path, options: dict[str, object]
) -> None:
    with pytest.raises(ValueError):
        await jobs.submit(write_requests(tmp_path / "requests.jsonl", 2), **options)
    assert fake.received == []
    assert list(tmp_path.iterdir()) == [tmp_path / "requests.jsonl"]


async def test_a_file_with_problems_is_refused_with_them_and_no_journal(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 3, prefix="same")
    path.write_bytes(path.read_bytes() + path.read_bytes().splitlines(keepends=True)[0])
    with pytest.raises(InvalidInputError) as caught:
        await jobs.submit(path, max_requests_per_batch=2)
    assert [(problem.line, problem.code) for problem in caught.value.problems] == [(4, "duplicate_custom_id")]
    assert isinstance(caught.value, errors.AnyAPIError) and isinstance(caught.value, ValueError)
    assert fake.received == []
    assert not (tmp_path / "requests.job.json").exists()


async def test_a_line_larger_than_a_whole_part_is_a_problem_of_the_file(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 2)
    longest = max(len(line) for line in path.read_bytes().splitlines())
    with pytest.raises(InvalidInputError) as caught:
        await jobs.submit(path, max_bytes_per_batch=longest)  # the line fits; with its line break, it does not
    assert {problem.code for problem in caught.value.problems} == {"line_too_large"}
    assert fake.received == []


async def test_an_existing_journal_is_never_overwritten(jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path) -> None:
    journal = tmp_path / "job.json"
    journal.write_text("a running job's journal")
    with pytest.raises(FileExistsError, match="resume"):
        await jobs.submit(write_requests(tmp_path / "requests.jsonl", 2), journal=journal)
    assert journal.read_text() == "a running job's journal"
    assert fake.received == []
