"""``FakeAnyAPI``: the AnyAPI Batch API in memory, with state, for tests and demos that need no key or network."""

from __future__ import annotations

import hmac
import threading
from collections import deque
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import httpx

from .. import AnyAPI, AsyncAnyAPI
from .asgi import FakeASGIApp
from .batch_run import Timings
from .clock import Clock, checked_seconds
from .faults import Disconnect, Faults, Stall, fault_response
from .ids import Ids
from .problems import ApiProblem, error_body
from .responders import RequestFailures, Responder, canned_answer
from .routes import OPERATION_IDS, Route, route_for
from .server import serving
from .state import FakeState
from .transport import AsyncFakeTransport, FakeTransport
from .wire import Request, Response, json_response

DEFAULT_API_KEY = "sk-fake-anyapi"
"""The key the fake's own clients send when the fake was given none (it then takes any key)."""
BASE_URL = "http://anyapi.fake.invalid/v1"
"""The base URL of in-process clients: the .invalid domain never resolves, so nothing can leave the machine."""
MAX_UPLOAD_BYTES = 200 * 1024 * 1024
"""The largest batch input file OpenAI's Batch API takes."""
MULTIPART_ALLOWANCE = 64 * 1024
"""Room for the headers and other fields around an uploaded file in a request body."""
RECEIVED_KEPT = 1000
"""How many of the latest requests ``received`` keeps, so that a long-running server's memory stays bounded."""

DROPPED = Response(0, dropped=True)
STALLED = Response(0, stalled=True)


@dataclass(frozen=True)
class Received:
    """A request the fake got, and what it answered."""

    operation_id: str | None
    """The spec's operationId, or None when no operation has the request's method and path."""
    method: str
    path: str
    status: int | None
    """The status answered, or None when there was no answer (the connection was dropped, or the request stalled)."""


class FakeAnyAPI:
    """An in-memory AnyAPI Batch API with state: files, batches that run on the fake's clock, and their results.

    Args:
        api_key: the only key the fake accepts; by default it takes any key.
        speed: run the clock at this many times real time; by default it stands still until ``advance``.
        start: the Unix time the clock starts at (default: now).
        tick: seconds the clock moves on with every request, so that polling makes progress without real time.
        timings: how long each step of a batch takes.
        responder: answers each request of a batch (default: ``canned_answer``).
        failures: requests of a batch that fail instead of reaching the responder.
        short_cancel_answer: answer cancel with AnyAPI's short body (id, object, status), not the whole batch.
        max_upload_bytes: the largest file the fake accepts.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        speed: float | None = None,
        start: float | None = None,
        tick: float = 0.0,
        timings: Timings | None = None,
        responder: Responder = canned_answer,
        failures: RequestFailures | None = None,
        short_cancel_answer: bool = False,
        max_upload_bytes: int = MAX_UPLOAD_BYTES,
    ) -> None:
        if api_key is not None and (not isinstance(api_key, str) or not api_key or api_key != api_key.strip()):
            raise ValueError("api_key must be a non-empty string without surrounding whitespace")
        if not callable(responder):
            raise TypeError(f"responder must be callable, got {responder!r}")
        if timings is not None and not isinstance(timings, Timings):
            raise TypeError(f"timings must be a Timings, got {timings!r}")
        if failures is not None and not isinstance(failures, RequestFailures):
            raise TypeError(f"failures must be a RequestFailures, got {failures!r}")
        if isinstance(max_upload_bytes, bool) or not isinstance(max_upload_bytes, int) or max_upload_bytes < 1:
            raise ValueError(f"max_upload_bytes must be a whole number, 1 or more; got {max_upload_bytes!r}")
        self._accepted_key = api_key
        self._tick = checked_seconds(tick, "tick")
        self._clock = Clock(start=start, speed=speed)
        self._lock = threading.RLock()
        self._state = FakeState(
            self._clock,
            timings or Timings(),
            responder,
            failures or RequestFailures(),
            short_cancel_answer=short_cancel_answer,
            max_upload_bytes=max_upload_bytes,
        )
        self._request_ids = Ids()
        self._received: deque[Received] = deque(maxlen=RECEIVED_KEPT)
        self.faults = Faults(OPERATION_IDS, self._lock)
        """HTTP faults for the next requests: ``fake.faults.add(RateLimit(2), operation="retrieve_batch")``."""
        self.base_url = BASE_URL
        self.body_limit = max_upload_bytes + MULTIPART_ALLOWANCE

    @property
    def api_key(self) -> str:
        """The key a client of this fake should send."""
        return self._accepted_key or DEFAULT_API_KEY

    def now(self) -> float:
        """The fake's current Unix time."""
        with self._lock:
            return self._clock.now()

    def advance(self, seconds: float) -> None:
        """Move the clock on by ``seconds``, playing every step of every batch that falls due."""
        with self._lock:
            self._clock.advance(seconds)
            self._state.settle()

    @property
    def received(self) -> list[Received]:
        """The requests handled so far, oldest first (the last 1,000)."""
        with self._lock:
            return list(self._received)

    def handle(self, request: Request) -> Response:
        """Answer one request; the transports and the ASGI app call this."""
        found = route_for(request.method, request.path)
        operation_id = found[0].operation_id if found else None
        with self._lock:
            self._clock.advance(self._tick)
            self._state.settle()
            fault = self.faults.take(operation_id)
            if fault is None:
                response = self._answer(request, found)
            elif not isinstance(fault, (Disconnect, Stall)):
                response = fault_response(fault)
            else:
                if fault.after_handling:
                    self._answer(request, found)
                response = DROPPED if isinstance(fault, Disconnect) else STALLED
            unanswered = response.dropped or response.stalled
            self._received.append(
                Received(operation_id, request.method, request.path, None if unanswered else response.status)
            )
            request_id = self._request_ids.new("req_")
        return Response(
            response.status,
            response.content,
            (*response.headers, ("x-request-id", request_id)),
            dropped=response.dropped,
            stalled=response.stalled,
        )

    def _answer(self, request: Request, found: tuple[Route, dict[str, str]] | None) -> Response:
        try:
            self._authenticate(request.headers.get("authorization", ""))
            if found is None:
                raise ApiProblem(404, f"No operation answers {request.method} {request.path}")
            route, path = found
            return route.operation(self._state, request, path)
        except ApiProblem as problem:
            return json_response(problem.status, error_body(problem.status, problem.message))

    def _authenticate(self, authorization: str) -> None:
        scheme, _, key = authorization.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise ApiProblem(401, "Missing API key: send it as Authorization: Bearer <key>")
        accepted = self._accepted_key
        if accepted is not None and not hmac.compare_digest(key.strip().encode(), accepted.encode()):
            raise ApiProblem(401, "Invalid API key provided")

    def transport(self) -> FakeTransport:
        """An httpx transport that hands every request to this fake: ``httpx.Client(transport=fake.transport())``."""
        return FakeTransport(self)

    def async_transport(self) -> AsyncFakeTransport:
        """The same for ``httpx.AsyncClient``."""
        return AsyncFakeTransport(self)

    def client(self, **options: Any) -> AnyAPI:
        """An ``AnyAPI`` bound to this fake, no port needed; ``options`` go to its constructor."""
        settings = {"api_key": self.api_key, "base_url": self.base_url, **options}
        return AnyAPI(**settings, http_client=httpx.Client(transport=self.transport()))

    def async_client(self, **options: Any) -> AsyncAnyAPI:
        """An ``AsyncAnyAPI`` bound to this fake, no port needed; ``options`` go to its constructor."""
        settings = {"api_key": self.api_key, "base_url": self.base_url, **options}
        return AsyncAnyAPI(**settings, http_client=httpx.AsyncClient(transport=self.async_transport()))

    def asgi_app(self) -> FakeASGIApp:
        """This fake as an ASGI application, for any ASGI server."""
        return FakeASGIApp(self)

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> AbstractContextManager[str]:
        """Serve this fake over HTTP from a background thread (needs uvicorn); the block gets its base URL.

        Port 0 takes any free port.
        """
        return serving(self, host, port)
