"""One value per construct of constructs.yaml's Everything: a good one, a bad one, and where the bad one fails."""

from __future__ import annotations

from typing import Any

REQUIRED = {"name": "thing", "when": "2024-01-05T10:00:00Z", "kind": "everything"}


class Case:
    def __init__(self, field: str, good: object, bad: object | None, path: str, reason: str) -> None:
        self.field, self.good, self.bad, self.path, self.reason = field, good, bad, path, reason

    def __repr__(self) -> str:
        return self.field


LEAF = {"id": "leaf-1", "born": "2020-02-29"}
CASES = [
    Case("when", "2024-01-05t10:00:00.123456789+01:00", "2024-13-01T00:00:00Z", "$.when", "RFC 3339 date-time"),
    Case("day", "2024-02-29", "2023-02-29", "$.day", "expected a date"),
    Case("ident", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99", "$.ident", "expected a UUID"),
    Case("email", "someone@example.invalid", 5, "$.email", "expected string, got integer"),
    Case("colour", "red", ["red"], "$.colour", "expected string, got array"),
    Case("level", 2, "2", "$.level", "expected integer, got string"),
    Case("mood", None, 5, "$.mood", "no allowed type fits"),
    Case("kind", "everything", "something", "$.kind", "expected the constant 'everything'"),
    Case("version", 2, 3, "$.version", "expected the constant 2"),
    Case("ratio", 0.25, "a quarter", "$.ratio", "expected number, got string"),
    Case("flag", False, 0, "$.flag", "expected boolean, got integer"),
    Case("count", 3, 2.5, "$.count", "expected integer, got number"),
    Case("nickname", None, 7, "$.nickname", "no allowed type fits"),
    Case("parent", LEAF, {"id": 1}, "$.parent.id", "$.parent.id: expected string, got integer"),
    Case("sibling", None, [], "$.sibling", "no allowed type fits"),
    Case("code", "E42", 4.2, "$.code", "no allowed type fits"),
    Case("tags", ["a", "b"], ["a", 1], "$.tags[1]", "expected string, got integer"),
    Case("leaves", [LEAF], [{"id": "x", "born": "yesterday"}], "$.leaves[0].born", "expected a date"),
    Case(
        "shapes",
        [{"kind": "circle", "radius": 1.5}, {"kind": "square", "side": 2}],
        [{"kind": "triangle", "sides": 3}],
        "$.shapes[0]",
        "no allowed type fits",
    ),
    Case("scores", {"maths": 3, "art": 5}, {"maths": "three"}, "$.scores.maths", "expected integer, got string"),
    Case("leaf_map", {"first": LEAF}, {"first": {"born": "2020-01-01"}}, "$.leaf_map.first.id", "required field"),
    Case("anything", {"any": [1, "two", None]}, None, "", ""),
    Case("inline", {"depth": 2, "at": "2024-01-05T10:00:00.5-02:30"}, {"at": "x"}, "$.inline.depth", "required"),
    Case("pet", {"meows": True, "name": "Tom"}, {"meows": "yes"}, "$.pet", "no allowed type fits"),
]


def body_with(field: str, value: object) -> dict[str, Any]:
    return {**REQUIRED, field: value}
