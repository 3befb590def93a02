"""Replacing a file all at once: readers see the old file or the new one, never a part of it."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

CREATE_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A new file, written beside ``path``, that takes its place when the block ends without an exception.

    On an exception the new file is removed and ``path`` is left as it was. The new file gets the permissions a
    newly created file gets (the umask applies), and it is on disk before it takes the old one's place.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    descriptor = os.open(temporary, CREATE_NEW, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    sync_directory(path.parent)


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
