"""The ``anyapi-batches`` command line tool, installed by the ``cli`` extra.

Only this subpackage imports typer and rich, so the library itself works
without them.
"""

from .app import app, main

__all__ = ["app", "main"]
