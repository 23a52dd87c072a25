"""Render again only the pages whose inputs changed: ``mkdocs serve`` of a whole archive.

A preview rebuilds the whole digest on every edit (the page cache spares phase one), and
rendering every page again took most of an edit's wait at 10,000 articles. Which pages an
edit touches is not written down anywhere (a template may show any part of the catalog),
so it is *observed*: while a page renders, what the template is given (the catalog, the
page's own entry, group or listing) is seen through wrappers (``render_reads.py``) that note each
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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .render_reads import MISSING as _MISSING, Reads, Whole, wrap

_VOLATILE = ("digest",)  # roots a page may not be taken from the memo after reading

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
    if type(value) in _SIMPLE:
        return (type(value), value)
    # A record (an entry) is named by its id: the pages of one build read the same objects,
    # and the node holding the value keeps it alive (hashing every entry read cost seconds).
    return ("id", id(value))


_SIMPLE = frozenset((str, int, float, bool, type(None)))


class Checker:
    """Whether a trie's paths still lead to equal values from a new page's context.

    A node is checked once a build for one object (``_done``, keyed by both, holding the
    object so that its id stays its own)."""

    def __init__(self) -> None:
        self._done: dict[tuple[int, int], tuple[Any, bool]] = {}
        self._equal: dict[tuple[int, int], tuple[Any, bool]] = {}  # an entry compared once, not once a page

    def same(self, value: Any, node: dict) -> bool:
        key = (id(value), id(node))
        done = self._done.get(key)
        if done is None:
            done = self._done[key] = (value, self._same(value, node))
        return done[1]

    def equal(self, got: Any, expected: Any) -> bool:
        if got is expected:
            return True
        kind = type(expected)
        if kind in _SIMPLE:  # most reads: a title, a path, a length
            return type(got) is kind and got == expected
        key = (id(got), id(expected))  # both alive: the new digest's and the memo's
        same = self._equal.get(key)
        if same is None:  # `got` kept with the answer: a value made by a property keeps its id its own
            same = self._equal[key] = (got, _equal(got, expected))
        return same[1]

    def _same(self, value: Any, node: dict) -> bool:
        for step, (expected, kids) in node.items():
            try:  # the two commonest steps inline: thousands of pages, dozens of steps each
                kind = step[0]
                got = getattr(value, step[1]) if kind == "." else value[step[1]] if kind == "[]" else _step(value, step)
            except _LOOKUP_ERRORS:
                got = _MISSING
            if expected is not _NONE and not self.equal(got, expected):
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
        seen = {k: v if callable(v) else Whole(v, reads) if k in _VOLATILE else wrap(v, (("[]", k),), reads)
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
