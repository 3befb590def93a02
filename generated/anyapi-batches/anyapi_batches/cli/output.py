# Copied from handwritten/cli/output.py by `nox -s generate`: edit it there.
"""Where a command writes what it fetched: stdout, or a file (``--out``) that appears whole or not at all."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import typer

from .._runtime.atomic_files import Replacement
from .exits import ExitCode
from .terminal import printable


def cannot_write(path: Path, error: OSError) -> typer.Exit:
    """One line on stderr saying why ``path`` cannot be written, and the exit that ends the command."""
    typer.echo(printable(f"{path}: cannot be written: {error.strerror or error}"), err=True)
    return typer.Exit(ExitCode.CANNOT_WRITE)


@contextlib.contextmanager
def output(out: Path | None) -> Iterator[BinaryIO]:
    """stdout, or a new file that replaces ``out`` when the block ends without an exception.

    The file is made before the block starts, so a folder that cannot be written to ends the command at once.
    """
    if out is None:
        yield typer.get_binary_stream("stdout")
        return
    try:
        replacement = Replacement(out)
    except OSError as error:
        raise cannot_write(out, error) from None
    failure: OSError | None = None
    try:
        yield replacement.file
    except BaseException:
        replacement.discard()
        raise
    try:
        replacement.commit()
    except OSError as error:
        failure = error
    if failure is not None:
        raise cannot_write(out, failure)
