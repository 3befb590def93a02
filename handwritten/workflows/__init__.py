"""Layers over the public client for running whole jobs: checks of input files, their writer, and jobs."""

from .async_jobs import AsyncJob, AsyncJobs
from .errors import (
    InputChangedError,
    InputProblem,
    InvalidInputError,
    JobError,
    JournalError,
    JournalVersionError,
    MissingBatchError,
    ProblemCode,
)
from .input_check import InputLimits, InputSummary, check_input
from .input_write import write_input
from .job_base import JobPart
from .job_progress import JobProgress
from .jobs import Job, Jobs

__all__ = [
    "AsyncJob",
    "AsyncJobs",
    "InputChangedError",
    "InputLimits",
    "InputProblem",
    "InputSummary",
    "InvalidInputError",
    "Job",
    "JobError",
    "JobPart",
    "JobProgress",
    "Jobs",
    "JournalError",
    "JournalVersionError",
    "MissingBatchError",
    "ProblemCode",
    "check_input",
    "write_input",
]
