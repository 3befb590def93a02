"""A batch's results, one per request: the lines of its output file, then those of its error file, typed.

``client.batches.results(batch_id)`` retrieves the batch when iteration starts. A batch that has not ended
raises ``errors.BatchNotEndedError``; one that has (completed, failed, expired or cancelled) yields what its
files hold, partial results included, and a batch with only an error file yields those. Each file is
streamed line by line (``files.content``), so a result file of a gigabyte needs no more memory than its
longest line. Blank lines are skipped; any other line that is not JSON, or not a ``BatchRequestOutput``
(strictly so with ``strict=True``), raises ``errors.ResponseValidationError`` naming the file and the line.

The answer of each result is judged at a glance (``BatchResult.succeeded``, ``outcome``), as Anthropic's
Message Batches name their results: OpenAI-compatible servers put the requests that were never run into the
error file with the error code ``batch_expired`` or ``batch_cancelled``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Generator
from typing import TYPE_CHECKING, Any, Literal, cast

from .._runtime import arguments
from .._runtime.attempts import Deadline, TimeoutTypes
from .._runtime.client import NOT_GIVEN, NotGiven
from .._runtime.errors import BatchNotEndedError, ResponseValidationError, decode_json
from .._runtime.streaming import total_limit, transfer_timed_out
from .._runtime.waiting import min_timeout
from ..models.batch import Batch
from ..models.batch_request_error import BatchRequestError
from ..models.batch_request_output import BatchRequestOutput
from ..models.batch_request_response import BatchRequestResponse

if TYPE_CHECKING:
    from .._clients import AnyAPI, AsyncAnyAPI

Outcome = Literal["succeeded", "failed", "expired", "cancelled"]
OUTCOMES: tuple[Outcome, ...] = ("succeeded", "failed", "expired", "cancelled")

ENDED = frozenset({"completed", "failed", "expired", "cancelled"})
"""The statuses a batch ends in; its result files are written by then."""

NOT_RUN: dict[object, Outcome] = {"batch_expired": "expired", "batch_cancelled": "cancelled"}
"""The error codes of requests a batch never ran, and what they mean."""


class BatchResult(BatchRequestOutput):
    """One line of a batch's output or error file (``BatchRequestOutput``), with what it amounts to."""

    __slots__ = ()

    @property
    def succeeded(self) -> bool:
        """The request got a 2xx answer, and no error."""
        response = self.response
        return (
            isinstance(response, BatchRequestResponse)
            and 200 <= response.status_code < 300
            and not isinstance(self.error, BatchRequestError)
        )

    @property
    def outcome(self) -> Outcome:
        """``succeeded``; ``expired`` or ``cancelled`` for a request the batch never ran because it expired or
        was cancelled first; else ``failed`` (an error status, or an error without an answer)."""
        if self.succeeded:
            return "succeeded"
        error = self.error
        if isinstance(error, BatchRequestError) and not isinstance(self.response, BatchRequestResponse):
            return NOT_RUN.get(error.code, "failed")
        return "failed"


RAW_DECODE = json.JSONDecoder().raw_decode


def decode_line(line: str) -> object:
    """``json.loads(line)``, by a shorter way for a line that is exactly one JSON value (as result lines are).

    ``json.loads`` skips whitespace around the value with two regular expressions and a wrapper each time,
    which costs a quarter of the parse on a line of a kilobyte. What the short way refuses, or leaves
    unread, gets ``json.loads``'s own verdict.
    """
    try:
        value, end = RAW_DECODE(line)
    except (ValueError, RecursionError):
        return decode_json(line)
    return value if end == len(line) else decode_json(line)


def result_from_line(line: str, number: int, *, strict: bool) -> BatchResult:
    """One line of a result file, checked: ResponseValidationError names the line (counted from 1)."""
    try:
        value = decode_line(line)
    except ValueError as error:
        failure = ResponseValidationError(f"line {number}: not JSON ({error})", body=line)
    else:
        try:
            # from_dict checks the type too: anything but an object is a ResponseValidationError.
            return BatchResult.from_dict(cast("dict[str, Any]", value), strict=strict)
        except ResponseValidationError as error:
            failure = ResponseValidationError(f"line {number}: {error.message}", path=error.path, body=value)
    raise failure


def in_file(error: ResponseValidationError, file_id: str) -> ResponseValidationError:
    return ResponseValidationError(f"file {file_id}: {error.message}", path=error.path, body=error.body)


def result_files(batch: Batch) -> list[str]:
    """The ids of an ended batch's output file and error file, those it has; raises for a batch that has not ended."""
    if batch.status not in ENDED:
        raise BatchNotEndedError(
            f"Batch {batch.id!r} has not ended: it is {batch.status!r}. Its results are ready once it is completed, "
            "failed, expired or cancelled (batches.wait() waits for that).",
            batch=batch,
        )
    return [file_id for file_id in (batch.output_file_id, batch.error_file_id) if isinstance(file_id, str) and file_id]


def is_blank(line: str) -> bool:
    return not line or line.isspace()


class Budget:
    """The time a results run may take (``total_timeout``, from its start), shared out among its calls."""

    def __init__(self, client_timeout: TimeoutTypes, timeout: TimeoutTypes | NotGiven, total_timeout: object) -> None:
        self.timeout = timeout if isinstance(timeout, NotGiven) else arguments.request_timeout("timeout", timeout)
        self.base = client_timeout if isinstance(timeout, NotGiven) else timeout
        limit = total_limit(total_timeout)
        self.total = None if limit is None else Deadline.after(limit)

    def for_retrieve(self) -> TimeoutTypes | NotGiven:
        """The timeout of the retrieve: the one given, cut (with its retries) to the time left, if limited."""
        return self.timeout if self.total is None else min_timeout(self.base, self.left(self.total))

    def for_content(self) -> float | None:
        """The ``total_timeout`` of reading a file: the time left, if limited."""
        return None if self.total is None else self.left(self.total)

    @staticmethod
    def left(total: Deadline) -> float:
        left = total.remaining()
        if left <= 0:
            raise transfer_timed_out(total)
        return left


def batch_results(
    client: AnyAPI, batch_id: str, *, timeout: TimeoutTypes | NotGiven = NOT_GIVEN, total_timeout: float | None = None
) -> Generator[BatchResult, None, None]:
    """The results of a batch that has ended (see the module's docstring)."""
    budget = Budget(client.timeout, timeout, total_timeout)
    batch = client.batches.retrieve(batch_id, timeout=budget.for_retrieve())
    for file_id in result_files(batch):
        failure: ResponseValidationError | None = None
        with client.files.content(file_id, timeout=budget.timeout, total_timeout=budget.for_content()) as body:
            try:
                for number, line in enumerate(body.iter_lines(), 1):
                    if not is_blank(line):
                        yield result_from_line(line, number, strict=client.strict)
            except ResponseValidationError as error:
                failure = in_file(error, file_id)
        if failure is not None:
            raise failure


async def async_batch_results(
    client: AsyncAnyAPI,
    batch_id: str,
    *,
    timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    total_timeout: float | None = None,
) -> AsyncGenerator[BatchResult, None]:
    """``batch_results`` for the async client."""
    budget = Budget(client.timeout, timeout, total_timeout)
    batch = await client.batches.retrieve(batch_id, timeout=budget.for_retrieve())
    for file_id in result_files(batch):
        failure: ResponseValidationError | None = None
        async with client.files.content(file_id, timeout=budget.timeout, total_timeout=budget.for_content()) as body:
            try:
                number = 0
                async for line in body.aiter_lines():
                    number += 1
                    if not is_blank(line):
                        yield result_from_line(line, number, strict=client.strict)
            except ResponseValidationError as error:
                failure = in_file(error, file_id)
        if failure is not None:
            raise failure
