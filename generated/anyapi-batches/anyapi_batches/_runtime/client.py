# Copied from handwritten/_runtime/client.py by `nox -s generate`: edit it there.
"""The request pipeline behind ``AnyAPI`` and ``AsyncAnyAPI``.

The generated resource classes hand each call here as the keyword arguments of
the generated ``_get_kwargs`` plus the model that parses a success. This module
adds what every call needs: auth, User-Agent, timeouts, retries, typed errors
and checked parsing. Nothing in it knows about any one operation.
"""

from __future__ import annotations

import json
import logging
import os
import platform
from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx

from .errors import APIConnectionError, APIError, APITimeoutError, ResponseValidationError, status_error
from .retries import async_retrying, retryable, retrying

T = TypeVar("T")

DEFAULT_BASE_URL = "https://api.anyapi.ai/v1"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
API_KEY_ENV = "ANYAPI_API_KEY"
BASE_URL_ENV = "ANYAPI_BASE_URL"

log = logging.getLogger("anyapi_batches")

TimeoutTypes = float | httpx.Timeout | None


class NotGiven:
    """Marks an argument the caller left out, where None has a meaning of its own."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


class Call(Generic[T]):
    """One operation call, as the generated resource methods describe it.

    A plain slotted class: one is built per call, and a frozen dataclass takes nearly twice as long to build.
    """

    __slots__ = ("http_kwargs", "parse", "timeout")

    def __init__(
        self, http_kwargs: dict[str, Any], parse: Callable[..., T], timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    ) -> None:
        self.http_kwargs = http_kwargs
        """The generated ``_get_kwargs`` result: method, url, and params/json/files."""
        self.parse = parse
        """The success model's ``from_dict``; called with the decoded body and ``strict=``."""
        self.timeout = timeout


class BaseAPIClient:
    """Settings and request handling shared by the sync and async clients."""

    version = "0"
    """The package version; the generated subclasses set it from the spec's info.version."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        strict: bool = False,
        retry_non_idempotent: bool = False,
    ) -> None:
        key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
        if not key:
            raise APIError(f"No API key given: pass api_key= or set the {API_KEY_ENV} environment variable.")
        # A header value must be ASCII: httpx would otherwise fail at the first request, with the key in the error.
        if key != key.strip() or not (key.isascii() and key.isprintable()):
            raise ValueError(
                "The API key has surrounding whitespace, control or non-ASCII characters; check how it was read."
            )
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self._auth_header = f"Bearer {key}"
        self.base_url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.strict = strict
        # POST operations (create, cancel) are resent only when they provably never arrived, unless asked.
        self.retry_non_idempotent = retry_non_idempotent
        self.user_agent = f"anyapi-batches/{self.version} httpx/{httpx.__version__} python/{platform.python_version()}"

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"{name}(base_url={self.base_url!r}, max_retries={self.max_retries}, strict={self.strict})"

    def _build_request(self, http: httpx.Client | httpx.AsyncClient, call: Call[Any]) -> httpx.Request:
        options = dict(call.http_kwargs)
        timeout = self.timeout if isinstance(call.timeout, NotGiven) else call.timeout
        url = self.base_url + options.pop("url")
        request = http.build_request(options.pop("method").upper(), url, timeout=timeout, **options)
        # Set on the built request, over the operation's own headers and the http client's: passed to
        # build_request instead, they would be merged through extra Headers copies, which cost more per call.
        request.headers["Authorization"] = self._auth_header
        request.headers["User-Agent"] = self.user_agent
        return request

    def _worth_retrying(self, method: str, error: APIError) -> bool:
        """Whether the first attempt's failure calls for the retry loop."""
        return self.max_retries > 0 and retryable(method, self.retry_non_idempotent)(error)

    def _parse(self, response: httpx.Response, call: Call[T]) -> T:
        if log.isEnabledFor(logging.DEBUG):
            # The raw, still percent-encoded path: a decoded one would let an id carry line breaks into the log.
            path = response.request.url.raw_path.decode("ascii")
            log.debug("%s %s -> %s", response.request.method, path, response.status_code)
        if not response.is_success:
            raise status_error(response)
        try:
            # A 204 has no body by definition: its operation's parse takes None.
            body = json.loads(response.content) if response.content or response.status_code != 204 else None
        except ValueError as error:
            raise ResponseValidationError(
                f"$: the {response.status_code} response body is not JSON ({error})", body=response.text
            ) from None
        try:
            return call.parse(body, strict=self.strict)
        except ResponseValidationError as error:
            error.body = body
            raise


def transport_error(error: httpx.TransportError) -> APIConnectionError:
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out ({type(error).__name__}).")
    return APIConnectionError(f"Connection error ({type(error).__name__}: {error}).")


class SyncAPIClient(BaseAPIClient):
    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        strict: bool = False,
        retry_non_idempotent: bool = False,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            strict=strict,
            retry_non_idempotent=retry_non_idempotent,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client()

    def execute(self, call: Call[T]) -> T:
        request = self._build_request(self._http, call)
        try:
            return self._parse(self._send(request), call)
        except APIError as error:
            if not self._worth_retrying(request.method, error):
                raise
            failure = error
        for attempt in retrying(request.method, self.max_retries, retry_non_idempotent=self.retry_non_idempotent):
            with attempt:
                # Attempt 1 was made above; raising its error again lets tenacity count it and back off after it.
                if attempt.retry_state.attempt_number == 1:
                    raise failure
                return self._parse(self._send(request), call)
        raise AssertionError("unreachable: tenacity re-raises the last error")

    def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            return self._http.send(request)
        except httpx.TransportError as error:
            raise transport_error(error) from error

    def close(self) -> None:
        """Close the connection pool, unless the caller passed their own ``http_client``."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncAPIClient(BaseAPIClient):
    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        strict: bool = False,
        retry_non_idempotent: bool = False,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            strict=strict,
            retry_non_idempotent=retry_non_idempotent,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient()

    async def execute(self, call: Call[T]) -> T:
        request = self._build_request(self._http, call)
        try:
            return self._parse(await self._send(request), call)
        except APIError as error:
            if not self._worth_retrying(request.method, error):
                raise
            failure = error
        async for attempt in async_retrying(
            request.method, self.max_retries, retry_non_idempotent=self.retry_non_idempotent
        ):
            with attempt:
                # Attempt 1 was made above; raising its error again lets tenacity count it and back off after it.
                if attempt.retry_state.attempt_number == 1:
                    raise failure
                return self._parse(await self._send(request), call)
        raise AssertionError("unreachable: tenacity re-raises the last error")

    async def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            return await self._http.send(request)
        except httpx.TransportError as error:
            raise transport_error(error) from error

    async def close(self) -> None:
        """Close the connection pool, unless the caller passed their own ``http_client``."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
