"""Sections 1 and 3: per-call cost on an in-memory transport, and the cost of parsing alone."""

from __future__ import annotations

import json
from contextlib import ExitStack

import httpx
from openai._models import construct_type
from openai.types import Batch as OpenAIBatch

from anyapi_batches.models import Batch
from devtools.bench.clients import sync_calls
from devtools.bench.measure import Samples, compare_calls

# No network and no DNS: the name only has to be a valid URL host.
MOCK_BASE_URL = "http://anyapi.bench/v1"

JSON_LOADS = "json.loads"
LENIENT = "json.loads + Batch.from_dict"
STRICT = "json.loads + Batch.from_dict(strict=True)"
OPENAI_VALIDATE = "json.loads + openai Batch.model_validate"
OPENAI_CONSTRUCT = "json.loads + openai construct_type (what its client does)"


def per_call_overhead(body: bytes, calls: int, rounds: int) -> Samples:
    """Every client against the same MockTransport, so the HTTP exchange itself costs next to nothing."""
    headers = {"content-type": "application/json"}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body, headers=headers))
    with ExitStack() as stack:
        return compare_calls(sync_calls(stack, MOCK_BASE_URL, transport), calls, rounds)


def parse_only(body: bytes, parses: int, rounds: int) -> Samples:
    parsers = {
        JSON_LOADS: lambda: json.loads(body),
        LENIENT: lambda: Batch.from_dict(json.loads(body)),
        STRICT: lambda: Batch.from_dict(json.loads(body), strict=True),
        OPENAI_VALIDATE: lambda: OpenAIBatch.model_validate(json.loads(body)),
        OPENAI_CONSTRUCT: lambda: construct_type(value=json.loads(body), type_=OpenAIBatch),
    }
    return compare_calls(parsers, parses, rounds)
