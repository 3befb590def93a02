"""Base classes of the generated resources (``client.batches``, ...) and their input checks."""

from __future__ import annotations

from .client import AsyncClient, SyncClient


class SyncResource:
    def __init__(self, client: SyncClient) -> None:
        self._client = client


class AsyncResource:
    def __init__(self, client: AsyncClient) -> None:
        self._client = client


def check_path_param(name: str, value: str) -> str:
    """Refuse ids that cannot travel as one path segment; the generated code percent-encodes the rest."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__}")
    if value in ("", ".", ".."):
        raise ValueError(f"{name} must be a non-empty id other than '.' or '..', got {value!r}")
    return value
