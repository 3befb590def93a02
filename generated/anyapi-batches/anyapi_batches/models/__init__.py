# Generated from openapi.yaml by templates/models_init.py.jinja: never edit; regenerate with `nox -s generate`.
"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .batch import Batch
    from .batch_cancellation import BatchCancellation
    from .batch_endpoint import BatchEndpoint
    from .batch_error import BatchError
    from .batch_errors import BatchErrors
    from .batch_list import BatchList
    from .batch_request_counts import BatchRequestCounts
    from .batch_request_error import BatchRequestError
    from .batch_request_input import BatchRequestInput
    from .batch_request_input_body import BatchRequestInputBody
    from .batch_request_output import BatchRequestOutput
    from .batch_request_response import BatchRequestResponse
    from .batch_request_response_body import BatchRequestResponseBody
    from .batch_status import BatchStatus
    from .batch_usage import BatchUsage
    from .create_batch_request import CreateBatchRequest
    from .create_batch_request_completion_window import CreateBatchRequestCompletionWindow
    from .create_file_request import CreateFileRequest
    from .error_detail import ErrorDetail
    from .error_detail_metadata import ErrorDetailMetadata
    from .error_response import ErrorResponse
    from .file_deletion import FileDeletion
    from .file_list import FileList
    from .file_object import FileObject
    from .file_object_status import FileObjectStatus
    from .file_purpose import FilePurpose
    from .input_tokens_details import InputTokensDetails
    from .list_files_order import ListFilesOrder
    from .metadata import Metadata
    from .output_expiration import OutputExpiration
    from .output_tokens_details import OutputTokensDetails
    from .stored_file_purpose import StoredFilePurpose

_MODULES = {
    "Batch": ".batch",
    "BatchCancellation": ".batch_cancellation",
    "BatchEndpoint": ".batch_endpoint",
    "BatchError": ".batch_error",
    "BatchErrors": ".batch_errors",
    "BatchList": ".batch_list",
    "BatchRequestCounts": ".batch_request_counts",
    "BatchRequestError": ".batch_request_error",
    "BatchRequestInput": ".batch_request_input",
    "BatchRequestInputBody": ".batch_request_input_body",
    "BatchRequestOutput": ".batch_request_output",
    "BatchRequestResponse": ".batch_request_response",
    "BatchRequestResponseBody": ".batch_request_response_body",
    "BatchStatus": ".batch_status",
    "BatchUsage": ".batch_usage",
    "CreateBatchRequest": ".create_batch_request",
    "CreateBatchRequestCompletionWindow": ".create_batch_request_completion_window",
    "CreateFileRequest": ".create_file_request",
    "ErrorDetail": ".error_detail",
    "ErrorDetailMetadata": ".error_detail_metadata",
    "ErrorResponse": ".error_response",
    "FileDeletion": ".file_deletion",
    "FileList": ".file_list",
    "FileObject": ".file_object",
    "FileObjectStatus": ".file_object_status",
    "FilePurpose": ".file_purpose",
    "InputTokensDetails": ".input_tokens_details",
    "ListFilesOrder": ".list_files_order",
    "Metadata": ".metadata",
    "OutputExpiration": ".output_expiration",
    "OutputTokensDetails": ".output_tokens_details",
    "StoredFilePurpose": ".stored_file_purpose",
}

__all__ = (
    "Batch",
    "BatchCancellation",
    "BatchEndpoint",
    "BatchError",
    "BatchErrors",
    "BatchList",
    "BatchRequestCounts",
    "BatchRequestError",
    "BatchRequestInput",
    "BatchRequestInputBody",
    "BatchRequestOutput",
    "BatchRequestResponse",
    "BatchRequestResponseBody",
    "BatchStatus",
    "BatchUsage",
    "CreateBatchRequest",
    "CreateBatchRequestCompletionWindow",
    "CreateFileRequest",
    "ErrorDetail",
    "ErrorDetailMetadata",
    "ErrorResponse",
    "FileDeletion",
    "FileList",
    "FileObject",
    "FileObjectStatus",
    "FilePurpose",
    "InputTokensDetails",
    "ListFilesOrder",
    "Metadata",
    "OutputExpiration",
    "OutputTokensDetails",
    "StoredFilePurpose",
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
