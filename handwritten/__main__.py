"""``python -m anyapi_batches``: the command line tool, as the ``anyapi-batches`` script runs it."""

from .cli import main

main()
