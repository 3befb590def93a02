"""``check_input`` next to reading the file and ``json.loads`` on each line, and the memory it takes at two sizes.

    python -m devtools.bench.input_check            # 200 MB files, and 50 MB for memory; a few minutes
    python -m devtools.bench.input_check --quick    # 20 MB and 5 MB, well under a minute

The files are written to a temporary directory first, so both sides read them from the page cache. A full
batch is 50,000 chat requests of about 4 kB each; the second shape, ten times as many lines of a tenth the
size, is more than a batch takes (its limits are lifted, as for an input that is to be split) and shows the
cost per line. Times are medians of rounds in which the two sides take turns; memory is the peak that
tracemalloc sees during a check, the file's contents included. Exits 1 when a goal is missed:

- a check takes at most 1.5x the time of reading the file and ``json.loads`` on each line;
- checking a full batch's 200 MB file needs less than 64 MB.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from anyapi_batches.workflows import InputLimits, check_input
from devtools.bench.measure import compare, files_benchmark

MB = 1_000_000
WORDS = [
    "the",
    "a",
    "model",
    "answer",
    "question",
    "because",
    "every",
    "result",
    "café",
    "naïve",
    "東京",
    '"quoted"',
    "tab\t",
]


@dataclass(frozen=True)
class Shape:
    name: str
    line_bytes: int
    limits: InputLimits


FULL_BATCH = Shape("full batch, 4 kB lines", 4000, InputLimits())
SHORT_LINES = Shape("400 B lines, limits lifted", 400, InputLimits(max_requests=None, max_bytes=None))


def request_line(index: int, text: str, line_bytes: int) -> bytes:
    """A chat request of exactly ``line_bytes`` bytes with its line break, its message cut or padded to fit."""
    while True:
        body = {
            "model": "gpt-4o-mini",
            "messages": [
                {"role": "system", "content": "Answer in one sentence."},
                {"role": "user", "content": text},
            ],
            "max_tokens": 200,
        }
        request = {"custom_id": f"request-{index:07d}", "method": "POST", "url": "/v1/chat/completions", "body": body}
        line = json.dumps(request, ensure_ascii=False).encode() + b"\n"
        excess = len(line) - line_bytes
        if not excess:
            return line
        # Cutting as many characters as there are bytes too many leaves it at most that long; dots are one byte.
        text = text[:-excess] if excess > 0 else text + "." * -excess


def write_requests(path: Path, size: int, line_bytes: int) -> int:
    """A file of ``size`` bytes (rounded down to whole lines) of chat requests of ``line_bytes`` each."""
    chooser = random.Random(size)
    count = size // line_bytes
    with path.open("wb") as file:
        for index in range(count):
            text = " ".join(chooser.choices(WORDS, k=line_bytes // 4))
            file.write(request_line(index, text, line_bytes))
    return count


def read_and_parse(path: Path) -> float:
    start = time.perf_counter()
    with path.open("rb") as file:
        for line in file:
            json.loads(line)
    return time.perf_counter() - start


def checked(path: Path, limits: InputLimits) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        check_input(path, limits=limits)
        return time.perf_counter() - start

    return run


def peak_memory(path: Path, limits: InputLimits) -> int:
    """The most memory that tracemalloc sees in use at once during one check."""
    tracemalloc.start()
    try:
        check_input(path, limits=limits)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@dataclass(frozen=True)
class Result:
    shape: Shape
    size: int
    requests: int
    baseline: float
    check: float
    ratio: float
    peak: int
    small_size: int
    small_peak: int


def measure(shape: Shape, directory: Path, size: int, small_size: int, rounds: int) -> Result:
    path, small = directory / "large.jsonl", directory / "small.jsonl"
    requests = write_requests(path, size, shape.line_bytes)
    write_requests(small, small_size, shape.line_bytes)
    samples = compare(
        {"read + json.loads": lambda: read_and_parse(path), "check_input": checked(path, shape.limits)}, rounds
    )
    result = Result(
        shape=shape,
        size=path.stat().st_size,
        requests=requests,
        baseline=samples.median("read + json.loads"),
        check=samples.median("check_input"),
        ratio=samples.ratio("check_input", "read + json.loads"),
        peak=peak_memory(path, shape.limits),
        small_size=small.stat().st_size,
        small_peak=peak_memory(small, shape.limits),
    )
    path.unlink()
    small.unlink()
    return result


def run(quick: bool, rounds: int | None = None) -> bool:
    """Print the results; True when every goal is met."""
    size, small_size = (20 * MB, 5 * MB) if quick else (200 * MB, 50 * MB)
    rounds = rounds or 3
    met = True
    print(f"check_input vs reading the file and json.loads on each line ({rounds} rounds each, taking turns)")
    with tempfile.TemporaryDirectory() as scratch:
        for shape in (FULL_BATCH, SHORT_LINES):
            result = measure(shape, Path(scratch), size, small_size, rounds)
            time_ok = result.ratio <= 1.5
            memory_ok = shape is not FULL_BATCH or result.peak < 64 * 2**20
            met = met and time_ok and memory_ok
            print(f"\n{shape.name}: {result.requests:,} requests, {result.size / MB:.0f} MB")
            print(f"  read + json.loads  {result.baseline:7.2f} s")
            ratio_goal = "PASS" if time_ok else "MISS"
            print(f"  check_input        {result.check:7.2f} s   {result.ratio:.2f}x   goal <= 1.5x: {ratio_goal}")
            memory_goal = f"   goal < 64 MiB: {'PASS' if memory_ok else 'MISS'}" if shape is FULL_BATCH else ""
            print(f"  peak memory        {result.peak / 2**20:7.1f} MiB at {result.size / MB:.0f} MB{memory_goal}")
            print(f"                     {result.small_peak / 2**20:7.1f} MiB at {result.small_size / MB:.0f} MB")
    print(f"\ninput check goals: {'all met' if met else 'missed'}")
    return met


def main() -> int:
    return files_benchmark(__doc__ or "", run)


if __name__ == "__main__":
    raise SystemExit(main())
