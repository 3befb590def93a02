"""Everything an exception lets a caller reach: its chain, its attributes, theirs, and so on down."""

from __future__ import annotations

import traceback
import types
from collections.abc import Iterator, Mapping

SKIPPED = (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.TracebackType, type)


def reachable_text(error: BaseException, depth: int = 8) -> str:
    """The formatted traceback, plus str() and repr() of every object reachable from ``error``.

    Reachable means: ``__cause__``, ``__context__``, ``args``, instance attributes (``__dict__`` and
    ``__slots__``), mapping keys and values, and the items of sequences and sets, ``depth`` steps deep.
    Tracebacks are left out: their frames hold every local variable of every caller, whatever the package does.
    """
    shown = ["".join(traceback.format_exception(error))]
    seen: set[int] = set()
    layer: list[object] = [error]
    for _ in range(depth):
        following: list[object] = []
        for item in layer:
            if id(item) in seen or isinstance(item, SKIPPED):
                continue
            seen.add(id(item))
            shown += texts_of(item)
            following += list(children(item))
        layer = following
    return "\n".join(shown)


def texts_of(item: object) -> list[str]:
    if isinstance(item, bytes | bytearray):
        return [bytes(item).decode("latin-1")]
    try:
        return [str(item), repr(item)]
    except Exception:  # an object that cannot show itself shows nothing, so it leaks nothing either
        return []


def children(item: object) -> Iterator[object]:
    if isinstance(item, str | bytes | bytearray | int | float | bool) or item is None:
        return
    if isinstance(item, BaseException):
        yield item.__cause__
        yield item.__context__
        yield from item.args
    if isinstance(item, Mapping):
        for key, value in item.items():
            yield key
            yield value
    elif isinstance(item, list | tuple | set | frozenset):
        yield from item
    attributes = getattr(item, "__dict__", None)
    if isinstance(attributes, dict):
        yield from attributes.values()
    for cls in type(item).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if name not in ("__dict__", "__weakref__") and hasattr(item, name):
                yield getattr(item, name)
