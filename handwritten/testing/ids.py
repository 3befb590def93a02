"""Object ids in the provider's style, the same on every run: a test can name what it will get."""

from __future__ import annotations

import hashlib
import itertools


class Ids:
    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def new(self, prefix: str) -> str:
        # Hashing a counter gives ids that look like the provider's yet repeat from run to run.
        digest = hashlib.blake2b(f"{prefix}{next(self._counter)}".encode(), digest_size=12).hexdigest()
        return prefix + digest
