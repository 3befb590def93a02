"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .batch import Batch
    from .batch_cancellation import BatchCancellation
    from .batch_error import BatchError
    from .batch_errors import BatchErrors
    from .batch_list import BatchList
    from .batch_request_counts import BatchRequestCounts
    from .batch_status import BatchStatus
    from .batch_usage import BatchUsage
    from .create_batch_request import CreateBatchRequest
    from .create_batch_request_completion_window import CreateBatchRequestCompletionWindow
    from .create_batch_request_endpoint import CreateBatchRequestEndpoint
    from .create_file_request import CreateFileRequest
    from .error_detail import ErrorDetail
    from .error_detail_metadata import ErrorDetailMetadata
    from .error_response import ErrorResponse
    from .file_object import FileObject
    from .file_object_status import FileObjectStatus
    from .file_purpose import FilePurpose
    from .input_tokens_details import InputTokensDetails
    from .metadata import Metadata
    from .output_tokens_details import OutputTokensDetails

_MODULES = {
    "Batch": ".batch",
    "BatchCancellation": ".batch_cancellation",
    "BatchError": ".batch_error",
    "BatchErrors": ".batch_errors",
    "BatchList": ".batch_list",
    "BatchRequestCounts": ".batch_request_counts",
    "BatchStatus": ".batch_status",
    "BatchUsage": ".batch_usage",
    "CreateBatchRequest": ".create_batch_request",
    "CreateBatchRequestCompletionWindow": ".create_batch_request_completion_window",
    "CreateBatchRequestEndpoint": ".create_batch_request_endpoint",
    "CreateFileRequest": ".create_file_request",
    "ErrorDetail": ".error_detail",
    "ErrorDetailMetadata": ".error_detail_metadata",
    "ErrorResponse": ".error_response",
    "FileObject": ".file_object",
    "FileObjectStatus": ".file_object_status",
    "FilePurpose": ".file_purpose",
    "InputTokensDetails": ".input_tokens_details",
    "Metadata": ".metadata",
    "OutputTokensDetails": ".output_tokens_details",
}

__all__ = (
    "Batch",
    "BatchCancellation",
    "BatchError",
    "BatchErrors",
    "BatchList",
    "BatchRequestCounts",
    "BatchStatus",
    "BatchUsage",
    "CreateBatchRequest",
    "CreateBatchRequestCompletionWindow",
    "CreateBatchRequestEndpoint",
    "CreateFileRequest",
    "ErrorDetail",
    "ErrorDetailMetadata",
    "ErrorResponse",
    "FileObject",
    "FileObjectStatus",
    "FilePurpose",
    "InputTokensDetails",
    "Metadata",
    "OutputTokensDetails",
)


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_MODULES[name], __name__), name)
    # Later lookups find the name in the module itself and no longer come here.
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
