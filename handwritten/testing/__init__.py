"""A stateful fake of the AnyAPI Batch API, for testing code that uses it without a key or a network.

    from anyapi_batches.testing import FakeAnyAPI

    fake = FakeAnyAPI()
    with fake.client() as client:  # an AnyAPI bound to the fake in-process
        upload = client.files.create(file=open("requests.jsonl", "rb"), purpose="batch")
        batch = client.batches.create(input_file_id=upload.id, endpoint="/v1/chat/completions", completion_window="24h")
        fake.advance(3600)  # the fake's clock stands still until told to move
        assert client.batches.retrieve(batch.id).status == "completed"

``fake.serve()`` or ``anyapi-batches fake-server`` serve it over HTTP (with the
``testing`` extra), and the pytest plugin of that extra has fixtures for it.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .batch_run import Timings
    from .fake import FakeAnyAPI, Received
    from .faults import Disconnect, RateLimit, ServerError, Stall
    from .responders import Answer, BatchRequest, RequestFailures, Responder, canned_answer, error_answer

# Loaded on first use: the pytest plugin lives in this package, and every pytest run in an environment
# with the testing extra imports it, whether or not a test uses the fake.
_MODULES = {
    "Timings": ".batch_run",
    "FakeAnyAPI": ".fake",
    "Received": ".fake",
    "Disconnect": ".faults",
    "RateLimit": ".faults",
    "ServerError": ".faults",
    "Stall": ".faults",
    "Answer": ".responders",
    "BatchRequest": ".responders",
    "RequestFailures": ".responders",
    "Responder": ".responders",
    "canned_answer": ".responders",
    "error_answer": ".responders",
}

__all__ = [
    "Answer",
    "BatchRequest",
    "Disconnect",
    "FakeAnyAPI",
    "RateLimit",
    "Received",
    "RequestFailures",
    "Responder",
    "ServerError",
    "Stall",
    "Timings",
    "canned_answer",
    "error_answer",
]


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_MODULES[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
