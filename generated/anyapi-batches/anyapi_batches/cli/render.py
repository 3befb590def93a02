# Copied from handwritten/cli/render.py by `nox -s generate`: edit it there.
"""How batches look: a summary, a table or JSON, styled on a terminal and plain in a pipe or a file."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rich import box
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from ..models import Batch
from ..types import Unset
from .terminal import printable

PIPE_WIDTH = 10_000
"""Wide enough that no row sent to a program is folded or cut to fit a guessed 80 columns."""

STATUS_STYLES = {
    "completed": "green",
    "failed": "red",
    "expired": "red",
    "cancelling": "yellow",
    "cancelled": "yellow",
}

UNITS = (("d", 86400), ("h", 3600), ("m", 60), ("s", 1))


def output_console(*, stderr: bool = False) -> Console:
    # Built per command, not at import: the streams may be swapped (by tests, or by a caller of main()).
    console = Console(highlight=False, stderr=stderr)
    return console if console.is_terminal else Console(highlight=False, stderr=stderr, width=PIPE_WIDTH)


def emit(console: Console, renderable: RenderableType) -> None:
    """Print; in a pipe or a file, without the spaces rich pads each line of a table with."""
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    console.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def duration(seconds: float) -> str:
    """The two largest units of a span: 45s, 12m 5s, 3h 20m, 5d 3h."""
    parts: list[str] = []
    remaining = int(seconds)
    for name, size in UNITS:
        count, remaining = divmod(remaining, size)
        if count or parts:
            parts.append(f"{count}{name}")
    return " ".join(parts[:2]) or "0s"


def moment(stamp: int, now: float) -> str:
    """A Unix time as local time and as an age: 2024-03-26 17:45:33 CET (3h 20m ago).

    A number no date can stand for (milliseconds by mistake, say) is shown as it came, with a note.
    """
    try:
        local = datetime.fromtimestamp(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")
    except (OverflowError, OSError, ValueError):
        return f"{stamp} (not a date: out of range for a Unix time in seconds)"
    delta = now - stamp
    age = f"{duration(delta)} ago" if delta >= 0 else f"in {duration(-delta)}"
    return f"{local} ({age})"


def styled_status(status: str) -> Text:
    return Text(printable(status), style=STATUS_STYLES.get(status, ""))


def progress_of(batch: Batch) -> tuple[int, int | None, int]:
    """Requests finished (completed or failed), the total if known yet, and how many failed."""
    counts = batch.request_counts
    if isinstance(counts, Unset):
        return 0, None, 0
    return counts.completed + counts.failed, counts.total or None, counts.failed


def fraction(done: int, total: int | None) -> str:
    return f"{done}/{total if total is not None else '?'}"


def counts_text(batch: Batch) -> str:
    counts = batch.request_counts
    if isinstance(counts, Unset):
        return "not reported yet"
    return f"{counts.completed} completed, {counts.failed} failed, of {counts.total}"


def optional(value: object) -> str | None:
    return None if value is None or isinstance(value, Unset) else str(value)


def summary(batch: Batch, now: float) -> Table:
    stamps = (
        ("created", batch.created_at),
        ("in progress", batch.in_progress_at),
        ("finalizing", batch.finalizing_at),
        ("completed", batch.completed_at),
        ("failed", batch.failed_at),
        ("expired", batch.expired_at),
        ("cancelling", batch.cancelling_at),
        ("cancelled", batch.cancelled_at),
        ("expires", batch.expires_at),
    )
    metadata = batch.metadata
    pairs = None if metadata is None or isinstance(metadata, Unset) else metadata.to_dict()
    rows: list[tuple[str, str | Text | None]] = [
        ("id", batch.id),
        ("status", styled_status(batch.status)),
        ("endpoint", batch.endpoint),
        ("requests", counts_text(batch)),
        *((label, moment(stamp, now)) for label, stamp in stamps if isinstance(stamp, int)),
        ("input file", batch.input_file_id),
        ("output file", optional(batch.output_file_id)),
        ("error file", optional(batch.error_file_id)),
        ("metadata", ", ".join(f"{key}={value}" for key, value in pairs.items()) if pairs else None),
    ]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for label, value in rows:
        if value is not None:
            # Text, never a str: a str cell is read as rich markup, and server values may hold brackets.
            grid.add_row(Text(label), value if isinstance(value, Text) else Text(printable(value)))
    return grid


def batch_table(batches: Iterable[Batch], now: float, *, plain: bool) -> Table:
    table = Table(box=None if plain else box.SIMPLE_HEAD, header_style="" if plain else "bold", pad_edge=not plain)
    for column in ("ID", "STATUS", "DONE", "FAILED", "CREATED", "ENDPOINT"):
        table.add_column(column, no_wrap=True)
    for batch in batches:
        done, total, failed = progress_of(batch)
        table.add_row(
            Text(printable(batch.id)),
            styled_status(batch.status),
            Text(fraction(done, total)),
            Text(str(failed)),
            Text(moment(batch.created_at, now)),
            Text(printable(batch.endpoint)),
        )
    return table
