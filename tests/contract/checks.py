"""The two drift checks, as functions that list what is wrong so a failure names the recording and the field."""

from __future__ import annotations

from jsonschema.exceptions import ValidationError
from openapi_core.exceptions import OpenAPIError

from anyapi_batches import errors
from devtools.openapi_document import validate_response
from devtools.recording.recordings import Recording, replay


def _detail(error: ValidationError) -> str:
    if not error.context:
        return f"{error.json_path}: {error.message}"
    # A oneOf that nothing fits: its own message only repeats the body, what each option missed names the field.
    return f"{error.json_path}: fits none of its schemas ({'; '.join(_detail(option) for option in error.context)})"


def _describe(error: OpenAPIError) -> list[str]:
    schema_errors = getattr(error.__cause__, "schema_errors", None)
    if schema_errors:
        return [_detail(detail) for detail in schema_errors]
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
        answer = replay(recording)
    except errors.ResponseValidationError as error:
        return [f"{recording.name}: {error.message}"]
    if answer.to_dict() != recording.body:
        return [f"{recording.name}: $: to_dict() is not the recorded body"]
    return []
