"""The API key reaches the server and nothing else: no repr, no error, no log line."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI, AuthenticatedClient, errors
from devtools.fault_server import FaultServer, batch_reply, error_reply
from devtools.loopback import LOOPBACK, free_port
from tests.support.flavours import SECRET, ApiFactory
from tests.support.hostile import ANSWERS, TIMEOUT, Hostile
from tests.support.reachable import reachable_text

pytestmark = pytest.mark.anyio

KEY_ENV = "ANYAPI_API_KEY"
URL_ENV = "ANYAPI_BASE_URL"


def test_reprs_hide_the_key() -> None:
    low_level = AuthenticatedClient(base_url="http://127.0.0.1:9", token=SECRET)
    low_level.get_httpx_client()
    shown: list[tuple[str, object]] = [
        ("api.anyapi.ai", AnyAPI(api_key=SECRET)),
        ("api.anyapi.ai", AsyncAnyAPI(api_key=SECRET)),
        ("127.0.0.1:9", low_level),
    ]
    for expected, client in shown:
        assert expected in repr(client)
        assert SECRET not in repr(client)
        assert SECRET not in str(client)


@pytest.mark.parametrize("hostile", ANSWERS, ids=[hostile.name for hostile in ANSWERS])
async def test_nothing_an_error_exposes_holds_the_key_after_a_retry(
    make_api: ApiFactory, fault_server: FaultServer, hostile: Hostile
) -> None:
    # Without retries, test_readme_promises checks the same; a retry must not chain the first failure's innards.
    fault_server.script(hostile.step)
    with pytest.raises(hostile.error) as caught:
        await make_api(timeout=TIMEOUT, max_retries=1).retrieve("batch_abc123")
    assert fault_server.received[0].headers["authorization"] == f"Bearer {SECRET}"
    assert SECRET not in reachable_text(caught.value)


async def test_a_refused_connection_does_not_expose_the_key(make_api: ApiFactory) -> None:
    api = make_api(base_url=f"http://{LOOPBACK}:{free_port()}/v1", max_retries=1)
    with pytest.raises(errors.APIConnectionError) as caught:
        await api.retrieve("batch_abc123")
    assert "ConnectError" in caught.value.message
    assert SECRET not in reachable_text(caught.value)


async def test_debug_logs_hide_the_key(
    make_api: ApiFactory, fault_server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fault_server.script(error_reply(503, {"retry-after-ms": "1"}), batch_reply(), error_reply(401))
    api = make_api()
    await api.retrieve("batch_abc123")
    with pytest.raises(errors.AuthenticationError):
        await api.retrieve("batch_abc123")
    loggers = {record.name.split(".")[0] for record in caplog.records}
    assert {"anyapi_batches", "httpx", "httpcore"} <= loggers
    assert SECRET not in caplog.text
    assert all(SECRET not in repr(record.__dict__) for record in caplog.records)


@pytest.mark.parametrize("client_class", [AnyAPI, AsyncAnyAPI])
@pytest.mark.parametrize("key", [None, ""])
def test_missing_key_is_a_clear_error_and_sends_nothing(
    monkeypatch: pytest.MonkeyPatch,
    fault_server: FaultServer,
    client_class: type[AnyAPI | AsyncAnyAPI],
    key: str | None,
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(errors.ConfigurationError, match=KEY_ENV):
        client_class(api_key=key, base_url=fault_server.url)
    assert fault_server.received == []


@pytest.mark.parametrize("client_class", [AnyAPI, AsyncAnyAPI])
@pytest.mark.parametrize("key", [f" {SECRET}", f"{SECRET}\n", f"{SECRET}\x00", f"{SECRET}\u00eb"])
def test_malformed_key_is_refused_without_showing_it(client_class: type[AnyAPI | AsyncAnyAPI], key: str) -> None:
    with pytest.raises(errors.ConfigurationError, match="API key has surrounding whitespace") as caught:
        client_class(api_key=key)
    assert SECRET not in reachable_text(caught.value)


@pytest.mark.parametrize("client_class", [AnyAPI, AsyncAnyAPI])
@pytest.mark.parametrize(
    ("key", "kind"), [(SECRET.encode(), "bytes"), (123456789, "int"), ([SECRET], "list")], ids=["bytes", "int", "list"]
)
def test_a_key_that_is_no_str_is_refused_without_showing_it(
    client_class: type[AnyAPI | AsyncAnyAPI], key: Any, kind: str
) -> None:
    with pytest.raises(errors.ConfigurationError, match=f"must be a str, got {kind}") as caught:
        client_class(api_key=key)
    assert SECRET not in reachable_text(caught.value)
    assert "123456789" not in reachable_text(caught.value)


@pytest.mark.parametrize("client_class", [AnyAPI, AsyncAnyAPI])
def test_a_key_from_the_environment_is_checked_too(
    monkeypatch: pytest.MonkeyPatch, client_class: type[AnyAPI | AsyncAnyAPI]
) -> None:
    monkeypatch.setenv(KEY_ENV, f"{SECRET}\n")
    with pytest.raises(errors.ConfigurationError) as caught:
        client_class()
    assert SECRET not in reachable_text(caught.value)


async def test_key_and_base_url_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, make_api: ApiFactory, fault_server: FaultServer
) -> None:
    monkeypatch.setenv(KEY_ENV, "sk-from-the-environment")
    monkeypatch.setenv(URL_ENV, fault_server.url + "/")
    fault_server.script(batch_reply())
    api = make_api(api_key=None, base_url=None)
    await api.retrieve("batch_abc123")
    assert fault_server.received[0].headers["authorization"] == "Bearer sk-from-the-environment"
    assert fault_server.received[0].target == "/v1/batches/batch_abc123"


async def test_arguments_win_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, make_api: ApiFactory, fault_server: FaultServer
) -> None:
    monkeypatch.setenv(KEY_ENV, "sk-from-the-environment")
    monkeypatch.setenv(URL_ENV, "http://127.0.0.1:9/v1")
    fault_server.script(batch_reply())
    await make_api().retrieve("batch_abc123")
    assert fault_server.received[0].headers["authorization"] == f"Bearer {SECRET}"


@pytest.mark.parametrize("client_class", [AnyAPI, AsyncAnyAPI])
def test_base_url_defaults_to_the_public_api(
    monkeypatch: pytest.MonkeyPatch, client_class: type[AnyAPI | AsyncAnyAPI]
) -> None:
    monkeypatch.delenv(URL_ENV, raising=False)
    assert client_class(api_key=SECRET).base_url == "https://api.anyapi.ai/v1"


@pytest.mark.parametrize("client_class", [AnyAPI, AsyncAnyAPI])
@pytest.mark.parametrize(
    "base_url", ["http://[::1", "ftp://user:pw-5f0c1a@host/v1", "api.anyapi.ai/v1", "http://", "https:///v1"]
)
def test_a_base_url_that_is_no_http_url_is_refused_without_showing_it(
    client_class: type[AnyAPI | AsyncAnyAPI], base_url: str
) -> None:
    with pytest.raises(errors.ConfigurationError, match="base URL is not an http:// or https:// URL") as caught:
        client_class(api_key=SECRET, base_url=base_url)
    assert "pw-5f0c1a" not in reachable_text(caught.value)
