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
from urllib.parse import urlsplit

import vcr
import yaml

from anyapi_batches import AnyAPI
from devtools import ROOT
from devtools.openapi_document import BASE_PATH, HOST
from devtools.recording.calls import send
from devtools.recording.cases import CASES_BY_NAME, Answer

RECORDINGS = ROOT / "tests" / "recordings"

# Every cassette names this server (see recorder.py); replay asks for it, and
# record mode "none" answers from the cassette, so nothing leaves the machine.
REPLAY_BASE_URL = HOST + BASE_PATH
REPLAY_KEY = "replay-only"
MATCH_ON = ("method", "scheme", "host", "port", "path", "query", "body")


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
    def target(self) -> str:
        """The request path and query string as the server saw them, e.g. /v1/batches?limit=2."""
        url = urlsplit(str(self._request["uri"]))
        return f"{url.path}?{url.query}" if url.query else url.path

    @property
    def request_body(self) -> bytes:
        return str(self._request["body"] or "").encode()

    @property
    def status(self) -> int:
        return int(self._response["status"]["code"])

    @property
    def headers(self) -> dict[str, str]:
        return {name: values[0] for name, values in self._response["headers"].items()}

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "application/json").partition(";")[0].strip()

    @property
    def is_json(self) -> bool:
        return self.media_type == "application/json"

    @property
    def body(self) -> Any:
        """The response body: decoded JSON, or the text of any other media type (a file's content)."""
        text = str(self._response["body"]["string"])
        return json.loads(text) if self.is_json else text

    def with_body(self, body: Any, folder: Path) -> Recording:
        """A copy of this recording, under the same name in ``folder``, whose response body is ``body``.

        A JSON body is given decoded; the body of any other media type as its text.
        """
        cassette = copy.deepcopy(self.cassette)
        response = cassette["interactions"][0]["response"]
        text = json.dumps(body, indent=2) + "\n" if self.is_json else str(body)
        response["body"]["string"] = text
        response["headers"]["content-length"] = [str(len(text.encode()))]
        copied = folder / self.path.name
        copied.write_text(yaml.safe_dump(cassette, sort_keys=False))
        return Recording(copied)


def all_recordings(folder: Path = RECORDINGS) -> list[Recording]:
    return [Recording(path) for path in sorted(folder.glob("*.yaml"))]


@contextmanager
def replaying(recording: Recording) -> Iterator[AnyAPI]:
    """A strict client whose requests are answered from ``recording`` only; any other request raises.

    The body is matched too, so a client that changes what it sends no longer gets the recorded answer.
    """
    with (
        vcr.VCR(record_mode="none", match_on=MATCH_ON).use_cassette(str(recording.path)),
        AnyAPI(api_key=REPLAY_KEY, base_url=REPLAY_BASE_URL, strict=True, max_retries=0) as client,
    ):
        yield client


def replay(recording: Recording) -> Answer:
    """The recorded case's request, sent again through the strict client."""
    with replaying(recording) as client:
        return send(client, CASES_BY_NAME[recording.name])
