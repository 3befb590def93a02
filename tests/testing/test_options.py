"""The fake's own API refuses bad input with a clear error: its options, its clock, its failures and answers."""

from __future__ import annotations

from typing import Any

import pytest

from anyapi_batches.testing import Answer, FakeAnyAPI, RequestFailures, Timings


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"speed": 0}, ValueError, "speed must be a finite number above 0; got 0"),
        ({"speed": -1.5}, ValueError, "speed must be a finite number above 0; got -1.5"),
        ({"speed": float("inf")}, ValueError, "speed must be a finite number above 0; got inf"),
        ({"speed": float("nan")}, ValueError, "speed must be a finite number above 0; got nan"),
        ({"speed": "10"}, ValueError, "speed must be a finite number above 0; got '10'"),
        ({"speed": True}, ValueError, "speed must be a finite number above 0; got True"),
        ({"tick": -1}, ValueError, "tick must be a finite number of seconds, 0 or more; got -1"),
        ({"start": float("nan")}, ValueError, "start must be a finite number of seconds, 0 or more; got nan"),
        ({"api_key": ""}, ValueError, "api_key must be a non-empty string without surrounding whitespace"),
        ({"api_key": " sk "}, ValueError, "api_key must be a non-empty string without surrounding whitespace"),
        ({"responder": "canned"}, TypeError, "responder must be callable, got 'canned'"),
        ({"timings": {"validating": 1}}, TypeError, "timings must be a Timings, got {'validating': 1}"),
        ({"failures": {"r1"}}, TypeError, "failures must be a RequestFailures, got {'r1'}"),
        ({"max_upload_bytes": 0}, ValueError, "max_upload_bytes must be a whole number, 1 or more; got 0"),
        ({"spede": 10}, TypeError, "unexpected keyword argument 'spede'"),
    ],
)
def test_a_bad_option_is_refused_with_what_was_wrong(
    options: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        FakeAnyAPI(**options)
    assert message in str(raised.value)


@pytest.mark.parametrize("seconds", [-1, float("nan"), float("inf"), "5"])
def test_the_clock_only_moves_forward_by_a_real_number_of_seconds(seconds: Any) -> None:
    fake = FakeAnyAPI(start=100)
    with pytest.raises(ValueError, match="seconds must be a finite number of seconds, 0 or more"):
        fake.advance(seconds)
    assert fake.now() == 100


def test_the_clock_stands_still_until_advanced() -> None:
    fake = FakeAnyAPI(start=1000)
    assert fake.now() == 1000
    fake.advance(2.5)
    assert fake.now() == 1002.5


@pytest.mark.parametrize(
    ("timings", "message"),
    [
        ({"validating": -1}, "Timings.validating must be a finite number of seconds, 0 or more; got -1"),
        ({"per_request": float("nan")}, "Timings.per_request must be a finite number of seconds, 0 or more; got nan"),
        ({"cancelling": None}, "Timings.cancelling must be a finite number of seconds, 0 or more; got None"),
    ],
)
def test_timings_must_be_real_numbers_of_seconds(timings: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as raised:
        Timings(**timings)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"rate": 1.5}, ValueError, "rate must be a number from 0 to 1, got 1.5"),
        ({"rate": -0.1}, ValueError, "rate must be a number from 0 to 1, got -0.1"),
        ({"status_code": 200}, ValueError, "status_code must be an error status from 400 to 599, got 200"),
        ({"status_code": "500"}, TypeError, "status_code must be an int, got '500'"),
        ({"custom_ids": "request-1"}, TypeError, "custom_ids must be a collection of ids, not a single string"),
    ],
)
def test_request_failures_with_bad_values_are_refused(
    options: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        RequestFailures(**options)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("status", "body", "error", "message"),
    [
        (700, {}, ValueError, "status_code must be an HTTP status from 200 to 599, got 700"),
        (True, {}, TypeError, "status_code must be an int, got True"),
        (200, [], TypeError, "body must be a JSON object (dict), got list"),
    ],
)
def test_an_answer_with_bad_values_is_refused(status: Any, body: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as raised:
        Answer(status, body)
    assert str(raised.value) == message
