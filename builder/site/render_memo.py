"""Render again only the pages whose inputs changed: ``mkdocs serve`` of a whole archive.

A preview rebuilds the whole digest on every edit (the page cache spares phase one), and
rendering every page again took most of an edit's wait at 10,000 articles. Which pages an
edit touches is not written down anywhere (a template may show any part of the catalog),
so it is *observed*: while a page renders, what the template is given (the catalog, the
page's own entry, group or listing) is seen through :class:`_Seen` wrappers that note each
value read and the path it was reached by (``entry.article.paragraphs``,
``catalog.zone_paths[…]``). On the next build a page is taken from the memo when every
path it read still leads to an equal value in the new digest; otherwise it is rendered
again (and observed again). A read of ``digest`` itself, or a call of a global that sees
the whole catalog (the province map), makes the page one that is always rendered.

The memo is dropped whenever the templates, the vocabularies or the site's address change.
``tests/site/test_render_memo.py`` checks after random edits that every file equals the
one a full render makes.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_FINAL = (str, int, float, bool, bytes, type(None), frozenset, set)  # noted whole
_MISSING = object()  # a path that led nowhere (the template asked whether it exists)
_LONG = 64  # a longer tuple is never compared whole: checking it would read the archive
_VOLATILE = ("digest",)  # roots a page may not be taken from the memo after reading


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
    figure) of plain values a few levels deep: one comparison instead of one per field read."""
    if isinstance(value, _FINAL):
        return True
    if depth == 0:
        return False
    if isinstance(value, (tuple, list)):  # a long list (every entry) is read item by item
        return len(value) <= _LONG and all(_plain(v, depth - 1) for v in value)
    fields = getattr(type(value), "__dataclass_fields__", None)
    return fields is not None and all(_plain(getattr(value, f), depth - 1) for f in fields)


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
                self._reads.note(self._path + (step,), _MISSING)
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
        if not all(isinstance(a, _FINAL) for a in args):  # arguments that cannot name a path
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


class _Whole:
    """A root the page may read anything of (the digest): reading it makes the page volatile."""
    __slots__ = ("_value", "_reads")

    def __init__(self, value: Any, reads: Reads) -> None:
        self._value, self._reads = value, reads

    def __getattr__(self, name: str) -> Any:
        self._reads.volatile = True
        return getattr(self._value, name)


class _Roots(dict):
    """A page's context as the first step of its paths (a root name is an item)."""


def _step(value: Any, step: tuple) -> Any:
    kind = step[0]
    if kind == ".":
        return getattr(value, step[1])
    if kind == "[]":
        return value[step[1]]
    if kind == "()":
        return getattr(value, step[1])(*step[2])
    if kind == "in":
        return step[1] in value
    if kind == "len":
        return len(value)
    if kind == "bool":
        return bool(value)
    if kind == "str":
        return str(value)
    return value  # "=": the whole value


_NONE = object()  # a node of the trie that was passed through, not read itself
_LOOKUP_ERRORS = (AttributeError, KeyError, IndexError, TypeError)


def trie(values: dict[tuple, Any], table: dict) -> dict:
    """The paths read as a trie, step → (value read or _NONE, children or None), its nodes
    interned in ``table``: pages that read the same things of one entry share a node, and a
    build checks it once (a zone, a theme, a tag and a source page all list an article)."""
    root: dict = {}
    for path, value in values.items():
        node = root
        for step in path[:-1]:
            node = node.setdefault(step, [_NONE, {}])[1]
        node.setdefault(path[-1], [_NONE, {}])[0] = value
    return _intern(root, table)


def _intern(node: dict, table: dict) -> dict:
    items = [(step, expected, _intern(kids, table) if kids else None) for step, (expected, kids) in node.items()]
    key = tuple((step, _key(expected), id(kids)) for step, expected, kids in items)
    found = table.get(key)
    if found is None:
        found = table[key] = {step: (expected, kids) for step, expected, kids in items}
    return found


def _key(value: Any) -> tuple:
    try:
        hash(value)
    except TypeError:  # kept alive by the node holding it, so its id names it
        return ("id", id(value))
    return (type(value), value)


class Checker:
    """Whether a trie's paths still lead to equal values from a new page's context.

    A node is checked once a build for one object (``_done``, keyed by both, holding the
    object so that its id stays its own)."""

    def __init__(self) -> None:
        self._done: dict[tuple[int, int], tuple[Any, bool]] = {}

    def same(self, value: Any, node: dict) -> bool:
        key = (id(value), id(node))
        done = self._done.get(key)
        if done is None:
            done = self._done[key] = (value, self._same(value, node))
        return done[1]

    def _same(self, value: Any, node: dict) -> bool:
        for step, (expected, kids) in node.items():
            try:
                got = _step(value, step)
            except _LOOKUP_ERRORS:
                got = _MISSING
            if expected is not _NONE and not _equal(got, expected):
                return False
            if kids is not None and (got is _MISSING or not self.same(got, kids)):
                return False
        return True


@dataclass
class _Rendered:
    template: str
    reads: dict  # trie of the paths read, or None: a page rendered every time
    text: str


class RenderMemo:
    """The pages of the last build and what each read; kept for a ``mkdocs serve`` session.

    ``hits`` and ``misses`` count the last build's pages taken from the memo and rendered.
    """

    def __init__(self) -> None:
        self._pages: dict[str, _Rendered] = {}
        self._marked: dict[str, tuple[tuple, str]] = {}  # path -> ((text, its article's text), marked)
        self._fingerprint: str | None = None
        self._checker = Checker()
        self._interned: dict = {}
        self._environment: Any = None
        self._current: Reads | None = None
        self.hits = self.misses = 0

    def begin(self, fingerprint: str, environment: Callable[[], Any]) -> Any:
        """A new build: ``fingerprint`` of what every page depends on (templates, data).

        Returns:
            the Jinja environment, made by ``environment()`` for a new fingerprint and kept
            otherwise (its templates compiled once a session, not once a build)
        """
        if fingerprint != self._fingerprint:
            self._environment = environment()
            self._pages.clear()
            self._marked.clear()
            self._interned.clear()
            self._fingerprint = fingerprint
        self._checker = Checker()
        self.hits = self.misses = 0
        return self._environment

    def render(self, template: str, path: str, context: dict[str, Any],
               render: Callable[[dict[str, Any]], str]) -> str:
        """The page's text: from the memo when nothing it read changed, else ``render(context)``
        with the context wrapped so that what it reads is noted.

        Arguments:
            context: what the template is given; its values the roots of the paths noted
                (functions, such as the page's link makers, are passed as they are)
        """
        old = self._pages.get(path)
        if old is not None and old.template == template:
            if old.reads is None:  # read the digest last time: rendered every time, and not watched
                self.misses += 1
                old.text = render(context)
                return old.text
            if self._checker.same(_Roots(context), old.reads):
                self.hits += 1
                return old.text
        self.misses += 1
        reads = self._current = Reads()
        seen = {k: v if callable(v) else _Whole(v, reads) if k in _VOLATILE else wrap(v, (("[]", k),), reads)
                for k, v in context.items()}
        try:
            text = render(seen)
        finally:
            self._current = None
        self._pages[path] = _Rendered(template, None if reads.volatile else trie(reads.values, self._interned), text)
        return text

    def volatile(self, fn: Callable) -> Callable:
        """``fn`` (a template global that sees the whole catalog) marking the page calling it
        as one to render every time."""
        def call(*args, **kwargs):
            if self._current is not None:
                self._current.volatile = True
            return fn(*args, **kwargs)
        return call

    def marked(self, files: dict[str, str], texts: dict[str, tuple],
               mark: Callable[[str, str, dict[str, tuple]], str]) -> dict[str, str]:
        """The files with their search markers (``mark``): a page whose text and article text
        are the last build's keeps its marked text (the terms field is most of the cost)."""
        out: dict[str, str] = {}
        kept: dict[str, tuple[tuple, str]] = {}
        for path, text in files.items():
            key = (text, texts.get(path))
            old = self._marked.get(path)
            out[path] = old[1] if old is not None and old[0] == key else mark(path, text, texts)
            kept[path] = (key, out[path])
        self._marked = kept
        return out

    def forget(self, keep: set[str]) -> None:
        """Drop the pages the last build no longer made."""
        for path in set(self._pages) - keep:
            del self._pages[path]


def _equal(a: Any, b: Any) -> bool:
    if a is b:
        return True
    if a is _MISSING or b is _MISSING:
        return False
    try:
        return type(a) is type(b) and a == b
    except Exception:  # noqa: BLE001 - a value that cannot be compared is a change
        return False


def fingerprint(*folders: Path, extra: str = "") -> str:
    """What every page depends on besides the digest: each file's name, size and time."""
    h = hashlib.sha1(extra.encode())
    for folder in folders:
        for p in sorted(Path(folder).rglob("*")):
            if p.is_file():
                st = p.stat()
                h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()
