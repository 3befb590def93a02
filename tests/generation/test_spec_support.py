"""A spec the client cannot honour stops generation with one clear message, never a template traceback."""

from __future__ import annotations

import copy
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from devtools import ROOT
from devtools.generation import CONSTRUCTS_SPEC, SPEC, build
from devtools.spec_facts import GenerationError
from devtools.spec_support import unsupported_constructs

EVERYTHING = "#/components/schemas/Everything"


def constructs() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(CONSTRUCTS_SPEC.read_text())
    return copy.deepcopy(document)


def with_property(schema: dict[str, Any]) -> dict[str, Any]:
    document = constructs()
    document["components"]["schemas"]["Everything"]["properties"]["odd"] = schema
    return document


def failure(tmp_path: Path, document: dict[str, Any]) -> str:
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(document))
    with pytest.raises(GenerationError) as caught:
        build(tmp_path / "out", spec=spec, package_name="odd_client", handwritten=())
    return str(caught.value)


def test_the_constructs_spec_has_nothing_unsupported() -> None:
    assert unsupported_constructs(constructs()) == []


@pytest.mark.parametrize(
    ("schema", "construct", "instead"),
    [
        ({"type": "string", "not": {"const": "x"}}, "`not`", "describe the allowed values positively"),
        ({"type": "string", "nullable": True}, "`nullable: true` (OpenAPI 3.0)", 'type: [string, "null"]'),
        ({"type": "object", "patternProperties": {"^x": {"type": "string"}}}, "`patternProperties`", "propertyNames"),
        ({"if": {"type": "string"}, "then": {"minLength": 1}}, "`if`", "oneOf"),
        ({"enum": [1.5, 2.5]}, "an enum of float values", "string or integer enum"),
        ({"enum": ["a", 1]}, "an enum of int, str values", "string or integer enum"),
        ({"type": "array"}, "an array without items", "give items a schema"),
    ],
    ids=["not", "nullable", "patternProperties", "if", "float-enum", "mixed-enum", "array-without-items"],
)
def test_an_unsupported_construct_is_named_with_its_pointer_and_what_to_do(
    tmp_path: Path, schema: dict[str, Any], construct: str, instead: str
) -> None:
    message = failure(tmp_path, with_property(schema))
    assert message.startswith(f"unsupported schema construct at {EVERYTHING}/properties/odd: {construct}")
    assert instead in message
    assert "Traceback" not in message
    assert not (tmp_path / "out").exists()


def test_a_discriminator_whose_branches_do_not_fix_its_property_is_unsupported(tmp_path: Path) -> None:
    document = constructs()
    del document["components"]["schemas"]["Square"]["properties"]["kind"]["const"]
    message = failure(tmp_path, document)
    assert message.startswith(
        "unsupported schema construct at #/components/schemas/Shape/oneOf/1: a branch that does not fix "
        "the discriminator property `kind` to one value; instead, give the branch `kind` with a const"
    )


def test_a_construct_deep_inside_an_operation_is_found() -> None:
    document = constructs()
    parameter = document["paths"]["/things"]["get"]["parameters"][0]
    parameter["schema"] = {"type": "array", "items": {"type": "integer", "nullable": True}}
    [problem] = unsupported_constructs(document)
    assert problem.pointer == "#/paths/~1things/get/parameters/0/schema/items"


def test_two_operations_with_one_method_name_stop_generation(tmp_path: Path) -> None:
    document = constructs()
    document["paths"]["/things/{thing_id}/pet"]["post"] = {
        **document["paths"]["/things/{thing_id}/pet"]["get"],
        "operationId": "adopt_pet",
    }
    message = failure(tmp_path, document)
    assert message == (
        "tag 'things': POST /things/{thing_id}/pet and GET /things/{thing_id}/pet would both be things.pet(); "
        "method names come from the path and HTTP method (see README, Changing the spec): "
        "move one operation to another tag or path."
    )


def test_a_method_with_no_name_for_its_path_stops_generation(tmp_path: Path) -> None:
    document = constructs()
    document["paths"]["/things"]["delete"] = {**document["paths"]["/things/{thing_id}"]["delete"]}
    document["paths"]["/things"]["delete"]["operationId"] = "delete_all_things"
    message = failure(tmp_path, document)
    assert message.startswith("DELETE /things (operationId delete_all_things): no method name for DELETE")
    assert "/things/{thing_id}/archive" in message


def test_spectral_flags_the_same_constructs_at_lint(tmp_path: Path) -> None:
    document = yaml.safe_load(SPEC.read_text())
    fields = document["components"]["schemas"]["Batch"]["properties"]
    fields["odd_not"] = {"type": "string", "not": {"const": "x"}}
    fields["odd_nullable"] = {"type": "string", "nullable": True}
    fields["odd_enum"] = {"enum": [1.5, 2.5]}
    fields["odd_map"] = {"type": "object", "patternProperties": {"^x": {"type": "string"}}}
    spec = tmp_path / "openapi.yaml"
    spec.write_text(yaml.safe_dump(document, sort_keys=False))
    command = ["npx", "--no-install", "spectral", "lint", "--ruleset", ".spectral.yaml", str(spec)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    flagged = [line.split()[2] + " " + line.split()[-1] for line in result.stdout.splitlines() if " error " in line]
    assert sorted(flagged) == [
        "schema-construct-supported components.schemas.Batch.properties.odd_map.patternProperties",
        "schema-construct-supported components.schemas.Batch.properties.odd_not.not",
        "schema-enum-string-or-integer components.schemas.Batch.properties.odd_enum.enum",
        "schema-enum-string-or-integer components.schemas.Batch.properties.odd_enum.enum[0]",
        "schema-not-nullable components.schemas.Batch.properties.odd_nullable.nullable",
    ]
