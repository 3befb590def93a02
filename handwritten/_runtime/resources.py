"""Base classes of the generated resources (``client.batches``, ...) and the helpers their methods call."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar, overload

from .client import AsyncAPIClient, SyncAPIClient
from .decoding import Codec, Model, Nested, Run, UnionCodec, decode_value
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


def body_field(model: type[Model], attribute: str, value: object) -> Any:
    """A body field that may hold a model, given as a plain mapping: read into the model the spec allows there.

    Read leniently, so that the body check that follows (``check_body``) decides,
    in the client's mode, about enum values and keys the spec does not know.
    """
    if not isinstance(value, Mapping):
        return value
    codec = next(field.codec for field in model.json_schema().fields if field.attribute == attribute)
    try:
        return codec.decode(value, attribute, Run(False))
    except ResponseValidationError as error:
        raise ValueError(error.message) from None


@overload
def one_of(first: type[A], second: type[B], /) -> Callable[..., A | B]: ...


@overload
def one_of(first: type[A], second: type[B], third: type[C], /) -> Callable[..., A | B | C]: ...


def one_of(*models: type[Model]) -> Callable[..., Any]:
    """Parse a body that the spec allows to be any one of ``models`` (see ``UnionCodec`` for the choice)."""
    return json_value(UnionCodec(tuple(Nested(model) for model in models)))


def json_value(codec: Codec) -> Callable[..., Any]:
    """Parse a success body that is not one model: a union, an array, a map, a scalar."""

    def parse(body: object, *, strict: bool) -> Any:
        return decode_value(codec, body, strict=strict)

    return parse
