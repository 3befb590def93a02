# Generated from tests/generation/constructs.yaml by openapi-python-client's default endpoint_module.py.jinja: never edit; regenerate with `nox -s generate`.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.put_thing_body import PutThingBody
from ...models.put_thing_response_200 import PutThingResponse200
from ...types import Response


def _get_kwargs(
    thing_id: UUID,
    *,
    body: PutThingBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/things/{thing_id}".format(
            thing_id=quote(str(thing_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PutThingResponse200 | None:
    if response.status_code == 200:
        response_200 = PutThingResponse200.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PutThingResponse200]:
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
    body: PutThingBody,
) -> Response[PutThingResponse200]:
    """Replace thing

     Inline objects as the request body and as the success body.

    Args:
        thing_id (UUID):
        body (PutThingBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PutThingResponse200]
    """

    kwargs = _get_kwargs(
        thing_id=thing_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    thing_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PutThingBody,
) -> PutThingResponse200 | None:
    """Replace thing

     Inline objects as the request body and as the success body.

    Args:
        thing_id (UUID):
        body (PutThingBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PutThingResponse200
    """

    return sync_detailed(
        thing_id=thing_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    thing_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PutThingBody,
) -> Response[PutThingResponse200]:
    """Replace thing

     Inline objects as the request body and as the success body.

    Args:
        thing_id (UUID):
        body (PutThingBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PutThingResponse200]
    """

    kwargs = _get_kwargs(
        thing_id=thing_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thing_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PutThingBody,
) -> PutThingResponse200 | None:
    """Replace thing

     Inline objects as the request body and as the success body.

    Args:
        thing_id (UUID):
        body (PutThingBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PutThingResponse200
    """

    return (
        await asyncio_detailed(
            thing_id=thing_id,
            client=client,
            body=body,
        )
    ).parsed
