"""Each recording, replayed through the strict client, gives the typed object or error its status promises."""

from __future__ import annotations

from typing import Any

import pytest
from vcr.errors import CannotOverwriteExistingCassetteException

from anyapi_batches import errors
from anyapi_batches.models import Batch
from tests.contract.cases import CASES_BY_NAME
from tests.contract.checks import client_problems
from tests.contract.recordings import Recording, all_recordings, replay, replaying

RECORDINGS = all_recordings()
SUCCESSES = [recording for recording in RECORDINGS if recording.status == 200]
FAILURES = [recording for recording in RECORDINGS if recording.status != 200]

ERROR_CLASSES: dict[int, type[errors.APIStatusError]] = {
    400: errors.BadRequestError,
    401: errors.AuthenticationError,
    402: errors.APIStatusError,
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
    """``value`` is the typed form of ``recorded``: equal scalars, or a model whose dict is the recorded object."""
    if isinstance(recorded, dict):
        assert hasattr(value, "to_dict"), f"{where}: {value!r} is not a model"
        assert value.to_dict() == recorded, where
    else:
        assert type(value) is type(recorded), where
        assert value == recorded, where


@pytest.mark.parametrize("recording", SUCCESSES, ids=by_name)
def test_success_gives_the_typed_batch(recording: Recording) -> None:
    case = CASES_BY_NAME[recording.name]
    batch = replay(recording)
    assert isinstance(batch, Batch)
    assert (batch.id, batch.status) == (case.batch_id, case.batch_status)
    fields = {field.key: field.attribute for field in Batch.json_schema().fields}
    assert set(recording.body) <= set(fields)
    for key, recorded in recording.body.items():
        assert_same_value(getattr(batch, fields[key]), recorded, f"{recording.name}: $.{key}")


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


def test_an_unrecorded_request_fails() -> None:
    recording = SUCCESSES[0]
    with replaying(recording) as client, pytest.raises(CannotOverwriteExistingCassetteException):
        client.batches.retrieve(recording.batch_id + "_other")
