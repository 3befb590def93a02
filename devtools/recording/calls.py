"""Making a case's request through the generated client, the way a caller would."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from anyapi_batches import AnyAPI
from anyapi_batches.models import BatchList
from anyapi_batches.types import File
from devtools.recording.cases import LIVE_ARGUMENT, Case, Model, Operation, Upload


def _first_page(client: AnyAPI, **arguments: Any) -> BatchList:
    # One exchange per cassette: the page asked for, without following its cursor.
    return next(iter(client.batches.list(**arguments).pages()))


METHODS: dict[Operation, Callable[..., Model]] = {
    "retrieve_batch": lambda client, **arguments: client.batches.retrieve(**arguments),
    "create_batch": lambda client, **arguments: client.batches.create(**arguments),
    "list_batches": _first_page,
    "cancel_batch": lambda client, **arguments: client.batches.cancel(**arguments),
    "create_file": lambda client, **arguments: client.files.create(**arguments),
    "retrieve_file": lambda client, **arguments: client.files.retrieve(**arguments),
}


def _argument(value: Any) -> Any:
    return File(payload=io.BytesIO(value.content), file_name=value.filename) if isinstance(value, Upload) else value


def send(client: AnyAPI, case: Case, live_id: str | None = None) -> Model:
    """The case's request and the client's answer; ``live_id`` stands in for the case's own id."""
    arguments = {name: _argument(value) for name, value in case.arguments.items()}
    if live_id is not None:
        arguments[LIVE_ARGUMENT[case.operation]] = live_id
    return METHODS[case.operation](client, **arguments)
