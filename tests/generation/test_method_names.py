"""High-level method names come from each operation's path and HTTP method, as openai-python names its methods."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from anyapi_batches import AnyAPI, AsyncAnyAPI
from devtools.spec_facts import GenerationError, method_name


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
    assert public == {"list", "create", "cancel", "retrieve", "wait"}
    # files.content has a binary answer: it stays a low-level function for now.
    assert {name for name in dir(api.files) if not name.startswith("_")} == {"list", "create", "retrieve", "delete"}
