"""Which operation of openapi.yaml a request is for: its method and path, as the spec writes them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from . import batch_operations, file_operations
from .state import FakeState
from .wire import Request, Response

BASE_PATH = "/v1"

Operation = Callable[[FakeState, Request, dict[str, str]], Response]


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    """The spec's path template, such as ``/batches/{batch_id}``."""
    operation_id: str
    operation: Operation

    def match(self, method: str, segments: list[str]) -> dict[str, str] | None:
        """The path parameters, when the request is for this route."""
        template = self.path.strip("/").split("/")
        if method != self.method or len(segments) != len(template):
            return None
        found: dict[str, str] = {}
        for pattern, segment in zip(template, segments, strict=True):
            if pattern.startswith("{"):
                if not segment:
                    return None
                found[pattern.strip("{}")] = segment
            elif pattern != segment:
                return None
        return found


ROUTES = (
    Route("POST", "/batches", "create_batch", batch_operations.create_batch),
    Route("GET", "/batches", "list_batches", batch_operations.list_batches),
    Route("GET", "/batches/{batch_id}", "retrieve_batch", batch_operations.retrieve_batch),
    Route("POST", "/batches/{batch_id}/cancel", "cancel_batch", batch_operations.cancel_batch),
    Route("POST", "/files", "create_file", file_operations.create_file),
    Route("GET", "/files", "list_files", file_operations.list_files),
    Route("GET", "/files/{file_id}", "retrieve_file", file_operations.retrieve_file),
    Route("DELETE", "/files/{file_id}", "delete_file", file_operations.delete_file),
    Route("GET", "/files/{file_id}/content", "retrieve_file_content", file_operations.retrieve_file_content),
)

OPERATION_IDS = frozenset(route.operation_id for route in ROUTES)


def route_for(method: str, raw_path: str) -> tuple[Route, dict[str, str]] | None:
    """The route of a request and its path parameters, percent-decoded; None when no operation has that path."""
    if not raw_path.startswith(BASE_PATH + "/"):
        return None
    # Split before decoding, so that an id holding an escaped slash stays one segment.
    segments = [unquote(segment) for segment in raw_path[len(BASE_PATH) + 1 :].split("/")]
    for route in ROUTES:
        found = route.match(method, segments)
        if found is not None:
            return route, found
    return None
