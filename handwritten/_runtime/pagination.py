"""Following a cursor from page to page (``batches.list``)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Generic, TypeVar

from ..types import Unset

P = TypeVar("P")
T = TypeVar("T")

Cursor = str | Unset


class PageRule(Generic[P, T]):
    """How to read a page: its items, whether more follow, and the cursor of the next one."""

    def __init__(
        self,
        items: Callable[[P], Sequence[T]],
        has_more: Callable[[P], bool],
        next_cursor: Callable[[P], object],
    ) -> None:
        self.items = items
        self.has_more = has_more
        self.next_cursor = next_cursor

    def cursor_after(self, page: P, previous: Cursor) -> str | None:
        """The cursor of the page after ``page``, or None when it is the last.

        A page without items, without a cursor, or repeating the cursor that fetched it ends the
        walk too: following such a server would loop for ever.
        """
        if not self.has_more(page) or not self.items(page):
            return None
        cursor = self.next_cursor(page)
        if not isinstance(cursor, str) or cursor == previous:
            return None
        return cursor


class Pager(Generic[P, T]):
    """Iterating yields every item across pages, fetching each page when it is reached."""

    def __init__(
        self,
        fetch_page: Callable[[Cursor], P],
        *,
        first_cursor: Cursor,
        items: Callable[[P], Sequence[T]],
        has_more: Callable[[P], bool],
        next_cursor: Callable[[P], object],
    ) -> None:
        self._fetch_page = fetch_page
        self._first_cursor = first_cursor
        self._rule = PageRule(items, has_more, next_cursor)

    def pages(self) -> Iterator[P]:
        """One page at a time, for callers who want the page objects themselves."""
        cursor: Cursor | None = self._first_cursor
        while cursor is not None:
            page = self._fetch_page(cursor)
            yield page
            cursor = self._rule.cursor_after(page, cursor)

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from self._rule.items(page)


class AsyncPager(Generic[P, T]):
    """``async for`` yields every item across pages, fetching each page when it is reached."""

    def __init__(
        self,
        fetch_page: Callable[[Cursor], Awaitable[P]],
        *,
        first_cursor: Cursor,
        items: Callable[[P], Sequence[T]],
        has_more: Callable[[P], bool],
        next_cursor: Callable[[P], object],
    ) -> None:
        self._fetch_page = fetch_page
        self._first_cursor = first_cursor
        self._rule = PageRule(items, has_more, next_cursor)

    async def pages(self) -> AsyncIterator[P]:
        """One page at a time, for callers who want the page objects themselves."""
        cursor: Cursor | None = self._first_cursor
        while cursor is not None:
            page = await self._fetch_page(cursor)
            yield page
            cursor = self._rule.cursor_after(page, cursor)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in self._rule.items(page):
                yield item
