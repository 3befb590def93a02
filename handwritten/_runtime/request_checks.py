"""What a caller sends, checked against the spec before any request goes out.

The generated resource methods describe each parameter and body field with the
same codecs that decode responses (``_runtime.decoding``), wrapped in
``Limited`` where the spec sets limits (``maxLength``, ``maximum``,
``maxProperties``, ``propertyNames``, ...). A value of the wrong type is a
TypeError, a value outside the spec's limits a ValueError, each naming the
field. An enum value the spec does not list follows the client's mode, as for
responses: sent with an ``UnknownEnumValueWarning`` in lenient mode, so that a
value the provider has just added is not blocked, and refused in strict mode.

Responses are never held to these limits: a server that sends a longer value
than its spec allows still gets its answer read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any, TypeVar

from ..types import UNSET, Unset
from .decoding import Codec, Model, Nested, Run, short

T = TypeVar("T")
M = TypeVar("M", bound=Model)


class Limits:
    """The spec's limits on one value; each applies only to values of its JSON type, as in JSON Schema."""

    __slots__ = (
        "exclusive_maximum",
        "exclusive_minimum",
        "max_items",
        "max_length",
        "max_properties",
        "maximum",
        "min_items",
        "min_length",
        "min_properties",
        "minimum",
        "multiple_of",
        "pattern",
        "property_names",
        "unique_items",
    )

    def __init__(
        self,
        *,
        max_length: int | None = None,
        min_length: int | None = None,
        pattern: str | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        exclusive_minimum: float | None = None,
        exclusive_maximum: float | None = None,
        multiple_of: float | None = None,
        max_items: int | None = None,
        min_items: int | None = None,
        unique_items: bool = False,
        max_properties: int | None = None,
        min_properties: int | None = None,
        property_names: Limits | None = None,
    ) -> None:
        self.max_length = max_length
        self.min_length = min_length
        self.pattern = re.compile(pattern) if pattern is not None else None
        self.minimum = minimum
        self.maximum = maximum
        self.exclusive_minimum = exclusive_minimum
        self.exclusive_maximum = exclusive_maximum
        self.multiple_of = multiple_of
        self.max_items = max_items
        self.min_items = min_items
        self.unique_items = unique_items
        self.max_properties = max_properties
        self.min_properties = min_properties
        self.property_names = property_names

    def check(self, value: object, path: str) -> None:
        if isinstance(value, str):
            self.check_text(value, path)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            self.check_number(value, path)
        elif isinstance(value, (list, tuple)):
            self.check_items(value, path)
        elif isinstance(value, Mapping):
            self.check_keys(list(value), path)
        elif callable(to_dict := getattr(value, "to_dict", None)):  # a model: its keys are those of its JSON object
            self.check_keys(list(to_dict()), path)

    def check_text(self, value: str, path: str) -> None:
        if self.max_length is not None and len(value) > self.max_length:
            raise ValueError(f"{path}: at most {self.max_length} characters, got {len(value)}")
        if self.min_length is not None and len(value) < self.min_length:
            raise ValueError(f"{path}: at least {self.min_length} characters, got {len(value)}")
        if self.pattern is not None and self.pattern.search(value) is None:
            raise ValueError(f"{path}: must match the pattern {self.pattern.pattern!r}, got {short(value)}")

    def check_number(self, value: float, path: str) -> None:
        if not math.isfinite(value):
            raise ValueError(f"{path}: must be a finite number, got {value}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{path}: must be at least {self.minimum:g}, got {value:g}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"{path}: must be at most {self.maximum:g}, got {value:g}")
        if self.exclusive_minimum is not None and value <= self.exclusive_minimum:
            raise ValueError(f"{path}: must be more than {self.exclusive_minimum:g}, got {value:g}")
        if self.exclusive_maximum is not None and value >= self.exclusive_maximum:
            raise ValueError(f"{path}: must be less than {self.exclusive_maximum:g}, got {value:g}")
        # isclose's relative tolerance (1e-9) forgives the float error of 0.3 / 0.1 and the like.
        if self.multiple_of is not None and not math.isclose(round(value / self.multiple_of) * self.multiple_of, value):
            raise ValueError(f"{path}: must be a multiple of {self.multiple_of:g}, got {value:g}")

    def check_items(self, value: list[Any] | tuple[Any, ...], path: str) -> None:
        if self.max_items is not None and len(value) > self.max_items:
            raise ValueError(f"{path}: at most {self.max_items} items, got {len(value)}")
        if self.min_items is not None and len(value) < self.min_items:
            raise ValueError(f"{path}: at least {self.min_items} items, got {len(value)}")
        if self.unique_items:
            seen: list[Any] = []
            for index, entry in enumerate(value):
                if entry in seen:
                    raise ValueError(f"{path}[{index}]: repeats an earlier item, and items must be unique")
                seen.append(entry)

    def check_keys(self, keys: list[str], path: str) -> None:
        if self.max_properties is not None and len(keys) > self.max_properties:
            raise ValueError(f"{path}: at most {self.max_properties} keys, got {len(keys)}")
        if self.min_properties is not None and len(keys) < self.min_properties:
            raise ValueError(f"{path}: at least {self.min_properties} keys, got {len(keys)}")
        if self.property_names is not None:
            for key in keys:
                self.property_names.check(key, f"{path} key {short(key)}")


class Limited:
    """A codec with the spec's limits: decodes as the codec does, and checks the limits on requests."""

    __slots__ = ("claims", "codec", "limits", "passes")

    def __init__(self, codec: Codec, limits: Limits) -> None:
        self.codec = codec
        self.limits = limits
        self.passes = codec.passes
        self.claims = codec.claims

    def decode(self, value: object, path: str, run: Run) -> Any:
        return self.codec.decode(value, path, run)

    def encode(self, value: Any) -> Any:
        return self.codec.encode(value)

    def check(self, value: object, path: str, run: Run) -> None:
        self.codec.check(value, path, run)
        self.limits.check(value, path)

    def holds(self, value: object) -> bool:
        return self.codec.holds(value)


def check_body(body: M, *, strict: bool) -> M:
    """A request body model, checked field by field; raises TypeError or ValueError naming the field."""
    run = Run(strict)
    Nested(type(body)).check(body, "", run)
    run.emit_warnings()
    return body


def check_param(name: str, value: T, codec: Codec, *, strict: bool) -> T:
    """A path, query or header parameter, checked against its schema; UNSET (left out) passes."""
    if isinstance(value, Unset) or value is UNSET:
        return value
    run = Run(strict)
    codec.check(value, name, run)
    run.emit_warnings()
    return value
