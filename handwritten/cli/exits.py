"""Exit codes, and the single stderr line that stands for an API error or a warning."""

from __future__ import annotations

from enum import IntEnum

from .. import errors
from .terminal import printable


class ExitCode(IntEnum):
    OK = 0
    USAGE = 2
    FAILED = 3
    EXPIRED = 4
    CANCELLED = 5
    WAIT_TIMEOUT = 6
    API_ERROR = 7
    NO_ANSWER = 8
    BAD_RESPONSE = 9
    BAD_INPUT = 10
    NOT_ENDED = 11
    CANNOT_WRITE = 12
    BAD_JOURNAL = 13
    INTERRUPTED = 130


MEANINGS = {
    ExitCode.OK: "success; after a wait, the batch (or every batch of the job) completed",
    ExitCode.USAGE: "bad usage: unknown option, malformed value, no API key",
    ExitCode.FAILED: "the batch (or one of the job's) ended failed",
    ExitCode.EXPIRED: "the batch (or one of the job's, none failed) ended expired",
    ExitCode.CANCELLED: "the batch (or one of the job's, none failed or expired) ended cancelled",
    ExitCode.WAIT_TIMEOUT: "the wait timed out before the batch (or job) ended",
    ExitCode.API_ERROR: "the API answered with an error status",
    ExitCode.NO_ANSWER: "no answer: connection refused or reset, DNS, TLS, request timeout",
    ExitCode.BAD_RESPONSE: "the answer does not match the API description",
    ExitCode.BAD_INPUT: "check, submit: the file of requests has problems",
    ExitCode.NOT_ENDED: "results of a batch that has not ended yet",
    ExitCode.CANNOT_WRITE: "the --out file cannot be written (folder, permission, space)",
    ExitCode.BAD_JOURNAL: "submit, resume: the job cannot go on as its journal says",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C); a job says how to resume it",
}

# The terminal statuses of a batch; any other status means a wait is not over.
ENDINGS = {
    "completed": ExitCode.OK,
    "failed": ExitCode.FAILED,
    "expired": ExitCode.EXPIRED,
    "cancelled": ExitCode.CANCELLED,
}


def exit_codes_help() -> str:
    return "Exit codes:\n" + "\n".join(f"{int(code):>3}  {meaning}" for code, meaning in MEANINGS.items())


def exit_code_for_status(status: str) -> ExitCode:
    return ENDINGS[status]


def exit_code_for_error(error: errors.APIError) -> ExitCode:
    if isinstance(error, errors.WaitTimeoutError):
        return ExitCode.WAIT_TIMEOUT
    if isinstance(error, errors.APIStatusError):
        return ExitCode.API_ERROR
    if isinstance(error, errors.APIConnectionError):
        return ExitCode.NO_ANSWER
    return ExitCode.BAD_RESPONSE


REDACTED = "[redacted]"


def error_line(error: errors.APIError, secret: str | None) -> str:
    """Class, message (which carries the status), request id, and for a wait the last status seen."""
    line = f"{type(error).__name__}: {error.message}"
    if isinstance(error, errors.APIStatusError) and error.request_id:
        line += f" (request id {error.request_id})"
    if isinstance(error, errors.WaitTimeoutError) and error.batch is not None:
        line += f" (last status {error.batch.status})"
    return one_line(line, secret)


def warning_line(message: Warning | str, category: type[Warning], secret: str | None) -> str:
    return one_line(f"warning: {category.__name__}: {message}", secret)


def one_line(text: str, secret: str | None) -> str:
    # Server text can hold line breaks and escape sequences, and some servers echo the key they were sent.
    text = printable(" ".join(text.split()))
    return text.replace(secret, REDACTED) if secret else text
