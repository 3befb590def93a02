# Generated from tests/generation/constructs.yaml by openapi-python-client's default endpoint_module.py.jinja: never edit; regenerate with `nox -s generate`.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    thing_id: UUID,
    *,
    since: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["since"] = since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/things/{thing_id}/log".format(
            thing_id=quote(str(thing_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    thing_id: UUID,
    *,
    client: AuthenticatedClient,
    since: int | Unset = UNSET,
) -> Response[str]:
    """Get the thing's log

     A success body that is not JSON, streamed; x-anyapi-download adds a method that saves it.

    Args:
        thing_id (UUID):
        since (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str]
    """

    kwargs = _get_kwargs(
        thing_id=thing_id,
        since=since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    thing_id: UUID,
    *,
    client: AuthenticatedClient,
    since: int | Unset = UNSET,
) -> str | None:
    """Get the thing's log

     A success body that is not JSON, streamed; x-anyapi-download adds a method that saves it.

    Args:
        thing_id (UUID):
        since (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        str
    """

    return sync_detailed(
        thing_id=thing_id,
        client=client,
        since=since,
    ).parsed


async def asyncio_detailed(
    thing_id: UUID,
    *,
    client: AuthenticatedClient,
    since: int | Unset = UNSET,
) -> Response[str]:
    """Get the thing's log

     A success body that is not JSON, streamed; x-anyapi-download adds a method that saves it.

    Args:
        thing_id (UUID):
        since (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str]
    """

    kwargs = _get_kwargs(
        thing_id=thing_id,
        since=since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thing_id: UUID,
    *,
    client: AuthenticatedClient,
    since: int | Unset = UNSET,
) -> str | None:
    """Get the thing's log

     A success body that is not JSON, streamed; x-anyapi-download adds a method that saves it.

    Args:
        thing_id (UUID):
        since (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        str
    """

    return (
        await asyncio_detailed(
            thing_id=thing_id,
            client=client,
            since=since,
        )
    ).parsed
