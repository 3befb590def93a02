"""Hand-written runtime of the generated client: the request pipeline, errors, decoding and waiting.

Lives at the top of the repository as ``runtime/`` and is copied into the
package as ``anyapi_batches._runtime`` by ``nox -s generate``; edit it there.
"""
