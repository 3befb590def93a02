"""``jobs.resume``: a job taken up from its journal after its process failed, without a part sent twice.

The fake's ``Disconnect`` faults stand for a process that stopped mid-call: before the server handled the
call, or after (the server acted; its answer was lost). Killing a real process at each step is in
tests/cli/test_job_crashes.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from anyapi_batches import AnyAPI, errors
from anyapi_batches.testing import Disconnect, FakeAnyAPI
from anyapi_batches.workflows import InputChangedError, JobError, JournalError, JournalVersionError, MissingBatchError
from tests.support.jobs import JobsUnderTest, job_batches, job_uploads, operations, write_requests

pytestmark = pytest.mark.anyio

PARTS = 3


def journal_of(tmp_path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((tmp_path / "requests.job.json").read_text())
    return loaded


def assert_one_upload_and_one_batch_per_part(client: AnyAPI, job_id: str) -> None:
    uploads = job_uploads(client, job_id)
    assert sorted(uploads) == [f"{job_id}.part-{number}.jsonl" for number in range(1, PARTS + 1)]
    assert all(len(files) == 1 for files in uploads.values()), uploads
    batches = job_batches(client, job_id)
    assert sorted(batches) == list(range(1, PARTS + 1))
    assert all(len(made) == 1 for made in batches.values()), batches


@pytest.mark.parametrize("after_handling", [True, False], ids=["answer lost", "never handled"])
@pytest.mark.parametrize(("operation", "step"), [("create_file", "uploading"), ("create_batch", "creating")])
async def test_a_call_cut_off_is_found_or_made_again_on_resume_never_both(
    jobs: JobsUnderTest,
    fake: FakeAnyAPI,
    client: AnyAPI,
    tmp_path: Path,
    operation: str,
    step: str,
    after_handling: bool,
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 5)
    fake.faults.add(Disconnect(after_handling=after_handling), operation=operation)
    with pytest.raises(errors.APIConnectionError):
        await jobs.submit(path, max_requests_per_batch=2)
    journal = journal_of(tmp_path)
    assert [part["step"] for part in journal["parts"]] == [step, "planned", "planned"]
    before = len(fake.received)
    resumed = (await jobs.resume(tmp_path / "requests.job.json")).job
    assert_one_upload_and_one_batch_per_part(client, resumed.id)
    sent = operations(fake)[before:]
    assert sent.count(operation) == PARTS - (1 if after_handling else 0)
    assert sent[0] == ("list_files" if operation == "create_file" else "list_batches"), "looked for before resent"
    assert [part["step"] for part in journal_of(tmp_path)["parts"]] == ["created"] * PARTS
    fake.advance(3600)
    assert (await (await jobs.resume(resumed.journal)).wait(timeout=5)).completed == 5


@pytest.mark.parametrize("after_handling", [True, False], ids=["answer lost", "never handled"])
async def test_the_look_for_a_batch_reads_no_further_than_the_part_s_upload(
    jobs: JobsUnderTest, fake: FakeAnyAPI, client: AnyAPI, tmp_path: Path, after_handling: bool
) -> None:
    await jobs.submit(write_requests(tmp_path / "others.jsonl", 101), max_requests_per_batch=1)  # two pages
    fake.advance(1)
    fake.faults.add(Disconnect(after_handling=after_handling), operation="create_batch")
    with pytest.raises(errors.APIConnectionError):
        await jobs.submit(write_requests(tmp_path / "requests.jsonl", 5), max_requests_per_batch=2)
    before = len(fake.received)
    resumed = (await jobs.resume(tmp_path / "requests.job.json")).job
    # Newest first: the lost batch is the first listed; an older batch than the part's file ends the search.
    assert operations(fake)[before:].count("list_batches") == 1
    assert_one_upload_and_one_batch_per_part(client, resumed.id)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda journal: journal.write_text("{"), "not JSON"),
        (lambda journal: journal.write_bytes(b"\xff\xfe"), "not JSON"),
        (lambda journal: journal.write_text("[]"), "the file: expected an object"),
        (lambda journal: journal.write_text('{"format": "something else", "version": 1}'), "not a job journal"),
        (lambda journal: edit(journal, version="1"), "version"),
        (lambda journal: edit(journal, parts=[]), "at least one part"),
        (lambda journal: edit(journal, endpoint="/v1/images"), "endpoint"),
        (lambda journal: edit_part(journal, 1, number=3), r"parts\[1\].number: expected 2"),
        (lambda journal: edit_part(journal, 0, batch_id=None), r"parts\[0\].batch_id"),
        (lambda journal: edit_part(journal, 0, step="done"), r"parts\[0\].step"),
        (lambda journal: edit_part(journal, 0, requests=-1), r"parts\[0\].requests"),
        (lambda journal: edit(journal, metadata={"team": 5}), "metadata.team: expected a string"),
        (lambda journal: journal.write_text(journal.read_text()[:200]), "not JSON"),
    ],
    ids=[
        "truncated brace",
        "not UTF-8",
        "a list",
        "another format",
        "version as text",
        "no parts",
        "unknown endpoint",
        "parts out of order",
        "created without batch",
        "unknown step",
        "negative count",
        "metadata not text",
        "cut short",
    ],
)
async def test_a_damaged_journal_is_refused_before_anything_is_sent(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path, change: Any, message: str
) -> None:
    job = (await jobs.submit(write_requests(tmp_path / "requests.jsonl", 3), max_requests_per_batch=2)).job
    change(job.journal)
    before = len(fake.received)
    with pytest.raises(JournalError, match=message) as caught:
        await jobs.resume(job.journal)
    assert caught.value.journal == job.journal
    assert str(job.journal) in str(caught.value)
    assert isinstance(caught.value, JobError) and isinstance(caught.value, errors.AnyAPIError)
    assert len(fake.received) == before


async def test_a_journal_from_a_newer_release_is_refused_with_its_version(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    job = (await jobs.submit(write_requests(tmp_path / "requests.jsonl", 3))).job
    edit(job.journal, version=2, something_new={"of": "format 2"})
    before = len(fake.received)
    with pytest.raises(JournalVersionError, match="upgrade anyapi-batches") as caught:
        await jobs.resume(job.journal)
    assert caught.value.version == 2
    assert len(fake.received) == before


async def test_a_journal_of_batches_the_server_does_not_know_is_refused_creating_nothing(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    job = (await jobs.submit(write_requests(tmp_path / "requests.jsonl", 5), max_requests_per_batch=2)).job
    # As if the journal were of another account or server, where these batches never were.
    edit_part(job.journal, 0, batch_id="batch_gone1")
    edit_part(job.journal, 2, batch_id="batch_gone3")
    before = len(fake.received)
    with pytest.raises(MissingBatchError) as caught:
        await jobs.resume(job.journal)
    assert caught.value.batch_ids == ("batch_gone1", "batch_gone3")
    assert "batch_gone1, batch_gone3" in str(caught.value)
    assert operations(fake)[before:] == ["retrieve_batch"] * 3
    assert json.loads(job.journal.read_text())["parts"][0]["batch_id"] == "batch_gone1"


async def test_a_journal_that_is_not_there_is_an_os_error_and_nothing_is_sent(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    with pytest.raises(FileNotFoundError):
        await jobs.resume(tmp_path / "never-written.job.json")
    assert fake.received == []


async def test_a_file_of_requests_that_is_gone_is_a_changed_one(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 3)
    fake.faults.add(Disconnect(), operation="create_file")
    with pytest.raises(errors.APIConnectionError):
        await jobs.submit(path)
    path.unlink()
    with pytest.raises(InputChangedError, match="no longer holds part 1"):
        await jobs.resume(tmp_path / "requests.job.json")
    assert operations(fake).count("create_file") == 1


async def test_a_changed_file_of_requests_is_not_uploaded(
    jobs: JobsUnderTest, fake: FakeAnyAPI, tmp_path: Path
) -> None:
    path = write_requests(tmp_path / "requests.jsonl", 5)
    fake.faults.add(Disconnect(), operation="create_batch", times=1)
    with pytest.raises(errors.APIConnectionError):
        await jobs.submit(path, max_requests_per_batch=2)
    content = path.read_bytes()
    path.write_bytes(content.replace(b"request-4", b"request-X"))
    with pytest.raises(InputChangedError) as caught:
        await jobs.resume(tmp_path / "requests.job.json")
    assert caught.value.part == 2
    assert operations(fake).count("create_file") == 1, "part 1's file went before the change; part 2's did not go"
    assert [part["step"] for part in journal_of(tmp_path)["parts"]] == ["created", "uploading", "planned"]


def edit(journal: Path, **changes: object) -> None:
    document = json.loads(journal.read_text())
    journal.write_text(json.dumps({**document, **changes}))


def edit_part(journal: Path, index: int, **changes: object) -> None:
    document = json.loads(journal.read_text())
    document["parts"][index].update(changes)
    journal.write_text(json.dumps(document))
