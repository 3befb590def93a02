# Copied from handwritten/_runtime/client.py by `nox -s generate`: edit it there.
"""The request pipeline behind ``AnyAPI`` and ``AsyncAnyAPI``.

The generated resource classes hand each call here as the keyword arguments of
the generated ``_get_kwargs`` plus the model that parses a success. This module
adds what every call needs: auth, User-Agent, timeouts, retries, typed errors
and checked parsing. Nothing in it knows about any one operation.

Deadlines: ``timeout`` bounds each attempt as a whole, from connecting to the
last byte of the body (``attempts``); the retries and the pauses between them
come on top, except inside ``wait()``, whose deadline bounds them all. A
streamed body (an answer that is not JSON, read as it arrives) is bounded as
``streaming`` says.
"""

from __future__ import annotations

import logging
import os
import platform
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from . import arguments, attempts
from .attempts import Deadline
from .attempts import TimeoutTypes as TimeoutTypes
from .errors import ConfigurationError, ResponseValidationError, decode_json, status_error
from .retries import IDEMPOTENT_METHODS, RetryPlan, async_retrying, retrying
from .waiting import PollTimeout, call_deadline

if TYPE_CHECKING:
    # Imported where a streamed call is made: most programs never make one, and need not load them.
    from .downloads import OnProgress
    from .streaming import AsyncOpenBody, AsyncStreamedBody, StreamedBody, SyncOpenBody

T = TypeVar("T")

DEFAULT_BASE_URL = "https://api.anyapi.ai/v1"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
API_KEY_ENV = "ANYAPI_API_KEY"
BASE_URL_ENV = "ANYAPI_BASE_URL"

log = logging.getLogger("anyapi_batches")


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


def api_key_from(api_key: object) -> str:
    """The key to send: the argument, else the environment; refused, without repeating it, if it cannot be sent."""
    key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
    if key is not None and not isinstance(key, str):
        raise ConfigurationError(f"The API key must be a str, got {type(key).__name__}.")
    if not key:
        raise ConfigurationError(f"No API key given: pass api_key= or set the {API_KEY_ENV} environment variable.")
    # A header value must be ASCII: httpx would otherwise fail at the first request, with the key in the error.
    if key != key.strip() or not (key.isascii() and key.isprintable()):
        raise ConfigurationError(
            "The API key has surrounding whitespace, control or non-ASCII characters; check how it was read."
        )
    return key


def base_url_from(base_url: str | None) -> str:
    """The URL the operations' paths are appended to: the argument, else the environment, else the provider's."""
    url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        parsed = None
    # Not repeated in the message: a base URL may carry credentials (https://user:password@host/v1).
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(
            f"The base URL is not an http:// or https:// URL with a host: check base_url= or {BASE_URL_ENV}."
        )
    return url


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
        self._auth_header = f"Bearer {api_key_from(api_key)}"
        self.base_url = base_url_from(base_url)
        self.timeout = arguments.request_timeout("timeout", timeout)
        self.max_retries = arguments.count("max_retries", max_retries)
        self.strict = strict
        # POST operations (create, cancel) are resent only when they provably never arrived, unless asked.
        self.retry_non_idempotent = retry_non_idempotent
        self.user_agent = f"anyapi-batches/{self.version} httpx/{httpx.__version__} python/{platform.python_version()}"

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"{name}(base_url={self.base_url!r}, max_retries={self.max_retries}, strict={self.strict})"

    def _timeout_of(self, call: Call[Any]) -> TimeoutTypes:
        timeout = call.timeout
        if isinstance(timeout, NotGiven):
            return self.timeout
        # A wait's poll timeout is cut from this client's own, checked already, and may be down to 0 at the end.
        return timeout if isinstance(timeout, PollTimeout) else arguments.request_timeout("timeout", timeout)

    def _prepared(
        self, http: httpx.Client | httpx.AsyncClient, call: Call[Any], total: Deadline | None = None
    ) -> tuple[httpx.Request, TimeoutTypes, RetryPlan]:
        """The request of a call, the timeout of each attempt, and its retries (ending by ``total``, if given)."""
        request = self._build_request(http, call)
        return request, self._timeout_of(call), self._retry_plan(request, call, total)

    def _to_download(self, path: object, on_progress: object, total_timeout: object) -> tuple[Path, Deadline]:
        """The file a download replaces and the deadline of the whole download, checked before anything is sent."""
        from .downloads import target_of
        from .streaming import total_limit

        return target_of(path, on_progress), Deadline.after(total_limit(total_timeout))

    def _build_request(self, http: httpx.Client | httpx.AsyncClient, call: Call[Any]) -> httpx.Request:
        options = dict(call.http_kwargs)
        url = self.base_url + options.pop("url")
        # The timeouts are set per attempt (attempts.send), so none is given here.
        request = http.build_request(options.pop("method").upper(), url, **options)
        # Set on the built request, over the operation's own headers and the http client's: passed to
        # build_request instead, they would be merged through extra Headers copies, which cost more per call.
        request.headers["Authorization"] = self._auth_header
        request.headers["User-Agent"] = self.user_agent
        return request

    def _retry_plan(self, request: httpx.Request, call: Call[Any], total: Deadline | None) -> RetryPlan:
        return RetryPlan(
            max_retries=self.max_retries,
            idempotent=request.method in IDEMPOTENT_METHODS or self.retry_non_idempotent,
            deadline=total or call_deadline(call.timeout),
        )

    def _parse(self, response: httpx.Response, content: bytes, call: Call[T]) -> T:
        if log.isEnabledFor(logging.DEBUG):
            # The raw, still percent-encoded path: a decoded one would let an id carry line breaks into the log.
            path = response.request.url.raw_path.decode("ascii")
            log.debug("%s %s -> %s", response.request.method, path, response.status_code)
        if not response.is_success:
            raise status_error(response, content)
        failure: ResponseValidationError | None = None
        try:
            # A 204 has no body by definition: its operation's parse takes None.
            body = decode_json(content) if content or response.status_code != 204 else None
        except ValueError as error:
            text = content.decode(response.encoding or "utf-8", errors="replace")
            failure = ResponseValidationError(
                f"$: the {response.status_code} response body is not JSON ({error})", body=text
            )
        if failure is not None:
            raise failure
        try:
            return call.parse(body, strict=self.strict)
        except ResponseValidationError as error:
            error.body = body
            raise


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
        http = self._http
        request, timeout, retries = self._prepared(http, call)

        def attempt() -> T:
            response, content = attempts.send(http, request, timeout, retries.deadline)
            return self._parse(response, content, call)

        return retrying(retries, attempt)

    def stream(self, call: Call[Any], *, total_timeout: float | None = None) -> StreamedBody:
        """A streamed call's body, sent when it is first used (``streaming`` says what bounds it)."""
        from .streaming import StreamedBody, total_limit

        limit = total_limit(total_timeout)
        self._timeout_of(call)  # checked now, though the request is sent later
        return StreamedBody(lambda: self.open_stream(call, Deadline.after(limit)))

    def open_stream(self, call: Call[Any], total: Deadline) -> SyncOpenBody:
        """Send a streamed call, retrying what fails before its body starts: the body, open and unread."""
        from .streaming import open_body

        http = self._http
        request, timeout, retries = self._prepared(http, call, total)
        return retrying(retries, lambda: open_body(http, request, timeout, total))

    def download(
        self,
        call: Call[Any],
        path: object,
        *,
        on_progress: OnProgress | None = None,
        total_timeout: float | None = None,
    ) -> int:
        """Write a streamed call's body to ``path``, all or nothing (``downloads``); the bytes written."""
        from .downloads import download
        from .streaming import open_body

        target, total = self._to_download(path, on_progress, total_timeout)
        http = self._http
        request, timeout, retries = self._prepared(http, call, total)
        return download(target, retries, lambda: open_body(http, request, timeout, total), on_progress)

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
        http = self._http
        request, timeout, retries = self._prepared(http, call)

        async def attempt() -> T:
            response, content = await attempts.async_send(http, request, timeout, retries.deadline)
            return self._parse(response, content, call)

        return await async_retrying(retries, attempt)

    def stream(self, call: Call[Any], *, total_timeout: float | None = None) -> AsyncStreamedBody:
        """A streamed call's body, sent when it is first used (``streaming`` says what bounds it)."""
        from .streaming import AsyncStreamedBody, total_limit

        limit = total_limit(total_timeout)
        self._timeout_of(call)  # checked now, though the request is sent later
        return AsyncStreamedBody(lambda: self.open_stream(call, Deadline.after(limit)))

    async def open_stream(self, call: Call[Any], total: Deadline) -> AsyncOpenBody:
        """Send a streamed call, retrying what fails before its body starts: the body, open and unread."""
        from .streaming import async_open_body

        http = self._http
        request, timeout, retries = self._prepared(http, call, total)
        return await async_retrying(retries, lambda: async_open_body(http, request, timeout, total))

    async def download(
        self,
        call: Call[Any],
        path: object,
        *,
        on_progress: OnProgress | None = None,
        total_timeout: float | None = None,
    ) -> int:
        """Write a streamed call's body to ``path``, all or nothing (``downloads``); the bytes written."""
        from .downloads import async_download
        from .streaming import async_open_body

        target, total = self._to_download(path, on_progress, total_timeout)
        http = self._http
        request, timeout, retries = self._prepared(http, call, total)
        return await async_download(
            target, retries, lambda: async_open_body(http, request, timeout, total), on_progress
        )

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
