"""``anyapi-batches results``: a batch's results as JSONL, one line per request, and how they went on stderr."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from .. import errors
from ..workflows import OUTCOMES, BatchResult
from .exits import ExitCode, one_line
from .output import cannot_write, output

ResultsBatchId = Annotated[
    str, typer.Argument(metavar="BATCH_ID", help="The batch id, such as batch_abc123.", show_default=False)
]
Out = Annotated[
    Path | None,
    typer.Option(
        dir_okay=False, help="Write the JSONL to this file, whole or not at all (default: stdout).", show_default=False
    ),
]
OnlyFailed = Annotated[
    bool, typer.Option("--failed", help="Only the requests that did not succeed (failed, expired, cancelled).")
]


def results(ctx: typer.Context, batch_id: ResultsBatchId, out: Out = None, failed: OnlyFailed = False) -> None:
    """Write the results of a batch that has ended as JSONL: its output file's lines, then its error file's.

    Each line is one request's result as the API sent it, in ASCII (JSON escapes the rest). The counts of
    succeeded, failed, expired and cancelled requests go to stderr.
    """
    from .app import connected  # the app imports this module to register the command

    with connected(ctx) as client, output(out) as sink:
        try:
            counts = write_results(client.batches.results(batch_id), sink, failed_only=failed)
        except errors.BatchNotEndedError as error:
            typer.echo(one_line(f"{type(error).__name__}: {error.message}", ctx.obj.secret()), err=True)
            raise typer.Exit(ExitCode.NOT_ENDED) from None
        except OSError as error:
            raise cannot_write(out or Path("<stdout>"), error) from None
    typer.echo(tally(counts), err=True)


def write_results(results: Iterable[BatchResult], sink: BinaryIO, *, failed_only: bool = False) -> Counter[str]:
    """Each result as a line of JSONL (only those that did not succeed, if asked); how many there were of each."""
    counts: Counter[str] = Counter()
    for result in results:
        counts[result.outcome] += 1
        if not (failed_only and result.succeeded):
            sink.write(json.dumps(result.to_dict()).encode() + b"\n")
    return counts


def tally(counts: Counter[str]) -> str:
    """``100 results: 95 succeeded, 3 failed, 2 expired, 0 cancelled``."""
    return f"{sum(counts.values()):,} results: " + ", ".join(f"{counts[outcome]:,} {outcome}" for outcome in OUTCOMES)
