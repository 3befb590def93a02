"""Checked decoding of JSON bodies into the generated models, and lossless encoding back.

Every generated model describes its fields with the codecs below (see the model
template). Decoding checks each value's JSON type and names the JSON path of the
first one that does not fit, so a bad body is a ``ResponseValidationError``
rather than a ``KeyError`` or a silently wrong attribute.

Lenient mode (the default) keeps what a newer server may add: unknown fields go
to ``additional_properties`` and unknown enum values stay plain strings with an
``UnknownEnumValueWarning``. Strict mode rejects both.

Every response goes through here, so the common case is kept cheap: a value
whose exact type a codec takes unchanged (``passes``: a string for a string
field, null for a nullable one) is taken without a call, and a JSON path is
formatted only when descending into a value that needs a closer look. The codecs
are plain slotted classes rather than dataclasses, which cost more to import.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import Any, Protocol, Self, TypeVar

from ..types import UNSET
from .errors import ResponseValidationError, UnknownEnumValueWarning

JSON_TYPES = frozenset({type(None), bool, int, float, str, list, dict})
"""The types ``json.loads`` produces."""

NO_TYPES: frozenset[type] = frozenset()


class Codec(Protocol):
    """How one JSON value is checked, turned into Python, and turned back.

    A codec may also name two sets of exact types, read once when a model's
    schema is built: ``passes``, whose values decode to themselves so that
    ``decode`` need not be called for them, and ``claims``, the types of the
    values ``decode`` may accept. A codec without them is always asked, and is
    taken to accept any type.
    """

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


def passes_of(codec: Codec) -> frozenset[type]:
    passes: frozenset[type] = getattr(codec, "passes", NO_TYPES)
    return passes


def claims_of(codec: Codec) -> frozenset[type]:
    claims: frozenset[type] = getattr(codec, "claims", JSON_TYPES)
    return claims


def mismatch(path: str, expected: str, value: object) -> ResponseValidationError:
    return ResponseValidationError(f"{path}: expected {expected}, got {json_type(value)}", path=path)


class Scalar:
    __slots__ = ("accepts", "claims", "name", "passes")

    def __init__(self, name: str, accepts: Callable[[object], bool], passes: frozenset[type]) -> None:
        self.name = name
        self.accepts = accepts
        """The full check, for values of any other type (subclasses of str or int, say)."""
        self.passes = passes
        self.claims = passes

    def decode(self, value: object, path: str, strict: bool) -> Any:
        if not self.accepts(value):
            raise mismatch(path, self.name, value)
        return value

    def encode(self, value: Any) -> Any:
        return value


STRING = Scalar("string", lambda v: isinstance(v, str), frozenset({str}))
# bool is a subclass of int in Python but never an integer in JSON.
INTEGER = Scalar("integer", lambda v: isinstance(v, int) and not isinstance(v, bool), frozenset({int}))
NUMBER = Scalar("number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), frozenset({int, float}))
BOOLEAN = Scalar("boolean", lambda v: isinstance(v, bool), frozenset({bool}))
NULL = Scalar("null", lambda v: v is None, frozenset({type(None)}))
ANY = Scalar("any value", lambda v: True, JSON_TYPES)


class Const:
    __slots__ = ("claims", "value")
    passes = NO_TYPES

    def __init__(self, value: object) -> None:
        self.value = value
        self.claims = frozenset({type(value)})

    def decode(self, value: object, path: str, strict: bool) -> Any:
        if value != self.value or type(value) is not type(self.value):
            raise ResponseValidationError(f"{path}: expected the constant {self.value!r}, got {value!r}", path=path)
        return value

    def encode(self, value: Any) -> Any:
        return value


class EnumCodec:
    __slots__ = ("values",)
    passes = NO_TYPES
    claims = frozenset({str})

    def __init__(self, values: frozenset[str]) -> None:
        self.values = values

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


class Array:
    __slots__ = ("item", "item_passes")
    passes = NO_TYPES
    claims = frozenset({list})

    def __init__(self, item: Codec) -> None:
        self.item = item
        self.item_passes = passes_of(item)

    def decode(self, value: object, path: str, strict: bool) -> Any:
        if not isinstance(value, list):
            raise mismatch(path, "array", value)
        item, passes = self.item, self.item_passes
        return [
            entry if type(entry) in passes else item.decode(entry, f"{path}[{index}]", strict)
            for index, entry in enumerate(value)
        ]

    def encode(self, value: Any) -> Any:
        return [self.item.encode(entry) for entry in value]


class UnionCodec:
    __slots__ = ("claims", "options", "passes")

    def __init__(self, options: tuple[Codec, ...]) -> None:
        self.options = options
        # The options are tried in order, so a type passes only if no earlier option may take it first.
        passes: set[type] = set()
        claimed: set[type] = set()
        for option in options:
            passes |= passes_of(option) - claimed
            claimed |= claims_of(option)
        self.passes = frozenset(passes)
        self.claims = frozenset(claimed)

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


class Nested:
    __slots__ = ("cls",)
    passes = NO_TYPES
    claims = frozenset({dict})

    def __init__(self, cls: type[Model]) -> None:
        self.cls = cls

    def decode(self, value: object, path: str, strict: bool) -> Any:
        return decode_model(self.cls, value, strict=strict, path=path)

    def encode(self, value: Any) -> Any:
        return value.to_dict()


class Field:
    __slots__ = ("attribute", "codec", "key", "required")

    def __init__(self, attribute: str, key: str, codec: Codec, required: bool) -> None:
        self.attribute = attribute
        self.key = key
        self.codec = codec
        self.required = required


class ModelSchema:
    __slots__ = ("extra", "fields", "keys", "plan")

    def __init__(self, fields: tuple[Field, ...], extra: Codec | None) -> None:
        self.fields = fields
        self.extra = extra
        """How to read keys the spec does not name; None when the spec forbids them."""
        self.keys = frozenset(field.key for field in fields)
        # Plain tuples, unpacked in one go by decode_model: cheaper than four attribute reads per field.
        self.plan = tuple((f.attribute, f.key, f.codec, passes_of(f.codec), f.required) for f in fields)


MISSING = object()


def decode_model(cls: type[M], src: object, *, strict: bool, path: str = "$") -> M:
    """Build ``cls`` from a decoded JSON object, checking every value on the way."""
    # The exact-type test first: it is what json.loads gives, and much cheaper than the ABC check.
    if type(src) is not dict and not isinstance(src, Mapping):
        raise mismatch(path, "object", src)
    schema = cls.json_schema()
    values: dict[str, Any] = {}
    for attribute, key, codec, passes, required in schema.plan:
        value = src.get(key, MISSING)
        if value is MISSING:
            if required:
                raise ResponseValidationError(f"{path}.{key}: required field is missing", path=f"{path}.{key}")
        elif type(value) in passes:
            values[attribute] = value
        else:
            values[attribute] = codec.decode(value, f"{path}.{key}", strict)
    # Every key matched a field (the usual case) exactly when as many values were found as the object has keys.
    extras = decode_extras(schema, src, strict, path) if len(values) < len(src) else None
    model = cls(**values)
    if extras:
        model.additional_properties = extras
    return model


def decode_extras(schema: ModelSchema, src: Mapping[str, Any], strict: bool, path: str) -> dict[str, Any]:
    """The keys of ``src`` that the spec does not name, checked against ``additionalProperties``."""
    forbidden = schema.extra is None and strict
    codec = schema.extra or ANY
    passes = passes_of(codec)
    extras: dict[str, Any] = {}
    for key, value in src.items():
        if key in schema.keys:
            continue
        if forbidden:
            raise ResponseValidationError(f"{path}.{key}: field is not in the spec", path=f"{path}.{key}")
        extras[key] = value if type(value) in passes else codec.decode(value, f"{path}.{key}", strict)
    return extras


def encode_model(model: Model) -> dict[str, Any]:
    """The JSON object a model was decoded from: unset fields left out, nulls and unknown keys kept."""
    schema = model.json_schema()
    body: dict[str, Any] = {}
    for field in schema.fields:
        value = getattr(model, field.attribute)
        if value is UNSET:
            continue
        body[field.key] = None if value is None else field.codec.encode(value)
    extra_codec = schema.extra or ANY
    for key, value in model.additional_properties.items():
        body[key] = extra_codec.encode(value)
    return body
