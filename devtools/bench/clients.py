"""The clients under comparison, each set up to retrieve the same batch from the same base URL.

Every client is given an httpx client built the same way (the openai SDK accepts an
``httpx`` client too), so differences between them are the client layers, not the HTTP stack.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import ExitStack

import httpx
import openai

from anyapi_batches import AnyAPI, AsyncAnyAPI, AuthenticatedClient
from anyapi_batches.api.batches import retrieve_batch

API_KEY = "sk-bench"
BATCH_ID = "batch_abc123"
PATH = f"/batches/{BATCH_ID}"
AUTH = {"Authorization": f"Bearer {API_KEY}"}

BARE = "bare httpx get().json()"
LOW_LEVEL = "retrieve_batch.sync (low-level)"
ANYAPI = "AnyAPI.batches.retrieve"
OPENAI = "openai batches.retrieve"


def sync_calls(
    stack: ExitStack, base_url: str, transport: httpx.BaseTransport | None = None
) -> dict[str, Callable[[], object]]:
    """One zero-argument retrieve per client; ``stack`` closes the clients."""

    def http(headers: dict[str, str] | None = None) -> httpx.Client:
        return stack.enter_context(httpx.Client(transport=transport, base_url=base_url, headers=headers))

    bare = http(AUTH)
    low_level = AuthenticatedClient(base_url=base_url, token=API_KEY).set_httpx_client(http(AUTH))
    anyapi = AnyAPI(api_key=API_KEY, base_url=base_url, http_client=http())
    # openai types http_client as its vendored httpx2 client, which takes an httpx client as it is.
    sdk = openai.OpenAI(api_key=API_KEY, base_url=base_url, http_client=http())  # type: ignore[arg-type]
    return {
        BARE: lambda: bare.get(PATH).json(),
        LOW_LEVEL: lambda: retrieve_batch.sync(BATCH_ID, client=low_level),
        ANYAPI: lambda: anyapi.batches.retrieve(BATCH_ID),
        OPENAI: lambda: sdk.batches.retrieve(BATCH_ID),
    }


def async_calls(
    stack: ExitStack, loop: asyncio.AbstractEventLoop, base_url: str
) -> dict[str, Callable[[], Awaitable[object]]]:
    """One zero-argument async retrieve per client, their connection pools closed on ``loop`` by ``stack``."""

    def http(headers: dict[str, str] | None = None) -> httpx.AsyncClient:
        client = httpx.AsyncClient(base_url=base_url, headers=headers)
        stack.callback(lambda: loop.run_until_complete(client.aclose()))
        return client

    bare = http(AUTH)
    anyapi = AsyncAnyAPI(api_key=API_KEY, base_url=base_url, http_client=http())
    sdk = openai.AsyncOpenAI(api_key=API_KEY, base_url=base_url, http_client=http())  # type: ignore[arg-type]

    async def bare_get() -> object:
        return (await bare.get(PATH)).json()

    return {
        BARE: bare_get,
        ANYAPI: lambda: anyapi.batches.retrieve(BATCH_ID),
        OPENAI: lambda: sdk.batches.retrieve(BATCH_ID),
    }
