"""What the search index takes from a page's HTML, read as Pagefind reads it.

Only the element marked ``data-pagefind-body`` is read (the whole ``<body>`` when no element
is), without what is marked ``data-pagefind-ignore`` and what Pagefind leaves out (scripts,
styles, forms, navigation); paragraphs, headings, list items and line breaks part words, and
a paragraph or heading whose text ends in a letter gets a full stop, as Pagefind gives it (so
that excerpts read as sentences). Its first ``<h1>`` is the page's title; an element's
``data-pagefind-sort="date:2024-06-17"`` gives the page a value to sort by. The hidden field
of code words (``search.terms_field``) is cut out of the text, and its words are given with
their positions, counted as Pagefind counts them (one per word, the field's marks included).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from .search import FIELD_MARK

VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Pagefind's own lists (its fossick/parser.rs): what it leaves out, what ends a sentence.
SKIPPED = frozenset("head style script noscript label form svg footer nav iframe template".split())
SENTENCES = frozenset("h1 h2 h3 h4 h5 h6 p td div ul li article section".split())
_SENTENCE_END = re.compile(r"[\w'\"\)\$\*]")  # a text ending so gets a full stop
_SPACES = re.compile(r"\s+")
# The HTML read as a run of comments, raw-text elements (their text is no text: left out
# whole), tags and text; a lone ``<`` is text. The pages are MkDocs' output, well formed.
_TOKENS = re.compile(r"<!--.*?-->|<(script|style|title)\b[^>]*>.*?</\1\s*>"
                     r"|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|<[!?][^>]*>|([^<]+|<)",
                     re.S | re.I)
_ATTRS = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


@dataclass(frozen=True)
class PageText:
    """A page as the index reads it.

    Attributes:
        text: its text without the hidden field (what a result's excerpt is cut from)
        title: the text of its first heading of level one ("" when none)
        sorts: (key, value) of its ``data-pagefind-sort`` attributes
        field: the field's words, marks included, in order; ``field_at``: the position of the first
    """
    text: str
    title: str
    sorts: tuple[tuple[str, str], ...]
    field: tuple[str, ...]
    field_at: int


def _attributes(text: str) -> dict[str, str]:
    if "data-pagefind" not in text:  # the only attributes read: most tags have none
        return {}
    return {m.group(1).lower(): unescape(m.group(2) or m.group(3) or m.group(4) or "") for m in _ATTRS.finditer(text)}


class _Reader:
    def __init__(self):
        self.depth = 0
        self.body_at: int | None = None  # the depth of the element marked as the body
        self.skip_at: int | None = None  # the depth of an ignored element being passed over
        self.parts: dict[str, list[str]] = {"marked": [], "whole": []}
        self.in_body = False
        self.title: list[str] | None = None
        self.title_done = False
        self.sorts: list[tuple[str, str]] = []
        self.opened: list[tuple[int, int]] = []  # where each open element's text starts, in both texts

    def feed(self, html: str) -> None:
        for m in _TOKENS.finditer(html):
            text = m.group(5)
            if text is not None:
                self.handle_data(unescape(text))
            elif m.group(3):
                tag = m.group(3).lower()
                if m.group(2):
                    self.handle_endtag(tag)
                else:
                    attrs = m.group(4)
                    self.handle_starttag(tag, _attributes(attrs))
                    if attrs.endswith("/") and tag not in VOID:  # <div/>: opened and closed
                        self.handle_endtag(tag)

    def handle_starttag(self, tag, names):
        if tag == "body":
            self.in_body = True
        if "data-pagefind-sort" in names:
            key, _, value = (names["data-pagefind-sort"] or "").partition(":")
            if key and value:
                self.sorts.append((key, value))
        if tag == "br":
            self._add(" ")
        if tag in VOID:
            return
        self.depth += 1
        self.opened.append((len(self.parts["marked"]), len(self.parts["whole"])))
        if tag in SENTENCES:
            self._add(" ")
        if self.body_at is None and "data-pagefind-body" in names:
            self.body_at = self.depth
            self.title, self.title_done = None, False  # the title is the body's own heading
        if self.skip_at is None and ("data-pagefind-ignore" in names or tag in SKIPPED):
            self.skip_at = self.depth
        if tag == "h1" and self.title is None and self.skip_at is None:
            self.title = []

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "h1" and self.title is not None:
            self.title_done = True
        if self.skip_at == self.depth:
            self.skip_at = None
        opened = self.opened.pop() if self.opened else (0, 0)
        if tag in SENTENCES:
            self._end_sentence(opened)
        if self.body_at == self.depth:
            self.body_at = -1  # closed: nothing after it is the body
        self.depth = max(0, self.depth - 1)

    def _end_sentence(self, opened: tuple[int, int]) -> None:
        marked = self.body_at is not None
        parts = self.parts["marked" if marked else "whole"]
        last = next((t for t in reversed(parts[opened[0 if marked else 1]:]) if t), "")
        if last and _SENTENCE_END.match(last[-1]):
            self._add(".")
        self._add(" ")

    def handle_data(self, data):
        if self.skip_at is None:
            self._add(data)
            if self.title is not None and not self.title_done:
                self.title.append(data)

    def _add(self, text: str) -> None:
        if self.skip_at is not None:
            return
        if self.body_at is not None and self.body_at > 0:
            self.parts["marked"].append(text)
        elif self.in_body and self.body_at is None:  # read whole only while no body is marked
            self.parts["whole"].append(text)


def read_page(html: str) -> PageText:
    reader = _Reader()
    reader.feed(html)
    raw = "".join(reader.parts["marked"] if reader.body_at is not None else reader.parts["whole"])
    text = _SPACES.sub(" ", raw).strip()
    title = _SPACES.sub(" ", "".join(reader.title or ())).strip()
    start = text.find(FIELD_MARK)
    end = text.find(FIELD_MARK, start + 1) if start >= 0 else -1
    if end < 0:
        return PageText(text, title, tuple(reader.sorts), (), 0)
    field = tuple(text[start:end + 1].split())
    field_at = len(text[:start].split())
    rest = (text[:start] + " " + text[end + 1:]).strip()
    return PageText(rest, title, tuple(reader.sorts), field, field_at)
