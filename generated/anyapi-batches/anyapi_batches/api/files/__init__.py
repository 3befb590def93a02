# Generated from openapi.yaml by templates/endpoint_init.py.jinja: never edit; regenerate with `nox -s generate`.
"""Operations tagged "files": the low-level modules, and the resource classes of AnyAPI and AsyncAnyAPI."""

from __future__ import annotations

import os
from collections.abc import Callable

from ..._runtime import decoding, request_checks
from ..._runtime.client import NOT_GIVEN, Call, NotGiven, TimeoutTypes
from ..._runtime.multipart import FileInput, as_file
from ..._runtime.pagination import AsyncPager, Pager
from ..._runtime.resources import AsyncResource, SyncResource, check_path_param
from ..._runtime.streaming import AsyncStreamedBody, StreamedBody, not_parsed
from ...models.create_file_request import CreateFileRequest
from ...models.file_deletion import FileDeletion
from ...models.file_list import FileList
from ...models.file_object import FileObject
from ...models.file_purpose import FilePurpose
from ...models.list_files_order import ListFilesOrder
from ...models.stored_file_purpose import StoredFilePurpose
from ...types import UNSET, Unset
from . import create_file, delete_file, list_files, retrieve_file, retrieve_file_content


class Files(SyncResource):
    """Operations tagged "files" in openapi.yaml."""

    def list(
        self,
        *,
        after: str | Unset = UNSET,
        limit: int | Unset = 10000,
        order: ListFilesOrder | Unset = "desc",
        purpose: StoredFilePurpose | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> Pager[FileList, FileObject]:
        """List files

        Lists your files, a page at a time. Not in the provider's reference: this operation follows OpenAI's
        Files API, which the provider is compatible with.

        Iterating the result yields every item, fetching pages as needed; pages() yields one page at a time.

        Args:
            after: A cursor for pagination: the ID of the last file of the previous page, to fetch the page
                after it.
            limit: How many files to return, between 1 and 10,000.
            order: Sort order by `created_at`, newest first (`desc`) or oldest first (`asc`).
            purpose: Only return files with this purpose.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "after",
            after,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "limit",
            limit,
            request_checks.Limited(decoding.INTEGER, request_checks.Limits(minimum=1, maximum=10000)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "order",
            order,
            decoding.EnumCodec(frozenset({"asc", "desc"})),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "purpose",
            purpose,
            decoding.EnumCodec(
                frozenset(
                    {
                        "assistants",
                        "assistants_output",
                        "batch",
                        "batch_output",
                        "fine-tune",
                        "fine-tune-results",
                        "user_data",
                        "vision",
                    }
                )
            ),
            strict=self._client.strict,
        )

        def fetch_page(page_cursor: str | Unset) -> FileList:
            http_kwargs = list_files._get_kwargs(
                after=page_cursor,
                limit=limit,
                order=order,
                purpose=purpose,
            )

            return self._client.execute(Call(http_kwargs, FileList.from_dict, timeout=timeout))

        return Pager(
            fetch_page,
            first_cursor=after,
            items=lambda page: page.data,
            has_more=lambda page: page.has_more,
            next_cursor=lambda page: page.last_id,
        )

    def create(
        self,
        *,
        file: FileInput,
        purpose: FilePurpose,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> FileObject:
        """Upload file

        Uploads a file, such as the JSONL input of a batch.

        Args:
            file: The file to upload; for a batch, JSONL with one request per line
            purpose: What an uploaded file is for
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        body = request_checks.check_body(
            CreateFileRequest(
                file=as_file(file),
                purpose=purpose,
            ),
            strict=self._client.strict,
        )

        http_kwargs = create_file._get_kwargs(
            body=body,
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

        Args:
            file_id: The ID of the file
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        check_path_param("file_id", file_id)
        request_checks.check_param(
            "file_id",
            file_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = retrieve_file._get_kwargs(
            file_id=file_id,
        )

        return self._client.execute(Call(http_kwargs, FileObject.from_dict, timeout=timeout))

    def delete(
        self,
        file_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> FileDeletion:
        """Delete file

        Deletes a file. Not in the provider's reference: this operation follows OpenAI's Files API, which
        the provider is compatible with.

        Args:
            file_id: The ID of the file
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        check_path_param("file_id", file_id)
        request_checks.check_param(
            "file_id",
            file_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = delete_file._get_kwargs(
            file_id=file_id,
        )

        return self._client.execute(Call(http_kwargs, FileDeletion.from_dict, timeout=timeout))

    def content(
        self,
        file_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        total_timeout: float | None = None,
    ) -> StreamedBody:
        """Retrieve file content

        Streams the raw bytes of a file. The output and error files of a batch are JSONL, one
        `BatchRequestOutput` per line. Not in the provider's reference: this operation follows OpenAI's
        Files API, which the provider is compatible with.

        The answer is streamed: use it as a context manager (``with client.files.content(...) as body:``),
        which sends the request and closes the connection at its end, and read it once with iter_bytes(),
        iter_lines() or read(). Nothing is held in memory unless read() asks for the whole body.

        Args:
            file_id: The ID of the file
            timeout: for this call, instead of the client's timeout: it bounds connecting and the answer's
                headers, then each wait for more of the body, not the whole transfer.
            total_timeout: seconds for the whole transfer, from sending to the last byte, retries and
                pauses included; None (the default): no limit.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, or the body broke off, after the client's retries;
                errors.APITimeoutError when a timeout ran out.
            errors.ResponseValidationError: the body cannot be decoded (Content-Encoding, or text that
                is not UTF-8).
        """

        check_path_param("file_id", file_id)
        request_checks.check_param(
            "file_id",
            file_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = retrieve_file_content._get_kwargs(
            file_id=file_id,
        )

        return self._client.stream(Call(http_kwargs, not_parsed, timeout=timeout), total_timeout=total_timeout)

    def download(
        self,
        file_id: str,
        path: str | os.PathLike[str],
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        total_timeout: float | None = None,
        on_progress: Callable[[int, int | None], object] | None = None,
    ) -> int:
        """Retrieve file content

        Streams the raw bytes of a file. The output and error files of a batch are JSONL, one
        `BatchRequestOutput` per line. Not in the provider's reference: this operation follows OpenAI's
        Files API, which the provider is compatible with.

        Writes the answer to path: into a new file beside it, which replaces path only once the whole body
        has arrived with the size its Content-Length declared. A transient failure starts the download over,
        within the client's max_retries; a download that fails, or is interrupted, leaves path as it was and
        no new file behind. Returns the number of bytes written.

        Args:
            file_id: The ID of the file
            path: the file to write (replaced if it exists); its folder must exist.
            on_progress: called with the bytes received so far and the bytes declared (None if the server
                declares none), once at the start of each attempt and after each piece of the body.
            timeout: for this call, instead of the client's timeout: it bounds connecting and the answer's
                headers, then each wait for more of the body, not the whole transfer.
            total_timeout: seconds for the whole transfer, from sending to the last byte, retries and
                pauses included; None (the default): no limit.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, or the body broke off, after the client's retries;
                errors.APITimeoutError when a timeout ran out.
            errors.ResponseValidationError: the body cannot be decoded (Content-Encoding, or text that
                is not UTF-8).
            OSError: path cannot be written (no such folder, no permission, a full disk); a folder that
                cannot be written to fails before anything is sent.
        """

        check_path_param("file_id", file_id)
        request_checks.check_param(
            "file_id",
            file_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = retrieve_file_content._get_kwargs(
            file_id=file_id,
        )

        return self._client.download(
            Call(http_kwargs, not_parsed, timeout=timeout), path, on_progress=on_progress, total_timeout=total_timeout
        )


class AsyncFiles(AsyncResource):
    """Operations tagged "files" in openapi.yaml."""

    def list(
        self,
        *,
        after: str | Unset = UNSET,
        limit: int | Unset = 10000,
        order: ListFilesOrder | Unset = "desc",
        purpose: StoredFilePurpose | Unset = UNSET,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[FileList, FileObject]:
        """List files

        Lists your files, a page at a time. Not in the provider's reference: this operation follows OpenAI's
        Files API, which the provider is compatible with.

        Iterating the result yields every item, fetching pages as needed; pages() yields one page at a time.

        Args:
            after: A cursor for pagination: the ID of the last file of the previous page, to fetch the page
                after it.
            limit: How many files to return, between 1 and 10,000.
            order: Sort order by `created_at`, newest first (`desc`) or oldest first (`asc`).
            purpose: Only return files with this purpose.
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        request_checks.check_param(
            "after",
            after,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "limit",
            limit,
            request_checks.Limited(decoding.INTEGER, request_checks.Limits(minimum=1, maximum=10000)),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "order",
            order,
            decoding.EnumCodec(frozenset({"asc", "desc"})),
            strict=self._client.strict,
        )
        request_checks.check_param(
            "purpose",
            purpose,
            decoding.EnumCodec(
                frozenset(
                    {
                        "assistants",
                        "assistants_output",
                        "batch",
                        "batch_output",
                        "fine-tune",
                        "fine-tune-results",
                        "user_data",
                        "vision",
                    }
                )
            ),
            strict=self._client.strict,
        )

        async def fetch_page(page_cursor: str | Unset) -> FileList:
            http_kwargs = list_files._get_kwargs(
                after=page_cursor,
                limit=limit,
                order=order,
                purpose=purpose,
            )

            return await self._client.execute(Call(http_kwargs, FileList.from_dict, timeout=timeout))

        return AsyncPager(
            fetch_page,
            first_cursor=after,
            items=lambda page: page.data,
            has_more=lambda page: page.has_more,
            next_cursor=lambda page: page.last_id,
        )

    async def create(
        self,
        *,
        file: FileInput,
        purpose: FilePurpose,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> FileObject:
        """Upload file

        Uploads a file, such as the JSONL input of a batch.

        Args:
            file: The file to upload; for a batch, JSONL with one request per line
            purpose: What an uploaded file is for
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        body = request_checks.check_body(
            CreateFileRequest(
                file=as_file(file),
                purpose=purpose,
            ),
            strict=self._client.strict,
        )

        http_kwargs = create_file._get_kwargs(
            body=body,
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

        Args:
            file_id: The ID of the file
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        check_path_param("file_id", file_id)
        request_checks.check_param(
            "file_id",
            file_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = retrieve_file._get_kwargs(
            file_id=file_id,
        )

        return await self._client.execute(Call(http_kwargs, FileObject.from_dict, timeout=timeout))

    async def delete(
        self,
        file_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    ) -> FileDeletion:
        """Delete file

        Deletes a file. Not in the provider's reference: this operation follows OpenAI's Files API, which
        the provider is compatible with.

        Args:
            file_id: The ID of the file
            timeout: for this call, instead of the client's timeout.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, after the client's retries.
            errors.ResponseValidationError: the answer does not match openapi.yaml.
        """

        check_path_param("file_id", file_id)
        request_checks.check_param(
            "file_id",
            file_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = delete_file._get_kwargs(
            file_id=file_id,
        )

        return await self._client.execute(Call(http_kwargs, FileDeletion.from_dict, timeout=timeout))

    def content(
        self,
        file_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        total_timeout: float | None = None,
    ) -> AsyncStreamedBody:
        """Retrieve file content

        Streams the raw bytes of a file. The output and error files of a batch are JSONL, one
        `BatchRequestOutput` per line. Not in the provider's reference: this operation follows OpenAI's
        Files API, which the provider is compatible with.

        The answer is streamed: use it as a context manager (``async with client.files.content(...) as
        body:``), which sends the request and closes the connection at its end, and read it once with
        aiter_bytes(), aiter_lines() or aread(). Nothing is held in memory unless aread() asks for the whole
        body.

        Args:
            file_id: The ID of the file
            timeout: for this call, instead of the client's timeout: it bounds connecting and the answer's
                headers, then each wait for more of the body, not the whole transfer.
            total_timeout: seconds for the whole transfer, from sending to the last byte, retries and
                pauses included; None (the default): no limit.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, or the body broke off, after the client's retries;
                errors.APITimeoutError when a timeout ran out.
            errors.ResponseValidationError: the body cannot be decoded (Content-Encoding, or text that
                is not UTF-8).
        """

        check_path_param("file_id", file_id)
        request_checks.check_param(
            "file_id",
            file_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = retrieve_file_content._get_kwargs(
            file_id=file_id,
        )

        return self._client.stream(Call(http_kwargs, not_parsed, timeout=timeout), total_timeout=total_timeout)

    async def download(
        self,
        file_id: str,
        path: str | os.PathLike[str],
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        total_timeout: float | None = None,
        on_progress: Callable[[int, int | None], object] | None = None,
    ) -> int:
        """Retrieve file content

        Streams the raw bytes of a file. The output and error files of a batch are JSONL, one
        `BatchRequestOutput` per line. Not in the provider's reference: this operation follows OpenAI's
        Files API, which the provider is compatible with.

        Writes the answer to path: into a new file beside it, which replaces path only once the whole body
        has arrived with the size its Content-Length declared. A transient failure starts the download over,
        within the client's max_retries; a download that fails, or is interrupted, leaves path as it was and
        no new file behind. Returns the number of bytes written.

        Args:
            file_id: The ID of the file
            path: the file to write (replaced if it exists); its folder must exist.
            on_progress: called with the bytes received so far and the bytes declared (None if the server
                declares none), once at the start of each attempt and after each piece of the body.
            timeout: for this call, instead of the client's timeout: it bounds connecting and the answer's
                headers, then each wait for more of the body, not the whole transfer.
            total_timeout: seconds for the whole transfer, from sending to the last byte, retries and
                pauses included; None (the default): no limit.

        Raises:
            TypeError, ValueError: an argument does not fit the spec (nothing was sent).
            errors.APIStatusError: the server answered with an error status (a subclass per status).
            errors.APIConnectionError: no answer, or the body broke off, after the client's retries;
                errors.APITimeoutError when a timeout ran out.
            errors.ResponseValidationError: the body cannot be decoded (Content-Encoding, or text that
                is not UTF-8).
            OSError: path cannot be written (no such folder, no permission, a full disk); a folder that
                cannot be written to fails before anything is sent.
        """

        check_path_param("file_id", file_id)
        request_checks.check_param(
            "file_id",
            file_id,
            request_checks.Limited(decoding.STRING, request_checks.Limits(min_length=1)),
            strict=self._client.strict,
        )

        http_kwargs = retrieve_file_content._get_kwargs(
            file_id=file_id,
        )

        return await self._client.download(
            Call(http_kwargs, not_parsed, timeout=timeout), path, on_progress=on_progress, total_timeout=total_timeout
        )
