"""``anyapi-batches check``: a file of requests checked before anything is uploaded, problems by line number."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..models.batch_endpoint import BATCH_ENDPOINT_VALUES
from ..workflows import InputLimits, InputSummary, InvalidInputError, check_input
from ..workflows.input_check import MAX_BYTES, MAX_PROBLEMS, MAX_REQUESTS
from .exits import ExitCode
from .render import output_console

"""The exit code when the file has problems."""

RequestsFile = Annotated[
    Path,
    typer.Argument(
        exists=True, dir_okay=False, readable=True, metavar="FILE", help="JSONL file of requests, one per line."
    ),
]
ENDPOINTS = ", ".join(sorted(BATCH_ENDPOINT_VALUES))
Endpoint = Annotated[
    str | None,
    typer.Option(
        help=f"Endpoint every request must go to: {ENDPOINTS} (default: the first line's).", show_default=False
    ),
]
MaxRequestsPerBatch = Annotated[int, typer.Option(min=1, help="The most requests one batch may have.")]
MaxBytesPerBatch = Annotated[int, typer.Option(min=1, help="The largest input file one batch may have, in bytes.")]
MaxProblems = Annotated[int, typer.Option(min=1, help="List at most this many problems; the rest are counted.")]


def check(
    file: RequestsFile,
    endpoint: Endpoint = None,
    max_requests_per_batch: MaxRequestsPerBatch = MAX_REQUESTS,
    max_bytes_per_batch: MaxBytesPerBatch = MAX_BYTES,
    max_problems: MaxProblems = MAX_PROBLEMS,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts or the problems as JSON.")] = False,
) -> None:
    """Check a file of requests before it is uploaded: each problem on stdout with its line number.

    The exit code is 0 when the file is good, 10 when it has problems.
    """
    limits = InputLimits(max_requests=max_requests_per_batch, max_bytes=max_bytes_per_batch)
    try:
        summary = check_input(file, endpoint, limits=limits, max_problems=max_problems)
    except InvalidInputError as error:
        show_problems(file, error, as_json)
        raise typer.Exit(ExitCode.BAD_INPUT) from None
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--endpoint'") from None
    except OSError as error:
        raise typer.BadParameter(f"cannot be read: {error.strerror}", param_hint="'FILE'") from None
    show_summary(summary, as_json)


def show_summary(summary: InputSummary, as_json: bool) -> None:
    console = output_console()
    if as_json:
        body = {"path": str(summary.path), "requests": summary.requests, "bytes": summary.bytes}
        console.print_json(data={**body, "endpoint": summary.endpoint})
        return
    line = f"{summary.path}: {summary.requests:,} requests to {summary.endpoint}, {summary.bytes:,} bytes"
    console.print(line, markup=False)


def show_problems(file: Path, error: InvalidInputError, as_json: bool) -> None:
    console = output_console()
    if as_json:
        problems: list[dict[str, Any]] = [
            {"line": problem.line, "code": str(problem.code), "message": problem.message} for problem in error.problems
        ]
        console.print_json(data={"path": str(file), "problems": problems, "more": error.more})
        return
    for problem in error.problems:
        where = "" if problem.line is None else f"{problem.line}:"
        console.print(f"{file}:{where} {problem.code}: {problem.message}", markup=False)
    more = f", {error.more} more not shown" if error.more else ""
    console.print(f"{error.count} problem{'s' if error.count != 1 else ''}{more}", markup=False)
