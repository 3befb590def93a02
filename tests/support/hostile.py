"""Answers of broken and hostile servers, each with the documented error it must end in."""

from __future__ import annotations

from dataclasses import dataclass

from anyapi_batches import errors
from devtools.fault_server import Drip, Reply, Reset, Stall, Step, batch_reply, error_reply, gzipped, json_reply

DEEP_JSON = b"[" * 100_000 + b"]" * 100_000
"""Valid JSON that Python's parser cannot descend into: it raises RecursionError."""

HTML_PAGE = b"<html><head><title>520</title></head><body>origin error</body></html>"

TIMEOUT = 0.5
"""The request timeout the scenarios are run with: the stalling ones run into it."""


@dataclass(frozen=True)
class Hostile:
    name: str
    step: Step
    error: type[errors.AnyAPIError]


ANSWERS = [
    Hostile("401", error_reply(401), errors.AuthenticationError),
    Hostile("402", error_reply(402), errors.PaymentRequiredError),
    Hostile("429-come-back-later", error_reply(429, {"retry-after": "120"}), errors.RateLimitError),
    Hostile("html-520", Reply(520, HTML_PAGE, {"Content-Type": "text/html"}), errors.InternalServerError),
    Hostile("reset", Reset(), errors.APIConnectionError),
    Hostile("stall", Stall(5), errors.APITimeoutError),
    Hostile("drip", Drip(batch_reply(), every=0.1), errors.APITimeoutError),
    Hostile("cut-off-json", Reply(200, b'{"id": "batch_a'), errors.ResponseValidationError),
    Hostile("empty-200", Reply(200, b""), errors.ResponseValidationError),
    Hostile("wrong-shape", json_reply({"id": 5}), errors.ResponseValidationError),
    Hostile("deep-json", Reply(200, DEEP_JSON), errors.ResponseValidationError),
    Hostile("deep-json-error", Reply(500, DEEP_JSON), errors.InternalServerError),
    Hostile("corrupt-gzip", gzipped(batch_reply(), corrupt=True), errors.ResponseValidationError),
    Hostile("corrupt-gzip-error", gzipped(error_reply(503), corrupt=True), errors.InternalServerError),
]
