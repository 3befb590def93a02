# Copied from handwritten/cli/jobs.py by `nox -s generate`: edit it there.
"""``anyapi-batches submit`` and ``resume``: a file of requests run as one job of batches, kept in a journal.

Every step of a job is in its journal before and after it is taken, so a job stopped anywhere (Ctrl-C, a lost
connection, a killed process) is taken up again by ``resume`` with nothing sent twice. When a command stops
while the job goes on, it says so on stderr, with the command that takes it up again.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..models.batch_endpoint import BATCH_ENDPOINT_VALUES
from ..workflows import InvalidInputError, Job, JobError, JobProgress
from ..workflows.input_check import MAX_BYTES, MAX_REQUESTS
from ..workflows.job_base import JOURNAL_SUFFIX
from .app import PollInterval, chosen, connected, listing, parse_metadata, span_of_seconds
from .check import MaxBytesPerBatch, MaxRequestsPerBatch, RequestsFile, show_problems
from .exits import ExitCode, exit_code_for_status, one_line
from .output import cannot_write, output
from .progress import Shown, shown_progress
from .render import counts_text, emit, output_console
from .results import tally, write_results
from .terminal import printable

RESUMABLE = {ExitCode.WAIT_TIMEOUT, ExitCode.API_ERROR, ExitCode.NO_ANSWER, ExitCode.BAD_RESPONSE}
"""The exits after which the job goes on and ``resume`` takes it up."""
WORST_FIRST = (ExitCode.FAILED, ExitCode.EXPIRED, ExitCode.CANCELLED)
"""A job's exit after a wait: the first of these that one of its batches ended with, else success."""

Endpoint = Annotated[
    str, typer.Option(help=f"Endpoint every request goes to: {listing(BATCH_ENDPOINT_VALUES)}.", show_default=False)
]
JournalOption = Annotated[
    Path | None,
    typer.Option(
        "--journal",
        dir_okay=False,
        help=f"Where to keep the job's journal (default: beside FILE, its suffix {JOURNAL_SUFFIX}); it must not exist.",
        show_default=False,
    ),
]
JournalFile = Annotated[
    Path,
    typer.Argument(exists=True, dir_okay=False, readable=True, metavar="JOURNAL", help="The job's journal."),
]
Metadata = Annotated[
    list[str] | None,
    typer.Option(help="KEY=VALUE to attach to every batch of the job (repeatable).", show_default=False),
]
Wait = Annotated[bool, typer.Option("--wait", help="Then wait until every batch of the job has ended.")]
JobTimeout = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        help="Seconds to wait in all (default: until the end).",
        callback=span_of_seconds,
        show_default=False,
    ),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print the job, its progress and its parts as JSON.")]
Out = Annotated[
    Path | None,
    typer.Option(
        dir_okay=False,
        help="Then wait, and write every result of the job to this file as JSONL, whole or not at all.",
        show_default=False,
    ),
]


def submit(
    ctx: typer.Context,
    file: RequestsFile,
    endpoint: Endpoint,
    journal: JournalOption = None,
    max_requests_per_batch: MaxRequestsPerBatch = MAX_REQUESTS,
    max_bytes_per_batch: MaxBytesPerBatch = MAX_BYTES,
    metadata: Metadata = None,
    and_wait: Wait = False,
    timeout: JobTimeout = None,
    interval: PollInterval = None,
    out: Out = None,
    as_json: AsJson = False,
) -> None:
    """Check a file of requests, cut it into batches within the limits, and submit them as one job.

    The journal records every step: after Ctrl-C or a crash, resume takes the job up again, nothing sent twice.
    """
    target = chosen(endpoint, BATCH_ENDPOINT_VALUES, "--endpoint")
    attached = parse_metadata(metadata) if metadata else None
    journal_path = journal if journal is not None else file.with_suffix(JOURNAL_SUFFIX)
    writable(out)
    with resumable(journal_path), connected(ctx) as client, job_errors():
        try:
            job = client.jobs.submit(
                file,
                endpoint=target,
                metadata=attached,
                journal=journal_path,
                max_requests_per_batch=max_requests_per_batch,
                max_bytes_per_batch=max_bytes_per_batch,
            )
        except InvalidInputError as error:
            show_problems(file, error, as_json)
            raise typer.Exit(ExitCode.BAD_INPUT) from None
        except FileExistsError as error:
            raise typer.BadParameter(printable(str(error)), param_hint="'--journal'") from None
        finish(job, Following(and_wait, timeout, interval, out), as_json)


def resume(
    ctx: typer.Context,
    journal: JournalFile,
    and_wait: Wait = False,
    timeout: JobTimeout = None,
    interval: PollInterval = None,
    out: Out = None,
    as_json: AsJson = False,
) -> None:
    """Take a job up again from its journal: upload and create what is missing, each batch only once.

    A part whose upload or batch was under way when the job stopped is looked for before it is sent again.
    """
    writable(out)
    with resumable(journal), connected(ctx) as client, job_errors():
        finish(client.jobs.resume(journal), Following(and_wait, timeout, interval, out), as_json)


@dataclass(frozen=True)
class Following:
    """What to do once the job is submitted: wait for it (``out`` implies that), and write its results."""

    wait: bool
    timeout: float | None
    interval: float | None
    out: Path | None


def writable(out: Path | None) -> None:
    """Refuse an ``--out`` in a folder that is not there at once, rather than after a wait of hours."""
    if out is not None and not out.absolute().parent.is_dir():
        raise typer.BadParameter(printable(f"{out}: no such folder"), param_hint="'--out'")


@contextmanager
def job_errors() -> Iterator[None]:
    """A job that cannot go on from its journal is one line on stderr and its exit code; so is a file it cannot use."""
    try:
        yield
    except JobError as error:
        typer.echo(one_line(f"{type(error).__name__}: {error.message}", None), err=True)
        raise typer.Exit(ExitCode.BAD_JOURNAL) from None
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        raise typer.BadParameter(printable(f"cannot use{where}: {error.strerror or error}")) from None


@contextmanager
def resumable(journal: Path) -> Iterator[None]:
    """On Ctrl-C, or an error the job outlives, say how to take the job up again, once its journal exists."""
    try:
        yield
    except KeyboardInterrupt:
        if journal.exists():
            typer.echo("Interrupted. " + how_to_resume(journal), err=True)
        else:
            typer.echo("Interrupted before the job was submitted: nothing was sent.", err=True)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except typer.Exit as ending:
        if ending.exit_code in RESUMABLE and journal.exists():
            typer.echo("The job goes on. " + how_to_resume(journal), err=True)
        raise


def how_to_resume(journal: Path) -> str:
    command = f"anyapi-batches resume {shlex.quote(str(journal))} --wait"
    return printable(f"Its journal {journal} is up to date; to take the job up again: {command}")


def finish(job: Job, following: Following, as_json: bool) -> None:
    """Wait for the job if asked, showing its progress on stderr; then show it on stdout, and write its results."""
    if not following.wait and following.out is None:
        show(job, job.progress(), as_json)
        return
    with shown_progress(output_console(stderr=True), job_shown(job.id)) as on_progress:
        progress = job.wait(following.timeout, poll_interval=following.interval, on_progress=on_progress)
    show(job, progress, as_json)
    if following.out is not None:
        with output(following.out) as sink:
            try:
                counts = write_results(job.results(), sink)
            except OSError as error:
                raise cannot_write(following.out, error) from None
        typer.echo(printable(f"{tally(counts)}; in {following.out}"), err=True)
    codes = {exit_code_for_status(status) for status in progress.statuses if status is not None}
    raise typer.Exit(next((code for code in WORST_FIRST if code in codes), ExitCode.OK))


def job_shown(job_id: str) -> Callable[[JobProgress], Shown]:
    def shown(progress: JobProgress) -> Shown:
        state = f"parts ended {progress.parts_ended}/{progress.parts}, requests"
        return Shown(printable(job_id), state, progress.done, progress.requests, progress.failed)

    return shown


def show(job: Job, progress: JobProgress, as_json: bool) -> None:
    console = output_console()
    if as_json:
        body = {"id": job.id, "journal": str(job.journal), "progress": progress.to_dict()}
        console.print_json(data={**body, "parts": [asdict(part) for part in job.parts]})
        return
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    parts = f"{progress.parts} part{'s' if progress.parts != 1 else ''}"
    totals = f"{progress.requests:,} in {parts}: {progress.completed:,} completed, {progress.failed:,} failed"
    for label, value in (("job", job.id), ("journal", str(job.journal)), ("requests", totals)):
        grid.add_row(Text(label), Text(printable(value)))
    for part, batch in zip(job.parts, job.batches, strict=True):
        grid.add_row(Text(f"part {part.number}"), Text(printable(f"{batch.id}  {batch.status}  {counts_text(batch)}")))
    emit(console, grid)
