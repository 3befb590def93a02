# Generated from tests/generation/constructs.yaml by templates/endpoint_init.py.jinja: never edit; regenerate with `nox -s generate`.
"""Operations tagged "uploads": the low-level modules, and the resource classes of AnyAPI and AsyncAnyAPI."""

from __future__ import annotations

import datetime

from ..._runtime import decoding, request_checks
from ..._runtime.client import NOT_GIVEN, Call, NotGiven, TimeoutTypes
from ..._runtime.multipart import FileInput, as_file
from ..._runtime.resources import AsyncResource, SyncResource
from ...models.colour import Colour
from ...models.create_upload_body import CreateUploadBody
from ...models.leaf import Leaf
from ...types import UNSET, Unset
from . import create_upload


class Uploads(SyncResource):
    """Operations tagged "uploads" in openapi.yaml."""

    def create(
        self,
        *,
        file: FileInput,
        taken_on: datetime.date | Unset = UNSET,
        colour: Colour | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Leaf:
        """Upload

        A multipart body with a file and typed text fields.

        Args:
            file: The file
            taken_on: The day it was made
            colour: A colour
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        body = request_checks.check_body(
            CreateUploadBody(
                file=as_file(file),
                taken_on=taken_on,
                colour=colour,
            ),
            strict=self._client.strict,
        )

        http_kwargs = create_upload._get_kwargs(
            body=body,
        )

        return self._client.execute(Call(http_kwargs, Leaf.from_dict, timeout=timeout))


class AsyncUploads(AsyncResource):
    """Operations tagged "uploads" in openapi.yaml."""

    async def create(
        self,
        *,
        file: FileInput,
        taken_on: datetime.date | Unset = UNSET,
        colour: Colour | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Leaf:
        """Upload

        A multipart body with a file and typed text fields.

        Args:
            file: The file
            taken_on: The day it was made
            colour: A colour
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        body = request_checks.check_body(
            CreateUploadBody(
                file=as_file(file),
                taken_on=taken_on,
                colour=colour,
            ),
            strict=self._client.strict,
        )

        http_kwargs = create_upload._get_kwargs(
            body=body,
        )

        return await self._client.execute(Call(http_kwargs, Leaf.from_dict, timeout=timeout))
