"""Batch input files for tests, and the fake's result files read back by custom_id."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any

import httpx

from anyapi_batches import AnyAPI
from anyapi_batches.models import Batch, BatchEndpoint, BatchRequestCounts, BatchRequestOutput, FileObject

CHAT: BatchEndpoint = "/v1/chat/completions"


def chat_line(custom_id: str, url: str = CHAT, **body: Any) -> dict[str, Any]:
    """One request of a chat batch, as an input line holds it."""
    content = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"Say hello to {custom_id}"}]}
    return {"custom_id": custom_id, "method": "POST", "url": url, "body": {**content, **body}}


def jsonl(lines: Iterable[object]) -> bytes:
    return b"".join(json.dumps(line).encode() + b"\n" for line in lines)


def chat_requests(count: int) -> bytes:
    return jsonl(chat_line(f"request-{number}") for number in range(1, count + 1))


def upload(client: AnyAPI, content: bytes, filename: str = "requests.jsonl") -> FileObject:
    named = io.BytesIO(content)
    named.name = filename
    return client.files.create(file=named, purpose="batch")


def file_lines(raw: httpx.Client, file_id: str) -> dict[str, dict[str, Any]]:
    """A result file's lines by custom_id, read with a plain HTTP client; each must be a BatchRequestOutput."""
    response = raw.get(f"files/{file_id}/content")
    assert response.status_code == 200, response.text
    lines = [json.loads(line) for line in response.content.splitlines()]
    for line in lines:
        BatchRequestOutput.from_dict(line, strict=True)
    by_id = {line["custom_id"]: line for line in lines}
    assert len(by_id) == len(lines), "a custom_id appears twice"
    return by_id


def start_batch(client: AnyAPI, content: bytes, endpoint: BatchEndpoint = CHAT, **options: Any) -> str:
    """Upload ``content`` and create a batch from it; the batch's id."""
    uploaded = upload(client, content)
    return client.batches.create(input_file_id=uploaded.id, endpoint=endpoint, completion_window="24h", **options).id


def counts(batch: Batch) -> tuple[int, int, int]:
    """A batch's request counts: total, completed, failed."""
    assert isinstance(batch.request_counts, BatchRequestCounts)
    return batch.request_counts.total, batch.request_counts.completed, batch.request_counts.failed
