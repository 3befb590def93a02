# Copied from handwritten/cli/app.py by `nox -s generate`: edit it there.
"""The commands of ``anyapi-batches`` and the options they share."""

from __future__ import annotations

import itertools
import os
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from .. import AnyAPI, __version__, errors
from .._runtime import arguments
from .._runtime.client import API_KEY_ENV, BASE_URL_ENV, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ..models import Batch
from ..models.batch_endpoint import BATCH_ENDPOINT_VALUES
from ..models.batch_status import BATCH_STATUS_VALUES
from ..types import UNSET
from .check import check
from .download import download
from .exits import error_line, exit_code_for_error, exit_code_for_status, exit_codes_help, warning_line
from .fake_server import fake_server
from .progress import progress_display
from .render import batch_table, emit, output_console, summary
from .results import results
from .terminal import printable

EXIT_CODES = exit_codes_help()

app = typer.Typer(
    name="anyapi-batches",
    help="Check on, create and cancel AnyAPI batches.",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    # Typer's own traceback display shows local variables, and one of them is the API key.
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass(frozen=True)
class ClientOptions:
    api_key: str | None
    base_url: str | None
    timeout: float | None
    max_retries: int

    def secret(self) -> str | None:
        """The key the client will send, so that no output can show it."""
        return self.api_key if self.api_key is not None else os.environ.get(API_KEY_ENV)

    def client(self) -> AnyAPI:
        return AnyAPI(
            api_key=self.api_key,
            base_url=self.base_url,
            timeout=DEFAULT_TIMEOUT if self.timeout is None else self.timeout,
            max_retries=self.max_retries,
        )


def span_of_seconds(value: float | None) -> float | None:
    """A finite number of seconds, more than 0, as the library wants it; click's float also reads nan and inf."""
    if value is None:
        return None
    try:
        return arguments.seconds("value", value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a finite number of seconds more than 0") from None


Choice = TypeVar("Choice", bound=str)


def chosen(value: str, allowed: set[Choice], option: str) -> Choice:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {listing(allowed)}", param_hint=f"'{option}'")
    return value


def listing(values: set[Choice]) -> str:
    return ", ".join(sorted(values))


def show_version(wanted: bool) -> None:
    if wanted:
        typer.echo(f"anyapi-batches {__version__}")
        raise typer.Exit()


@app.callback()
def configure(
    ctx: typer.Context,
    base_url: Annotated[
        str | None,
        typer.Option(help=f"API base URL (default: ${BASE_URL_ENV}, else {DEFAULT_BASE_URL}).", show_default=False),
    ] = None,
    api_key: Annotated[str | None, typer.Option(help=f"API key (default: ${API_KEY_ENV}).", show_default=False)] = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            help="Seconds each HTTP request may take (default: 60, 5 to connect).",
            show_default=False,
            callback=span_of_seconds,
        ),
    ] = None,
    max_retries: Annotated[int, typer.Option(min=0, help="Retries of a request after a transient failure.")] = (
        DEFAULT_MAX_RETRIES
    ),
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", callback=show_version, is_eager=True)
    ] = False,
) -> None:
    ctx.obj = ClientOptions(api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries)


@contextmanager
def connected(ctx: typer.Context) -> Iterator[AnyAPI]:
    """The configured client; an API error ends the command with one line on stderr and its exit code."""
    options: ClientOptions = ctx.obj
    if not options.secret():
        raise typer.BadParameter(f"none given: pass --api-key or set ${API_KEY_ENV}", param_hint="'--api-key'")
    try:
        client = options.client()
    except errors.ConfigurationError as error:
        raise typer.BadParameter(error.message) from None
    secret = options.secret()

    # Python would show a warning with its file and source line, as if something had crashed.
    def show_warning(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
        typer.echo(warning_line(message, category, secret), err=True)

    with client, warnings.catch_warnings():
        warnings.showwarning = show_warning
        try:
            yield client
        except errors.APIError as error:
            typer.echo(error_line(error, secret), err=True)
            raise typer.Exit(exit_code_for_error(error)) from None
        except ValueError as error:
            # The library refuses, before sending anything, a value no request can carry (an empty id, say).
            raise typer.BadParameter(printable(str(error))) from None


BatchId = Annotated[
    str, typer.Argument(metavar="BATCH_ID", help="The batch id, such as batch_abc123.", show_default=False)
]
AsJson = Annotated[bool, typer.Option("--json", help="Print the API's JSON instead of a summary.")]
WaitTimeout = Annotated[
    float, typer.Option("--timeout", help="Seconds to wait in all before giving up.", callback=span_of_seconds)
]
PollInterval = Annotated[
    float | None,
    typer.Option(
        help="Seconds between polls (default: adaptive, often at first and less as the batch ages).",
        show_default=False,
        callback=span_of_seconds,
    ),
]


def show(body: Batch, as_json: bool) -> None:
    console = output_console()
    if as_json:
        console.print_json(data=body.to_dict())
    else:
        emit(console, summary(body, time.time()))


def follow(client: AnyAPI, batch_id: str, timeout: float, interval: float | None) -> Batch:
    """Wait for a terminal status, showing progress on stderr, so that stdout carries only the result."""
    with progress_display(output_console(stderr=True)) as on_poll:
        return client.batches.wait(batch_id, timeout=timeout, poll_interval=interval, on_poll=on_poll)


@app.command(epilog=EXIT_CODES)
def get(ctx: typer.Context, batch_id: BatchId, as_json: AsJson = False) -> None:
    """Show a batch: status, request counts, timestamps (local time and age) and file ids."""
    with connected(ctx) as client:
        batch = client.batches.retrieve(batch_id)
    show(batch, as_json)


@app.command(epilog=EXIT_CODES)
def wait(
    ctx: typer.Context,
    batch_id: BatchId,
    timeout: WaitTimeout = 3600,
    interval: PollInterval = None,
    as_json: AsJson = False,
) -> None:
    """Poll a batch until it completes, fails, expires or is cancelled; the exit code tells which."""
    with connected(ctx) as client:
        batch = follow(client, batch_id, timeout, interval)
    show(batch, as_json)
    raise typer.Exit(exit_code_for_status(batch.status))


PAGE_SIZE_MAX = 100
"""The most batches the API sends in one page."""


@app.command("list", epilog=EXIT_CODES)
def list_batches(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many batches, newest first.")] = 20,
    status: Annotated[
        list[str] | None,
        typer.Option(
            help=f"Only batches in this status (repeatable): {listing(BATCH_STATUS_VALUES)}.", show_default=False
        ),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """List batches in a table."""
    statuses = {chosen(value, BATCH_STATUS_VALUES, "--status") for value in status or ()}
    with connected(ctx) as client:
        every = client.batches.list(limit=min(limit, PAGE_SIZE_MAX))
        wanted = (batch for batch in every if not statuses or batch.status in statuses)
        batches = list(itertools.islice(wanted, limit))
    console = output_console()
    if as_json:
        console.print_json(data=[batch.to_dict() for batch in batches])
    else:
        emit(console, batch_table(batches, time.time(), plain=not console.is_terminal))


@app.command(epilog=EXIT_CODES)
def cancel(ctx: typer.Context, batch_id: BatchId, as_json: AsJson = False) -> None:
    """Ask for a batch to be cancelled; it passes through cancelling before it is cancelled."""
    with connected(ctx) as client:
        cancelled = client.batches.cancel(batch_id)
    console = output_console()
    if as_json:
        console.print_json(data=cancelled.to_dict())
    else:
        console.print(f"{printable(cancelled.id)}: {printable(cancelled.status)}", markup=False)


def parse_metadata(pairs: list[str]) -> dict[str, str]:
    parsed: dict[str, str] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key:
            raise typer.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="'--metadata'")
        parsed[key] = value
    return parsed


@app.command(epilog=EXIT_CODES)
def create(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Option(
            exists=True, dir_okay=False, readable=True, help="JSONL file of requests, one per line.", show_default=False
        ),
    ],
    endpoint: Annotated[
        str,
        typer.Option(
            help=f"Endpoint every request goes to: {listing(BATCH_ENDPOINT_VALUES)}.",
            show_default=False,
        ),
    ],
    metadata: Annotated[
        list[str] | None, typer.Option(help="KEY=VALUE to attach to the batch (repeatable).", show_default=False)
    ] = None,
    and_wait: Annotated[bool, typer.Option("--wait", help="Then wait for it, as the wait command does.")] = False,
    timeout: WaitTimeout = 3600,
    interval: PollInterval = None,
    as_json: AsJson = False,
) -> None:
    """Upload a file of requests and create a batch from it."""
    target = chosen(endpoint, BATCH_ENDPOINT_VALUES, "--endpoint")
    attached = parse_metadata(metadata) if metadata else UNSET
    with connected(ctx) as client:
        with file.open("rb") as requests:
            uploaded = client.files.create(file=requests, purpose="batch")
        batch = client.batches.create(
            input_file_id=uploaded.id, endpoint=target, completion_window="24h", metadata=attached
        )
        if and_wait:
            batch = follow(client, batch.id, timeout, interval)
    show(batch, as_json)
    if and_wait:
        raise typer.Exit(exit_code_for_status(batch.status))


app.command(epilog=EXIT_CODES)(check)
app.command("fake-server")(fake_server)
app.command(epilog=EXIT_CODES)(results)
app.command(epilog=EXIT_CODES)(download)

# Last: the job commands use the options and the client set up above.
from .jobs import resume, submit  # noqa: E402

app.command(epilog=EXIT_CODES)(submit)
app.command(epilog=EXIT_CODES)(resume)


def main() -> None:
    app(prog_name="anyapi-batches")
