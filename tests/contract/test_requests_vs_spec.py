"""The client's requests, checked by a Prism mock of openapi.yaml that validates every request it gets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from anyapi_batches import AnyAPI, errors
from devtools.openapi_document import spec
from devtools.recording.calls import send
from devtools.recording.cases import CASES, Case

# Prism answers the spec's own example for any request it accepts.
KEY = "prism-key"


def client(prism_url: str, http_client: httpx.Client | None = None) -> AnyAPI:
    return AnyAPI(api_key=KEY, base_url=prism_url, strict=True, max_retries=0, http_client=http_client)


def success_example(operation_id: str) -> Any:
    """The example of the operation's success: decoded JSON, or the bytes of any other media type."""
    operation = next(
        operation
        for item in spec()["paths"].values()
        for operation in item.values()
        if operation["operationId"] == operation_id
    )
    ((media_type, media),) = operation["responses"]["200"]["content"].items()
    return media["example"] if media_type == "application/json" else media["example"].encode()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_recorded_request_is_accepted(case: Case, prism_url: str) -> None:
    with client(prism_url) as anyapi:
        answer = send(anyapi, case)
    assert (answer if isinstance(answer, bytes) else answer.to_dict()) == success_example(case.operation)


def _drop_auth(request: httpx.Request) -> None:
    del request.headers["Authorization"]


def _basic_auth(request: httpx.Request) -> None:
    request.headers["Authorization"] = "Basic a2V5Og=="


@pytest.mark.parametrize("spoil", [_drop_auth, _basic_auth], ids=["no auth", "not bearer"])
def test_a_request_without_bearer_auth_is_refused(spoil: Callable[[httpx.Request], None], prism_url: str) -> None:
    with (
        httpx.Client(event_hooks={"request": [spoil]}) as http,
        client(prism_url, http) as anyapi,
        pytest.raises(errors.AuthenticationError) as raised,
    ):
        anyapi.batches.retrieve("batch_abc123")
    assert raised.value.status_code == 401
