# Generated from tests/generation/constructs.yaml by templates/client.py.jinja: never edit; regenerate with `nox -s generate`.
"""The low-level clients that the generated functions in ``api/`` take as ``client=``.

Most code wants ``AnyAPI`` instead, which adds retries, typed errors and checked parsing.
"""

import ssl
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from ._runtime.client import DEFAULT_TIMEOUT


@define
class Client:
    """Connection settings for calls that need no authentication.

    Attributes:
        raise_on_unexpected_status: raise errors.UnexpectedStatus for a status the spec does not document,
            instead of returning None.
    """

    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A copy of this client that also sends ``headers``."""
        return evolve(self, headers={**self._headers, **headers})

    def with_timeout(self, timeout: httpx.Timeout) -> Self:
        """A copy of this client with another timeout."""
        return evolve(self, timeout=timeout)

    def _auth_headers(self) -> dict[str, str]:
        return {}

    def _client_options(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": {**self._headers, **self._auth_headers()},
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            **self._httpx_args,
        }

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use your own ``httpx.Client``; the settings above then no longer apply to it."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(**self._client_options())
        return self._client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use your own ``httpx.AsyncClient``; the settings above then no longer apply to it."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._client_options())
        return self._async_client

    def __enter__(self) -> Self:
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self.get_httpx_client().__exit__(*args)

    async def __aenter__(self) -> Self:
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self.get_async_httpx_client().__aexit__(*args)


@define
class AuthenticatedClient(Client):
    """Connection settings plus the API key, which is sent as ``Authorization: Bearer <token>``."""

    token: str = field(kw_only=True, repr=False)
    prefix: str = field(default="Bearer", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    def _auth_headers(self) -> dict[str, str]:
        value = f"{self.prefix} {self.token}" if self.prefix else self.token
        return {self.auth_header_name: value}
