"""Every recorded response is what openapi.yaml promises for its status code."""

from __future__ import annotations

import pytest

from tests.contract.checks import spec_problems
from tests.contract.recordings import Recording, all_recordings


@pytest.mark.parametrize("recording", all_recordings(), ids=lambda recording: recording.name)
def test_recording_matches_the_spec(recording: Recording) -> None:
    assert spec_problems(recording) == []
