"""A streamed body written to a file, all or nothing (the ``x-anyapi-download`` methods, such as ``files.download``).

The body goes into a new file beside the target, which takes the target's place only once the whole body
has arrived and its size is the one its ``Content-Length`` declared (``streaming``). A transient failure,
before or during the body, starts the download over within the client's ``max_retries`` (and
``total_timeout``); any failure that ends it, an interruption (Ctrl-C) included, removes the new file and
leaves the target as it was. The new file is made before the request is sent, so a folder that cannot be
written to fails at once, with the OSError that says why. It is on disk before
it replaces the target; to keep that last fsync short, the disk is asked to
write what has arrived as the body comes in (``EarlyWriteback``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
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


WRITEBACK_STEP = 8 * 2**20
"""How many bytes written between two background syncs (``EarlyWriteback``)."""


class EarlyWriteback:
    """Writes a file, and every ``step`` bytes has a background thread put what is written on disk.

    The fsync that must come before the file replaces its target then finds most of it written already,
    instead of waiting for all of it while nothing else happens. One sync runs at a time; a failed one is left
    to the final fsync, which reports it.
    """

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.step = WRITEBACK_STEP
        self.written = 0
        self._next_at = self.step
        self._syncing: threading.Thread | None = None

    def start_over(self) -> None:
        self.file.seek(0)
        self.file.truncate()
        self.written = 0
        self._next_at = self.step

    def write(self, chunk: bytes) -> None:
        self.written += self.file.write(chunk)
        if self.written < self._next_at or (self._syncing is not None and self._syncing.is_alive()):
            return
        self.file.flush()
        self._next_at = self.written + self.step
        self._syncing = threading.Thread(target=sync_quietly, args=(self.file.fileno(),), daemon=True)
        self._syncing.start()

    def wait(self) -> None:
        """Wait for the sync under way, if any: the file must stay open until it is done."""
        if self._syncing is not None:
            self._syncing.join()

    def finish(self, replacement: Replacement) -> None:
        """Once the last sync is done, let ``replacement`` take its target's place."""
        self.wait()
        replacement.commit()


def sync_quietly(descriptor: int) -> None:
    with contextlib.suppress(OSError):
        os.fsync(descriptor)


def start_over(file: EarlyWriteback, body: OpenBody, on_progress: OnProgress | None) -> None:
    """Empty the file for a new attempt, and tell the caller that counting starts again."""
    file.start_over()
    if on_progress is not None:
        on_progress(0, body.declared_length)


def save(body: SyncOpenBody, file: EarlyWriteback, on_progress: OnProgress | None) -> int:
    """Write the whole body into ``file`` (from its start), the bytes written."""
    try:
        start_over(file, body, on_progress)
        for chunk in body.chunks():
            file.write(chunk)
            if on_progress is not None:
                on_progress(body.received, body.declared_length)
    finally:
        body.close()
    return file.written


async def async_save(body: AsyncOpenBody, file: EarlyWriteback, on_progress: OnProgress | None) -> int:
    """``save`` for an async body; writes go to the page cache at once, so they are made without a thread."""
    try:
        start_over(file, body, on_progress)
        async for chunk in body.chunks():
            file.write(chunk)
            if on_progress is not None:
                on_progress(body.received, body.declared_length)
    finally:
        await body.close()
    return file.written


def download(
    target: Path, retries: RetryPlan, attempt: Callable[[], SyncOpenBody], on_progress: OnProgress | None
) -> int:
    """The body of each ``attempt`` written to a new file until one arrives whole, which then replaces ``target``."""
    file = Replacement(target)
    writer = EarlyWriteback(file.file)
    try:
        size = retrying(retries, lambda: save(attempt(), writer, on_progress))
    except BaseException:
        writer.wait()
        file.discard()
        raise
    writer.finish(file)
    return size


async def async_download(
    target: Path, retries: RetryPlan, attempt: Callable[[], Awaitable[AsyncOpenBody]], on_progress: OnProgress | None
) -> int:
    """``download`` for the async client; the file is put on disk (fsync) in a worker thread."""
    import anyio  # imported here, where an event loop already runs

    file = Replacement(target)
    writer = EarlyWriteback(file.file)

    async def saved() -> int:
        return await async_save(await attempt(), writer, on_progress)

    try:
        size = await async_retrying(retries, saved)
    except BaseException:
        writer.wait()
        file.discard()
        raise
    await anyio.to_thread.run_sync(writer.finish, file)
    return size
