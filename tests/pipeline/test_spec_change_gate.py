"""The spec-change gate's reading of Optic's report: which breaking verdicts stand, and which this package overrules."""
# ruff: noqa: E501 -- the reports below are quoted as Optic prints them, one finding per line.

from __future__ import annotations

from devtools.spec_changes import breaking_findings

ENUM_ADDED = """\
x GET /files/{file_id}:
  - response 200:
    - body application/json:
      - property /schema/properties/purpose: changed

        x [request and response property enums] cannot add enum options 'batch_output' from 'purpose' property. This is a breaking change.
        at openapi.yaml:823:27723
"""

NESTED_REQUIRED = """\
x POST /batches:
  - request:
    - body application/json:
      - property /schema/properties/{parent}: {parent_change}
      - property /schema/properties/{parent}/properties/anchor:

        x [prevent changing request property to required] cannot add a required request property 'anchor' to an existing operation. This is a breaking change.
"""

REMOVED_FIELD = """\
x GET /batches/{batch_id}:
  - response 200:
    - body application/json:
      - property /schema/properties/model: removed

        x [response property removal] cannot remove response property 'model'. This is a breaking change.
"""


def test_a_new_enum_value_is_overruled_as_an_addition() -> None:
    standing, overruled = breaking_findings(ENUM_ADDED)
    assert standing == []
    assert len(overruled) == 1
    assert "an addition" in overruled[0]


def test_required_fields_of_a_newly_added_optional_object_are_overruled() -> None:
    report = NESTED_REQUIRED.format(parent="output_expires_after", parent_change="added")
    standing, overruled = breaking_findings(report)
    assert standing == []
    assert "optional object that this change adds" in overruled[0]


def test_a_field_made_required_inside_an_existing_object_stands() -> None:
    report = NESTED_REQUIRED.format(parent="output_expires_after", parent_change="changed")
    standing, overruled = breaking_findings(report)
    assert overruled == []
    assert standing == [line.strip() for line in report.splitlines() if line.strip().startswith("x [")]


def test_an_object_added_under_another_operation_does_not_excuse_this_one() -> None:
    other = "x POST /files:\n  - request:\n    - body application/json:\n      - property /schema/properties/x: added\n"
    report = other + NESTED_REQUIRED.format(parent="x", parent_change="changed")
    standing, _ = breaking_findings(report)
    assert len(standing) == 1


def test_a_removed_response_field_stands() -> None:
    standing, overruled = breaking_findings(REMOVED_FIELD)
    assert overruled == []
    assert standing and "cannot remove response property 'model'" in standing[0]
