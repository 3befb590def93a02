"""openapi.yaml, loaded once, and the examples and schemas it holds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from devtools import ROOT

SPEC_PATH = ROOT / "openapi.yaml"
HOST = "https://api.anyapi.ai"
BASE_PATH = "/v1"


@cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
    return loaded


def raw_bytes_as_text(body: bytes) -> str:
    # A binary body is a JSON Schema string only once it is text; latin-1 maps every byte, so none is refused.
    return body.decode("latin-1")


@cache
def openapi() -> OpenAPI:
    config = Config(extra_media_type_deserializers={"application/octet-stream": raw_bytes_as_text})
    return OpenAPI.from_dict(spec(), config=config)


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
    media_type: str
    example: Any
    schema: dict[str, Any]
    """As written in the spec: a $ref, or a oneOf of $refs."""

    @property
    def is_json(self) -> bool:
        return self.media_type == "application/json"

    @property
    def name(self) -> str:
        return f"{self.method.upper()} {self.path} {self.status}"


def response_examples() -> Iterator[ResponseExample]:
    for path, item in spec()["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                for media_type, media in resolve(response).get("content", {}).items():
                    yield ResponseExample(method, path, status, media_type, media.get("example"), media["schema"])


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


def validate_response(
    method: str,
    path: str,
    status: int,
    body: Any,
    headers: dict[str, str] | None = None,
    media_type: str = "application/json",
) -> None:
    """Raise openapi-core's error if ``body`` is not what openapi.yaml promises for this response.

    A JSON body is given decoded; any other body as its text or bytes.
    """
    request = MockRequest(HOST, method, BASE_PATH + concrete_path(path))
    if media_type == "application/json":
        raw = json.dumps(body).encode()
    else:
        raw = body.encode() if isinstance(body, str) else body
    response = MockResponse(raw, status_code=status, content_type=media_type, headers=headers or {})
    openapi().validate_response(request, response)
