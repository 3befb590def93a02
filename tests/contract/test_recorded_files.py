"""The file recordings tell one story: a batch's output and error files, listed, read and deleted.

OpenAI-compatible servers put the requests that succeeded in the output file, and those answered with an
error status or never run (here: the batch expired first) in the error file. A re-recording that mixes them
up, or lists a file with a size its content does not have, wants a look.
"""

from __future__ import annotations

from anyapi_batches.workflows.results import result_from_line
from devtools.recording.cases import RESULT_FILES
from devtools.recording.recordings import Recording, all_recordings

RECORDINGS = {recording.name: recording for recording in all_recordings()}
OUTPUT, ERRORS = RESULT_FILES


def outcomes(recording: Recording) -> list[str]:
    lines = recording.body.splitlines()
    return [result_from_line(line, number, strict=True).outcome for number, line in enumerate(lines, 1)]


def test_the_listed_files_are_the_ones_read_with_their_sizes() -> None:
    listed = {file["id"]: file for file in RECORDINGS["list_files"].body["data"]}
    assert list(listed) == [OUTPUT, ERRORS]
    for name, file_id in (("retrieve_file_content", OUTPUT), ("retrieve_file_content_errors", ERRORS)):
        content = RECORDINGS[name]
        assert content.api_path == f"/files/{file_id}/content"
        assert listed[file_id]["bytes"] == len(content.body.encode())
        assert listed[file_id]["purpose"] == "batch_output"


def test_the_output_file_holds_successes_and_the_error_file_the_rest() -> None:
    assert set(outcomes(RECORDINGS["retrieve_file_content"])) == {"succeeded"}
    assert outcomes(RECORDINGS["retrieve_file_content_errors"]) == ["failed", "expired"]


def test_the_deleted_file_is_one_that_was_listed() -> None:
    deleted = RECORDINGS["delete_file"]
    assert deleted.body == {"id": ERRORS, "object": "file", "deleted": True}
    assert deleted.method == "delete"
