"""Reading back what a client sent, as a loopback server received it: JSON bodies and multipart forms.

The multipart reader is strict on purpose: a body whose framing is off
(a missing closing delimiter, a part without its blank line) fails the test
instead of being read leniently into what was expected.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DISPOSITION_PARAMETER = re.compile(r'; (\w+)="([^"]*)"')


@dataclass(frozen=True)
class FormPart:
    name: str
    filename: str | None
    content_type: str | None
    content: bytes


def json_sent(headers: Mapping[str, str], body: bytes) -> Any:
    """The JSON document of a request body, which must say it is JSON and be UTF-8."""
    assert headers["content-type"] == "application/json"
    assert int(headers["content-length"]) == len(body)
    return json.loads(body.decode("utf-8"))


def form_sent(headers: Mapping[str, str], body: bytes) -> list[FormPart]:
    """The parts of a multipart/form-data request body, in the order they were sent."""
    media_type, _, parameter = headers["content-type"].partition("; ")
    assert media_type == "multipart/form-data"
    assert parameter.startswith("boundary=")
    assert int(headers["content-length"]) == len(body)
    delimiter = b"--" + parameter.removeprefix("boundary=").encode()
    first, *sections, last = body.split(delimiter)
    assert (first, last) == (b"", b"--\r\n"), "the body is not framed by its boundary"
    return [form_part(section) for section in sections]


def form_part(section: bytes) -> FormPart:
    assert section.startswith(b"\r\n") and section.endswith(b"\r\n"), section[:80]
    head, separator, content = section[2:-2].partition(b"\r\n\r\n")
    assert separator, "a part without the blank line after its headers"
    headers = dict(line.split(": ", 1) for line in head.decode("utf-8").split("\r\n"))
    disposition = headers.pop("Content-Disposition")
    assert disposition.startswith("form-data; ")
    parameters = dict(DISPOSITION_PARAMETER.findall(disposition))
    content_type = headers.pop("Content-Type", None)
    assert headers == {}, f"unexpected part headers {headers}"
    return FormPart(parameters.pop("name"), parameters.pop("filename", None), content_type, content)
