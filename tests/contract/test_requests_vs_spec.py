"""The client's requests, checked by a Prism mock of openapi.yaml that validates every request it gets."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from anyapi_batches import AnyAPI, errors
from anyapi_batches.models import Batch
from tests.contract.recordings import Recording, all_recordings

# Prism answers the spec's own example for any request it accepts.
KEY = "prism-key"


def client(prism_url: str, http_client: httpx.Client | None = None) -> AnyAPI:
    return AnyAPI(api_key=KEY, base_url=prism_url, strict=True, max_retries=0, http_client=http_client)


@pytest.mark.parametrize("recording", all_recordings(), ids=lambda recording: recording.name)
def test_recorded_request_is_accepted(recording: Recording, prism_url: str) -> None:
    with client(prism_url) as anyapi:
        batch = anyapi.batches.retrieve(recording.batch_id)
    assert isinstance(batch, Batch)
    assert batch.object_ == "batch"


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
