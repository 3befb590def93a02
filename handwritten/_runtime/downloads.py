"""A streamed body written to a file, all or nothing (the ``x-anyapi-download`` methods, such as ``files.download``).

The body goes into a new file beside the target, which takes the target's place only once the whole body
has arrived and its size is the one its ``Content-Length`` declared (``streaming``). A transient failure,
before or during the body, starts the download over within the client's ``max_retries`` (and
``total_timeout``); any failure that ends it, an interruption (Ctrl-C) included, removes the new file and
leaves the target as it was. The new file is made before the request is sent, so a folder that cannot be
written to fails at once, with the OSError that says why.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import BinaryIO

from .atomic_files import Replacement
from .retries import RetryPlan, async_retrying, retrying
from .streaming import AsyncOpenBody, OpenBody, SyncOpenBody

OnProgress = Callable[[int, int | None], object]
"""Called with the bytes received so far and the bytes declared (None when the server declares none)."""


def target_of(path: object, on_progress: object) -> Path:
    """The file a download replaces (TypeError for what is no path, IsADirectoryError for a folder), checked
    with ``on_progress`` before anything is sent."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or os.PathLike, got {type(path).__name__}")
    if on_progress is not None and not callable(on_progress):
        raise TypeError(f"on_progress must be callable, got {type(on_progress).__name__}")
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a download needs the path of a file, not of a folder", str(target))
    return target


def start_over(file: BinaryIO, body: OpenBody, on_progress: OnProgress | None) -> None:
    """Empty the file for a new attempt, and tell the caller that counting starts again."""
    file.seek(0)
    file.truncate()
    if on_progress is not None:
        on_progress(0, body.declared_length)


def save(body: SyncOpenBody, file: BinaryIO, on_progress: OnProgress | None) -> int:
    """Write the whole body into ``file`` (from its start), the bytes written."""
    try:
        start_over(file, body, on_progress)
        for chunk in body.chunks():
            file.write(chunk)
            if on_progress is not None:
                on_progress(body.received, body.declared_length)
    finally:
        body.close()
    return file.tell()


async def async_save(body: AsyncOpenBody, file: BinaryIO, on_progress: OnProgress | None) -> int:
    """``save`` for an async body; writes go to the page cache at once, so they are made without a thread."""
    try:
        start_over(file, body, on_progress)
        async for chunk in body.chunks():
            file.write(chunk)
            if on_progress is not None:
                on_progress(body.received, body.declared_length)
    finally:
        await body.close()
    return file.tell()


def download(
    target: Path, retries: RetryPlan, attempt: Callable[[], SyncOpenBody], on_progress: OnProgress | None
) -> int:
    """The body of each ``attempt`` written to a new file until one arrives whole, which then replaces ``target``."""
    file = Replacement(target)
    try:
        size = retrying(retries, lambda: save(attempt(), file.file, on_progress))
    except BaseException:
        file.discard()
        raise
    file.commit()
    return size


async def async_download(
    target: Path, retries: RetryPlan, attempt: Callable[[], Awaitable[AsyncOpenBody]], on_progress: OnProgress | None
) -> int:
    """``download`` for the async client; the file is put on disk (fsync) in a worker thread."""
    import anyio  # imported here, where an event loop already runs

    file = Replacement(target)

    async def saved() -> int:
        return await async_save(await attempt(), file.file, on_progress)

    try:
        size = await async_retrying(retries, saved)
    except BaseException:
        file.discard()
        raise
    await anyio.to_thread.run_sync(file.commit)
    return size
