"""Objects by id in the order they were made, listed a page at a time from a cursor."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Catalogue(Generic[T]):
    def __init__(self) -> None:
        self._items: dict[str, T] = {}
        # Kept after removal: a page may end on an object that is deleted before the next page is asked for.
        self._positions: dict[str, int] = {}
        self._counter = itertools.count()

    def add(self, object_id: str, item: T) -> None:
        self._items[object_id] = item
        self._positions[object_id] = next(self._counter)

    def get(self, object_id: str) -> T | None:
        return self._items.get(object_id)

    def remove(self, object_id: str) -> None:
        del self._items[object_id]

    def knows(self, object_id: str) -> bool:
        """Whether the id was ever added, so that it can serve as a cursor."""
        return object_id in self._positions

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._items.values()))

    def page(
        self, after: str | None, limit: int, *, newest_first: bool, keep: Callable[[T], bool] = lambda item: True
    ) -> tuple[list[T], bool]:
        """Up to ``limit`` items after the cursor ``after`` (an id this catalogue knows), and whether more follow."""
        ids = reversed(self._items) if newest_first else iter(self._items)
        if after is not None:
            cursor = self._positions[after]
            ids = (i for i in ids if (self._positions[i] < cursor if newest_first else self._positions[i] > cursor))
        wanted = (self._items[i] for i in ids if keep(self._items[i]))
        page = list(itertools.islice(wanted, limit + 1))
        return page[:limit], len(page) > limit
