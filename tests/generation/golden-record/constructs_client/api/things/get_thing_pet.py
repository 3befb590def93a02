# Generated from tests/generation/constructs.yaml by openapi-python-client's default endpoint_module.py.jinja: never edit; regenerate with `nox -s generate`.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cat import Cat
from ...models.dog import Dog
from ...types import Response


def _get_kwargs(
    thing_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/things/{thing_id}/pet".format(
            thing_id=quote(str(thing_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Cat | Dog | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> Cat | Dog:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_pet_type_0 = Cat.from_dict(data)

                return componentsschemas_pet_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_pet_type_1 = Dog.from_dict(data)

            return componentsschemas_pet_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Cat | Dog]:
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
) -> Response[Cat | Dog]:
    """Get the thing's pet

     A oneOf of objects without a discriminator.

    Args:
        thing_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cat | Dog]
    """

    kwargs = _get_kwargs(
        thing_id=thing_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    thing_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Cat | Dog | None:
    """Get the thing's pet

     A oneOf of objects without a discriminator.

    Args:
        thing_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cat | Dog
    """

    return sync_detailed(
        thing_id=thing_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    thing_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Cat | Dog]:
    """Get the thing's pet

     A oneOf of objects without a discriminator.

    Args:
        thing_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cat | Dog]
    """

    kwargs = _get_kwargs(
        thing_id=thing_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thing_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Cat | Dog | None:
    """Get the thing's pet

     A oneOf of objects without a discriminator.

    Args:
        thing_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cat | Dog
    """

    return (
        await asyncio_detailed(
            thing_id=thing_id,
            client=client,
        )
    ).parsed
