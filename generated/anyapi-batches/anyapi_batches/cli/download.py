# Copied from handwritten/cli/download.py by `nox -s generate`: edit it there.
"""``anyapi-batches download``: a file, such as a batch's output file, saved whole or not at all."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .output import cannot_write
from .render import output_console
from .terminal import printable
from .transfer import transfer_display

FileId = Annotated[str, typer.Argument(metavar="FILE_ID", help="The file id, such as file-abc123.", show_default=False)]
DownloadOut = Annotated[
    Path,
    typer.Option(dir_okay=False, help="The file to write; replaced once the download is whole.", show_default=False),
]


def download(ctx: typer.Context, file_id: FileId, out: DownloadOut) -> None:
    """Download a file to --out: into a new file beside it, which replaces it only once complete.

    Progress goes to stderr: a byte bar on a terminal, else a line at every tenth. A transient failure
    starts the download over (--max-retries); one that ends it leaves --out as it was.
    """
    from .app import connected  # the app imports this module to register the command

    with connected(ctx) as client:
        try:
            with transfer_display(output_console(stderr=True), printable(file_id)) as on_progress:
                written = client.files.download(file_id, out, on_progress=on_progress)
        except OSError as error:
            raise cannot_write(out, error) from None
    output_console().print(printable(f"{file_id}: {written:,} bytes written to {out}"), markup=False)
