"""Exchanges with the fake checked against openapi.yaml: the request a client sent, and the answer it got.

Wrapped around the fake's httpx transports, so that every test that talks to
the fake through them checks both sides of every exchange on the way.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import httpx
import jsonschema
from openapi_core.testing import MockRequest

from anyapi_batches.testing.routes import BASE_PATH, route_for
from devtools.json_schemas import json_schema
from devtools.openapi_document import HOST, openapi, validate_response


def check_request(request: httpx.Request) -> None:
    """Raise openapi-core's error if ``request`` is not one openapi.yaml allows; its body must have been read."""
    path, _, query = request.url.raw_path.decode("ascii").partition("?")
    mock = MockRequest(
        HOST,
        request.method.lower(),
        path,
        args=dict(parse_qsl(query)),
        headers=dict(request.headers),
        data=request.content,
        content_type=request.headers.get("content-type", "application/json"),
    )
    openapi().validate_request(mock)


def check_response(request: httpx.Request, response: httpx.Response) -> None:
    """Raise if ``response`` is not what openapi.yaml promises for ``request``; its body must have been read.

    A request for a path the spec does not have can only be answered with an
    error, which must still be in the provider's format.
    """
    path = request.url.raw_path.decode("ascii").partition("?")[0]
    media_type = response.headers.get("content-type", "")
    if route_for(request.method, path) is None:
        assert response.status_code >= 400
        jsonschema.validate(response.json(), json_schema("ErrorResponse"))
        return
    body = response.json() if media_type == "application/json" else response.content
    headers = dict(response.headers)
    validate_response(
        request.method.lower(), path.removeprefix(BASE_PATH), response.status_code, body, headers, media_type
    )


class CheckedTransport(httpx.BaseTransport):
    """Checks each request (unless told not to, for tests that send bad ones on purpose) and each answer."""

    def __init__(self, inner: httpx.BaseTransport, *, check_requests: bool = True) -> None:
        self.inner = inner
        self.check_requests = check_requests

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        if self.check_requests:
            check_request(request)
        response = self.inner.handle_request(request)
        response.read()
        check_response(request, response)
        return response


class AsyncCheckedTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        check_request(request)
        response = await self.inner.handle_async_request(request)
        await response.aread()
        check_response(request, response)
        return response
