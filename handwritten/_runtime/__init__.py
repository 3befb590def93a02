"""The operation-agnostic runtime of the generated client: request pipeline, errors, decoding, retries, waiting.

Nothing here knows about any one operation: what an operation sends and
returns comes from openapi.yaml, through the generated code that calls in here.
"""
