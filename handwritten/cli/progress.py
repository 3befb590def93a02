"""What a wait shows while it polls: a live progress bar on a terminal, else one line whenever something changed.

The same display serves a batch and a whole job: each is shown through a ``Shown``, its name, state and counts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..models import Batch
from .render import duration, fraction, progress_of
from .terminal import printable

T = TypeVar("T")
OnPoll = Callable[[Batch], None]


@dataclass(frozen=True)
class Shown:
    """What the display shows of a batch or a job; text from the server is made printable here."""

    name: str
    state: str
    done: int
    total: int | None
    failed: int


def batch_shown(batch: Batch) -> Shown:
    done, total, failed = progress_of(batch)
    return Shown(printable(batch.id), printable(batch.status), done, total, failed)


@contextmanager
def progress_display(console: Console) -> Iterator[OnPoll]:
    """A callback for ``wait(on_poll=...)``, showing each batch it is given until the block ends."""
    with shown_progress(console, batch_shown) as on_poll:
        yield on_poll


@contextmanager
def shown_progress(console: Console, shown: Callable[[T], Shown]) -> Iterator[Callable[[T], None]]:
    """A callback showing each thing it is given, through ``shown``, until the block ends."""
    if console.is_interactive:
        with live_bar(console) as show:
            yield lambda polled: show(shown(polled))
    else:
        show = plain_lines(console)
        yield lambda polled: show(shown(polled))


@contextmanager
def live_bar(console: Console) -> Iterator[Callable[[Shown], None]]:
    columns = (
        # No markup: the state comes from the server and may hold brackets.
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed", markup=False),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("waiting", total=None, failed=0)

        def show(shown: Shown) -> None:
            # A refresh per poll, so that every state seen reaches the screen, not only those a timer catches.
            progress.update(
                task,
                description=shown.state,
                completed=shown.done,
                total=shown.total,
                failed=shown.failed,
                refresh=True,
            )

        yield show


def plain_lines(console: Console) -> Callable[[Shown], None]:
    started = time.monotonic()
    last: str | None = None

    def show(shown: Shown) -> None:
        nonlocal last
        state = f"{shown.state} {fraction(shown.done, shown.total)} done, {shown.failed} failed"
        # A log gets a line per change, not one per poll of an hour-long wait.
        if state != last:
            last = state
            console.print(Text(f"{duration(time.monotonic() - started):>7}  {shown.name}  {state}"))

    return show
