"""The batch recordings are realistic: timestamps, file ids and request counts fit the status they show.

Drawn from the Batch API's lifecycle (validating -> in_progress -> finalizing ->
completed, or failed / expired / cancelling -> cancelled). A re-recording that
breaks these is either a server that changed its ways or a recording that
went wrong; both want a look.
"""

from __future__ import annotations

from typing import Any

import pytest

from anyapi_batches.models import Batch, BatchList
from anyapi_batches.models.batch_status import BatchStatus
from devtools.recording.cases import CASES_BY_NAME
from devtools.recording.recordings import all_recordings

DAY = 24 * 60 * 60


def recorded_batches() -> dict[str, Any]:
    """Every whole batch the recordings hold, on its own or on a page, keyed by where it is."""
    found = {}
    for recording in all_recordings():
        answer = CASES_BY_NAME[recording.name].answer
        if answer is Batch:
            found[recording.name] = recording.body
        if answer is BatchList:
            found.update({f"{recording.name}.data[{index}]": body for index, body in enumerate(recording.body["data"])})
    return found


BATCHES = recorded_batches()

# The milestones a batch in each status has passed, besides created_at (and expires_at, set once it is accepted).
MILESTONES: dict[BatchStatus, set[str]] = {
    "validating": set(),
    "failed": {"failed_at"},
    "in_progress": {"in_progress_at"},
    "finalizing": {"in_progress_at", "finalizing_at"},
    "completed": {"in_progress_at", "finalizing_at", "completed_at"},
    "expired": {"in_progress_at", "expired_at"},
    "cancelling": {"in_progress_at", "cancelling_at"},
    "cancelled": {"in_progress_at", "cancelling_at", "cancelled_at"},
}
ORDER = ["created_at", "in_progress_at", "finalizing_at", "cancelling_at", "completed_at", "cancelled_at"]
TERMINAL = {"completed", "expired", "cancelled"}


@pytest.mark.parametrize("body", BATCHES.values(), ids=BATCHES.keys())
def test_timestamps_fit_the_status(body: Any) -> None:
    stamps = {key: value for key, value in body.items() if key.endswith("_at") and value is not None}
    assert set(stamps) - {"created_at", "expires_at"} == MILESTONES[body["status"]]
    in_order = [stamps[key] for key in ORDER if key in stamps]
    assert in_order == sorted(in_order)
    if "expires_at" in stamps and body["completion_window"] == "24h":
        assert stamps["expires_at"] == stamps["created_at"] + DAY
    if "expired_at" in stamps:
        assert stamps["expired_at"] >= stamps["expires_at"]


@pytest.mark.parametrize("body", BATCHES.values(), ids=BATCHES.keys())
def test_request_counts_add_up(body: Any) -> None:
    counts = body["request_counts"]
    done = counts["completed"] + counts["failed"]
    assert done <= counts["total"]
    if body["status"] == "completed":
        assert done == counts["total"]


@pytest.mark.parametrize("body", BATCHES.values(), ids=BATCHES.keys())
def test_result_files_exist_only_for_results(body: Any) -> None:
    finished = body["status"] in TERMINAL
    counts = body["request_counts"]
    assert (body["output_file_id"] is not None) == (finished and counts["completed"] > 0)
    assert (body["error_file_id"] is not None) == (finished and counts["failed"] > 0)


def test_every_status_is_recorded() -> None:
    assert {body["status"] for body in BATCHES.values()} == set(MILESTONES)


def test_metadata_is_recorded_present_empty_and_null() -> None:
    shapes = {"present" if metadata else repr(metadata) for metadata in (body["metadata"] for body in BATCHES.values())}
    assert shapes == {"present", "{}", "None"}


def test_the_upstream_fields_are_recorded() -> None:
    failed = [body for body in BATCHES.values() if body["status"] == "failed"]
    assert failed and all(body["errors"]["data"] for body in failed)
    assert any(body.get("model") and body.get("usage") for body in BATCHES.values())
