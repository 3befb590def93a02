# Copied from handwritten/cli/progress.py by `nox -s generate`: edit it there.
"""What a wait shows while it polls: a live progress bar on a terminal, else one line whenever something changed."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..models import Batch
from .render import duration, fraction, progress_of
from .terminal import printable

OnPoll = Callable[[Batch], None]


@contextmanager
def progress_display(console: Console) -> Iterator[OnPoll]:
    """A callback for ``wait(on_poll=...)``, showing each batch it is given until the block ends."""
    if console.is_interactive:
        with live_bar(console) as on_poll:
            yield on_poll
    else:
        yield plain_lines(console)


@contextmanager
def live_bar(console: Console) -> Iterator[OnPoll]:
    columns = (
        # No markup: the status comes from the server and may hold brackets.
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed", markup=False),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("waiting", total=None, failed=0)

        def on_poll(batch: Batch) -> None:
            done, total, failed = progress_of(batch)
            # A refresh per poll, so that every state seen reaches the screen, not only those a timer catches.
            progress.update(
                task, description=printable(batch.status), completed=done, total=total, failed=failed, refresh=True
            )

        yield on_poll


def plain_lines(console: Console) -> OnPoll:
    started = time.monotonic()
    last: str | None = None

    def on_poll(batch: Batch) -> None:
        nonlocal last
        done, total, failed = progress_of(batch)
        state = f"{printable(batch.status)} {fraction(done, total)} done, {failed} failed"
        # A log gets a line per change, not one per poll of an hour-long wait.
        if state != last:
            last = state
            console.print(Text(f"{duration(time.monotonic() - started):>7}  {printable(batch.id)}  {state}"))

    return on_poll
