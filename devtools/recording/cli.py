"""Re-record tests/recordings from a live server, through the real client (`nox -s record`).

    ANYAPI_API_KEY=... ANYAPI_BASE_URL=https://api.anyapi.ai/v1 python -m scripts.record [options]

Most cases send an id of the account they were recorded from (a batch or file
id, a list cursor, the input file of a create); a live account has other ids,
so map them: `--id completed=batch_69... --id create_batch=file-...`. Cases a
live server cannot be made to answer on demand (402, 409, 500, an empty list,
...) are best left alone: pick the ones to re-record with `--only`. The
scrubbing and rewriting rules are in devtools/recording/recorder.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from anyapi_batches._runtime.client import API_KEY_ENV, BASE_URL_ENV
from devtools.recording.cases import CASES, CASES_BY_NAME
from devtools.recording.recorder import record
from devtools.recording.recordings import RECORDINGS, REPLAY_BASE_URL

MAPPABLE = [case.name for case in CASES if case.target is not None]


def live_id(text: str) -> tuple[str, str]:
    name, _, value = text.partition("=")
    if name not in MAPPABLE or not value:
        raise argparse.ArgumentTypeError(f"expected CASE=ID with CASE one of {', '.join(MAPPABLE)}")
    return name, value


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="+", choices=list(CASES_BY_NAME), metavar="CASE", help="record these cases")
    parser.add_argument("--id", type=live_id, action="append", default=[], metavar="CASE=ID")
    parser.add_argument("--out", type=Path, default=RECORDINGS, help="where the cassettes go (%(default)s)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse(argv)
    api_key = os.environ.get(API_KEY_ENV)
    if not api_key:
        print(f"record: {API_KEY_ENV} is not set; refusing to record without a key", file=sys.stderr)
        return 2
    base_url = os.environ.get(BASE_URL_ENV) or REPLAY_BASE_URL
    cases = [case for case in CASES if not options.only or case.name in options.only]
    recorded = record(cases, base_url=base_url, api_key=api_key, out_dir=options.out, live_ids=dict(options.id))
    for name, status in recorded.items():
        print(f"recorded {name}: HTTP {status}")
    return 0
