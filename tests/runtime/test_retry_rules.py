"""The retry rules to the exact number: how long a server asked to wait, the backoff, and where the caps fall.

test_retries checks the rules through real requests, with time measured loosely; here each rule is called
directly, so that a wait off by a second or a cap off by one comparison shows.
"""

from __future__ import annotations

import random
import time
from email.utils import formatdate

import httpx
import pytest

from anyapi_batches import errors
from anyapi_batches._runtime import attempts, retries
from anyapi_batches._runtime.errors import status_error


def status(code: int, **headers: str) -> errors.APIStatusError:
    request = httpx.Request("GET", "http://127.0.0.1/v1/batches/b1")
    return status_error(httpx.Response(code, headers=headers, request=request), b"")


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "0.5"}, 0.0005),
        ({"retry-after-ms": "-20"}, 0.0),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after-ms": "soon", "retry-after": "2"}, 2.0),
        ({"retry-after": "0.25"}, 0.25),
        ({"retry-after": "0"}, 0.0),
        ({"retry-after": "-3"}, 0.0),
        ({"Retry-After": "7"}, 7.0),
    ],
)
def test_the_wait_a_server_asks_for(headers: dict[str, str], seconds: float) -> None:
    assert retries.retry_after(httpx.Headers(headers)) == seconds


@pytest.mark.parametrize("headers", [{}, {"retry-after": "soon"}, {"retry-after-ms": "x", "retry-after": "inf"}])
def test_no_readable_wait_is_none(headers: dict[str, str]) -> None:
    assert retries.retry_after(httpx.Headers(headers)) is None


def test_an_http_date_is_the_seconds_until_then(monkeypatch: pytest.MonkeyPatch) -> None:
    now = 1_711_471_533.0
    monkeypatch.setattr(time, "time", lambda: now)
    assert retries.retry_after(httpx.Headers({"retry-after": formatdate(now + 30, usegmt=True)})) == 30.0
    assert retries.retry_after(httpx.Headers({"retry-after": formatdate(now - 30, usegmt=True)})) == 0.0


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (errors.APIConnectionError("reset"), True),
        (errors.APITimeoutError(), True),
        (errors.ResponseValidationError("$.status: missing"), False),
        (status(408), True),
        (status(409), True),
        (status(429), True),
        (status(500), True),
        (status(599), True),
        (status(400), False),
        (status(404), False),
        (status(499), False),
        (status(503, **{"retry-after": "60"}), True),
        (status(503, **{"retry-after-ms": "60001"}), False),
        (status(429, **{"retry-after": "61"}), False),
    ],
)
def test_which_failures_are_worth_another_try(error: errors.APIError, expected: bool) -> None:
    assert retries.transient(error) is expected


@pytest.mark.parametrize(("retries_done", "seconds"), [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)])
def test_backoff_doubles_from_half_a_second_up_to_eight(
    monkeypatch: pytest.MonkeyPatch, retries_done: int, seconds: float
) -> None:
    monkeypatch.setattr(random, "random", lambda: 0.0)
    assert retries.pause(status(503), retries_done) == seconds
    # Jitter takes off up to a quarter, never adds.
    monkeypatch.setattr(random, "random", lambda: 1.0)
    assert retries.pause(status(503), retries_done) == seconds * 0.75


def test_a_requested_wait_replaces_the_backoff() -> None:
    assert retries.pause(status(429, **{"retry-after-ms": "30"}), 3) == 0.03


def test_a_retry_that_could_only_start_at_the_deadline_is_not_made(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "monotonic", lambda: 100.0)
    plan = retries.RetryPlan(max_retries=5, idempotent=True, deadline=attempts.Deadline(101.0, 1.0))
    assert plan.next_pause(status(503, **{"retry-after-ms": "1000"})) is None
    assert plan.next_pause(status(503, **{"retry-after-ms": "999"})) == 0.999
    assert plan.retries_done == 1


def test_each_retry_counts_once_up_to_the_maximum() -> None:
    plan = retries.RetryPlan(max_retries=3, idempotent=True)
    pauses = [plan.next_pause(status(503, **{"retry-after-ms": "1"})) for _ in range(5)]
    assert pauses == [0.001, 0.001, 0.001, None, None]
    assert plan.retries_done == 3


def test_a_non_idempotent_call_is_retried_only_when_it_never_left() -> None:
    plan = retries.RetryPlan(max_retries=3, idempotent=False)
    assert plan.next_pause(errors.APIConnectionError("reset", reached_server=True)) is None
    assert plan.next_pause(status(503, **{"retry-after-ms": "1"})) is None
    assert plan.next_pause(errors.APIConnectionError("refused", reached_server=False)) is not None


def test_time_is_what_the_deadline_counts_in() -> None:
    before = time.monotonic()
    deadline = attempts.Deadline.after(10)
    assert before + 10 <= deadline.at <= time.monotonic() + 10
    assert deadline.seconds == 10
