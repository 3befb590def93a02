"""The generated client against a Prism mock of openapi.yaml, over loopback HTTP."""

from __future__ import annotations

from anyapi_batches import AnyAPI, AuthenticatedClient
from anyapi_batches.api.batches import retrieve_batch
from anyapi_batches.models import Batch, ErrorResponse


def test_low_level_retrieve_returns_a_batch(prism_url: str) -> None:
    with AuthenticatedClient(base_url=prism_url, token="sk-prism") as client:
        batch = retrieve_batch.sync("batch_abc123", client=client)
    assert isinstance(batch, Batch)
    assert batch.object_ == "batch"
    assert batch.status == "completed"


def test_high_level_retrieve_returns_a_batch(prism_url: str) -> None:
    with AnyAPI(api_key="sk-prism", base_url=prism_url, strict=True) as client:
        batch = client.batches.retrieve("batch_abc123")
    assert batch.id == "batch_abc123"
    assert batch.request_counts and batch.request_counts.total == 100


def test_prism_refuses_a_request_without_auth(prism_url: str) -> None:
    # The token goes out under another header name, so no Authorization header is sent.
    unauthenticated = AuthenticatedClient(base_url=prism_url, token="sk-prism", auth_header_name="X-Elsewhere")
    with unauthenticated as client:
        response = retrieve_batch.sync_detailed("batch_abc123", client=client)
    assert response.status_code == 401
    assert isinstance(response.parsed, ErrorResponse)
