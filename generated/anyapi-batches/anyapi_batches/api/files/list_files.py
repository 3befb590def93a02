# Generated from openapi.yaml by openapi-python-client's default endpoint_module.py.jinja: never edit; regenerate with `nox -s generate`.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_list import FileList
from ...models.list_files_order import ListFilesOrder
from ...models.stored_file_purpose import StoredFilePurpose
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: str | Unset = UNSET,
    limit: int | Unset = 10000,
    order: ListFilesOrder | Unset = "desc",
    purpose: StoredFilePurpose | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["after"] = after

    params["limit"] = limit

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    json_purpose: str | Unset = UNSET
    if not isinstance(purpose, Unset):
        json_purpose = purpose

    params["purpose"] = json_purpose

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FileList | None:
    if response.status_code == 200:
        response_200 = FileList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | FileList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = 10000,
    order: ListFilesOrder | Unset = "desc",
    purpose: StoredFilePurpose | Unset = UNSET,
) -> Response[ErrorResponse | FileList]:
    """List files

     Lists your files, a page at a time. Not in the provider's reference: this operation follows OpenAI's
    Files API, which the provider is compatible with.

    Args:
        after (str | Unset):
        limit (int | Unset):  Default: 10000.
        order (ListFilesOrder | Unset):  Default: 'desc'.
        purpose (StoredFilePurpose | Unset): What a stored file is for: the purposes of uploads,
            plus those of the files the service writes, such as `batch_output` for the output and
            error files of a batch (as OpenAI's Files API names them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileList]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        order=order,
        purpose=purpose,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = 10000,
    order: ListFilesOrder | Unset = "desc",
    purpose: StoredFilePurpose | Unset = UNSET,
) -> ErrorResponse | FileList | None:
    """List files

     Lists your files, a page at a time. Not in the provider's reference: this operation follows OpenAI's
    Files API, which the provider is compatible with.

    Args:
        after (str | Unset):
        limit (int | Unset):  Default: 10000.
        order (ListFilesOrder | Unset):  Default: 'desc'.
        purpose (StoredFilePurpose | Unset): What a stored file is for: the purposes of uploads,
            plus those of the files the service writes, such as `batch_output` for the output and
            error files of a batch (as OpenAI's Files API names them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileList
    """

    return sync_detailed(
        client=client,
        after=after,
        limit=limit,
        order=order,
        purpose=purpose,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = 10000,
    order: ListFilesOrder | Unset = "desc",
    purpose: StoredFilePurpose | Unset = UNSET,
) -> Response[ErrorResponse | FileList]:
    """List files

     Lists your files, a page at a time. Not in the provider's reference: this operation follows OpenAI's
    Files API, which the provider is compatible with.

    Args:
        after (str | Unset):
        limit (int | Unset):  Default: 10000.
        order (ListFilesOrder | Unset):  Default: 'desc'.
        purpose (StoredFilePurpose | Unset): What a stored file is for: the purposes of uploads,
            plus those of the files the service writes, such as `batch_output` for the output and
            error files of a batch (as OpenAI's Files API names them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileList]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        order=order,
        purpose=purpose,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    limit: int | Unset = 10000,
    order: ListFilesOrder | Unset = "desc",
    purpose: StoredFilePurpose | Unset = UNSET,
) -> ErrorResponse | FileList | None:
    """List files

     Lists your files, a page at a time. Not in the provider's reference: this operation follows OpenAI's
    Files API, which the provider is compatible with.

    Args:
        after (str | Unset):
        limit (int | Unset):  Default: 10000.
        order (ListFilesOrder | Unset):  Default: 'desc'.
        purpose (StoredFilePurpose | Unset): What a stored file is for: the purposes of uploads,
            plus those of the files the service writes, such as `batch_output` for the output and
            error files of a batch (as OpenAI's Files API names them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileList
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            limit=limit,
            order=order,
            purpose=purpose,
        )
    ).parsed
