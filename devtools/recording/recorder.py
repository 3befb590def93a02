"""Record cases through the real client into VCR.py cassettes, scrubbed and readable.

Rules applied to every exchange before it is written, and nothing else:

1. Credentials go: the headers in ``leaks.SECRET_HEADERS`` are dropped from
   requests and responses, and token-like text anywhere else is replaced by
   ``REDACTED``.
2. The request URL and Host header name the spec's server, whatever base URL
   the exchange was recorded from, so replay asks for the same URL wherever a
   recording was made. The real origin is kept in the cassette's
   ``recorded_from`` metadata.
3. An id given for a live run (``live_ids``: a batch or file id, a list cursor,
   the input file of a create) is replaced by the case's own id wherever it
   appears, so the replayed request stays the same.
4. Bodies are stored as text: a body that is not UTF-8 keeps its other bytes as
   ``\\xNN`` escapes, so a cassette stays legible (such a request body no
   longer matches byte for byte on replay).

Ids and timestamps are otherwise kept exactly as the server sent them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import vcr
import yaml
from vcr.request import Request
from vcr.serializers import yamlserializer

from anyapi_batches import AnyAPI, errors
from devtools.recording.calls import send
from devtools.recording.cases import Case
from devtools.recording.leaks import SECRET_HEADERS, redact
from devtools.recording.recordings import REPLAY_BASE_URL


class _LiteralDumper(yaml.SafeDumper):
    """Writes multi-line strings, such as pretty-printed JSON bodies, as YAML block text."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_LiteralDumper.add_representer(str, _represent_str)


class _ReadableYaml:
    """vcrpy's YAML cassette format, with bodies left legible; any YAML loader reads it back."""

    @staticmethod
    def serialize(cassette: dict[str, Any]) -> str:
        # No folding: a folded request body would break mid-JSON; one line per body reads better.
        return yaml.dump(cassette, Dumper=_LiteralDumper, sort_keys=False, allow_unicode=True, width=float("inf"))

    @staticmethod
    def deserialize(text: str) -> Any:
        return yamlserializer.deserialize(text)


def _rewrite(text: str, replacements: Mapping[str, str]) -> str:
    for old, new in replacements.items():
        text = text.replace(old, new)
    return redact(text)


def _scrubbed_headers(headers: Mapping[str, Any], replacements: Mapping[str, str]) -> dict[str, Any]:
    def clean(value: Any) -> Any:
        return [clean(item) for item in value] if isinstance(value, list) else _rewrite(str(value), replacements)

    return {name: clean(value) for name, value in headers.items() if name.lower() not in SECRET_HEADERS}


class _Scrubber:
    def __init__(self, base_url: str, replacements: Mapping[str, str]) -> None:
        self.base_url = base_url.rstrip("/")
        self.replacements = replacements

    def _body(self, body: bytes | None, headers: dict[str, Any]) -> bytes | None:
        """``body`` scrubbed, as text; ``headers`` get its new length, since scrubbing may change it."""
        if not body:
            return body
        text = _rewrite(body.decode(errors="backslashreplace"), self.replacements).encode()
        if "content-length" in headers:
            # vcrpy holds a request's header values as strings and a response's as lists.
            length = str(len(text))
            headers["content-length"] = [length] if isinstance(headers["content-length"], list) else length
        return text

    def request(self, request: Request) -> Request:
        request.uri = _rewrite(REPLAY_BASE_URL + request.uri.removeprefix(self.base_url), self.replacements)
        headers = _scrubbed_headers(request.headers, self.replacements)
        if "host" in headers:
            headers["host"] = urlsplit(REPLAY_BASE_URL).netloc
        request.body = self._body(request.body, headers)
        request.headers = headers
        return request

    def response(self, response: dict[str, Any]) -> dict[str, Any]:
        headers = _scrubbed_headers(response["headers"], self.replacements)
        body = self._body(response["body"]["string"], headers)
        return {**response, "headers": headers, "body": {"string": body}}


def record(
    cases: Iterable[Case], *, base_url: str, api_key: str, out_dir: Path, live_ids: Mapping[str, str] | None = None
) -> dict[str, int]:
    """Record each case into ``out_dir/<name>.yaml``; returns the HTTP status recorded per case.

    A cassette is replaced only once its new exchange is on disk, so a failed
    case leaves the old recording in place.
    """
    live_ids = live_ids or {}
    recorded = {}
    for case in cases:
        live_id = live_ids.get(case.name)
        scrubber = _Scrubber(base_url, {live_id: case.target} if live_id and case.target else {})
        recorder = vcr.VCR(
            record_mode="all",
            decode_compressed_response=True,
            before_record_request=scrubber.request,
            before_record_response=scrubber.response,
        )
        recorder.register_serializer("yaml", _ReadableYaml)
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / f"{case.name}.yaml"
            with (
                recorder.use_cassette(str(path)) as cassette,
                AnyAPI(api_key=api_key, base_url=base_url, strict=True, max_retries=0) as client,
            ):
                cassette.get_metadata("recorded_from", scrubber.base_url)
                recorded[case.name] = 200
                try:
                    send(client, case, live_id)
                except errors.APIStatusError as error:
                    recorded[case.name] = error.status_code
                except errors.ResponseValidationError:
                    pass  # drift is what the recordings exist to show, so the exchange is kept
            out_dir.mkdir(parents=True, exist_ok=True)
            os.replace(path, out_dir / path.name)
    return recorded
