"""The schema constructs the generated client cannot honour, found before the generator runs.

openapi-python-client 0.29.1 skips some JSON Schema keywords without a word
(``not``, ``if``, ``patternProperties``, OpenAPI 3.0's ``nullable``, ...): a
client generated from them would accept or send values the spec forbids, or
refuse ones it allows. Others it cannot parse at all, and says so in terms of
its own internals. Each is reported here with the schema's JSON pointer, the
construct, and what to write instead. .spectral.yaml holds the same list as a
lint rule, so `nox -s lint` flags them before generation is tried.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

IGNORED_KEYWORDS = {
    "not": "describe the allowed values positively: enum, const, or a oneOf of the allowed shapes",
    "if": "write the cases as a oneOf, each branch with a const for the field that tells them apart",
    "then": "write the cases as a oneOf, each branch with a const for the field that tells them apart",
    "else": "write the cases as a oneOf, each branch with a const for the field that tells them apart",
    "patternProperties": "use additionalProperties with one schema for every other key (and propertyNames to limit "
    "the names)",
    "dependentSchemas": "write the combinations as a oneOf of complete objects",
    "dependentRequired": "write the combinations as a oneOf of complete objects",
    "unevaluatedProperties": "use additionalProperties on the object itself",
    "unevaluatedItems": "use items",
    "contains": "use items (every item then fits one schema)",
    "$dynamicRef": "use a plain $ref into #/components/schemas",
}


class Unsupported:
    """One construct the client cannot honour: where, what, and what to write instead."""

    def __init__(self, pointer: str, construct: str, instead: str) -> None:
        self.pointer = pointer
        self.construct = construct
        self.instead = instead

    def __str__(self) -> str:
        return f"unsupported schema construct at {self.pointer}: {self.construct}; instead, {self.instead}."


def escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def schemas_of(document: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """Every schema the document uses directly, with its JSON pointer (nested ones come from ``walk``)."""
    for name, schema in (document.get("components", {}).get("schemas") or {}).items():
        yield f"#/components/schemas/{escape(name)}", schema
    containers: list[tuple[str, Any]] = []
    for path, item in (document.get("paths") or {}).items():
        containers.append((f"#/paths/{escape(path)}", item))
    for kind in ("parameters", "requestBodies", "responses", "headers"):
        for name, item in (document.get("components", {}).get(kind) or {}).items():
            containers.append((f"#/components/{kind}/{escape(name)}", item))
    # Schemas sit under "schema" keys (parameters, media types, headers) anywhere inside these containers.
    while containers:
        pointer, node = containers.pop(0)
        if isinstance(node, Mapping):
            for key, value in node.items():
                if key == "schema":
                    yield f"{pointer}/schema", value
                elif key not in ("example", "examples"):
                    containers.append((f"{pointer}/{escape(str(key))}", value))
        elif isinstance(node, list):
            containers.extend((f"{pointer}/{index}", value) for index, value in enumerate(node))


SUBSCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas", "$defs")
SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SUBSCHEMAS = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames")


def walk(pointer: str, schema: Any) -> Iterator[tuple[str, Mapping[str, Any]]]:
    if not isinstance(schema, Mapping):
        return
    yield pointer, schema
    for key in SUBSCHEMA_MAPS:
        for name, sub in (schema.get(key) or {}).items():
            yield from walk(f"{pointer}/{key}/{escape(name)}", sub)
    for key in SUBSCHEMA_LISTS:
        for index, sub in enumerate(schema.get(key) or []):
            yield from walk(f"{pointer}/{key}/{index}", sub)
    for key in SUBSCHEMAS:
        yield from walk(f"{pointer}/{key}", schema.get(key))


def problems_of(pointer: str, schema: Mapping[str, Any]) -> Iterator[Unsupported]:
    for keyword, instead in IGNORED_KEYWORDS.items():
        if keyword in schema:
            yield Unsupported(pointer, f"`{keyword}`, which the generator ignores", instead)
    if schema.get("nullable") is True:
        yield Unsupported(
            pointer,
            "`nullable: true` (OpenAPI 3.0), which a 3.1 generator ignores",
            'use a type list (type: [string, "null"]) or anyOf with {type: "null"}',
        )
    ref = schema.get("$ref")
    if isinstance(ref, str) and not ref.startswith("#/components/"):
        yield Unsupported(
            pointer, f"the $ref {ref!r} outside #/components", "move the schema into #/components/schemas"
        )
    if "enum" in schema:
        kinds = {type(value).__name__ for value in schema["enum"] if value is not None}
        if not (kinds <= {"str"} or kinds <= {"int"}):
            yield Unsupported(
                pointer,
                f"an enum of {', '.join(sorted(kinds)) or 'nothing but null'} values",
                "use a string or integer enum (null may be added), or a oneOf of consts",
            )
    if "const" in schema and (schema["const"] is None or isinstance(schema["const"], (list, dict))):
        yield Unsupported(
            pointer, "a const that is null, an array or an object", "use a string, number or boolean const"
        )
    types = schema.get("type")
    if (types == "array" or (isinstance(types, list) and "array" in types)) and "items" not in schema:
        yield Unsupported(pointer, "an array without items", "give items a schema ({} for any value)")


def resolve(document: Mapping[str, Any], node: Any) -> Any:
    """A local ``$ref``'s target, one step (enough for a union's branches); {} when it points nowhere."""
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return node
    target: Any = document
    for part in ref[2:].split("/"):
        target = target.get(part.replace("~1", "/").replace("~0", "~")) if isinstance(target, Mapping) else None
    return target if isinstance(target, Mapping) else {}


def pinned(document: Mapping[str, Any], branch: Any, name: str) -> bool:
    """Whether ``branch`` (or a part of its allOf) fixes property ``name`` to one value."""
    pending = [branch]
    while pending:
        schema = resolve(document, pending.pop())
        if not isinstance(schema, Mapping):
            continue
        field = resolve(document, (schema.get("properties") or {}).get(name))
        if isinstance(field, Mapping) and ("const" in field or len(field.get("enum") or []) == 1):
            return True
        pending.extend(schema.get("allOf") or [])
    return False


def discriminator_problems(
    document: Mapping[str, Any], pointer: str, schema: Mapping[str, Any]
) -> Iterator[Unsupported]:
    """The generator ignores a discriminator: the client tells branches apart by what fits, so each must pin it."""
    discriminator = schema.get("discriminator")
    name = discriminator.get("propertyName") if isinstance(discriminator, Mapping) else None
    if not isinstance(name, str):
        return
    for key in ("oneOf", "anyOf"):
        for index, branch in enumerate(schema.get(key) or []):
            if resolve(document, branch).get("type") != "null" and not pinned(document, branch, name):
                yield Unsupported(
                    f"{pointer}/{key}/{index}",
                    f"a branch that does not fix the discriminator property `{name}` to one value",
                    f"give the branch `{name}` with a const (the client picks the branch its value fits, "
                    "not by the discriminator's mapping)",
                )


def unsupported_constructs(document: Mapping[str, Any]) -> list[Unsupported]:
    """Every unsupported construct in ``document``, in document order."""
    found: list[Unsupported] = []
    for pointer, schema in schemas_of(document):
        for where, node in walk(pointer, schema):
            found.extend(problems_of(where, node))
            found.extend(discriminator_problems(document, where, node))
    return found
