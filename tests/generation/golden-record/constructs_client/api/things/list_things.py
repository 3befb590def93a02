# Generated from tests/generation/constructs.yaml by openapi-python-client's default endpoint_module.py.jinja: never edit; regenerate with `nox -s generate`.
import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.colour import Colour
from ...models.everything import Everything
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 10,
    after: str | Unset = UNSET,
    colour: Colour | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    ratio: float | Unset = UNSET,
    x_trace: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_trace, Unset):
        headers["X-Trace"] = x_trace

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["after"] = after

    json_colour: str | Unset = UNSET
    if not isinstance(colour, Unset):
        json_colour = colour

    params["colour"] = json_colour

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    params["ratio"] = ratio

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/things",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> list[Everything] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Everything.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[list[Everything]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    after: str | Unset = UNSET,
    colour: Colour | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    ratio: float | Unset = UNSET,
    x_trace: str | Unset = UNSET,
) -> Response[list[Everything]]:
    """List things

     Query and header parameters of every kind; an array success body.

    Args:
        limit (int | Unset):  Default: 10.
        after (str | Unset):
        colour (Colour | Unset): A colour
        since (datetime.datetime | Unset):
        ratio (float | Unset):
        x_trace (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Everything]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        after=after,
        colour=colour,
        since=since,
        ratio=ratio,
        x_trace=x_trace,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    after: str | Unset = UNSET,
    colour: Colour | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    ratio: float | Unset = UNSET,
    x_trace: str | Unset = UNSET,
) -> list[Everything] | None:
    """List things

     Query and header parameters of every kind; an array success body.

    Args:
        limit (int | Unset):  Default: 10.
        after (str | Unset):
        colour (Colour | Unset): A colour
        since (datetime.datetime | Unset):
        ratio (float | Unset):
        x_trace (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Everything]
    """

    return sync_detailed(
        client=client,
        limit=limit,
        after=after,
        colour=colour,
        since=since,
        ratio=ratio,
        x_trace=x_trace,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    after: str | Unset = UNSET,
    colour: Colour | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    ratio: float | Unset = UNSET,
    x_trace: str | Unset = UNSET,
) -> Response[list[Everything]]:
    """List things

     Query and header parameters of every kind; an array success body.

    Args:
        limit (int | Unset):  Default: 10.
        after (str | Unset):
        colour (Colour | Unset): A colour
        since (datetime.datetime | Unset):
        ratio (float | Unset):
        x_trace (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Everything]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        after=after,
        colour=colour,
        since=since,
        ratio=ratio,
        x_trace=x_trace,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 10,
    after: str | Unset = UNSET,
    colour: Colour | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    ratio: float | Unset = UNSET,
    x_trace: str | Unset = UNSET,
) -> list[Everything] | None:
    """List things

     Query and header parameters of every kind; an array success body.

    Args:
        limit (int | Unset):  Default: 10.
        after (str | Unset):
        colour (Colour | Unset): A colour
        since (datetime.datetime | Unset):
        ratio (float | Unset):
        x_trace (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Everything]
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            after=after,
            colour=colour,
            since=since,
            ratio=ratio,
            x_trace=x_trace,
        )
    ).parsed
