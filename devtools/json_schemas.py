"""openapi.yaml's component schemas as self-contained JSON Schemas, for tools that cannot follow $ref."""

from __future__ import annotations

from typing import Any

from devtools.openapi_document import resolve, spec


def _inline(node: Any) -> Any:
    if isinstance(node, dict):
        # x- keys are spec extensions, not JSON Schema.
        return {key: _inline(value) for key, value in resolve(node).items() if not key.startswith("x-")}
    if isinstance(node, list):
        return [_inline(item) for item in node]
    return node


def json_schema(name: str) -> dict[str, Any]:
    """components/schemas/<name> with every $ref replaced by what it points at."""
    inlined: dict[str, Any] = _inline(spec()["components"]["schemas"][name])
    return inlined
