"""High-level method names come from each operation's path and HTTP method, as openai-python names its methods."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI
from devtools.spec_facts import GenerationError, SpecFacts, method_name


def endpoint(method: str, path: str) -> SimpleNamespace:
    return SimpleNamespace(method=method, path=path, name="some_operation")


@pytest.mark.parametrize(
    ("method", "path", "name"),
    [
        ("get", "/batches", "list"),
        ("post", "/batches", "create"),
        ("get", "/batches/{batch_id}", "retrieve"),
        ("delete", "/files/{file_id}", "delete"),
        ("post", "/things/{thing_id}", "update"),
        ("patch", "/things/{thing_id}", "update"),
        ("put", "/things/{thing_id}", "replace"),
        ("post", "/batches/{batch_id}/cancel", "cancel"),
        ("get", "/files/{file_id}/content", "content"),
        ("get", "/things/{thing_id}/dry-run", "dry_run"),
        ("post", "/things/{thing_id}/import", "import_"),
        ("get", "/projects/{project_id}/things", "things"),
    ],
)
def test_names_from_path_and_method(method: str, path: str, name: str) -> None:
    assert method_name(endpoint(method, path)) == name


@pytest.mark.parametrize(("method", "path"), [("delete", "/batches"), ("put", "/batches"), ("head", "/x/{id}")])
def test_a_method_the_rule_cannot_name_is_an_error(method: str, path: str) -> None:
    with pytest.raises(GenerationError, match=f"^{method.upper()} {path} .*no method name"):
        method_name(endpoint(method, path))


@pytest.mark.parametrize("client", [AnyAPI, AsyncAnyAPI])
def test_todays_spec_keeps_its_method_names(client: type[AnyAPI] | type[AsyncAnyAPI]) -> None:
    api = client(api_key="k")
    public = {name for name in dir(api.batches) if not name.startswith("_")}
    # results() is the hand-written workflow that _clients.py adds to the generated resource.
    assert public == {"list", "create", "cancel", "retrieve", "wait", "results"}
    # files.content has a binary answer, streamed; its x-anyapi-download names the method that saves it.
    files = {name for name in dir(api.files) if not name.startswith("_")}
    assert files == {"list", "create", "retrieve", "delete", "content", "download"}


def facts_of(download: object) -> tuple[SpecFacts, SimpleNamespace]:
    """The facts of a spec whose one tag has a list and a content operation, the latter with ``download``."""
    content: dict[str, object] = {"operationId": "retrieve_file_content"}
    if download is not None:
        content["x-anyapi-download"] = download
    document = {"paths": {"/files": {"get": {}}, "/files/{file_id}/content": {"get": content}}}
    endpoints = [
        SimpleNamespace(method="get", path="/files", name="list_files"),
        SimpleNamespace(method="get", path="/files/{file_id}/content", name="retrieve_file_content"),
    ]
    return SpecFacts(document), SimpleNamespace(tag="files", endpoints=endpoints)


def test_the_download_extension_names_a_method_of_its_own() -> None:
    facts, collection = facts_of("save")
    assert facts.method_names(collection) == {"list_files": "list", "retrieve_file_content": "content"}
    assert facts.download_name(collection.endpoints[1]) == "save"
    assert facts.download_name(collection.endpoints[0]) is None


@pytest.mark.parametrize(
    ("download", "taken_by"),
    [("list", "GET /files"), ("content", "GET /files/{file_id}/content"), ("wait", "the wait() helper")],
)
def test_a_download_name_that_is_taken_stops_generation(download: str, taken_by: str) -> None:
    facts, collection = facts_of(download)
    with pytest.raises(
        GenerationError, match=re.escape(f"x-anyapi-download of GET /files/{{file_id}}/content and {taken_by}")
    ):
        facts.method_names(collection)


@pytest.mark.parametrize("download", ["", "save file", "_hidden", 3, "café"])
def test_a_download_name_that_is_no_identifier_stops_generation(download: object) -> None:
    facts, collection = facts_of(download)
    with pytest.raises(GenerationError, match="x-anyapi-download must name a method"):
        facts.download_name(collection.endpoints[1])
