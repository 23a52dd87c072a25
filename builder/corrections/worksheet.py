"""The working copy of one build's articles while the editors' corrections are applied
(``apply.py``), and the records it hands back.

Lines are ``LineRow``s pointing at their article by id, made for a page only when a
correction first reads its lines; ``Worksheet.result`` turns them back into frozen pages.
"""
from __future__ import annotations

import difflib

from dataclasses import dataclass, field, replace

from ..model import Article, Entry, IdentifiedArticle, Placement, Problem, Role, SegmentedPage
from .check import Correction

# Line roles whose text sits in an article's paragraphs or captions.
TEXT_ROLES = (Role.BODY, Role.SUBHEAD, Role.CAPTION, Role.CREDIT)


@dataclass(frozen=True, order=True)
class Applied:
    """One correction that was applied, for the build report."""
    line: int
    file: str
    text: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.text}"


@dataclass(frozen=True)
class AmendedArticles:
    """The articles and pages after the segmentation corrections.

    Arguments:
        pages: the pages, with articles renumbered and line placements updated
        articles: the articles with their ids, in reading order
        applied: what was changed
        problems: corrections that could not be applied
        gone: id -> why it is no longer in the build (merged, dropped), for messages
        changed: ids whose text or title changed, so must be enriched afresh
    """
    pages: tuple[SegmentedPage, ...]
    articles: tuple[IdentifiedArticle, ...]
    applied: tuple[Applied, ...] = ()
    problems: tuple[Problem, ...] = ()
    gone: dict[str, str] = field(default_factory=dict)
    changed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AmendedEntries:
    entries: tuple[Entry, ...]
    applied: tuple[Applied, ...] = ()
    problems: tuple[Problem, ...] = ()


class Skip(Exception):
    """A correction that cannot be applied; the message is the reason."""


def squash(text: str) -> str:
    """Text without white space: OCR spacing differs between a line and its paragraph."""
    return "".join(text.split())


@dataclass
class LineRow:
    """A line's placement while corrections change it; points at its article by id."""
    line: int
    role: Role
    owner: str | None
    note: str

    def debris(self, role: Role, note: str) -> None:
        """Make the line debris (removed or dropped by an editor), in no article."""
        self.role, self.owner, self.note = role, None, note


class Worksheet:
    """The mutable working copy of one build's articles while corrections are applied."""

    def __init__(self, pages: tuple[SegmentedPage, ...], articles: list[IdentifiedArticle], file: str):
        self.file = file
        self.pages = {p.page.name: p for p in pages}
        self.order = [id_ for id_, _ in articles]
        self.arts = dict(articles)
        self.machine = dict(articles)  # as segmented: a page whose articles are all still these is kept as it is
        self.by_number = {(a.page, a.number): id_ for id_, a in articles}
        # page -> its LineRows, made for a page when a correction first looks at its lines
        # (corrections touch few pages).
        self.lines: dict[str, list[LineRow]] = {}
        self.gone: dict[str, str] = {}
        self.applied: list[Applied] = []
        self.problems: list[Problem] = []
        self.touched: set[str] = set()  # split or merged: their line span is recomputed
        self.changed: set[str] = set()

    def article(self, id_: str) -> Article:
        if id_ in self.arts:
            return self.arts[id_]
        if id_ in self.gone:
            raise Skip(f"article {id_} is no longer in the build: it was {self.gone[id_]}")
        raise Skip(missing_article(id_, self.arts))

    def rows(self, page: str) -> list[LineRow]:
        """The page's line rows, to read or change ([] for a page not in this build)."""
        if page not in self.lines and page in self.pages:
            self.lines[page] = [LineRow(pl.line, pl.role, self.by_number.get((page, pl.article))
                                        if pl.article is not None else None, pl.note)
                                for pl in self.pages[page].placements]
        return self.lines.get(page, [])

    def owned(self, id_: str, roles=TEXT_ROLES) -> list[LineRow]:
        return [row for row in self.rows(self.arts[id_].page) if row.owner == id_ and row.role in roles]

    def record(self, c: Correction, text: str, *changed: str) -> None:
        """Note a correction as applied; ``changed``: ids whose text it changed."""
        self.applied.append(Applied(c.line, self.file, text))
        self.changed.update(changed)

    def remove(self, id_: str, why: str) -> None:
        self.order.remove(id_)
        del self.arts[id_]
        self.gone[id_] = why

    def result(self) -> AmendedArticles:
        pages = []
        by_page: dict[str, list[str]] = {}  # one pass over the articles, not one per page
        for id_ in self.order:
            by_page.setdefault(self.arts[id_].page, []).append(id_)
        for name, page in self.pages.items():
            ids = by_page.get(name, [])
            if name not in self.lines and len(ids) == len(page.articles) and all(
                    self.arts[id_] is self.machine.get(id_) and self.arts[id_].number == n
                    for n, id_ in enumerate(ids, start=1)):
                pages.append(page)  # no correction touched it
                continue
            number = {id_: n for n, id_ in enumerate(ids, start=1)}
            for id_ in ids:
                art = replace(self.arts[id_], number=number[id_])
                if id_ in self.touched:
                    art = replace(art, lines=self._span(id_, art))
                self.arts[id_] = art
            placements = tuple(Placement(row.line, row.role, number.get(row.owner), row.note)
                               for row in self.rows(name))
            pages.append(replace(page, articles=tuple(self.arts[i] for i in ids), placements=placements))
        return AmendedArticles(tuple(pages), tuple(IdentifiedArticle(i, self.arts[i]) for i in self.order),
                               tuple(sorted(self.applied)), tuple(self.problems), dict(self.gone),
                               frozenset(self.changed & set(self.arts)))

    def _span(self, id_: str, art: Article) -> tuple[int, int]:
        lines = [row.line for row in self.rows(art.page) if row.owner == id_]
        return (min(lines), max(lines)) if lines else art.lines


def missing_article(id_: str, known=()) -> str:
    """Why a correction's article is not found, with the closest ids of the build (a typo, a
    shortened id), and what the editor can do."""
    close = difflib.get_close_matches(id_, list(known), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    return (f"no article with id {id_} in this build{hint} (an id changes only when its page file is renamed or the "
            "machine reads a different headline: find its new id on its page's source view and move the correction)")


def paragraph_index(article: Article, selector: int | str) -> int:
    """The 0-based index of a paragraph given by number (from 1) or by the text it starts with."""
    if isinstance(selector, int):
        if selector > len(article.paragraphs):
            raise Skip(f"paragraph {selector}: the article has {len(article.paragraphs)} paragraph(s)")
        return selector - 1
    start = squash(selector)
    for i, para in enumerate(article.paragraphs):
        if squash(para).startswith(start):
            return i
    raise Skip(f"no paragraph of the article starts with {selector!r}")
