"""Checked decoding of JSON bodies into the generated models, and lossless encoding back.

Every generated model describes its fields with the specs below (see the model
template). Decoding checks each value's JSON type and names the JSON path of the
first one that does not fit, so a bad body is a ``ResponseValidationError``
rather than a ``KeyError`` or a silently wrong attribute.

Lenient mode (the default) keeps what a newer server may add: unknown fields go
to ``additional_properties`` and unknown enum values stay plain strings with an
``UnknownEnumValueWarning``. Strict mode rejects both.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, Self, TypeVar

from ..types import UNSET
from .errors import ResponseValidationError, UnknownEnumValueWarning


class Spec(Protocol):
    """How one JSON value is checked, turned into Python, and turned back."""

    def decode(self, value: object, path: str, strict: bool) -> Any: ...

    def encode(self, value: Any) -> Any: ...


class Model(Protocol):
    additional_properties: dict[str, Any]

    @classmethod
    def from_dict(cls, src: Mapping[str, Any], *, strict: bool = False) -> Self: ...

    @staticmethod
    def json_schema() -> ModelSchema: ...


M = TypeVar("M", bound=Model)


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def mismatch(path: str, expected: str, value: object) -> ResponseValidationError:
    return ResponseValidationError(f"{path}: expected {expected}, got {json_type(value)}", path=path)


@dataclass(frozen=True, slots=True)
class Scalar:
    name: str
    accepts: Callable[[object], bool]

    def decode(self, value: object, path: str, strict: bool) -> Any:
        if not self.accepts(value):
            raise mismatch(path, self.name, value)
        return value

    def encode(self, value: Any) -> Any:
        return value


STRING = Scalar("string", lambda v: isinstance(v, str))
# bool is a subclass of int in Python but never an integer in JSON.
INTEGER = Scalar("integer", lambda v: isinstance(v, int) and not isinstance(v, bool))
NUMBER = Scalar("number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))
BOOLEAN = Scalar("boolean", lambda v: isinstance(v, bool))
NULL = Scalar("null", lambda v: v is None)
ANY = Scalar("any value", lambda v: True)


@dataclass(frozen=True, slots=True)
class Const:
    value: object

    def decode(self, value: object, path: str, strict: bool) -> Any:
        if value != self.value or type(value) is not type(self.value):
            raise ResponseValidationError(f"{path}: expected the constant {self.value!r}, got {value!r}", path=path)
        return value

    def encode(self, value: Any) -> Any:
        return value


@dataclass(frozen=True, slots=True)
class Enum:
    values: frozenset[str]

    def decode(self, value: object, path: str, strict: bool) -> Any:
        # The type check comes first: a list or dict cannot even be looked up in the set.
        if not isinstance(value, str):
            raise mismatch(path, "string", value)
        if value in self.values:
            return value
        expected = ", ".join(sorted(self.values))
        message = f"{path}: unknown value {value!r}, expected one of {expected}"
        if strict:
            raise ResponseValidationError(message, path=path)
        warnings.warn(message, UnknownEnumValueWarning, stacklevel=2)
        return value

    def encode(self, value: Any) -> Any:
        return value


@dataclass(frozen=True, slots=True)
class Array:
    item: Spec

    def decode(self, value: object, path: str, strict: bool) -> Any:
        if not isinstance(value, list):
            raise mismatch(path, "array", value)
        return [self.item.decode(entry, f"{path}[{index}]", strict) for index, entry in enumerate(value)]

    def encode(self, value: Any) -> Any:
        return [self.item.encode(entry) for entry in value]


@dataclass(frozen=True, slots=True)
class Union:
    options: tuple[Spec, ...]

    def decode(self, value: object, path: str, strict: bool) -> Any:
        failures = []
        for option in self.options:
            try:
                return option.decode(value, path, strict)
            except ResponseValidationError as error:
                failures.append(error.message)
        raise ResponseValidationError(f"{path}: no allowed type fits ({'; '.join(failures)})", path=path)

    def encode(self, value: Any) -> Any:
        for option in self.options:
            if isinstance(option, Nested) and isinstance(value, option.cls):
                return option.encode(value)
        return value


@dataclass(frozen=True, slots=True)
class Nested:
    cls: type[Model]

    def decode(self, value: object, path: str, strict: bool) -> Any:
        return decode_model(self.cls, value, strict=strict, path=path)

    def encode(self, value: Any) -> Any:
        return value.to_dict()


@dataclass(frozen=True, slots=True)
class Field:
    attribute: str
    key: str
    spec: Spec
    required: bool


@dataclass(frozen=True, slots=True)
class ModelSchema:
    fields: tuple[Field, ...]
    extra: Spec | None
    """How to read keys the spec does not name; None when the spec forbids them."""


def decode_model(cls: type[M], src: object, *, strict: bool, path: str = "$") -> M:
    """Build ``cls`` from a decoded JSON object, checking every value on the way."""
    if not isinstance(src, Mapping):
        raise mismatch(path, "object", src)
    schema = cls.json_schema()
    values: dict[str, Any] = {}
    for field in schema.fields:
        if field.key in src:
            values[field.attribute] = field.spec.decode(src[field.key], f"{path}.{field.key}", strict)
        elif field.required:
            raise ResponseValidationError(f"{path}.{field.key}: required field is missing", path=f"{path}.{field.key}")
    known = {field.key for field in schema.fields}
    extras = {key: value for key, value in src.items() if key not in known}
    if extras and schema.extra is None and strict:
        key = next(iter(extras))
        raise ResponseValidationError(f"{path}.{key}: field is not in the spec", path=f"{path}.{key}")
    extra_spec = schema.extra or ANY
    model = cls(**values)
    model.additional_properties = {
        key: extra_spec.decode(value, f"{path}.{key}", strict) for key, value in extras.items()
    }
    return model


def encode_model(model: Model) -> dict[str, Any]:
    """The JSON object a model was decoded from: unset fields left out, nulls and unknown keys kept."""
    schema = model.json_schema()
    body: dict[str, Any] = {}
    for field in schema.fields:
        value = getattr(model, field.attribute)
        if value is UNSET:
            continue
        body[field.key] = None if value is None else field.spec.encode(value)
    extra_spec = schema.extra or ANY
    for key, value in model.additional_properties.items():
        body[key] = extra_spec.encode(value)
    return body
