"""Base classes of the generated resources (``client.batches``, ...) and their input checks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar, overload

from .client import AsyncAPIClient, SyncAPIClient
from .decoding import Model, Nested, UnionCodec
from .errors import ResponseValidationError

M = TypeVar("M", bound=Model)
A = TypeVar("A", bound=Model)
B = TypeVar("B", bound=Model)
C = TypeVar("C", bound=Model)


class SyncResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


def check_path_param(name: str, value: str) -> str:
    """Refuse ids that cannot travel as one path segment; the generated code percent-encodes the rest."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__}")
    if value in ("", ".", ".."):
        raise ValueError(f"{name} must be a non-empty id other than '.' or '..', got {value!r}")
    return value


def as_model(cls: type[M], value: Mapping[str, Any]) -> M:
    """A request field given as a plain mapping, checked against its model's spec."""
    try:
        return cls.from_dict(value, strict=True)
    except ResponseValidationError as error:
        raise ValueError(f"invalid {cls.__name__}: {error.message}") from None


@overload
def one_of(first: type[A], second: type[B], /) -> Callable[..., A | B]: ...


@overload
def one_of(first: type[A], second: type[B], third: type[C], /) -> Callable[..., A | B | C]: ...


def one_of(*models: type[Model]) -> Callable[..., Any]:
    """Parse a body that the spec allows to be any one of ``models``; the first that fits wins."""
    codec = UnionCodec(tuple(Nested(model) for model in models))

    def parse(body: object, *, strict: bool) -> Any:
        return codec.decode(body, "$", strict)

    return parse
