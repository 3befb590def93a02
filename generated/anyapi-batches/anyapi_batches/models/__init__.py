"""Contains all the data models used in inputs/outputs"""

from .batch import Batch
from .batch_error import BatchError
from .batch_errors import BatchErrors
from .batch_request_counts import BatchRequestCounts
from .batch_status import BatchStatus
from .batch_usage import BatchUsage
from .error_detail import ErrorDetail
from .error_detail_metadata import ErrorDetailMetadata
from .error_response import ErrorResponse
from .input_tokens_details import InputTokensDetails
from .metadata import Metadata
from .output_tokens_details import OutputTokensDetails

__all__ = (
    "Batch",
    "BatchError",
    "BatchErrors",
    "BatchRequestCounts",
    "BatchStatus",
    "BatchUsage",
    "ErrorDetail",
    "ErrorDetailMetadata",
    "ErrorResponse",
    "InputTokensDetails",
    "Metadata",
    "OutputTokensDetails",
)
