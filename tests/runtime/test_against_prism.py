"""The generated client against a Prism mock of openapi.yaml, over loopback HTTP.

Prism validates the request and answers with the spec's example, whatever the id asked for: these tests show
that a request was accepted and its answer parsed; the values are checked against servers that answer from
the request (test_what_is_sent, test_on_the_fake).
"""

from __future__ import annotations

from anyapi_batches import AnyAPI, AuthenticatedClient
from anyapi_batches.api.batches import retrieve_batch
from anyapi_batches.models import Batch, ErrorResponse


def test_prism_accepts_a_low_level_retrieve(prism_url: str) -> None:
    with AuthenticatedClient(base_url=prism_url, token="sk-prism") as client:
        batch = retrieve_batch.sync("batch_abc123", client=client)
    assert isinstance(batch, Batch)


def test_prism_accepts_a_high_level_retrieve_in_strict_mode(prism_url: str) -> None:
    with AnyAPI(api_key="sk-prism", base_url=prism_url, strict=True) as client:
        assert isinstance(client.batches.retrieve("batch_abc123"), Batch)


def test_prism_refuses_a_request_without_auth(prism_url: str) -> None:
    # The token goes out under another header name, so no Authorization header is sent.
    unauthenticated = AuthenticatedClient(base_url=prism_url, token="sk-prism", auth_header_name="X-Elsewhere")
    with unauthenticated as client:
        response = retrieve_batch.sync_detailed("batch_abc123", client=client)
    assert response.status_code == 401
    assert isinstance(response.parsed, ErrorResponse)
