"""The file operations of openapi.yaml, one function per operationId."""

from __future__ import annotations

from ..models.file_purpose import FILE_PURPOSE_VALUES
from ..models.list_files_order import LIST_FILES_ORDER_VALUES
from ..models.stored_file_purpose import STORED_FILE_PURPOSE_VALUES
from .multipart_form import parse_form, text_field
from .problems import bad_request
from .rendering import file_json, list_json
from .request_input import choice, cursor, integer, one_of, query
from .state import FakeState
from .wire import Request, Response, json_response


def create_file(state: FakeState, request: Request, path: dict[str, str]) -> Response:
    too_large = bad_request(f"File too large: the fake takes files of up to {state.max_upload_bytes} bytes")
    if request.body_too_large:
        raise too_large
    parts = parse_form(request.body, request.headers.get("content-type"))
    purpose = text_field(parts, "purpose")
    upload = parts.get("file")
    if upload is None or upload.filename is None:
        raise bad_request("Invalid request: 'file' is required, as a file part")
    if len(upload.content) > state.max_upload_bytes:
        raise too_large
    if purpose is None:
        raise bad_request("Invalid request: 'purpose' is required")
    purpose = one_of(purpose, "purpose", FILE_PURPOSE_VALUES)
    if purpose == "batch" and not upload.filename.endswith(".jsonl"):
        raise bad_request("Invalid file format for Batch API. Must be .jsonl")
    stored = state.upload(upload.filename, purpose, upload.content)
    return json_response(200, file_json(stored))


def list_files(state: FakeState, request: Request, path: dict[str, str]) -> Response:
    params = query(request)
    after = cursor(params)
    if after is not None and not state.files.knows(after):
        raise bad_request(f"Invalid 'after': no file found with id {after!r}")
    limit = integer(params, "limit", 10000, 1, 10000)
    order = choice(params, "order", LIST_FILES_ORDER_VALUES) or "desc"
    purpose = choice(params, "purpose", STORED_FILE_PURPOSE_VALUES)
    files, has_more = state.files.page(
        after, limit, newest_first=order == "desc", keep=lambda stored: purpose in (None, stored.purpose)
    )
    return json_response(200, list_json(files, has_more, file_json))


def retrieve_file(state: FakeState, request: Request, path: dict[str, str]) -> Response:
    return json_response(200, file_json(state.file(path["file_id"])))


def delete_file(state: FakeState, request: Request, path: dict[str, str]) -> Response:
    state.delete_file(path["file_id"])
    return json_response(200, {"id": path["file_id"], "object": "file", "deleted": True})


def retrieve_file_content(state: FakeState, request: Request, path: dict[str, str]) -> Response:
    stored = state.file(path["file_id"])
    return Response(200, stored.content, (("content-type", "application/octet-stream"),))
