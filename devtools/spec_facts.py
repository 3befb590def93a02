"""What the templates need from openapi.yaml that the generator's parsed objects leave out.

openapi-python-client keeps a parameter's schema type but not its description or
limits (``maxLength``, ``minimum``, ...), and a scalar property's type but not its
limits. The templates get these facts from the functions here, registered as
Jinja globals by devtools/generation.py, so that the generated code derives its
docstrings and request checks from the spec instead of from hand-written lists.
The method names of the high-level resources are decided here too (see
``method_name``), from each operation's path and HTTP method, and so are the
operation-level extensions the templates read (``x-anyapi-download``).
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable, Mapping
from typing import Any

Json = dict[str, Any]


class GenerationError(Exception):
    """A spec that the templates cannot turn into a client, with what to do about it."""


def fail(message: str) -> None:
    """Stop generation with a clear message (called from templates, which have no raise)."""
    raise GenerationError(message)


def text(value: object) -> str:
    """The plain text of one of the generator's strings (UntrustedString, PythonIdentifier, str)."""
    getter = getattr(value, "get_untrusted_value", None)
    return str(getter() if getter is not None else value)


# The JSON Schema keywords that limit a value, and the Limits(...) argument that carries each.
LIMIT_KEYWORDS = {
    "maxLength": "max_length",
    "minLength": "min_length",
    "pattern": "pattern",
    "minimum": "minimum",
    "maximum": "maximum",
    "exclusiveMinimum": "exclusive_minimum",
    "exclusiveMaximum": "exclusive_maximum",
    "multipleOf": "multiple_of",
    "maxItems": "max_items",
    "minItems": "min_items",
    "uniqueItems": "unique_items",
    "maxProperties": "max_properties",
    "minProperties": "min_properties",
}


class SpecFacts:
    """Look-ups into one OpenAPI document, as plain JSON values."""

    def __init__(self, document: Json) -> None:
        self.document = document

    def resolve(self, node: Any) -> Any:
        """Follow local ``$ref``s until a value that is not one."""
        seen: set[str] = set()
        while isinstance(node, Mapping) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen or not isinstance(ref, str) or not ref.startswith("#/"):
                return {}
            seen.add(ref)
            node = self.document
            for part in ref[2:].split("/"):
                node = node.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(node, Mapping) else {}
        return node

    # Parameters -----------------------------------------------------------------------------------------------

    def parameter(self, endpoint: Any, prop: Any) -> Json:
        """The raw Parameter object of ``prop`` in ``endpoint``'s operation (or its path item)."""
        item = self.resolve(self.document.get("paths", {}).get(text(endpoint.path), {}))
        operation = item.get(endpoint.method, {})
        for raw in [*operation.get("parameters", []), *item.get("parameters", [])]:
            parameter = self.resolve(raw)
            if parameter.get("name") == text(prop.name):
                return dict(parameter)
        return {}

    def operation(self, endpoint: Any) -> Json:
        """The raw Operation object of ``endpoint``."""
        item = self.resolve(self.document.get("paths", {}).get(text(endpoint.path), {}))
        operation = self.resolve(item.get(endpoint.method, {}))
        return dict(operation) if isinstance(operation, Mapping) else {}

    def download_name(self, endpoint: Any) -> str | None:
        """The name of the to-disk method that ``x-anyapi-download`` asks for on ``endpoint``, if it does."""
        name = self.operation(endpoint).get(DOWNLOAD)
        if name is None:
            return None
        if not isinstance(name, str) or not name.isidentifier() or not name.isascii() or name.startswith("_"):
            where = f"{endpoint.method.upper()} {text(endpoint.path)} (operationId {text(endpoint.name)})"
            raise GenerationError(f"{where}: {DOWNLOAD} must name a method (a Python identifier), got {name!r}")
        return name + "_" if keyword.iskeyword(name) else name

    def method_names(self, collection: Any) -> dict[str, str]:
        """``method_names``, with the to-disk methods of ``x-anyapi-download`` held to the same rule: one name each."""
        names = method_names(collection)
        taken = {names[text(each.name)]: f"{each.method.upper()} {text(each.path)}" for each in collection.endpoints}
        for endpoint in collection.endpoints:
            name = self.download_name(endpoint)
            if name is None:
                continue
            operation = f"{DOWNLOAD} of {endpoint.method.upper()} {text(endpoint.path)}"
            if name in taken or name in RESERVED:
                raise GenerationError(
                    f"tag {text(collection.tag)!r}: {operation} and {taken.get(name, 'the wait() helper')} would both "
                    f"be {text(collection.tag)}.{name}(); give {DOWNLOAD} another name."
                )
            taken[name] = operation
        return names

    def parameter_doc(self, endpoint: Any, prop: Any) -> str:
        parameter = self.parameter(endpoint, prop)
        return str(parameter.get("description") or self.resolve(parameter.get("schema", {})).get("description") or "")

    def parameter_limits(self, endpoint: Any, prop: Any, prefix: str = "") -> str:
        return limits_code(self, self.resolve(self.parameter(endpoint, prop).get("schema", {})), prefix)

    # Model fields ---------------------------------------------------------------------------------------------

    def field_schema(self, model: Any, prop: Any) -> Json:
        """The raw schema of property ``prop`` of ``model``: its own, or from a part of its allOf."""
        name = text(prop.name)
        pending = [model.data.model_dump(by_alias=True, exclude_unset=True, mode="json")]
        while pending:
            schema = self.resolve(pending.pop(0))
            properties = schema.get("properties") or {}
            if name in properties:
                found = self.resolve(properties[name])
                # An object is a model of its own, which checks its own limits.
                return {} if is_object(found) else dict(found)
            pending.extend(schema.get("allOf") or [])
        return {}

    def field_limits(self, model: Any, prop: Any) -> str:
        return limits_code(self, self.field_schema(model, prop))

    def item_limits(self, model: Any, prop: Any) -> str:
        """Limits on the items of an array property."""
        return limits_code(self, self.resolve(self.field_schema(model, prop).get("items", {})))

    def model_limits(self, model: Any) -> str:
        """Limits on the model's object itself: how many keys, and what their names may be."""
        return limits_code(self, model.data.model_dump(by_alias=True, exclude_unset=True, mode="json"))

    def extra_limits(self, model: Any) -> str:
        """Limits on the values of the keys that ``additionalProperties`` allows."""
        extra = model.data.model_dump(by_alias=True, exclude_unset=True, mode="json").get("additionalProperties")
        return limits_code(self, self.resolve(extra)) if isinstance(extra, Mapping) else ""

    def helpers(self) -> dict[str, Callable[..., Any]]:
        """The Jinja globals, by name."""
        return {
            "fail": fail,
            "method_names": self.method_names,
            "download_name": self.download_name,
            "parameter_doc": self.parameter_doc,
            "parameter_limits": self.parameter_limits,
            "field_limits": self.field_limits,
            "item_limits": self.item_limits,
            "model_limits": self.model_limits,
            "extra_limits": self.extra_limits,
        }


def is_object(schema: Any) -> bool:
    types = schema.get("type")
    return bool(
        types == "object"
        or (isinstance(types, list) and "object" in types)
        or {"properties", "additionalProperties", "allOf"} & set(schema)
    )


def number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise GenerationError(f"a limit must be a number, got {value!r}")
    return repr(value)


def limits_code(facts: SpecFacts, schema: Any, prefix: str = "") -> str:
    """``Limits(...)`` for the limits ``schema`` sets, or "" when it sets none; ``prefix`` qualifies the name."""
    if not isinstance(schema, Mapping):
        return ""
    arguments = []
    for name, argument in LIMIT_KEYWORDS.items():
        value = schema.get(name)
        if value is None or value is False:
            continue
        if name == "pattern":
            arguments.append(f"{argument}={str(value)!r}")
        elif name == "uniqueItems":
            arguments.append(f"{argument}=True")
        else:
            arguments.append(f"{argument}={number(value)}")
    names = limits_code(facts, facts.resolve(schema.get("propertyNames")), prefix)
    if names:
        arguments.append(f"property_names={names}")
    return f"{prefix}Limits({', '.join(arguments)})" if arguments else ""


# Method names ---------------------------------------------------------------------------------------------------

PARAMETER = re.compile(r"\{[^/{}]+\}\Z")
COLLECTION_VERBS = {"get": "list", "post": "create"}
ITEM_VERBS = {"get": "retrieve", "delete": "delete", "post": "update", "patch": "update", "put": "replace"}


def method_name(endpoint: Any) -> str:
    """The high-level method name of an operation, from its path and HTTP method (as openai-python names them).

    ``/batches/{batch_id}/cancel`` gives ``cancel``: a literal segment after a
    parameter names an action. Otherwise ``/batches`` gives ``list`` (GET) or
    ``create`` (POST), and ``/batches/{batch_id}`` gives ``retrieve`` (GET),
    ``delete``, ``update`` (POST, PATCH) or ``replace`` (PUT).
    """
    path, method = text(endpoint.path), endpoint.method
    segments = [segment for segment in path.split("/") if segment]
    where = f"{method.upper()} {path} (operationId {text(endpoint.name)})"
    if len(segments) >= 2 and PARAMETER.match(segments[-2]) and not PARAMETER.match(segments[-1]):
        name = re.sub(r"[^0-9a-zA-Z]+", "_", segments[-1]).strip("_").lower()
        if not name or not name[0].isalpha():
            raise GenerationError(f"{where}: the last path segment {segments[-1]!r} gives no method name")
        return name + "_" if keyword.iskeyword(name) else name
    verbs = ITEM_VERBS if segments and PARAMETER.match(segments[-1]) else COLLECTION_VERBS
    if method not in verbs:
        kind = "an item" if verbs is ITEM_VERBS else "a collection"
        raise GenerationError(
            f"{where}: no method name for {method.upper()} on {kind} path; "
            f"the high-level client names {', '.join(m.upper() for m in verbs)} here. "
            "Use one of those, or give the operation its own path ending in an action segment "
            "(/things/{thing_id}/archive)."
        )
    return verbs[method]


DOWNLOAD = "x-anyapi-download"
"""The operation extension that adds a to-disk method to an operation whose success body is not JSON."""

RESERVED = {"wait"}
"""Names the resource classes use for methods of their own."""


def method_names(collection: Any) -> dict[str, str]:
    """operationId -> method name for every operation of a tag; two operations with one name stop generation."""
    names: dict[str, str] = {}
    owners: dict[str, str] = {}
    for endpoint in collection.endpoints:
        name, operation = method_name(endpoint), f"{endpoint.method.upper()} {text(endpoint.path)}"
        if name in owners or name in RESERVED:
            first = owners.get(name, "the wait() helper")
            raise GenerationError(
                f"tag {text(collection.tag)!r}: {operation} and {first} would both be {text(collection.tag)}.{name}(); "
                "method names come from the path and HTTP method (see README, Changing the spec): "
                "move one operation to another tag or path."
            )
        owners[name] = operation
        names[text(endpoint.name)] = name
    return names
