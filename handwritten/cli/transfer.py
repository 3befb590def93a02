"""What a download shows while it runs: a byte progress bar on a terminal, else a line at every tenth of the way."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn
from rich.text import Text

OnProgress = Callable[[int, int | None], None]

UNKNOWN_STEP = 10 * 2**20
"""Without a declared size, a plain line for every this many bytes."""


@contextmanager
def transfer_display(console: Console, name: str) -> Iterator[OnProgress]:
    """A callback for ``download(on_progress=...)``, showing the bytes of ``name`` received until the block ends.

    ``name`` is printed as it is: escape what came from a server first.
    """
    if console.is_interactive:
        with live_bar(console, name) as on_progress:
            yield on_progress
    else:
        yield plain_lines(console, name)


@contextmanager
def live_bar(console: Console, name: str) -> Iterator[OnProgress]:
    columns = (
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console) as progress:
        task = progress.add_task(name, total=None)

        def on_progress(received: int, declared: int | None) -> None:
            progress.update(task, completed=received, total=declared)

        yield on_progress


def plain_lines(console: Console, name: str) -> OnProgress:
    shown = -1

    def on_progress(received: int, declared: int | None) -> None:
        nonlocal shown
        # Each attempt starts at 0: a download started over says so.
        if received == 0:
            shown = -1
        step = received * 10 // declared if declared else received // UNKNOWN_STEP
        if step == shown:
            return
        shown = step
        of = f" of {declared:,}" if declared is not None else ""
        console.print(Text(f"{name}: {received:,}{of} bytes"))

    return on_progress
