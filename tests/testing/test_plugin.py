"""The pytest plugin of the testing extra: what a user's own test suite gets from it."""

from __future__ import annotations

import re

import pytest

from devtools import ROOT

pytest_plugins = ["pytester"]

USERS_CODE = '''
import asyncio
import io

import httpx

from anyapi_batches import AnyAPI


def summarize(client: AnyAPI, requests: bytes) -> str:
    """The user's code under test: runs a batch and says how it went."""
    named = io.BytesIO(requests)
    named.name = "requests.jsonl"
    uploaded = client.files.create(file=named, purpose="batch")
    batch = client.batches.create(input_file_id=uploaded.id, endpoint="/v1/embeddings", completion_window="24h")
    done = client.batches.wait(batch.id, timeout=10, poll_interval=0.001)
    return f"{done.status}: {done.request_counts.completed} of {done.request_counts.total}"


LINE = b'{"custom_id": "a", "method": "POST", "url": "/v1/embeddings", "body": {"model": "m", "input": "hi"}}\\n'
'''


def test_the_fixtures_give_a_fake_and_clients_bound_to_it(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        USERS_CODE
        + """

def test_sync(anyapi_fake, anyapi_client):
    upload = anyapi_client.files.create(file=io.BytesIO(b"x"), purpose="vision")
    assert [f.id for f in anyapi_client.files.list()] == [upload.id]
    anyapi_fake.advance(1)
    assert anyapi_fake.received[-1].operation_id == "list_files"


def test_async(anyapi_fake, anyapi_async_client):
    async def run():
        return [batch async for batch in anyapi_async_client.batches.list()]

    assert asyncio.run(run()) == []
    assert [call.operation_id for call in anyapi_fake.received] == ["list_batches"]


def test_over_http(anyapi_fake, anyapi_fake_url):
    answer = httpx.get(anyapi_fake_url + "/files", headers={"Authorization": "Bearer any"})
    assert answer.json()["data"] == []
    assert anyapi_fake_url.startswith("http://127.0.0.1:")


def test_a_fresh_fake_per_test(anyapi_fake):
    assert anyapi_fake.received == []
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)


def test_a_conftest_configures_the_fake_every_fixture_uses(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(
        """
import pytest
from anyapi_batches.testing import FakeAnyAPI, RequestFailures


@pytest.fixture
def anyapi_fake():
    return FakeAnyAPI(api_key="sk-mine", tick=60, failures=RequestFailures(custom_ids={"a"}))
"""
    )
    pytester.makepyfile(
        USERS_CODE
        + """

def test_my_code_sees_the_failure(anyapi_client):
    assert summarize(anyapi_client, LINE) == "completed: 0 of 1"


def test_only_the_configured_key_is_taken(anyapi_fake, anyapi_fake_url):
    assert anyapi_fake.api_key == "sk-mine"
    wrong = httpx.get(anyapi_fake_url + "/batches", headers={"Authorization": "Bearer sk-other"})
    assert wrong.status_code == 401
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_the_plugin_can_be_turned_off(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_needs_it(anyapi_fake):\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "no:anyapi_batches")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'anyapi_fake' not found*"])


def test_the_readme_example_passes_as_a_users_suite(pytester: pytest.Pytester) -> None:
    section = (ROOT / "README.md").read_text().split("\n## Testing your code with the fake\n")[1].split("\n## ")[0]
    found = re.search(r"```python\n(# (test_\w+)\.py: .*?)```", section, re.DOTALL)
    assert found is not None, "the README's section has no example test file"
    pytester.makepyfile(**{found.group(2): found.group(1)})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
