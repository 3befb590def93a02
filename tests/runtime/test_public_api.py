"""The public names, pinned: adding, removing or renaming one is a decision, made here and in CHANGELOG.md."""

from __future__ import annotations

import anyapi_batches
from anyapi_batches import errors

PACKAGE = {
    "AnyAPI",
    "AsyncAnyAPI",
    "AsyncStreamedBody",
    "AuthenticatedClient",
    "Client",
    "StreamedBody",
    "__version__",
    "errors",
}

ERRORS = {
    "AnyAPIError",
    "ConfigurationError",
    "BatchNotEndedError",
    "APIError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "APIConnectionError",
    "APITimeoutError",
    "ResponseValidationError",
    "WaitTimeoutError",
    "UnexpectedStatus",
    "UnknownEnumValueWarning",
}


def test_the_package_exports_exactly_these_names() -> None:
    assert set(anyapi_batches.__all__) == PACKAGE
    assert len(anyapi_batches.__all__) == len(PACKAGE)


def test_errors_exports_exactly_these_names() -> None:
    assert set(errors.__all__) == ERRORS
    assert len(errors.__all__) == len(ERRORS)


def test_every_exported_name_can_be_imported() -> None:
    for name in anyapi_batches.__all__:
        assert getattr(anyapi_batches, name) is not None, name
    for name in errors.__all__:
        exported = getattr(errors, name)
        assert isinstance(exported, type), name
        assert exported.__name__ == name


WORKFLOWS = {
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
}


def test_workflows_exports_exactly_these_names_and_its_errors_are_the_package_s() -> None:
    from anyapi_batches import workflows

    assert set(workflows.__all__) == WORKFLOWS
    assert len(workflows.__all__) == len(WORKFLOWS)
    raised = [getattr(workflows, name) for name in workflows.__all__ if name.endswith("Error")]
    assert len(raised) == 6
    assert all(issubclass(error, errors.AnyAPIError) for error in raised)
