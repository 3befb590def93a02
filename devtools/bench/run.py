"""The client's cost next to bare httpx and the openai SDK, printed as one table of medians and ratios.

    python -m scripts.bench            # the full run (`nox -s bench`), a few minutes
    python -m scripts.bench --quick    # small counts, well under a minute, no pipeline timing

Every figure is a median over rounds in which the cases take turns in a rotating
order; every ratio is taken within a round and then the median of those is shown,
so load that comes and goes on the machine hits both sides of a ratio alike.
All traffic stays in memory or on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import platform
from dataclasses import dataclass

from devtools.bench import input_check, polling, results
from devtools.bench.clients import ANYAPI, BARE, OPENAI
from devtools.bench.inprocess import JSON_LOADS, parse_only, per_call_overhead
from devtools.bench.loopback import concurrent, sequential, server
from devtools.bench.measure import Samples, retrieve_example_body
from devtools.bench.startup import IMPORT_ANYAPI, IMPORT_HTTPX, import_times, pipeline_times

FULL = {"rounds": 5, "calls": 2000, "sequential": 2000, "concurrent": 2000, "parses": 20000, "imports": 15}
QUICK = {"rounds": 3, "calls": 300, "sequential": 200, "concurrent": 300, "parses": 2000, "imports": 5}
PIPELINE_ROUNDS = 3


@dataclass(frozen=True)
class Goal:
    wanted: str
    measured: float
    met: bool

    def __str__(self) -> str:
        return f"{self.wanted}: {self.measured:.2f}x {'PASS' if self.met else 'MISS'}"


@dataclass(frozen=True)
class Section:
    title: str
    samples: Samples
    floor: str | None
    goals: dict[str, Goal]


def at_most(samples: Samples, name: str, floor: str, limit: float, wanted: str) -> Goal:
    ratio = samples.ratio(name, floor)
    return Goal(wanted, ratio, ratio <= limit)


def at_least(samples: Samples, name: str, floor: str, limit: float, wanted: str) -> Goal:
    ratio = samples.ratio(name, floor)
    return Goal(wanted, ratio, ratio >= limit)


def per_op_time(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if abs(seconds) >= scale:
            return f"{seconds / scale:8.2f} {unit}"
    return f"{seconds / 1e-9:8.0f} ns"


def print_table(sections: list[Section]) -> None:
    rows = [("measurement", "case", "median per op", "ratio", "goal")]
    for section in sections:
        for index, name in enumerate(section.samples.times):
            ratio = f"{section.samples.ratio(name, section.floor):.2f}x" if section.floor else ""
            goal = section.goals.get(name, "")
            rows.append(
                (section.title if index == 0 else "", name, per_op_time(section.samples.median(name)), ratio, str(goal))
            )
    widths = [max(len(cell) for cell in column) for column in zip(*rows, strict=True)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small counts and no pipeline timing")
    parser.add_argument("--rounds", type=int, help="alternating rounds per measurement (5; quick 3)")
    parser.add_argument("--calls", type=int, help="in-process calls per client per round (2000; quick 300)")
    parser.add_argument("--sequential", type=int, help="loopback sequential retrieves per round (2000; quick 200)")
    parser.add_argument("--concurrent", type=int, help="loopback concurrent retrieves per round (2000; quick 300)")
    parser.add_argument("--concurrency", type=int, default=64, help="workers for the concurrent retrieves (64)")
    parser.add_argument("--parses", type=int, help="parses per case per round (20000; quick 2000)")
    parser.add_argument("--imports", type=int, help="fresh interpreters per module (15; quick 5)")
    args = parser.parse_args()
    for name, default in (QUICK if args.quick else FULL).items():
        if getattr(args, name) is None:
            setattr(args, name, default)
    if min(args.rounds, args.calls, args.sequential, args.concurrent, args.concurrency, args.parses, args.imports) < 1:
        parser.error("every count must be at least 1")
    return args


def main() -> int:
    args = parse_args()
    body = retrieve_example_body()
    print(f"python {platform.python_version()} on {platform.machine()}, {len(body)}-byte Batch body", flush=True)

    in_process = per_call_overhead(body, args.calls, args.rounds)
    goals = {
        ANYAPI: at_most(in_process, ANYAPI, BARE, 1.10, "≤ 1.10x bare httpx"),
        OPENAI: at_least(in_process, OPENAI, ANYAPI, 3.0, "AnyAPI ≥ 3x faster"),
    }
    sections = [Section(f"1 in-process, MockTransport ({args.calls} calls)", in_process, BARE, goals)]

    with server() as base_url:
        sections.append(
            Section(
                f"2a loopback sequential ({args.sequential})",
                sequential(base_url, args.sequential, args.rounds),
                BARE,
                {},
            )
        )
        async_samples = concurrent(base_url, args.concurrent, args.concurrency, args.rounds)
        goals = {ANYAPI: at_most(async_samples, ANYAPI, BARE, 1.15, "≤ 1.15x bare httpx")}
        sections.append(
            Section(f"2b loopback async, {args.concurrency} at a time ({args.concurrent})", async_samples, BARE, goals)
        )

    sections.append(Section("3 parse only", parse_only(body, args.parses, args.rounds), JSON_LOADS, {}))

    imports = import_times(args.imports)
    goals = {IMPORT_ANYAPI: at_most(imports, IMPORT_ANYAPI, IMPORT_HTTPX, 1.3, "under 1.3x import httpx")}
    sections.append(
        Section(f"4 cold import, less interpreter start ({args.imports} runs)", imports, IMPORT_HTTPX, goals)
    )

    matched = True
    if not args.quick:
        pipeline, matched = pipeline_times(PIPELINE_ROUNDS)
        sections.append(Section(f"5 generation pipeline ({PIPELINE_ROUNDS} runs)", pipeline, None, {}))

    print()
    print_table(sections)
    if args.quick:
        print("\n5 generation pipeline: skipped under --quick.")
    if not matched:
        print("\nnote: generated/ differs from a fresh generate; the --check time includes working out the diff.")
    missed = [goal for section in sections for goal in section.goals.values() if not goal.met]
    print(f"\ngoals: {sum(len(s.goals) for s in sections) - len(missed)} met, {len(missed)} missed")
    # These two print their own tables: their measurements are not per-call medians.
    print()
    polling_met = polling.run(args.quick)
    print()
    input_check_met = input_check.run(args.quick)
    print()
    results_met = results.run(args.quick)
    return 1 if missed or not polling_met or not input_check_met or not results_met else 0
