"""The cassettes in tests/recordings, read as plain data, and replayed through the client."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import vcr
import yaml

from anyapi_batches import AnyAPI
from anyapi_batches.models import Batch
from tests.spec import BASE_PATH, HOST

RECORDINGS = Path(__file__).resolve().parent.parent / "recordings"

# Every cassette names this server (see recorder.py); replay asks for it, and
# record mode "none" answers from the cassette, so nothing leaves the machine.
REPLAY_BASE_URL = HOST + BASE_PATH
REPLAY_KEY = "replay-only"


@dataclass(frozen=True)
class Recording:
    path: Path

    @property
    def name(self) -> str:
        return self.path.stem

    @cached_property
    def cassette(self) -> Any:
        return yaml.safe_load(self.path.read_text())

    @property
    def _request(self) -> Any:
        return self.cassette["interactions"][0]["request"]

    @property
    def _response(self) -> Any:
        return self.cassette["interactions"][0]["response"]

    @property
    def method(self) -> str:
        return str(self._request["method"]).lower()

    @property
    def api_path(self) -> str:
        """The request path below the base URL, e.g. /batches/batch_abc123."""
        return urlsplit(str(self._request["uri"])).path.removeprefix(BASE_PATH)

    @property
    def batch_id(self) -> str:
        return unquote(self.api_path.rsplit("/", 1)[1])

    @property
    def status(self) -> int:
        return int(self._response["status"]["code"])

    @property
    def headers(self) -> dict[str, str]:
        return {name: values[0] for name, values in self._response["headers"].items()}

    @property
    def body(self) -> Any:
        return json.loads(self._response["body"]["string"])

    def with_body(self, body: Any, folder: Path) -> Recording:
        """A copy of this recording, under the same name in ``folder``, whose response body is ``body``."""
        cassette = copy.deepcopy(self.cassette)
        response = cassette["interactions"][0]["response"]
        text = json.dumps(body, indent=2) + "\n"
        response["body"]["string"] = text
        response["headers"]["content-length"] = [str(len(text.encode()))]
        copied = folder / self.path.name
        copied.write_text(yaml.safe_dump(cassette, sort_keys=False))
        return Recording(copied)


def all_recordings(folder: Path = RECORDINGS) -> list[Recording]:
    return [Recording(path) for path in sorted(folder.glob("*.yaml"))]


@contextmanager
def replaying(recording: Recording) -> Iterator[AnyAPI]:
    """A strict client whose requests are answered from ``recording`` only; any other request raises."""
    with (
        vcr.VCR(record_mode="none").use_cassette(str(recording.path)),
        AnyAPI(api_key=REPLAY_KEY, base_url=REPLAY_BASE_URL, strict=True, max_retries=0) as client,
    ):
        yield client


def replay(recording: Recording) -> Batch:
    """The recorded request, sent again through the strict client."""
    with replaying(recording) as client:
        return client.batches.retrieve(recording.batch_id)
