"""A large input file costs the fake one copy of itself, not one per step that reads it."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from anyapi_batches.testing import FakeAnyAPI, Timings
from tests.support.batch_files import counts

MEGABYTE = 1024 * 1024
REQUESTS = 1000


def write_large_input(path: Path) -> int:
    """About 50 MB of chat requests, written a line at a time; the file's size."""
    filler = "lorem ipsum " * 4500
    with path.open("w") as out:
        for number in range(REQUESTS):
            body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"{number} {filler}"}]}
            out.write(
                json.dumps({"custom_id": f"r{number}", "method": "POST", "url": "/v1/chat/completions", "body": body})
                + "\n"
            )
    return path.stat().st_size


def test_a_50_mb_input_is_uploaded_checked_and_run_holding_one_copy(tmp_path: Path) -> None:
    path = tmp_path / "large.jsonl"
    size = write_large_input(path)
    assert size > 50 * MEGABYTE
    fake = FakeAnyAPI(timings=Timings(per_request=0))
    with fake.client() as client:
        tracemalloc.start()
        try:
            with path.open("rb") as large:
                uploaded = client.files.create(file=large, purpose="batch")
            batch = client.batches.create(
                input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
            )
            fake.advance(60)
            done = client.batches.retrieve(batch.id)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert uploaded.bytes_ == size
    assert (done.status, counts(done)) == ("completed", (REQUESTS, REQUESTS, 0))
    # One copy of the file plus its results and bookkeeping; a second copy anywhere would pass 2 x size.
    assert peak < 1.5 * size, f"peak {peak / MEGABYTE:.0f} MB for a {size / MEGABYTE:.0f} MB file"
