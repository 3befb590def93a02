"""``check_input``: every problem of a JSONL file of requests, with its line number, before anything is uploaded."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anyapi_batches.models import BatchRequestInput
from anyapi_batches.workflows import InputLimits, InputProblem, InvalidInputError, ProblemCode, check_input, input_check
from anyapi_batches.workflows.input_check import read_lines, request_shape
from devtools.openapi_document import spec

CHAT = "/v1/chat/completions"
EMBEDDINGS = "/v1/embeddings"
UNSET: Any = object()
BODY = {"model": "m"}


def line(custom_id: Any = "r1", *, method: Any = "POST", url: Any = CHAT, body: Any = BODY, **extra: Any) -> bytes:
    """One request as a line of the file; UNSET leaves a field out."""
    fields = {"custom_id": custom_id, "method": method, "url": url, "body": body}
    return json.dumps({key: value for key, value in {**fields, **extra}.items() if value is not UNSET}).encode()


def write(tmp_path: Path, *lines: bytes, end: bytes = b"\n") -> Path:
    path = tmp_path / "requests.jsonl"
    path.write_bytes(b"\n".join(lines) + (end if lines else b""))
    return path


def problems_of(path: Path, **options: Any) -> list[tuple[int | None, ProblemCode]]:
    with pytest.raises(InvalidInputError) as caught:
        check_input(path, **options)
    return [(problem.line, problem.code) for problem in caught.value.problems]


def test_a_good_file_gives_its_counts(tmp_path: Path) -> None:
    path = write(tmp_path, line("a"), line("b"), line("c"))
    summary = check_input(path)
    assert (summary.path, summary.requests, summary.endpoint) == (path, 3, CHAT)
    assert summary.bytes == path.stat().st_size


@pytest.mark.parametrize("end", [b"", b"\n", b"\r\n"])
def test_the_last_line_break_is_optional_and_crlf_is_read(tmp_path: Path, end: bytes) -> None:
    path = tmp_path / "requests.jsonl"
    path.write_bytes(line("a") + b"\r\n" + line("b") + end)
    assert check_input(path).requests == 2


def test_the_given_endpoint_must_be_every_line_s(tmp_path: Path) -> None:
    path = write(tmp_path, line("a", url=EMBEDDINGS), line("b", url=EMBEDDINGS))
    assert check_input(path, EMBEDDINGS).endpoint == EMBEDDINGS
    assert problems_of(path, endpoint=CHAT) == [(1, ProblemCode.WRONG_ENDPOINT), (2, ProblemCode.WRONG_ENDPOINT)]


def test_an_endpoint_the_spec_does_not_list_is_a_bad_argument(tmp_path: Path) -> None:
    path = write(tmp_path, line("a"))
    with pytest.raises(ValueError, match="/v1/responses") as caught:
        check_input(path, "/v1/responses")
    assert not isinstance(caught.value, InvalidInputError)


BAD_LINES = {
    "cut short": (line()[:-3], ProblemCode.NOT_JSON),
    "not UTF-8": (b'{"custom_id": "\xff"}', ProblemCode.NOT_UTF8),
    # Python's json.loads takes both of these from bytes; neither is UTF-8 JSON.
    "an encoded surrogate": (line("x").replace(b'"x"', b'"\xed\xb0\x80"'), ProblemCode.NOT_UTF8),
    "UTF-16": (line().decode().encode("utf-16-le"), ProblemCode.NOT_JSON),
    "a byte order mark": (b"\xef\xbb\xbf" + line("r2"), ProblemCode.NOT_JSON),
    "empty": (b"", ProblemCode.BLANK_LINE),
    "only whitespace": (b" \t ", ProblemCode.BLANK_LINE),
    "an array": (b'[{"custom_id": "r2"}]', ProblemCode.NOT_OBJECT),
    "a string": (b'"r2"', ProblemCode.NOT_OBJECT),
    "null": (b"null", ProblemCode.NOT_OBJECT),
    "NaN": (line("r2", body={"temperature": float("nan")}), ProblemCode.NOT_JSON),
    "Infinity": (b'{"custom_id": "r2", "body": {"t": -Infinity}}', ProblemCode.NOT_JSON),
    "nested too deeply": (b"[" * 200_000, ProblemCode.NOT_JSON),
    "an integer too long for Python to read": (b'{"n": ' + b"9" * 5000 + b"}", ProblemCode.NOT_JSON),
    "no custom_id": (line(UNSET), ProblemCode.MISSING_FIELD),
    "no method": (line("r2", method=UNSET), ProblemCode.MISSING_FIELD),
    "no url": (line("r2", url=UNSET), ProblemCode.MISSING_FIELD),
    "no body": (line("r2", body=UNSET), ProblemCode.MISSING_FIELD),
    "a number as custom_id": (line(2), ProblemCode.WRONG_TYPE),
    "an empty custom_id": (line(""), ProblemCode.EMPTY_CUSTOM_ID),
    "GET": (line("r2", method="GET"), ProblemCode.WRONG_METHOD),
    "lower-case post": (line("r2", method="post"), ProblemCode.WRONG_METHOD),
    "an endpoint the spec does not list": (line("r2", url="/v1/responses"), ProblemCode.UNKNOWN_ENDPOINT),
    "a url that is an array": (line("r2", url=[CHAT]), ProblemCode.UNKNOWN_ENDPOINT),
    "a body that is an array": (line("r2", body=[]), ProblemCode.WRONG_TYPE),
    "a body that is text": (line("r2", body="hello"), ProblemCode.WRONG_TYPE),
    "a body that is null": (line("r2", body=None), ProblemCode.WRONG_TYPE),
    "an unknown field": (line("r2", metadata={}), ProblemCode.UNKNOWN_FIELD),
}


@pytest.mark.parametrize("bad", list(BAD_LINES))
def test_each_kind_of_bad_line_is_reported_on_its_line(tmp_path: Path, bad: str) -> None:
    raw, code = BAD_LINES[bad]
    path = write(tmp_path, line("r1"), raw, line("r3"))
    assert problems_of(path) == [(2, code)]


def test_every_problem_of_a_line_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, line("r1"), line("", method="GET", url="/v1/other", body=[], extra=1))
    assert sorted(code for _, code in problems_of(path)) == sorted(
        [
            ProblemCode.UNKNOWN_FIELD,
            ProblemCode.EMPTY_CUSTOM_ID,
            ProblemCode.WRONG_METHOD,
            ProblemCode.UNKNOWN_ENDPOINT,
            ProblemCode.WRONG_TYPE,
        ]
    )


def test_a_duplicate_custom_id_names_the_line_of_its_first_use(tmp_path: Path) -> None:
    path = write(tmp_path, line("a"), line("b"), line("a"), line("a"))
    with pytest.raises(InvalidInputError) as caught:
        check_input(path)
    duplicate = ProblemCode.DUPLICATE_CUSTOM_ID
    assert [(p.line, p.code) for p in caught.value.problems] == [(3, duplicate), (4, duplicate)]
    assert all("'a' is used on line 1" in problem.message for problem in caught.value.problems)


def test_every_line_must_share_the_first_line_s_endpoint(tmp_path: Path) -> None:
    path = write(tmp_path, line("a", url="/v1/unknown"), line("b"), line("c", url=EMBEDDINGS), line("d"))
    with pytest.raises(InvalidInputError) as caught:
        check_input(path)
    problems = caught.value.problems
    assert [(p.line, p.code) for p in problems] == [(1, ProblemCode.UNKNOWN_ENDPOINT), (3, ProblemCode.MIXED_ENDPOINTS)]
    assert f"{CHAT!r} on line 2" in problems[1].message


def test_an_empty_file_has_no_requests(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path)) == [(None, ProblemCode.NO_REQUESTS)]


def test_more_requests_than_a_batch_takes(tmp_path: Path) -> None:
    path = write(tmp_path, *(line(f"r{index}") for index in range(5)))
    assert check_input(path, limits=InputLimits(max_requests=5)).requests == 5
    with pytest.raises(InvalidInputError) as caught:
        check_input(path, limits=InputLimits(max_requests=3))
    (problem,) = caught.value.problems
    assert (problem.line, problem.code) == (4, ProblemCode.TOO_MANY_REQUESTS)
    assert "5 requests, more than the 3" in problem.message


def test_a_file_larger_than_a_batch_takes_names_the_line_that_goes_over(tmp_path: Path) -> None:
    lines = [line(f"r{index}") for index in range(4)]
    path = write(tmp_path, *lines)
    size = path.stat().st_size
    assert check_input(path, limits=InputLimits(max_bytes=size)).bytes == size
    over_after_two = 2 * (len(lines[0]) + 1)
    assert problems_of(path, limits=InputLimits(max_bytes=over_after_two)) == [(3, ProblemCode.FILE_TOO_LARGE)]


def test_a_line_over_the_line_limit(tmp_path: Path) -> None:
    short, long = line("a"), line("b", body={"text": "x" * 100})
    path = write(tmp_path, short, long, short.replace(b'"a"', b'"c"'))
    assert problems_of(path, limits=InputLimits(max_line_bytes=len(long) - 1)) == [(2, ProblemCode.LINE_TOO_LARGE)]
    assert check_input(path, limits=InputLimits(max_line_bytes=len(long))).requests == 3


def test_a_line_longer_than_a_whole_file_may_be_is_never_read_whole(tmp_path: Path) -> None:
    path = write(tmp_path, line("a"), line("b", body={"text": "x" * 8_000_000}), line("c"))
    tracemalloc.start()
    try:
        with pytest.raises(InvalidInputError) as caught:
            check_input(path, limits=InputLimits(max_bytes=1_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(p.line, p.code) for p in caught.value.problems] == [
        (2, ProblemCode.FILE_TOO_LARGE),
        (2, ProblemCode.LINE_TOO_LARGE),
    ]
    assert peak < 4_000_000


def test_the_error_lists_the_first_problems_and_counts_the_rest(tmp_path: Path) -> None:
    path = write(tmp_path, *(b"[]" for _ in range(30)))
    with pytest.raises(InvalidInputError) as caught:
        check_input(path, max_problems=5, limits=InputLimits(max_requests=10))
    error = caught.value
    assert [problem.line for problem in error.problems] == [11, 1, 2, 3, 4]
    assert error.problems[0].code == ProblemCode.TOO_MANY_REQUESTS
    assert (error.more, error.count) == (26, 31)
    assert str(error).endswith("... and 26 more")
    assert "  line 1: not_object: expected an object, got array" in str(error)


def test_no_problem_is_listed_when_none_are_asked_for(tmp_path: Path) -> None:
    path = write(tmp_path, b"[]", b"[]")
    with pytest.raises(InvalidInputError) as caught:
        check_input(path, max_problems=0)
    assert (caught.value.problems, caught.value.more) == ((), 2)


def test_the_error_is_a_value_error_with_the_problems_as_data(tmp_path: Path) -> None:
    path = write(tmp_path, line("a"), line("a"))
    with pytest.raises(ValueError) as caught:
        check_input(path)
    error = caught.value
    assert isinstance(error, InvalidInputError)
    assert error.path == path
    assert error.problems == (InputProblem(2, ProblemCode.DUPLICATE_CUSTOM_ID, "custom_id 'a' is used on line 1"),)
    assert error.problems[0].code == "duplicate_custom_id"


def test_values_from_the_file_are_escaped_and_cut_short_in_messages(tmp_path: Path) -> None:
    hostile = "\x1b[2J\x1b]0;owned\x07" + "y" * 200
    path = write(tmp_path, line(hostile), line(hostile), line("b", url=hostile))
    with pytest.raises(InvalidInputError) as caught:
        check_input(path)
    text = str(caught.value)
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b[2J" in text
    assert all(len(problem.message) < 160 for problem in caught.value.problems)


@pytest.mark.parametrize(
    "limits",
    [{"max_requests": 0}, {"max_bytes": -1}, {"max_line_bytes": 1.5}, {"max_requests": True}, {"max_bytes": "9"}],
)
def test_bad_limits_are_refused(limits: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=next(iter(limits))):
        InputLimits(**limits)


def test_a_negative_number_of_problems_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="max_problems"):
        check_input(write(tmp_path, line()), max_problems=-1)


def test_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        check_input(tmp_path / "missing.jsonl")


def test_the_shape_of_a_line_comes_from_the_spec() -> None:
    schema = spec()["components"]["schemas"]["BatchRequestInput"]
    shape = request_shape()
    assert set(shape.fields) == set(schema["properties"])
    assert set(shape.required) == set(schema["required"])
    assert shape.closed is (schema["additionalProperties"] is False)
    assert shape.method == schema["properties"]["method"]["const"]


def reference_lines(data: bytes, longest: int) -> list[bytes | int]:
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return [piece if len(piece) <= longest else len(piece) for piece in lines]


@given(
    data=st.lists(st.sampled_from([b"\n", b"a", b"bb", b"\r", b"ccccccc"]), max_size=60).map(b"".join),
    chunk=st.integers(1, 9),
    longest=st.integers(1, 12),
)
def test_lines_are_split_alike_whatever_the_chunk_size(data: bytes, chunk: int, longest: int) -> None:
    original = input_check.CHUNK_BYTES
    input_check.CHUNK_BYTES = chunk
    try:
        assert list(read_lines(io.BytesIO(data), longest)) == reference_lines(data, longest)
    finally:
        input_check.CHUNK_BYTES = original


def test_a_spec_whose_method_is_no_constant_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    method = SimpleNamespace(key="method", required=True, codec=object())
    schema = SimpleNamespace(fields=(method,), extra=None)
    monkeypatch.setattr(BatchRequestInput, "json_schema", staticmethod(lambda: schema))
    request_shape.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="no longer a single constant"):
            request_shape()
    finally:
        request_shape.cache_clear()
