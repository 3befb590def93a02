"""Each recording, replayed through the strict client, gives the typed object or error its status promises."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from vcr.errors import CannotOverwriteExistingCassetteException

from anyapi_batches import AnyAPI, errors
from devtools.recording.cases import CASES_BY_NAME
from devtools.recording.recordings import Recording, all_recordings, replay, replaying
from tests.contract.checks import client_problems

RECORDINGS = all_recordings()
SUCCESSES = [recording for recording in RECORDINGS if recording.status == 200]
FAILURES = [recording for recording in RECORDINGS if recording.status != 200]
BY_NAME = {recording.name: recording for recording in RECORDINGS}

ERROR_CLASSES: dict[int, type[errors.APIStatusError]] = {
    400: errors.BadRequestError,
    401: errors.AuthenticationError,
    402: errors.PaymentRequiredError,
    403: errors.PermissionDeniedError,
    404: errors.NotFoundError,
    409: errors.ConflictError,
    422: errors.UnprocessableEntityError,
    429: errors.RateLimitError,
    500: errors.InternalServerError,
    503: errors.InternalServerError,
}


def by_name(recording: Recording) -> str:
    return recording.name


def test_every_case_has_a_recording_with_its_status() -> None:
    recorded = {recording.name: recording.status for recording in RECORDINGS}
    assert recorded == {name: case.http_status for name, case in CASES_BY_NAME.items()}


def assert_same_value(value: Any, recorded: Any, where: str) -> None:
    """``value`` is the typed form of ``recorded``: an equal scalar, a model whose dict it is, or a list of those."""
    if isinstance(recorded, dict):
        assert hasattr(value, "to_dict"), f"{where}: {value!r} is not a model"
        assert value.to_dict() == recorded, where
    elif isinstance(recorded, list):
        assert isinstance(value, list), where
        assert len(value) == len(recorded), where
        for index, (item, recorded_item) in enumerate(zip(value, recorded, strict=True)):
            assert_same_value(item, recorded_item, f"{where}[{index}]")
    else:
        assert type(value) is type(recorded), where
        assert value == recorded, where


@pytest.mark.parametrize("recording", SUCCESSES, ids=by_name)
def test_success_gives_the_typed_answer(recording: Recording) -> None:
    case = CASES_BY_NAME[recording.name]
    answer = replay(recording)
    assert type(answer) is case.answer
    if isinstance(answer, bytes):
        # A file's content is its bytes, exactly; its lines are checked by test_success_round_trips_unchanged.
        assert answer == recording.body.encode()
        return
    assert {name: getattr(answer, name) for name in case.shows} == case.shows
    fields = {field.key: field.attribute for field in answer.json_schema().fields}
    assert set(recording.body) <= set(fields)
    for key, recorded in recording.body.items():
        assert_same_value(getattr(answer, fields[key]), recorded, f"{recording.name}: $.{key}")


@pytest.mark.parametrize("recording", SUCCESSES, ids=by_name)
def test_success_round_trips_unchanged(recording: Recording) -> None:
    assert client_problems(recording) == []


@pytest.mark.parametrize("recording", FAILURES, ids=by_name)
def test_error_raises_its_documented_class(recording: Recording) -> None:
    with pytest.raises(errors.APIStatusError) as raised:
        replay(recording)
    error = raised.value
    detail = recording.body["error"]
    assert type(error) is ERROR_CLASSES[recording.status]
    assert error.status_code == recording.status
    assert error.message == f"Error code: {recording.status} - {detail['message']}"
    assert (error.type, error.code) == (detail.get("type"), detail.get("code"))
    assert error.request_id == recording.headers.get("x-request-id")
    assert error.body == recording.body


UNRECORDED: dict[str, tuple[str, Callable[[AnyAPI], object]]] = {
    "another path": ("completed", lambda client: client.batches.retrieve("batch_abc123_other")),
    "another body": (
        "create_batch",
        lambda client: client.batches.create(
            input_file_id="file-other", endpoint="/v1/chat/completions", completion_window="24h"
        ),
    ),
}


@pytest.mark.parametrize(("name", "ask"), UNRECORDED.values(), ids=UNRECORDED.keys())
def test_an_unrecorded_request_fails(name: str, ask: Callable[[AnyAPI], object]) -> None:
    with replaying(BY_NAME[name]) as client, pytest.raises(CannotOverwriteExistingCassetteException):
        ask(client)


def test_the_pager_walks_the_recorded_pages(tmp_path: Path) -> None:
    first, last = BY_NAME["list_batches_first_page"], BY_NAME["list_batches_last_page"]
    both = {**first.cassette, "interactions": first.cassette["interactions"] + last.cassette["interactions"]}
    walk = tmp_path / "walk.yaml"
    walk.write_text(yaml.safe_dump(both))
    with replaying(Recording(walk)) as client:
        ids = [batch.id for batch in client.batches.list(limit=2)]
    assert ids == [batch["id"] for batch in first.body["data"] + last.body["data"]]
    assert len(ids) == 3
