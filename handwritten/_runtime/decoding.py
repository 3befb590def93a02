"""Checked decoding of JSON bodies into the generated models, and lossless encoding back.

Every generated model describes its fields with the codecs below (see the model
template). Decoding checks each value's JSON type and names the JSON path of the
first one that does not fit, so a bad body is a ``ResponseValidationError``
rather than a ``KeyError`` or a silently wrong attribute.

Lenient mode (the default) keeps what a newer server may add: unknown fields go
to ``additional_properties`` and unknown enum values stay plain values with an
``UnknownEnumValueWarning``. Strict mode rejects both. Neither mode relaxes the
choice between the branches of a union (see ``UnionCodec``).

Dates, date-times and UUIDs decode to ``datetime.date``, ``datetime.datetime``
and ``uuid.UUID``; the date-time and UUID objects remember the text they came
from, so that encoding gives back exactly that text.

Every response goes through here, so the common case is kept cheap: a value
whose exact type a codec takes unchanged (``passes``: a string for a string
field, null for a nullable one) is taken without a call, and a JSON path is
formatted only when descending into a value that needs a closer look. The codecs
are plain slotted classes rather than dataclasses, which cost more to import.
"""

from __future__ import annotations

import datetime
import re
import uuid
import warnings
from collections.abc import Callable, Mapping
from typing import Any, Protocol, Self, TypeVar

from ..types import UNSET
from .errors import ResponseValidationError, UnknownEnumValueWarning

JSON_TYPES = frozenset({type(None), bool, int, float, str, list, dict})
"""The types ``json.loads`` produces."""

NO_TYPES: frozenset[type] = frozenset()


class Run:
    """One decoding (or request check): its mode, and the warnings to give once the whole value fits.

    Warnings wait until the end so that a union branch that is tried and then
    dropped leaves none behind.
    """

    __slots__ = ("strict", "warnings")

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.warnings: list[str] = []

    def unknown_enum_value(self, message: str, path: str) -> None:
        if self.strict:
            raise ResponseValidationError(message, path=path)
        self.warnings.append(message)

    def emit_warnings(self) -> None:
        for message in self.warnings:
            warnings.warn(message, UnknownEnumValueWarning, stacklevel=4)


class Codec(Protocol):
    """How one JSON value is checked, turned into Python, and turned back.

    Two sets of exact types are read once when a model's schema is built:
    ``passes``, whose values decode to themselves so that ``decode`` need not
    be called for them, and ``claims``, the types of the values ``decode`` may
    accept (a union asks only the branches that claim a value's type).

    ``check`` looks at a Python value that is about to be sent (see
    ``_runtime.request_checks``): TypeError for a value of the wrong type,
    ValueError for one the spec does not allow. Paths there are the caller's
    names (``metadata.job``), not JSON paths.
    """

    @property
    def passes(self) -> frozenset[type]: ...

    @property
    def claims(self) -> frozenset[type]: ...

    def decode(self, value: object, path: str, run: Run) -> Any: ...

    def encode(self, value: Any) -> Any: ...

    def check(self, value: object, path: str, run: Run) -> None: ...

    def holds(self, value: object) -> bool:
        """Whether a Python value is of this codec's kind (a shallow look, to encode a union's value)."""
        ...


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


def wrong_type(path: str, expected: str, value: object) -> TypeError:
    return TypeError(f"{path}: expected {expected}, got {type(value).__name__}")


def short(value: object) -> str:
    """A repr for an error message, cut short: a caller's value may be megabytes long."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def child(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class Scalar:
    __slots__ = ("accepts", "claims", "name", "passes")

    def __init__(self, name: str, accepts: Callable[[object], bool], passes: frozenset[type]) -> None:
        self.name = name
        self.accepts = accepts
        """The full check, for values of any other type (subclasses of str or int, say)."""
        self.passes = passes
        self.claims = passes

    def decode(self, value: object, path: str, run: Run) -> Any:
        if not self.accepts(value):
            raise mismatch(path, self.name, value)
        return value

    def encode(self, value: Any) -> Any:
        return value

    def check(self, value: object, path: str, run: Run) -> None:
        if not self.accepts(value):
            raise wrong_type(path, self.name, value)

    def holds(self, value: object) -> bool:
        return self.accepts(value)


STRING = Scalar("string", lambda v: isinstance(v, str), frozenset({str}))
# bool is a subclass of int in Python but never an integer in JSON.
INTEGER = Scalar("integer", lambda v: isinstance(v, int) and not isinstance(v, bool), frozenset({int}))
NUMBER = Scalar("number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), frozenset({int, float}))
BOOLEAN = Scalar("boolean", lambda v: isinstance(v, bool), frozenset({bool}))
NULL = Scalar("null", lambda v: v is None, frozenset({type(None)}))
ANY = Scalar("any value", lambda v: True, JSON_TYPES)


class JsonDateTime(datetime.datetime):
    """A ``datetime`` read from JSON, which remembers its exact text (``2024-01-05T10:00:00Z``)."""

    __slots__ = ("json_text",)
    json_text: str


class JsonUUID(uuid.UUID):
    """A ``UUID`` read from JSON, which remembers its exact text (upper or lower case)."""

    __slots__ = ("json_text",)
    json_text: str


# RFC 3339, as JSON Schema's "date" and "date-time" formats mean them.
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z", re.ASCII)
DATE_TIME_PATTERN = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})\Z",
    re.ASCII,
)
UUID_PATTERN = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z", re.ASCII)


def parse_date_time(text: str) -> JsonDateTime | None:
    if DATE_TIME_PATTERN.match(text) is None:
        return None
    try:
        # Since Python 3.11 fromisoformat reads every RFC 3339 form but a lowercase "z"; it drops fraction
        # digits past the sixth (json_text keeps them).
        parsed = JsonDateTime.fromisoformat(text.replace("z", "Z"))
    except ValueError:  # 2024-02-30, 25:00:00, a leap second
        return None
    parsed.json_text = text
    return parsed


class DateCodec:
    __slots__ = ()
    passes = NO_TYPES
    claims = frozenset({str})

    def decode(self, value: object, path: str, run: Run) -> Any:
        if not isinstance(value, str):
            raise mismatch(path, "date string", value)
        try:
            if FULL_DATE.match(value):
                return datetime.date.fromisoformat(value)
        except ValueError:
            pass
        raise ResponseValidationError(f"{path}: expected a date (YYYY-MM-DD), got {value!r}", path=path)

    def encode(self, value: Any) -> Any:
        return value.isoformat()

    def check(self, value: object, path: str, run: Run) -> None:
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise wrong_type(path, "datetime.date", value)

    def holds(self, value: object) -> bool:
        return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


class DateTimeCodec:
    __slots__ = ()
    passes = NO_TYPES
    claims = frozenset({str})

    def decode(self, value: object, path: str, run: Run) -> Any:
        if not isinstance(value, str):
            raise mismatch(path, "date-time string", value)
        parsed = parse_date_time(value)
        if parsed is None:
            raise ResponseValidationError(
                f"{path}: expected an RFC 3339 date-time (2024-01-05T10:00:00Z), got {value!r}", path=path
            )
        return parsed

    def encode(self, value: Any) -> Any:
        text = getattr(value, "json_text", None)
        return text if isinstance(text, str) else value.isoformat()

    def check(self, value: object, path: str, run: Run) -> None:
        if not isinstance(value, datetime.datetime):
            raise wrong_type(path, "datetime.datetime", value)
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{path}: a date-time needs a timezone (RFC 3339), got the naive {value.isoformat()}")

    def holds(self, value: object) -> bool:
        return isinstance(value, datetime.datetime)


class UUIDCodec:
    __slots__ = ()
    passes = NO_TYPES
    claims = frozenset({str})

    def decode(self, value: object, path: str, run: Run) -> Any:
        if not isinstance(value, str):
            raise mismatch(path, "UUID string", value)
        if not UUID_PATTERN.match(value):
            raise ResponseValidationError(f"{path}: expected a UUID, got {value!r}", path=path)
        parsed = JsonUUID(value)
        object.__setattr__(parsed, "json_text", value)  # UUID forbids plain attribute assignment
        return parsed

    def encode(self, value: Any) -> Any:
        text = getattr(value, "json_text", None)
        return text if isinstance(text, str) else str(value)

    def check(self, value: object, path: str, run: Run) -> None:
        if not isinstance(value, uuid.UUID):
            raise wrong_type(path, "uuid.UUID", value)

    def holds(self, value: object) -> bool:
        return isinstance(value, uuid.UUID)


DATE = DateCodec()
DATE_TIME = DateTimeCodec()
UUID_STRING = UUIDCodec()


def same_json_value(value: object, expected: object) -> bool:
    """JSON equality: 1 and 1.0 are the same number, but true is not 1."""
    if isinstance(value, bool) or isinstance(expected, bool):
        return value is expected
    if isinstance(value, (int, float)) and isinstance(expected, (int, float)):
        return value == expected
    return type(value) is type(expected) and value == expected


class Const:
    __slots__ = ("claims", "value")
    passes = NO_TYPES

    def __init__(self, value: object) -> None:
        self.value = value
        self.claims = frozenset({int, float}) if type(value) in (int, float) else frozenset({type(value)})

    def decode(self, value: object, path: str, run: Run) -> Any:
        if not same_json_value(value, self.value):
            raise ResponseValidationError(f"{path}: expected the constant {self.value!r}, got {value!r}", path=path)
        return value

    def encode(self, value: Any) -> Any:
        return value

    def check(self, value: object, path: str, run: Run) -> None:
        if not same_json_value(value, self.value):
            raise ValueError(f"{path}: must be the constant {self.value!r}, got {short(value)}")

    def holds(self, value: object) -> bool:
        return same_json_value(value, self.value)


class EnumCodec:
    """The values of a string or integer enum; others follow the mode (kept with a warning, or refused)."""

    __slots__ = ("claims", "kind", "values")
    passes = NO_TYPES

    def __init__(self, values: frozenset[str] | frozenset[int]) -> None:
        self.values: frozenset[object] = frozenset(values)
        self.kind = INTEGER if all(isinstance(value, int) for value in values) else STRING
        self.claims = self.kind.claims

    def expected(self) -> str:
        return ", ".join(sorted(str(value) for value in self.values))

    def decode(self, value: object, path: str, run: Run) -> Any:
        # The type check comes first: a list or dict cannot even be looked up in the set.
        if not self.kind.accepts(value):
            raise mismatch(path, self.kind.name, value)
        if value not in self.values:
            run.unknown_enum_value(f"{path}: unknown value {value!r}, expected one of {self.expected()}", path)
        return value

    def encode(self, value: Any) -> Any:
        return value

    def check(self, value: object, path: str, run: Run) -> None:
        self.kind.check(value, path, run)
        if value in self.values:
            return
        message = f"{path}: {value!r} is not a value the spec lists ({self.expected()})"
        if run.strict:
            raise ValueError(message + "; strict mode refuses it")
        run.warnings.append(message + "; sent as it is")

    def holds(self, value: object) -> bool:
        return self.kind.accepts(value)


class Array:
    __slots__ = ("item", "item_passes")
    passes = NO_TYPES
    claims = frozenset({list})

    def __init__(self, item: Codec) -> None:
        self.item = item
        self.item_passes = item.passes

    def decode(self, value: object, path: str, run: Run) -> Any:
        if not isinstance(value, list):
            raise mismatch(path, "array", value)
        item, passes = self.item, self.item_passes
        return [
            entry if type(entry) in passes else item.decode(entry, f"{path}[{index}]", run)
            for index, entry in enumerate(value)
        ]

    def encode(self, value: Any) -> Any:
        return [self.item.encode(entry) for entry in value]

    def check(self, value: object, path: str, run: Run) -> None:
        if not isinstance(value, (list, tuple)):
            raise wrong_type(path, "list", value)
        for index, entry in enumerate(value):
            self.item.check(entry, f"{path}[{index}]", run)

    def holds(self, value: object) -> bool:
        return isinstance(value, (list, tuple)) and all(self.item.holds(entry) for entry in value)


class Nested:
    __slots__ = ("cls",)
    passes = NO_TYPES
    claims = frozenset({dict})

    def __init__(self, cls: type[Model]) -> None:
        self.cls = cls

    def decode(self, value: object, path: str, run: Run, foreign: frozenset[str] = frozenset()) -> Any:
        return read_model(self.cls, value, run, path, foreign)

    def encode(self, value: Any) -> Any:
        return value.to_dict()

    def check(self, value: object, path: str, run: Run) -> None:
        if not isinstance(value, self.cls):
            raise wrong_type(path, self.cls.__name__, value)
        check_model(value, path, run)

    def holds(self, value: object) -> bool:
        return isinstance(value, self.cls)


class UnionCodec:
    """A value the spec allows to be any one of ``options`` (anyOf, oneOf, a type list).

    The branch is chosen the same way in both modes: the first that the value
    fits strictly, else the first it fits leniently, else an error that names
    every branch's reason. Fitting leniently keeps unknown fields, but a field
    that another branch declares is not unknown: it says the value is of that
    other branch, so a closed branch never swallows it.
    """

    __slots__ = ("_foreign", "_sole", "claims", "options", "passes")

    def __init__(self, options: tuple[Codec, ...]) -> None:
        self.options = options
        # The options are tried in order, so a type passes only if no earlier option may take it first.
        passes: set[type] = set()
        claimed: set[type] = set()
        for option in options:
            passes |= option.passes - claimed
            claimed |= option.claims
        self.passes = frozenset(passes)
        self.claims = frozenset(claimed)
        self._foreign: tuple[frozenset[str], ...] | None = None
        self._sole: dict[type, tuple[Codec, frozenset[str]]] | None = None

    def foreign_keys(self) -> tuple[frozenset[str], ...]:
        """Per option, the keys that only other options declare (read late: models import each other lazily)."""
        if self._foreign is None:
            keys = [
                option.cls.json_schema().keys if isinstance(option, Nested) else frozenset() for option in self.options
            ]
            everything = frozenset().union(*keys)
            self._foreign = tuple(everything - own for own in keys)
        return self._foreign

    def sole_claimants(self) -> dict[type, tuple[Codec, frozenset[str]]]:
        """The JSON types that one option alone may take, with that option (and its foreign keys)."""
        if self._sole is None:
            sole: dict[type, tuple[Codec, frozenset[str]]] = {}
            for kind in JSON_TYPES:
                pairs = zip(self.options, self.foreign_keys(), strict=True)
                takers = [(option, foreign) for option, foreign in pairs if kind in option.claims]
                if len(takers) == 1:
                    sole[kind] = takers[0]
            self._sole = sole
        return self._sole

    def decode(self, value: object, path: str, run: Run) -> Any:
        # A value only one option may take (a model where the other option is null, say) is that option's, in
        # either mode: fitting it strictly or leniently gives the same value, and failing it the same error.
        sole = self.sole_claimants().get(type(value))
        if sole is not None:
            option, foreign = sole
            if isinstance(option, Nested):
                return option.decode(value, path, run, foreign)
            return option.decode(value, path, run)
        failures: list[ResponseValidationError] = []
        for strict in (True, False) if not run.strict else (True,):
            for option, foreign in zip(self.options, self.foreign_keys(), strict=True):
                trial = Run(strict)
                try:
                    if isinstance(option, Nested):
                        decoded = option.decode(value, path, trial, foreign)
                    else:
                        decoded = option.decode(value, path, trial)
                except ResponseValidationError as error:
                    if strict == run.strict:
                        failures.append(error)
                    continue
                run.warnings.extend(trial.warnings)
                return decoded
        # Every option failed, and none takes this JSON type alone (that one would have been asked first, above).
        reasons = "; ".join(error.message for error in failures)
        raise ResponseValidationError(f"{path}: no allowed type fits ({reasons})", path=path)

    def encode(self, value: Any) -> Any:
        for option in self.options:
            if option.holds(value):
                return option.encode(value)
        return value

    def holds(self, value: object) -> bool:
        return any(option.holds(value) for option in self.options)

    def check(self, value: object, path: str, run: Run) -> None:
        reasons: list[str] = []
        for option in self.options:
            trial = Run(run.strict)
            try:
                option.check(value, path, trial)
            except (TypeError, ValueError) as error:
                reasons.append(str(error))
                continue
            run.warnings.extend(trial.warnings)
            return
        raise ValueError(f"{path}: fits none of the allowed types ({'; '.join(reasons)})")


class Field:
    __slots__ = ("attribute", "codec", "key", "required")

    def __init__(self, attribute: str, key: str, codec: Codec, required: bool) -> None:
        self.attribute = attribute
        self.key = key
        self.codec = codec
        self.required = required


class ModelSchema:
    __slots__ = ("extra", "fields", "keys", "limits", "plan")

    def __init__(self, fields: tuple[Field, ...], extra: Codec | None, limits: Any = None) -> None:
        self.fields = fields
        self.extra = extra
        """How to read keys the spec does not name; None when the spec forbids them."""
        self.limits = limits
        """The object's own limits (number of keys, their names), checked on requests only."""
        self.keys = frozenset(field.key for field in fields)
        # Plain tuples, unpacked in one go by read_model: cheaper than four attribute reads per field.
        self.plan = tuple((f.attribute, f.key, f.codec, f.codec.passes, f.required) for f in fields)


MISSING = object()


def decode_model(cls: type[M], src: object, *, strict: bool, path: str = "$") -> M:
    """Build ``cls`` from a decoded JSON object, checking every value on the way."""
    run = Run(strict)
    model = read_model(cls, src, run, path, frozenset())
    run.emit_warnings()
    return model


def decode_value(codec: Codec, value: object, *, strict: bool, path: str = "$") -> Any:
    """Decode a JSON value that is not a model (a union of models, an array, a scalar)."""
    run = Run(strict)
    decoded = value if type(value) in codec.passes else codec.decode(value, path, run)
    run.emit_warnings()
    return decoded


def read_model(cls: type[M], src: object, run: Run, path: str, foreign: frozenset[str]) -> M:
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
            values[attribute] = codec.decode(value, f"{path}.{key}", run)
    # Every key matched a field (the usual case) exactly when as many values were found as the object has keys.
    extras = read_extras(schema, src, run, path, foreign) if len(values) < len(src) else None
    model = cls(**values)
    if extras:
        model.additional_properties = extras
    return model


def read_extras(
    schema: ModelSchema, src: Mapping[str, Any], run: Run, path: str, foreign: frozenset[str]
) -> dict[str, Any]:
    """The keys of ``src`` that the spec does not name, checked against ``additionalProperties``."""
    if not schema.keys and schema.extra is ANY:
        # An object of any keys and values (``type: object`` alone, say): every key is kept as it is.
        return dict(src)
    closed = schema.extra is None
    codec = schema.extra or ANY
    passes = codec.passes
    extras: dict[str, Any] = {}
    for key, value in src.items():
        if key in schema.keys:
            continue
        if closed and (run.strict or key in foreign):
            raise ResponseValidationError(f"{path}.{key}: field is not in the spec", path=f"{path}.{key}")
        extras[key] = value if type(value) in passes else codec.decode(value, f"{path}.{key}", run)
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


def check_model(model: Model, path: str, run: Run) -> None:
    """Check a model about to be sent: every field's type, enum values, the spec's limits."""
    schema = model.json_schema()
    for field in schema.fields:
        value = getattr(model, field.attribute)
        if value is UNSET:
            if field.required:
                raise ValueError(f"{child(path, field.key)}: required field is missing")
            continue
        field.codec.check(value, child(path, field.key), run)
    for key, value in model.additional_properties.items():
        if not isinstance(key, str):
            raise wrong_type(f"{path or 'body'} key", "str", key)
        if schema.extra is None:
            raise ValueError(f"{child(path, key)}: field is not in the spec")
        schema.extra.check(value, child(path, key), run)
    if schema.limits is not None:
        schema.limits.check(model, path or "body")
