"""What each request of a batch is answered with: a pluggable responder, and failures injected on top of it."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class BatchRequest:
    """One request of a batch, as the responder gets it."""

    custom_id: str
    url: str
    """The endpoint, such as ``/v1/chat/completions``."""
    body: dict[str, Any]
    created: int
    """The Unix time the request runs at."""


@dataclass(frozen=True)
class Answer:
    """The endpoint's answer to one request: a 2xx lands in the output file, anything else in the error file."""

    status_code: int
    body: dict[str, Any]

    def __post_init__(self) -> None:
        if isinstance(self.status_code, bool) or not isinstance(self.status_code, int):
            raise TypeError(f"status_code must be an int, got {self.status_code!r}")
        if not 200 <= self.status_code <= 599:
            raise ValueError(f"status_code must be an HTTP status from 200 to 599, got {self.status_code}")
        if not isinstance(self.body, dict):
            raise TypeError(f"body must be a JSON object (dict), got {type(self.body).__name__}")

    @property
    def succeeded(self) -> bool:
        return 200 <= self.status_code < 300


Responder = Callable[[BatchRequest], Answer]


def error_answer(status_code: int, message: str, error_type: str = "invalid_request_error") -> Answer:
    """An error as an OpenAI-compatible endpoint sends it inside a batch result."""
    return Answer(status_code, {"error": {"message": message, "type": error_type, "param": None, "code": None}})


def digest(*parts: str) -> bytes:
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).digest()


def tokens(value: object) -> int:
    """A token count as OpenAI's rule of thumb has it: a token per four characters of text, at least one."""
    return max(characters(value) // 4, 1)


def characters(value: object) -> int:
    """The characters in every string of a JSON value."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list):
        return sum(characters(item) for item in value)
    if isinstance(value, dict):
        return sum(characters(item) for item in value.values())
    return 0


def usage(prompt: int, completion: int) -> dict[str, int]:
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def text_answer(request: BatchRequest, kind: str, text: str, choice: dict[str, Any], prompt: str) -> dict[str, Any]:
    """The body of a chat or text completion whose one choice is ``choice``, ``text`` being what it says."""
    return {
        "id": f"{'chatcmpl' if kind == 'chat.completion' else 'cmpl'}-{digest(request.custom_id).hex()[:24]}",
        "object": kind,
        "created": request.created,
        "model": request.body.get("model"),
        "choices": [{"index": 0, **choice, "logprobs": None, "finish_reason": "stop"}],
        "usage": usage(tokens(request.body.get(prompt)), tokens(text)),
    }


def chat_completion(request: BatchRequest) -> dict[str, Any]:
    text = f"Fake answer to {request.custom_id}."
    return text_answer(
        request, "chat.completion", text, {"message": {"role": "assistant", "content": text}}, "messages"
    )


def completion(request: BatchRequest) -> dict[str, Any]:
    text = f"Fake completion for {request.custom_id}."
    return text_answer(request, "text_completion", text, {"text": text}, "prompt")


EMBEDDING_SIZE = 8


def embedding(text: str, size: int) -> list[float]:
    """A unit vector that depends only on the text."""
    raw = [byte - 127.5 for byte in (digest(text) * (size // 16 + 1))[:size]]
    norm = math.sqrt(sum(value * value for value in raw)) or 1.0
    return [round(value / norm, 6) for value in raw]


def embeddings(request: BatchRequest) -> dict[str, Any]:
    given = request.body.get("input")
    texts = given if isinstance(given, list) else [given]
    wanted = request.body.get("dimensions")
    size = wanted if isinstance(wanted, int) and 1 <= wanted <= 4096 else EMBEDDING_SIZE
    used = tokens(texts)
    return {
        "object": "list",
        "data": [
            {"object": "embedding", "index": index, "embedding": embedding(str(text), size)}
            for index, text in enumerate(texts)
        ],
        "model": request.body.get("model"),
        "usage": {"prompt_tokens": used, "total_tokens": used},
    }


BODIES: dict[str, Callable[[BatchRequest], dict[str, Any]]] = {
    "/v1/chat/completions": chat_completion,
    "/v1/completions": completion,
    "/v1/embeddings": embeddings,
}


def canned_answer(request: BatchRequest) -> Answer:
    """The default responder: a 200 with a plausible body for the endpoint, the same for the same request."""
    return Answer(200, BODIES[request.url](request))


@dataclass(frozen=True)
class RequestFailures:
    """Requests of a batch that fail instead of reaching the responder: by ``custom_id``, or a share of them.

    Which requests ``rate`` picks depends only on ``seed`` and each ``custom_id``,
    so the same file fails the same way on every run.
    """

    custom_ids: Collection[str] = field(default_factory=frozenset)
    rate: float = 0.0
    seed: int = 0
    status_code: int = 500
    message: str = "The server had an error while processing your request."

    def __post_init__(self) -> None:
        if isinstance(self.custom_ids, str):
            raise TypeError("custom_ids must be a collection of ids, not a single string")
        object.__setattr__(self, "custom_ids", frozenset(self.custom_ids))
        if isinstance(self.rate, bool) or not isinstance(self.rate, (int, float)) or not 0 <= self.rate <= 1:
            raise ValueError(f"rate must be a number from 0 to 1, got {self.rate!r}")
        if isinstance(self.status_code, bool) or not isinstance(self.status_code, int):
            raise TypeError(f"status_code must be an int, got {self.status_code!r}")
        if not 400 <= self.status_code <= 599:
            raise ValueError(f"status_code must be an error status from 400 to 599, got {self.status_code}")

    def fails(self, custom_id: str) -> bool:
        if custom_id in self.custom_ids:
            return True
        if not self.rate:
            return False
        draw = int.from_bytes(digest(str(self.seed), custom_id)[:8], "big") / 2**64
        return draw < self.rate

    def answer(self) -> Answer:
        error_type = "server_error" if self.status_code >= 500 else "invalid_request_error"
        return error_answer(self.status_code, self.message, error_type)
