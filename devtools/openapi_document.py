"""openapi.yaml, loaded once, and the examples and schemas it holds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from devtools import ROOT

SPEC_PATH = ROOT / "openapi.yaml"
HOST = "https://api.anyapi.ai"
BASE_PATH = "/v1"


@cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
    return loaded


@cache
def openapi() -> OpenAPI:
    return OpenAPI.from_dict(spec())


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local $ref (#/components/...) to what it points at."""
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@dataclass(frozen=True)
class ResponseExample:
    method: str
    path: str
    status: str
    example: Any
    schema: dict[str, Any]
    """As written in the spec: a $ref, or a oneOf of $refs."""

    @property
    def name(self) -> str:
        return f"{self.method.upper()} {self.path} {self.status}"


def response_examples() -> Iterator[ResponseExample]:
    for path, item in spec()["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                for media in resolve(response).get("content", {}).values():
                    yield ResponseExample(method, path, status, media.get("example"), media["schema"])


def schema_names(schema: dict[str, Any]) -> list[str]:
    """The component names a response schema refers to: one for a $ref, several for a oneOf of $refs."""
    if "$ref" in schema:
        target = resolve(schema)
        if "oneOf" in target:
            return [name for option in target["oneOf"] for name in schema_names(option)]
        return [schema["$ref"].rsplit("/", 1)[-1]]
    return [name for option in schema.get("oneOf", []) for name in schema_names(option)]


def concrete_path(path: str) -> str:
    """A request path for a templated one: every {param} becomes an id-like value."""
    return path.replace("{", "").replace("}", "_example")


def validate_response(method: str, path: str, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
    """Raise openapi-core's error if ``body`` is not what openapi.yaml promises for this response."""
    request = MockRequest(HOST, method, BASE_PATH + concrete_path(path))
    response = MockResponse(
        json.dumps(body).encode(), status_code=status, content_type="application/json", headers=headers or {}
    )
    openapi().validate_response(request, response)
