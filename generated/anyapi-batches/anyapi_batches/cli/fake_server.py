# Copied from handwritten/cli/fake_server.py by `nox -s generate`: edit it there.
"""``anyapi-batches fake-server``: the package's stateful fake of the API, served over HTTP until interrupted."""

from __future__ import annotations

import math
import os
from typing import Annotated

import typer

from .._runtime.client import API_KEY_ENV
from .exits import ExitCode


def positive_speed(value: float) -> float:
    if not math.isfinite(value) or value <= 0:
        raise typer.BadParameter(f"must be a finite number more than 0, got {value}")
    return value


def fake_server(
    ctx: typer.Context,
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on; 0 takes any free port.")] = 8080,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    speed: Annotated[
        float, typer.Option(help="How many times faster than real time batches move on.", callback=positive_speed)
    ] = 1.0,
    api_key: Annotated[
        str | None,
        typer.Option(
            help=f"The only API key to accept (default: ${API_KEY_ENV}; without one, any).", show_default=False
        ),
    ] = None,
) -> None:
    """Serve a fake AnyAPI Batch API with state, in memory, until Ctrl-C: no account or network needed."""
    # Imported here: every other command would otherwise pay for loading the fake.
    from ..testing.fake import FakeAnyAPI
    from ..testing.server import base_url, listening_socket, uvicorn_server

    # The key may also come before the command, as every other command takes it.
    key = api_key or ctx.find_root().params.get("api_key") or os.environ.get(API_KEY_ENV) or None
    try:
        fake = FakeAnyAPI(api_key=key, speed=speed)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--api-key'") from None
    try:
        server = uvicorn_server(fake)
    except ModuleNotFoundError as missing:
        typer.echo(str(missing), err=True)
        raise typer.Exit(ExitCode.USAGE) from None
    try:
        listener = listening_socket(host, port)
    except OSError as error:
        reason = error.strerror or str(error)
        raise typer.BadParameter(
            f"cannot listen on {host}:{port}: {reason}", param_hint="'--host' / '--port'"
        ) from None
    accepted = "only its API key" if key else "any API key"
    typer.echo(f"Fake AnyAPI listening on {base_url(listener)} (speed {speed:g}x, {accepted}); Ctrl-C stops it.")
    try:
        server.run(sockets=[listener])
    except KeyboardInterrupt:
        raise typer.Exit(ExitCode.INTERRUPTED) from None
