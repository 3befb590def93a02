# Generated from openapi.yaml by templates/errors.py.jinja: never edit; regenerate with `nox -s generate`.
"""Every exception the client raises on purpose: ``except errors.APIError`` catches them all."""

from ._runtime.errors import *  # noqa: F403
from ._runtime.errors import __all__ as __all__
