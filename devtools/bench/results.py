"""Typed results and downloads next to bare httpx, from a loopback server, and the memory results take.

    python -m devtools.bench.results            # a 200 MB result file, and 50 MB for memory; a few minutes
    python -m devtools.bench.results --quick    # 20 MB and 5 MB, well under a minute

The result file is written to a temporary directory first and served from there by a server in its own
process (``file_server``, with sendfile), so both sides read the same bytes from the page cache over
127.0.0.1. Times are medians of rounds in which the sides take turns, ratios the medians of per-round ratios.
Memory is the peak that tracemalloc sees while ``batches.results`` reads the whole file, above where it
started. Exits 1 when a goal is missed:

- ``batches.results`` takes at most 1.5x the time of bare httpx streaming the file with ``json.loads`` on
  each line (``iter_lines``);
- the memory it takes stays under 64 MiB, and grows by less than 8 MiB from the small file to the large;
- ``files.download`` has at least 0.8x the throughput of bare httpx streaming the file into a file. The
  download also puts its file on disk (fsync) before it takes the target's place; the bare one does not.
  That costs a fixed 10-30 ms, which a 20 MB file cannot amortise: ``--quick`` shows the ratio without
  judging it.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from anyapi_batches import AnyAPI, AsyncAnyAPI
from devtools.bench.measure import Samples, compare, files_benchmark
from devtools.loopback import LOOPBACK, free_port, wait_for_port

MB = 1_000_000
KEY = "bench-key"
WORDS = ["the", "answer", "is", "because", "model", "result", "café", "東京", '"quoted"', "line\\n", "every", "a"]

BARE = "bare httpx iter_lines + json.loads"
TYPED = "AnyAPI.batches.results"
ASYNC_TYPED = "AsyncAnyAPI.batches.results"
BARE_DOWNLOAD = "bare httpx iter_bytes into a file"
DOWNLOAD = "AnyAPI.files.download"


def result_line(index: int, chooser: random.Random) -> bytes:
    """One line of an output file: a chat completion of about a kilobyte, as OpenAI-compatible servers write it."""
    message = {"role": "assistant", "content": " ".join(chooser.choices(WORDS, k=140))}
    body = {
        "id": f"chatcmpl-{index:08d}",
        "object": "chat.completion",
        "created": 1711652795,
        "model": "gpt-4o-mini-2024-07-18",
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 22, "completion_tokens": 140, "total_tokens": 162},
        "system_fingerprint": "fp_3ba",
    }
    response = {"status_code": 200, "request_id": f"req_{index:08d}", "body": body}
    line = {"id": f"batch_req_{index:08d}", "custom_id": f"request-{index}", "response": response, "error": None}
    return json.dumps(line, ensure_ascii=False).encode() + b"\n"


def write_result_file(path: Path, size: int) -> int:
    """A result file of at least ``size`` bytes; how many lines it has."""
    chooser = random.Random(size)
    written = lines = 0
    with path.open("wb") as file:
        while written < size:
            written += file.write(result_line(lines, chooser))
            lines += 1
    return lines


@contextmanager
def file_server(folder: Path) -> Iterator[str]:
    """``file_server`` serving ``folder`` in its own process; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "devtools.bench.file_server", str(folder), str(port)]
    with subprocess.Popen(command) as process:
        try:
            wait_for_port(port, process, seconds=20)
            yield f"http://{LOOPBACK}:{port}/v1"
        finally:
            process.kill()


def timed(run: Callable[[], object]) -> Callable[[], float]:
    def measured() -> float:
        start = time.perf_counter()
        run()
        return time.perf_counter() - start

    return measured


def bare_lines(base_url: str, name: str) -> None:
    with httpx.Client(timeout=60) as http, http.stream("GET", f"{base_url}/files/{name}/content") as response:
        for line in response.iter_lines():
            json.loads(line)


def typed_results(base_url: str, name: str) -> int:
    with AnyAPI(api_key=KEY, base_url=base_url) as client:
        return sum(1 for _ in client.batches.results(name))


def async_typed_results(base_url: str, name: str) -> int:
    async def run() -> int:
        count = 0
        async with AsyncAnyAPI(api_key=KEY, base_url=base_url) as client:
            async for _ in client.batches.results(name):
                count += 1
        return count

    return asyncio.run(run())


def bare_download(base_url: str, name: str, target: Path) -> None:
    with (
        httpx.Client(timeout=60) as http,
        http.stream("GET", f"{base_url}/files/{name}/content") as response,
        target.open("wb") as file,
    ):
        for chunk in response.iter_bytes():
            file.write(chunk)


def typed_download(base_url: str, name: str, target: Path) -> None:
    with AnyAPI(api_key=KEY, base_url=base_url) as client:
        client.files.download(name, target)


def peak_memory(base_url: str, name: str) -> int:
    """The most memory that tracemalloc sees in use at once (above the start) while results reads a file."""
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        typed_results(base_url, name)
        return tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()


def throughput_ratio(samples: Samples, name: str, baseline: str) -> float:
    """The median over rounds of ``name``'s throughput over ``baseline``'s (the inverse of their times)."""
    return statistics.median(b / a for a, b in zip(samples.times[name], samples.times[baseline], strict=True))


def run(quick: bool, rounds: int | None = None) -> bool:
    """Print the results; True when every goal is met."""
    size, small_size = (20 * MB, 5 * MB) if quick else (200 * MB, 50 * MB)
    rounds = rounds or 3
    print(f"batches.results and files.download vs bare httpx, from a loopback server ({rounds} rounds, taking turns)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        served, saved = folder / "served", folder / "saved"
        served.mkdir()
        saved.mkdir()
        lines = write_result_file(served / "file-large", size)
        write_result_file(served / "file-small", small_size)
        actual = (served / "file-large").stat().st_size
        with file_server(served) as base_url:
            assert typed_results(base_url, "file-large") == lines, "every line is a result"
            reading = compare(
                {
                    BARE: timed(lambda: bare_lines(base_url, "file-large")),
                    TYPED: timed(lambda: typed_results(base_url, "file-large")),
                    ASYNC_TYPED: timed(lambda: async_typed_results(base_url, "file-large")),
                },
                rounds,
            )
            writing = compare(
                {
                    BARE_DOWNLOAD: timed(lambda: bare_download(base_url, "file-large", saved / "bare.jsonl")),
                    DOWNLOAD: timed(lambda: typed_download(base_url, "file-large", saved / "typed.jsonl")),
                },
                rounds,
            )
            assert (saved / "typed.jsonl").read_bytes() == (served / "file-large").read_bytes()
            peaks = {small_size: peak_memory(base_url, "file-small"), size: peak_memory(base_url, "file-large")}
    time_ratio = reading.ratio(TYPED, BARE)
    download_ratio = throughput_ratio(writing, DOWNLOAD, BARE_DOWNLOAD)
    growth = peaks[size] - peaks[small_size]
    # What each goal wants, what was measured, and whether that meets it.
    goals = [
        ("results <= 1.5x bare httpx + json.loads", f"{time_ratio:.2f}x", time_ratio <= 1.5),
        ("memory < 64 MiB", f"{peaks[size] / 2**20:.1f} MiB", peaks[size] < 64 * 2**20),
        ("memory grows < 8 MiB with the file", f"{growth / 2**20:+.1f} MiB", growth < 8 * 2**20),
    ]
    if not quick:
        goals.append(("download >= 0.8x bare httpx throughput", f"{download_ratio:.2f}x", download_ratio >= 0.8))
    print(f"\na result file of {actual / MB:.0f} MB, {lines:,} lines of about {actual // lines:,} bytes")
    for name in reading.times:
        median = reading.median(name)
        print(f"  {name:<36} {median:7.2f} s  {actual / MB / median:6.0f} MB/s  {reading.ratio(name, BARE):.2f}x")
    for name in writing.times:
        median = writing.median(name)
        ratio = throughput_ratio(writing, name, BARE_DOWNLOAD)
        print(f"  {name:<36} {median:7.2f} s  {actual / MB / median:6.0f} MB/s  {ratio:.2f}x throughput")
    for file_size, peak in sorted(peaks.items()):
        print(f"  peak memory of results at {file_size / MB:4.0f} MB      {peak / 2**20:7.1f} MiB")
    print()
    for wanted, measured, met in goals:
        print(f"  {wanted}: {measured} {'PASS' if met else 'MISS'}")
    if quick:
        print("  download >= 0.8x bare httpx throughput: not judged under --quick (the fsync's fixed cost)")
    met = all(met for _, _, met in goals)
    print(f"\nresults goals: {'all met' if met else 'missed'}")
    return met


def main() -> int:
    return files_benchmark(__doc__ or "", run)


if __name__ == "__main__":
    raise SystemExit(main())
