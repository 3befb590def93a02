"""Layers over the public client for running whole jobs: checking and writing input files, and reading results."""

from .errors import InputProblem, InvalidInputError, ProblemCode
from .input_check import InputLimits, InputSummary, check_input
from .input_write import write_input
from .results import OUTCOMES, BatchResult, Outcome

__all__ = [
    "OUTCOMES",
    "BatchResult",
    "InputLimits",
    "InputProblem",
    "InputSummary",
    "InvalidInputError",
    "Outcome",
    "ProblemCode",
    "check_input",
    "write_input",
]
