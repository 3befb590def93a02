"""Every operation of constructs.yaml through the generated high-level client, sync and async.

An in-memory transport plays the server: it records what each call sent and
answers with a body of the operation's success schema.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.generation.construct_cases import CASES, Case, body_with

THING_ID = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
EVERYTHING = {"name": "thing", "when": "2024-01-05T10:00:00.000001Z", "kind": "everything", "day": "2024-02-29"}

ANSWERS: dict[tuple[str, str], tuple[int, object]] = {
    ("GET", "/things"): (200, [EVERYTHING]),
    ("POST", "/things"): (201, EVERYTHING),
    ("GET", f"/things/{THING_ID}"): (200, {"title": "t", "rank": 2}),
    ("PUT", f"/things/{THING_ID}"): (200, {"stored": True, "at": "2024-01-05T10:00:00+00:00"}),
    ("PATCH", f"/things/{THING_ID}"): (200, {"title": "u", "rank": 3}),
    ("DELETE", f"/things/{THING_ID}"): (204, None),
    ("GET", f"/things/{THING_ID}/pet"): (200, {"barks": True}),
    ("GET", f"/things/{THING_ID}/shape"): (200, {"kind": "square", "side": 2}),
    ("POST", "/uploads"): (200, {"id": "leaf-1", "born": "2024-01-01"}),
    ("GET", f"/things/{THING_ID}/log"): (200, b"first\nsecond\n"),
}


class Server:
    def __init__(self) -> None:
        self.received: list[httpx.Request] = []

    def answer(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.received.append(request)
        status, body = ANSWERS[(request.method, request.url.path)]
        if isinstance(body, bytes):
            return httpx.Response(status, content=body, headers={"content-type": "text/plain"})
        return httpx.Response(status) if body is None else httpx.Response(status, json=body)


Run = Callable[[Any], Any]


@pytest.fixture(params=["sync", "async"])
def client_and_server(request: pytest.FixtureRequest, constructs: ModuleType) -> tuple[Any, Server, Run]:
    """A client of the constructs API on an in-memory server, and how to run one of its calls to the end."""
    server = Server()
    transport = httpx.MockTransport(server.answer)
    if request.param == "sync":
        client = constructs.AnyAPI(
            api_key="k", base_url="http://constructs.test", http_client=httpx.Client(transport=transport)
        )
        return client, server, lambda result: result
    client = constructs.AsyncAnyAPI(
        api_key="k", base_url="http://constructs.test", http_client=httpx.AsyncClient(transport=transport)
    )
    return client, server, asyncio.run


def test_query_and_header_parameters_and_an_array_answer(client_and_server: tuple[Any, Server, Run]) -> None:
    client, server, run = client_and_server
    since = datetime.datetime(2024, 1, 5, tzinfo=datetime.UTC)
    things = run(client.things.list(limit=5, colour="green", since=since, ratio=0.5, x_trace="abc-1"))
    assert [thing.name for thing in things] == ["thing"]
    sent = server.received[0]
    assert dict(sent.url.params) == {
        "limit": "5",
        "colour": "green",
        "since": "2024-01-05T00:00:00+00:00",
        "ratio": "0.5",
    }
    assert sent.headers["X-Trace"] == "abc-1"


def test_a_json_body_of_every_kind_of_field(client_and_server: tuple[Any, Server, Run], constructs: ModuleType) -> None:
    client, server, run = client_and_server
    created = run(
        client.things.create(
            name="thing",
            when=datetime.datetime(2024, 1, 5, 10, tzinfo=datetime.UTC),
            kind="everything",
            day=datetime.date(2024, 2, 29),
            level=2,
            parent={"id": "leaf-1"},
            shapes=[constructs.models.Square(kind="square", side=2.0)],
            scores=constructs.models.EverythingScores.from_dict({"a": 1}),
        )
    )
    assert created.when.json_text == EVERYTHING["when"]
    assert json.loads(server.received[0].content) == {
        "name": "thing",
        "when": "2024-01-05T10:00:00+00:00",
        "kind": "everything",
        "day": "2024-02-29",
        "level": 2,
        "parent": {"id": "leaf-1"},
        "shapes": [{"kind": "square", "side": 2.0}],
        "scores": {"a": 1},
    }


def test_all_of_inline_objects_and_no_content(
    client_and_server: tuple[Any, Server, Run], constructs: ModuleType
) -> None:
    client, server, run = client_and_server
    thing_id = uuid.UUID(THING_ID)
    assert run(client.things.retrieve(thing_id)).rank == 2
    stored = run(client.things.replace(thing_id, label="ab", sizes=[1, 2]))
    assert isinstance(stored, constructs.models.PutThingResponse200)
    assert stored.at == datetime.datetime(2024, 1, 5, 10, tzinfo=datetime.UTC)
    assert run(client.things.update(thing_id, title="u", rank=3)).title == "u"
    assert run(client.things.delete(thing_id)) is None
    assert [(request.method, json.loads(request.content or b"null")) for request in server.received] == [
        ("GET", None),
        ("PUT", {"label": "ab", "sizes": [1, 2]}),
        ("PATCH", {"title": "u", "rank": 3}),
        ("DELETE", None),
    ]


def test_unions_with_and_without_a_discriminator(
    client_and_server: tuple[Any, Server, Run], constructs: ModuleType
) -> None:
    client, _, run = client_and_server
    assert isinstance(run(client.things.pet(uuid.UUID(THING_ID))), constructs.models.Dog)
    assert isinstance(run(client.things.shape(uuid.UUID(THING_ID))), constructs.models.Square)


def test_a_multipart_upload_sends_typed_fields_as_text(client_and_server: tuple[Any, Server, Run]) -> None:
    client, server, run = client_and_server
    leaf = run(client.uploads.create(file=b"line\n", taken_on=datetime.date(2024, 1, 1), colour="red"))
    assert leaf.born == datetime.date(2024, 1, 1)
    body = server.received[0].content
    assert b'name="taken_on"' in body and b"\r\n\r\n2024-01-01\r\n" in body
    assert b'name="colour"' in body and b"\r\n\r\nred\r\n" in body
    assert b"\r\n\r\nline\n\r\n" in body


@pytest.mark.parametrize("case", CASES, ids=repr)
def test_a_decoded_value_is_sent_back_exactly_as_it_came(
    client_and_server: tuple[Any, Server, Run], constructs: ModuleType, case: Case
) -> None:
    client, server, run = client_and_server
    body = body_with(case.field, case.good)
    thing = constructs.models.Everything.from_dict(body, strict=True)
    fields = {field.attribute: getattr(thing, field.attribute) for field in thing.json_schema().fields}
    run(client.things.create(**{name: value for name, value in fields.items() if value is not constructs.types.UNSET}))
    assert json.dumps(json.loads(server.received[0].content)) == json.dumps(body)


def test_a_body_that_is_not_json_is_streamed_and_saved(
    client_and_server: tuple[Any, Server, Run], constructs: ModuleType, tmp_path: Path
) -> None:
    client, server, run = client_and_server
    thing_id = uuid.UUID(THING_ID)
    log = client.things.log(thing_id, since=1)
    assert server.received == [], "a streamed body is sent when it is first used"
    if isinstance(client, constructs.AsyncAnyAPI):

        async def lines() -> list[str]:
            async with log as body:
                return [line async for line in body.aiter_lines()]

        assert run(lines()) == ["first", "second"]
    else:
        with log as body:
            assert list(body.iter_lines()) == ["first", "second"]
    assert run(client.things.save_log(thing_id, tmp_path / "log.txt")) == len(b"first\nsecond\n")
    assert (tmp_path / "log.txt").read_bytes() == b"first\nsecond\n"
    assert [dict(request.url.params) for request in server.received] == [{"since": "1"}, {}]
