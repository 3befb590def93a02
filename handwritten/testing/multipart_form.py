"""Reading a multipart/form-data body in place: each part is a view into the body, never a copy of it."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message

from .problems import bad_request


@dataclass(frozen=True)
class Part:
    filename: str | None
    content: memoryview


def header_params(name: str, value: str) -> Message:
    """A header parsed the way email parses it, with quoted and RFC 2231 parameters."""
    message = Message()
    message[name] = value
    return message


def parse_form(body: bytearray, content_type: str | None) -> dict[str, Part]:
    """The parts of a multipart/form-data body by name; a 400 ApiProblem when it is not one."""
    kind = header_params("content-type", content_type or "")
    boundary = kind.get_param("boundary")
    if kind.get_content_type() != "multipart/form-data" or not isinstance(boundary, str) or not boundary:
        raise bad_request("Invalid request: expected a multipart/form-data body with a boundary")
    delimiter = b"--" + boundary.encode("latin-1")
    view = memoryview(body).toreadonly()
    position = body.find(delimiter)
    if position < 0:
        raise bad_request("Invalid multipart body: the boundary never appears")
    position += len(delimiter)
    parts: dict[str, Part] = {}
    while body[position : position + 2] != b"--":
        if body[position : position + 2] != b"\r\n":
            raise bad_request("Invalid multipart body: a boundary is not followed by a line break")
        head_end = body.find(b"\r\n\r\n", position + 2)
        if head_end < 0:
            raise bad_request("Invalid multipart body: a part has no end to its headers")
        name, filename = disposition(bytes(body[position + 2 : head_end]))
        start = head_end + 4
        end = body.find(b"\r\n" + delimiter, start)
        if end < 0:
            raise bad_request("Invalid multipart body: a part is never closed by the boundary")
        parts[name] = Part(filename, view[start:end])
        position = end + 2 + len(delimiter)
    return parts


def disposition(head: bytes) -> tuple[str, str | None]:
    """The field name and file name a part's headers give it."""
    for line in head.decode("utf-8", "replace").split("\r\n"):
        header, _, value = line.partition(":")
        if header.strip().lower() == "content-disposition":
            params = header_params("content-disposition", value.strip())
            name = params.get_param("name", header="content-disposition")
            if isinstance(name, str) and name:
                return name, params.get_filename()
    raise bad_request("Invalid multipart body: a part has no Content-Disposition with a name")


def text_field(parts: dict[str, Part], name: str) -> str | None:
    part = parts.get(name)
    if part is None:
        return None
    try:
        return part.content.tobytes().decode("utf-8")
    except UnicodeDecodeError:
        raise bad_request(f"Invalid {name!r}: not UTF-8 text") from None
