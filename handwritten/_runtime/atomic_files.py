"""Replacing a file all at once: readers see the old file or the new one, never a part of it."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

CREATE_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


class Replacement:
    """A new file, written beside ``path``, that takes its place on ``commit()``; ``discard()`` drops it.

    The new file gets the permissions a newly created file gets (the umask applies), and it is on disk before it
    takes the old one's place. Creating it fails at once (OSError) where ``path`` cannot be written.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.temporary = path.with_name(f".{path.name}.{os.urandom(8).hex()}.tmp")
        self.file: BinaryIO = os.fdopen(os.open(self.temporary, CREATE_NEW, 0o666), "wb")

    def commit(self) -> None:
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.replace(self.temporary, self.path)
        except BaseException:
            self.discard()
            raise
        sync_directory(self.path.parent)

    def discard(self) -> None:
        self.file.close()
        with contextlib.suppress(FileNotFoundError):
            self.temporary.unlink()


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A new file, written beside ``path``, that takes its place when the block ends without an exception.

    On an exception the new file is removed and ``path`` is left as it was.
    """
    replacement = Replacement(path)
    try:
        yield replacement.file
    except BaseException:
        replacement.discard()
        raise
    replacement.commit()


def sync_directory(directory: Path) -> None:
    """Put a rename in ``directory`` on disk too; where directories cannot be opened (Windows) the rename is enough."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems refuse; the rename itself has happened
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
