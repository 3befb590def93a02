"""Making a case's request through the generated client, the way a caller would."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from anyapi_batches import AnyAPI
from anyapi_batches.models import BatchList, FileList
from anyapi_batches.types import File
from devtools.recording.cases import LIVE_ARGUMENT, Answer, Case, Operation, Upload


def _first_page(client: AnyAPI, **arguments: Any) -> BatchList:
    # One exchange per cassette: the page asked for, without following its cursor.
    return next(iter(client.batches.list(**arguments).pages()))


def _first_page_of_files(client: AnyAPI, **arguments: Any) -> FileList:
    return next(iter(client.files.list(**arguments).pages()))


def _content(client: AnyAPI, **arguments: Any) -> bytes:
    with client.files.content(**arguments) as body:
        return body.read()


METHODS: dict[Operation, Callable[..., Answer]] = {
    "retrieve_batch": lambda client, **arguments: client.batches.retrieve(**arguments),
    "create_batch": lambda client, **arguments: client.batches.create(**arguments),
    "list_batches": _first_page,
    "cancel_batch": lambda client, **arguments: client.batches.cancel(**arguments),
    "create_file": lambda client, **arguments: client.files.create(**arguments),
    "retrieve_file": lambda client, **arguments: client.files.retrieve(**arguments),
    "list_files": _first_page_of_files,
    "delete_file": lambda client, **arguments: client.files.delete(**arguments),
    "retrieve_file_content": _content,
}


def _argument(value: Any) -> Any:
    return File(payload=io.BytesIO(value.content), file_name=value.filename) if isinstance(value, Upload) else value


def send(client: AnyAPI, case: Case, live_id: str | None = None) -> Answer:
    """The case's request and the client's answer; ``live_id`` stands in for the case's own id."""
    arguments = {name: _argument(value) for name, value in case.arguments.items()}
    if live_id is not None:
        arguments[LIVE_ARGUMENT[case.operation]] = live_id
    return METHODS[case.operation](client, **arguments)
