# Copied from handwritten/__main__.py by `nox -s generate`: edit it there.
"""``python -m anyapi_batches``: the command line tool, as the ``anyapi-batches`` script runs it."""

from .cli import main

main()
