"""Every recorded response is what openapi.yaml promises for its status code."""

from __future__ import annotations

import pytest

from devtools.recording.recordings import Recording, all_recordings
from tests.contract.checks import spec_problems


@pytest.mark.parametrize("recording", all_recordings(), ids=lambda recording: recording.name)
def test_recording_matches_the_spec(recording: Recording) -> None:
    assert spec_problems(recording) == []
