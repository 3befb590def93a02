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

from .batch_run import Timings
from .fake import FakeAnyAPI, Received
from .faults import Disconnect, RateLimit, ServerError
from .responders import Answer, BatchRequest, RequestFailures, Responder, canned_answer, error_answer

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
    "Timings",
    "canned_answer",
    "error_answer",
]
