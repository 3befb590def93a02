"""The two drift checks, as functions that list what is wrong so a failure names the recording and the field."""

from __future__ import annotations

import json

from jsonschema.exceptions import ValidationError
from openapi_core.exceptions import OpenAPIError

from anyapi_batches import errors
from anyapi_batches.workflows.results import result_from_line
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
        validate_response(
            recording.method,
            recording.api_path,
            recording.status,
            recording.body,
            recording.headers,
            recording.media_type,
        )
    except OpenAPIError as error:
        return [f"{recording.name}: {problem}" for problem in _describe(error)]
    return []


def client_problems(recording: Recording) -> list[str]:
    """Why the strict client does not turn this success recording back into its body; empty when it does."""
    try:
        answer = replay(recording)
    except errors.ResponseValidationError as error:
        return [f"{recording.name}: {error.message}"]
    if isinstance(answer, bytes):
        return content_problems(recording, answer)
    if answer.to_dict() != recording.body:
        return [f"{recording.name}: $: to_dict() is not the recorded body"]
    return []


def content_problems(recording: Recording, content: bytes) -> list[str]:
    """A file's content, read by the client: the bytes recorded, and each line a strict result.

    The spec can only say that a file's content is bytes; what the recorded files are (a batch's result
    files, one result per line) is checked here, by the decoding ``batches.results`` uses.
    """
    if content != recording.body.encode():
        return [f"{recording.name}: the content read is not the recorded body"]
    problems = []
    for number, line in enumerate(content.decode().splitlines(), 1):
        try:
            result = result_from_line(line, number, strict=True)
        except errors.ResponseValidationError as error:
            problems.append(f"{recording.name}: {error.message}")
            continue
        if result.to_dict() != json.loads(line):
            problems.append(f"{recording.name}: line {number}: to_dict() is not the recorded line")
    return problems
