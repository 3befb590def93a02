"""Layers over the public client for running whole jobs: checking and writing input files, reading results, jobs."""

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
from .results import OUTCOMES, BatchResult, Outcome

__all__ = [
    "OUTCOMES",
    "AsyncJob",
    "AsyncJobs",
    "BatchResult",
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
    "Outcome",
    "ProblemCode",
    "check_input",
    "write_input",
]
