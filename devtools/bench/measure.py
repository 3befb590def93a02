"""Timing rounds shared by every benchmark section, and the Batch body they all serve."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial

import yaml

from devtools import ROOT

SPEC = ROOT / "openapi.yaml"


def retrieve_example_body() -> bytes:
    """The 200 example of retrieve_batch, so every client parses what the spec promises a real server sends."""
    spec = yaml.safe_load(SPEC.read_text())
    example = spec["paths"]["/batches/{batch_id}"]["get"]["responses"]["200"]["content"]["application/json"]["example"]
    return json.dumps(example).encode()


def per_call(call: Callable[[], object], count: int) -> float:
    """Seconds per call of ``count`` back-to-back calls."""
    start = time.perf_counter()
    for _ in range(count):
        call()
    return (time.perf_counter() - start) / count


@dataclass
class Samples:
    """One time per case per round; ratios are taken within a round so machine drift between rounds cancels."""

    times: dict[str, list[float]] = field(default_factory=dict)

    def median(self, name: str) -> float:
        return statistics.median(self.times[name])

    def ratio(self, name: str, to: str) -> float:
        return statistics.median(a / b for a, b in zip(self.times[name], self.times[to], strict=True))

    def less(self, baseline: str) -> Samples:
        """The other cases with the baseline's time of the same round taken off (interpreter start-up, say)."""
        base = self.times[baseline]
        return Samples(
            {
                name: [t - b for t, b in zip(times, base, strict=True)]
                for name, times in self.times.items()
                if name != baseline
            }
        )


def compare(cases: Mapping[str, Callable[[], float]], rounds: int, *, warm_up: bool = True) -> Samples:
    """Run every case once per round, rotating the order each round so no case always runs first or last.

    Each case returns the seconds it measured for one round.
    """
    names = list(cases)
    if warm_up:
        for name in names:
            cases[name]()
    samples = Samples({name: [] for name in names})
    for round_number in range(rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            samples.times[name].append(cases[name]())
    return samples


def compare_calls(calls: dict[str, Callable[[], object]], count: int, rounds: int) -> Samples:
    """``compare`` for cases that are single calls, timed ``count`` at a time."""
    return compare({name: partial(per_call, call, count) for name, call in calls.items()}, rounds)


def files_benchmark(description: str, run: Callable[[bool, int | None], bool]) -> int:
    """The command line of a benchmark on files of two sizes: ``--quick`` for small ones; exit 1 on a miss."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="20 MB and 5 MB files instead of 200 MB and 50 MB")
    parser.add_argument("--rounds", type=int, help="rounds in which the sides take turns (3)")
    args = parser.parse_args()
    if args.rounds is not None and args.rounds < 1:
        parser.error("--rounds must be at least 1")
    return 0 if run(args.quick, args.rounds) else 1
