"""What a template read while it rendered a page: the values, each with the path it was
reached by from the page's context (``render_memo.py`` checks them on the next build).

The template is given wrappers instead of the values (:func:`wrap`): each attribute, item,
length or membership it asks for is noted (``Reads``) and handed on wrapped in turn, until a
*plain* value (a string, a number, or a small record of them: an entry, its article) is
reached, which is noted whole. A root whose reading makes the page one to render every time
(the digest) is handed on as :class:`Whole`.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

FINAL = (str, int, float, bool, bytes, type(None), frozenset, set)  # noted whole
MISSING = object()  # a path that led nowhere (the template asked whether it exists)
_LONG = 64  # a longer tuple is never compared whole: checking it would read the archive


class Reads:
    """The values one page's render read, by path: path → value."""

    def __init__(self) -> None:
        self.values: dict[tuple, Any] = {}
        self.volatile = False
        self.wrappers: dict[int, _Base] = {}  # id of a value -> its wrapper (the value is kept by it)

    def note(self, path: tuple, value: Any) -> Any:
        self.values[path] = value
        return value


def wrap(value: Any, path: tuple, reads: Reads) -> Any:
    """``value`` as the template sees it: a final value (noted) or a wrapper that notes reads.

    One wrapper per object, reached by the first path that led to it: a template comparing
    two reads of one object with ``is`` (the figure list grouping an entry's figures) sees
    the same object both times."""
    if _plain(value):
        return reads.note(path, value)
    seen = reads.wrappers.get(id(value))
    if seen is None:
        kind = _SeenMap if isinstance(value, Mapping) else _SeenSeq if isinstance(value, (tuple, list)) else _Seen
        seen = reads.wrappers[id(value)] = kind(value, path, reads)
    return seen


def _plain(value: Any, depth: int = 4) -> bool:
    """Compared whole when read: a final value, or a tuple or record (an entry, its article, a
    figure) of plain values a few levels deep: one comparison instead of one per field read.
    Only a matter of speed (either way what was read is checked), so a record's type is judged
    by its first value."""
    if isinstance(value, FINAL):
        return True
    if depth == 0:
        return False
    kind = type(value)
    if kind is tuple or kind is list:  # a long list (every entry) is read item by item
        return len(value) <= _LONG and all(_plain(v, depth - 1) for v in value)
    known = _RECORDS.get(kind)
    if known is None:
        fields = getattr(kind, "__dataclass_fields__", None)
        known = _RECORDS[kind] = fields is not None and all(_plain(getattr(value, f), depth - 1) for f in fields)
    return known


_RECORDS: dict[type, bool] = {}


class _Base:
    __slots__ = ("_value", "_path", "_reads", "_kids")

    def __init__(self, value: Any, path: tuple, reads: Reads) -> None:
        object.__setattr__(self, "_value", value)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_reads", reads)
        object.__setattr__(self, "_kids", {})

    def _kid(self, step: tuple, get: Callable[[], Any]) -> Any:
        kids = self._kids
        if step not in kids:
            try:
                value = get()
            except (AttributeError, KeyError, IndexError, TypeError):
                self._reads.note(self._path + (step,), MISSING)
                raise
            kids[step] = wrap(value, self._path + (step,), self._reads)
        return kids[step]

    def _whole(self) -> Any:
        return self._reads.note(self._path + (("=",),), self._value)

    def __bool__(self) -> bool:
        return self._reads.note(self._path + (("bool",),), bool(self._value))

    def __str__(self) -> str:
        return self._reads.note(self._path + (("str",),), str(self._value))

    def __eq__(self, other: object) -> bool:
        return self._whole() == (other._whole() if isinstance(other, _Base) else other)

    __hash__ = None  # type: ignore[assignment]


class _Seen(_Base):
    """An object (a dataclass of the digest or catalog): its attributes, each noted."""
    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        on_class = getattr(type(self._value), name, None)
        if callable(on_class) and not isinstance(on_class, type):  # a method: its result is noted
            return lambda *args: self._call(name, args)
        return self._kid((".", name), lambda: getattr(self._value, name))

    def _call(self, name: str, args: tuple) -> Any:
        if not all(isinstance(a, FINAL) for a in args):  # arguments that cannot name a path
            self._reads.volatile = True
            return getattr(self._value, name)(*args)
        return self._kid(("()", name, args), lambda: getattr(self._value, name)(*args))

    def __hash__(self) -> int:
        return hash(self._whole())


class _SeenMap(_Base, Mapping):
    """A mapping: each key looked up noted; listing it notes the whole mapping."""
    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:
        return self._kid(("[]", key), lambda: self._value[key])

    def get(self, key: Any, default: Any = None) -> Any:
        if self._reads.note(self._path + (("in", key),), key in self._value):
            return self[key]
        return default

    def __contains__(self, key: object) -> bool:
        return self._reads.note(self._path + (("in", key),), key in self._value)

    def __iter__(self):
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def items(self):
        return [(k, self[k]) for k in self._whole()]

    def values(self):
        return [self[k] for k in self._whole()]


class _SeenSeq(_Base):
    """A tuple or list: its length noted, each item wrapped by its position."""
    __slots__ = ()

    def __len__(self) -> int:
        return self._reads.note(self._path + (("len",),), len(self._value))

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        return self._kid(("[]", index), lambda: self._value[index])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __contains__(self, item: object) -> bool:
        return item in self._whole()

    def __add__(self, other: Any) -> list:
        return list(self) + list(other)

    def __radd__(self, other: Any) -> list:
        return list(other) + list(self)


class Whole:
    """A root the page may read anything of (the digest): reading it makes the page volatile."""
    __slots__ = ("_value", "_reads")

    def __init__(self, value: Any, reads: Reads) -> None:
        self._value, self._reads = value, reads

    def __getattr__(self, name: str) -> Any:
        self._reads.volatile = True
        return getattr(self._value, name)
