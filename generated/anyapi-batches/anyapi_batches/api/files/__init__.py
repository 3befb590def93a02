"""Operations tagged "files": the low-level modules, and the resource classes of AnyAPI and AsyncAnyAPI."""

from __future__ import annotations

from ..._runtime.client import NOT_GIVEN, Call, NotGiven, TimeoutTypes
from ..._runtime.multipart import FileInput, as_file
from ..._runtime.resources import AsyncResource, SyncResource, check_path_param
from ...models import CreateFileRequest, FileObject
from ...models.file_purpose import FilePurpose
from . import create_file, retrieve_file


class Files(SyncResource):
    """Operations tagged "files" in openapi.yaml."""

    def create(
        self,
        *,
        file: FileInput,
        purpose: FilePurpose,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> FileObject:
        """Upload file

        Uploads a file, such as the JSONL input of a batch.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        http_kwargs = create_file._get_kwargs(
            body=CreateFileRequest(
                file=as_file(file),
                purpose=purpose,
            ),
        )

        return self._client.execute(Call(http_kwargs, FileObject.from_dict, timeout=timeout))

    def retrieve(
        self,
        file_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> FileObject:
        """Retrieve file

        Returns information about an uploaded file.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        http_kwargs = retrieve_file._get_kwargs(
            file_id=check_path_param("file_id", file_id),
        )

        return self._client.execute(Call(http_kwargs, FileObject.from_dict, timeout=timeout))


class AsyncFiles(AsyncResource):
    """Operations tagged "files" in openapi.yaml."""

    async def create(
        self,
        *,
        file: FileInput,
        purpose: FilePurpose,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> FileObject:
        """Upload file

        Uploads a file, such as the JSONL input of a batch.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        http_kwargs = create_file._get_kwargs(
            body=CreateFileRequest(
                file=as_file(file),
                purpose=purpose,
            ),
        )

        return await self._client.execute(Call(http_kwargs, FileObject.from_dict, timeout=timeout))

    async def retrieve(
        self,
        file_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> FileObject:
        """Retrieve file

        Returns information about an uploaded file.

        Raises:
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        http_kwargs = retrieve_file._get_kwargs(
            file_id=check_path_param("file_id", file_id),
        )

        return await self._client.execute(Call(http_kwargs, FileObject.from_dict, timeout=timeout))
