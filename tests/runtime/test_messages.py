"""What a caller reads, word for word: the clients' reprs and the messages of errors raised before or after sending."""

from __future__ import annotations

import io
from typing import Any, cast

import httpx
import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI, errors
from anyapi_batches._runtime.client import NOT_GIVEN
from anyapi_batches._runtime.decoding import Run
from anyapi_batches._runtime.errors import status_error
from anyapi_batches._runtime.multipart import FILE, as_file
from tests.support.flavours import SECRET


@pytest.mark.parametrize("client_class", [AnyAPI, AsyncAnyAPI])
def test_a_client_shows_its_class_and_settings(client_class: type[AnyAPI | AsyncAnyAPI]) -> None:
    client = client_class(api_key=SECRET, base_url="http://127.0.0.1:9/v1/", max_retries=4, strict=True)
    assert repr(client) == f"{client_class.__name__}(base_url='http://127.0.0.1:9/v1', max_retries=4, strict=True)"


def test_connection_errors_made_without_a_message_say_what_they_are() -> None:
    assert str(errors.APIConnectionError()) == "Connection error."
    assert str(errors.APITimeoutError()) == "Request timed out."


def test_an_argument_left_out_shows_as_such() -> None:
    assert repr(NOT_GIVEN) == "NOT_GIVEN"


def test_an_undocumented_status_of_the_low_level_client_keeps_status_and_body() -> None:
    error = errors.UnexpectedStatus(599, b"odd")
    assert (error.status_code, error.content, str(error)) == (599, b"odd", "Unexpected status code: 599")


@pytest.mark.parametrize(
    ("status", "body", "shown"),
    [
        (520, b"<html>gateway</html>", "Error code: 520 - no reason given"),
        (404, b"not json", "Error code: 404 - Not Found"),
        (404, b'{"error": {"message": ""}}', "Error code: 404 - Not Found"),
        (429, b'{"error": {"message": "slow down"}}', "Error code: 429 - slow down"),
    ],
)
def test_a_status_error_says_the_server_message_else_the_reason(status: int, body: bytes, shown: str) -> None:
    request = httpx.Request("GET", "http://127.0.0.1/v1/batches/b1")
    assert str(status_error(httpx.Response(status, content=body, request=request))) == shown


@pytest.mark.parametrize(
    ("detail", "kind", "code"),
    [
        ({"type": "rate_limited", "code": "slow_down"}, "rate_limited", "slow_down"),
        ({"type": 5, "code": 429}, None, 429),
        ({"type": None, "code": True}, None, None),
        ({"type": ["x"], "code": 1.5}, None, None),
    ],
)
def test_an_error_keeps_only_a_type_and_code_of_the_documented_kinds(
    detail: dict[str, object], kind: str | None, code: str | int | None
) -> None:
    request = httpx.Request("GET", "http://127.0.0.1/v1/batches/b1")
    error = status_error(httpx.Response(429, json={"error": {"message": "m", **detail}}, request=request))
    assert (error.type, error.code) == (kind, code)


def test_a_file_part_is_never_read_from_json() -> None:
    with pytest.raises(errors.ResponseValidationError) as caught:
        FILE.decode("data", "$.file", Run(strict=False))
    assert (caught.value.message, caught.value.path) == ("$.file: a file cannot be read from a JSON body", "$.file")


def test_a_text_file_is_refused_with_what_to_do() -> None:
    with pytest.raises(TypeError) as caught:
        as_file(cast(Any, io.StringIO("{}\n")))
    assert str(caught.value) == "the file must be opened in binary mode ('rb'): reading it gives text"


class BytesOnlyWhenEmpty(io.RawIOBase):
    """A reader that says it gives bytes (an empty read) and then gives text: what a careless wrapper does."""

    def read(self, size: int = -1) -> Any:
        return b"" if size == 0 else "text"


def test_a_reader_that_gives_text_later_is_refused_too() -> None:
    with pytest.raises(TypeError) as caught:
        as_file(cast(Any, BytesOnlyWhenEmpty()))
    assert str(caught.value) == "the file must be opened in binary mode ('rb'): reading it gave str"
