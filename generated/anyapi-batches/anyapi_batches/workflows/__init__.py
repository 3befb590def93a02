# Copied from handwritten/workflows/__init__.py by `nox -s generate`: edit it there.
"""Layers over the public client for running whole jobs; for now, the check of an input file and its writer."""

from .errors import InputProblem, InvalidInputError, ProblemCode
from .input_check import InputLimits, InputSummary, check_input
from .input_write import write_input

__all__ = [
    "InputLimits",
    "InputProblem",
    "InputSummary",
    "InvalidInputError",
    "ProblemCode",
    "check_input",
    "write_input",
]
