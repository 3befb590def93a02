"""Each recorded answer fits the recorded request that produced it.

A server answers what it was asked: the batch it was told to create, the file
it was sent, the page after the cursor, the id in the path. An answer that
does not is a recording that went wrong, however well it fits the spec.
"""

from __future__ import annotations

import json
from email.message import Message
from email.parser import BytesParser
from urllib.parse import parse_qs, urlsplit

import pytest

from anyapi_batches.models import BatchList, FileList
from devtools.recording.cases import CASES_BY_NAME
from devtools.recording.recordings import Recording, all_recordings

RECORDINGS = {recording.name: recording for recording in all_recordings()}
SUCCESSES = [recording for recording in RECORDINGS.values() if recording.status == 200]
PAGES = [recording for recording in SUCCESSES if CASES_BY_NAME[recording.name].answer in (BatchList, FileList)]
# JSON answers to a request with an id in its path: /batches/{batch_id}, /batches/{batch_id}/cancel,
# /files/{file_id} (a file's content is about its id too, but holds no id of its own).
ABOUT_ONE_ID = [
    recording
    for recording in SUCCESSES
    if recording.is_json and {"batch_id", "file_id"} & set(CASES_BY_NAME[recording.name].arguments)
]


def by_name(recording: Recording) -> str:
    return recording.name


def query(recording: Recording) -> dict[str, list[str]]:
    return parse_qs(urlsplit(recording.target).query)


def form_parts(recording: Recording) -> dict[str, Message]:
    """The parts of a recorded multipart request, by field name."""
    content_type = recording.cassette["interactions"][0]["request"]["headers"]["content-type"][0]
    message = BytesParser().parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + recording.request_body)
    parts = [part for part in message.get_payload() if isinstance(part, Message)]
    return {str(part.get_param("name", header="content-disposition")): part for part in parts}


def test_the_created_batch_is_the_one_asked_for() -> None:
    recording = RECORDINGS["create_batch"]
    asked = json.loads(recording.request_body)
    assert {key: recording.body[key] for key in asked} == asked
    assert recording.body["status"] == "validating"


def test_the_uploaded_file_is_described_as_sent() -> None:
    recording = RECORDINGS["create_file"]
    parts = form_parts(recording)
    assert set(parts) == {"file", "purpose"}
    content = parts["file"].get_payload(decode=True)
    assert isinstance(content, bytes)
    assert recording.body["bytes"] == len(content)
    assert recording.body["filename"] == parts["file"].get_filename()
    assert recording.body["purpose"] == parts["purpose"].get_payload()


@pytest.mark.parametrize("recording", ABOUT_ONE_ID, ids=by_name)
def test_the_answer_is_about_the_id_in_the_path(recording: Recording) -> None:
    assert recording.body["id"] == recording.api_path.split("/")[2]


@pytest.mark.parametrize("recording", PAGES, ids=by_name)
def test_a_page_holds_what_it_says(recording: Recording) -> None:
    body = recording.body
    ids = [item["id"] for item in body["data"]]
    assert (body["first_id"], body["last_id"]) == ((ids[0], ids[-1]) if ids else (None, None))
    created = [item["created_at"] for item in body["data"]]
    assert created == sorted(created, reverse=True), "most recent first"
    limit = int(query(recording)["limit"][0])
    assert len(ids) == limit if body["has_more"] else len(ids) <= limit


def test_the_last_page_is_the_one_after_the_first() -> None:
    first, last = RECORDINGS["list_batches_first_page"], RECORDINGS["list_batches_last_page"]
    assert first.body["has_more"]
    assert query(last)["after"] == [first.body["last_id"]]
    assert not last.body["has_more"]
