"""Spec vs itself: openapi.yaml's examples against their schemas and the models.

The checks live in tests/test_spec.py; importing them here makes pytest run
them in this suite too, so `nox -s contract` covers all five comparisons.
"""

from tests.test_spec import (
    test_a_broken_example_is_caught,
    test_every_response_has_an_example,
    test_example_round_trips_through_the_model,
    test_example_validates_against_its_schema,
)

__all__ = [
    "test_a_broken_example_is_caught",
    "test_every_response_has_an_example",
    "test_example_round_trips_through_the_model",
    "test_example_validates_against_its_schema",
]
