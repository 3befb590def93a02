"""The two drift checks, as functions that list what is wrong so a failure names the recording and the field."""

from __future__ import annotations

from openapi_core.exceptions import OpenAPIError

from anyapi_batches import errors
from tests.contract.recordings import Recording, replay
from tests.spec import validate_response


def _describe(error: OpenAPIError) -> list[str]:
    schema_errors = getattr(error.__cause__, "schema_errors", None)
    if schema_errors:
        return [f"{detail.json_path}: {detail.message}" for detail in schema_errors]
    return [f"$: {error}"]


def spec_problems(recording: Recording) -> list[str]:
    """How the recorded response breaks what openapi.yaml says for its status; empty when it does not."""
    try:
        validate_response(recording.method, recording.api_path, recording.status, recording.body, recording.headers)
    except OpenAPIError as error:
        return [f"{recording.name}: {problem}" for problem in _describe(error)]
    return []


def client_problems(recording: Recording) -> list[str]:
    """Why the strict client does not turn this success recording back into its body; empty when it does."""
    try:
        batch = replay(recording)
    except errors.ResponseValidationError as error:
        return [f"{recording.name}: {error.message}"]
    if batch.to_dict() != recording.body:
        return [f"{recording.name}: $: to_dict() is not the recorded body"]
    return []
