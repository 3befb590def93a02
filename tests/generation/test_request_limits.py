"""What a caller sends is held to openapi.yaml's types, limits and enum values before any request goes out.

The checks come from the spec through the templates: each case here names a
limit the spec states (Metadata: 16 pairs, keys of 64 characters, values of
512; list's limit 1-100; output_expires_after.seconds 3600-2592000), and the
in-memory server asserts that nothing was sent.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI, errors
from devtools.fault_server import batch_body

CREATE = {"input_file_id": "file-abc123", "endpoint": "/v1/chat/completions", "completion_window": "24h"}


class Server:
    def __init__(self) -> None:
        self.received: list[httpx.Request] = []

    def answer(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.received.append(request)
        if request.url.path == "/batches" and request.method == "GET":
            return httpx.Response(200, json={"object": "list", "data": [], "has_more": False})
        return httpx.Response(200, json=batch_body())


Call = Callable[[Any], Any]


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def client(flavour: str, server: Server, strict: bool = False) -> tuple[Any, Call]:
    """A client on the in-memory server, and how to run one of its calls to the end."""
    transport = httpx.MockTransport(server.answer)
    if flavour == "sync":
        sync = AnyAPI(
            api_key="k", base_url="http://api.test", strict=strict, http_client=httpx.Client(transport=transport)
        )
        return sync, lambda result: result
    asynchronous = AsyncAnyAPI(
        api_key="k", base_url="http://api.test", strict=strict, http_client=httpx.AsyncClient(transport=transport)
    )
    return asynchronous, asyncio.run


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"metadata": {f"k{i}": "v" for i in range(17)}}, "metadata: at most 16 keys, got 17"),
        ({"metadata": {"k" * 65: "v"}}, "metadata key 'kkkkk"),
        ({"metadata": {"job": "v" * 513}}, "metadata.job: at most 512 characters, got 513"),
        ({"metadata": {"job": "v" * 30_000_000}}, "metadata.job: at most 512 characters, got 30000000"),
        ({"input_file_id": ""}, "input_file_id: at least 1 characters, got 0"),
        (
            {"output_expires_after": {"anchor": "created_at", "seconds": 60}},
            "output_expires_after.seconds: must be at least 3600, got 60",
        ),
        ({"output_expires_after": {"anchor": "now", "seconds": 3600}}, "output_expires_after.anchor"),
    ],
    ids=["too-many-pairs", "long-key", "long-value", "huge-value", "empty-file-id", "short-expiry", "wrong-const"],
)
def test_a_body_outside_the_spec_is_refused_before_sending(flavour: str, changes: dict[str, Any], message: str) -> None:
    server = Server()
    api, run = client(flavour, server)
    with pytest.raises(ValueError) as caught:
        run(api.batches.create(**{**CREATE, **changes}))
    assert message in str(caught.value)
    assert len(str(caught.value)) < 300
    assert server.received == []


@pytest.mark.parametrize(
    ("limit", "message"), [(0, "must be at least 1, got 0"), (101, "must be at most 100, got 101")]
)
def test_a_query_parameter_outside_its_range_is_refused(flavour: str, limit: int, message: str) -> None:
    server = Server()
    api, _ = client(flavour, server)
    with pytest.raises(ValueError, match=f"^limit: {message}$"):
        api.batches.list(limit=limit)
    assert server.received == []


def test_a_value_of_the_wrong_type_is_a_type_error(flavour: str) -> None:
    server = Server()
    api, run = client(flavour, server)
    with pytest.raises(TypeError, match=r"^limit: expected integer, got str$"):
        api.batches.list(limit="10")
    # A mapping given for a model is read into it first: what does not fit is named by its path.
    with pytest.raises(ValueError, match=r"metadata\.job: expected string, got integer"):
        run(api.batches.create(**CREATE, metadata={"job": 1}))
    assert server.received == []


def test_values_inside_the_limits_are_sent(flavour: str) -> None:
    server = Server()
    api, run = client(flavour, server)
    metadata = {f"{'k' * 62}{i:02d}": "v" * 512 for i in range(16)}
    run(api.batches.create(**CREATE, metadata=metadata, output_expires_after={"anchor": "created_at", "seconds": 3600}))
    assert json.loads(server.received[0].content)["metadata"] == metadata


def test_an_unknown_enum_value_is_sent_with_a_warning_in_lenient_mode(flavour: str) -> None:
    server = Server()
    api, run = client(flavour, server)
    with pytest.warns(errors.UnknownEnumValueWarning, match=r"^endpoint: '/v1/responses' is not a value the spec"):
        run(api.batches.create(**{**CREATE, "endpoint": "/v1/responses"}))
    assert json.loads(server.received[0].content)["endpoint"] == "/v1/responses"


def test_an_unknown_enum_value_is_refused_in_strict_mode(flavour: str) -> None:
    server = Server()
    api, run = client(flavour, server, strict=True)
    assert api.strict is True
    with pytest.raises(ValueError, match=r"^endpoint: '/v1/responses' is not a value the spec lists .*strict mode"):
        run(api.batches.create(**{**CREATE, "endpoint": "/v1/responses"}))
    with pytest.raises(ValueError, match=r"^purpose: 'fine_tune' is not a value the spec lists"):
        api.files.list(purpose="fine_tune")
    assert server.received == []


def test_a_key_the_spec_does_not_name_is_refused(flavour: str) -> None:
    server = Server()
    api, run = client(flavour, server)
    with pytest.raises(ValueError, match=r"^output_expires_after\.days: field is not in the spec$"):
        run(api.batches.create(**CREATE, output_expires_after={"anchor": "created_at", "seconds": 3600, "days": 1}))
    assert server.received == []
