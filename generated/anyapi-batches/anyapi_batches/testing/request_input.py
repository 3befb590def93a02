# Copied from handwritten/testing/request_input.py by `nox -s generate`: edit it there.
"""Reading what a request carries: its JSON body and its query parameters, with a 400 for anything malformed."""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any, TypeVar
from urllib.parse import parse_qsl

from .problems import bad_request
from .wire import Request

Choice = TypeVar("Choice", bound=str)


def json_object(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(request.body)
    except ValueError as error:
        raise bad_request(f"Invalid request: the body is not valid JSON ({error})") from None
    if not isinstance(body, dict):
        raise bad_request("Invalid request: the body must be a JSON object")
    return body


def query(request: Request) -> dict[str, str]:
    """The query parameters; when one is repeated, its last value."""
    try:
        return dict(parse_qsl(request.query, keep_blank_values=True, errors="strict"))
    except UnicodeDecodeError:
        raise bad_request("Invalid request: the query string is not UTF-8") from None


def integer(params: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    text = params.get(name)
    if text is None:
        return default
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise bad_request(f"Invalid {name!r}: expected an integer from {low} to {high}, got {text!r}")
    return int(text)


def choice(params: dict[str, str], name: str, allowed: Collection[Choice]) -> Choice | None:
    text = params.get(name)
    return None if text is None else one_of(text, name, allowed)


def one_of(text: str, name: str, allowed: Collection[Choice]) -> Choice:
    for value in allowed:
        if text == value:
            return value
    raise bad_request(f"Invalid {name!r}: expected one of {', '.join(sorted(allowed))}, got {text!r}")


def cursor(params: dict[str, str]) -> str | None:
    text = params.get("after")
    if text == "":
        raise bad_request("Invalid 'after': expected the id of the last object of the previous page")
    return text
