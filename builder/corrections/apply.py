"""Apply the editors' corrections to a build, in two places of the pipeline.

- ``apply_to_articles``, after segmentation and id assignment: debris by page
  line, split, merge, debris by paragraph, drop, retitle (in that order);
- ``apply_to_entries``, after enrichment: rezone, themes, tags.

Ids were given from the machine's headline before any correction, so a
retitled article keeps its id and URL; the second part of a split article gets
``<id>-part-2`` (``-part-3`` …), stable as long as its parent's id is. A
correction whose article is not in this build becomes a Problem naming the
file, the line and the reason; the other corrections still apply.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace

from .check import Correction, Corrections
from ..model import Article, Entry, Placement, Problem, SegmentedPage, ThemeMatch

# Line roles whose text sits in an article's paragraphs or captions.
_TEXT_ROLES = ("body", "subhead", "caption", "credit")
# Line roles an editor cannot mark as debris: use retitle or drop instead.
_KEPT_ROLES = ("headline", "kicker", "byline")


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
        pairs: (id, article) in reading order
        applied: what was changed
        problems: corrections that could not be applied
        gone: id -> why it is no longer in the build (merged, dropped), for messages
        changed: ids whose text or title changed, so must be enriched afresh
    """
    pages: tuple[SegmentedPage, ...]
    pairs: tuple[tuple[str, Article], ...]
    applied: tuple[Applied, ...] = ()
    problems: tuple[Problem, ...] = ()
    gone: dict[str, str] = field(default_factory=dict)
    changed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AmendedEntries:
    entries: tuple[Entry, ...]
    applied: tuple[Applied, ...] = ()
    problems: tuple[Problem, ...] = ()


class _Skip(Exception):
    """A correction that cannot be applied; the message is the reason."""


def _squash(text: str) -> str:
    """Text without white space: OCR spacing differs between a line and its paragraph."""
    return "".join(text.split())


def _cut(text: str, needle: str) -> str | None:
    """``text`` without ``needle`` (white space ignored when matching), or None if absent."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    found = "".join(text[i] for i in keep).find(_squash(needle))
    if not _squash(needle) or found < 0:
        return None
    start, end = keep[found], keep[found + len(_squash(needle)) - 1] + 1
    return (text[:start] + text[end:]).strip()


def _lead_title(paragraph: str, limit: int = 24) -> str:
    """A headline for a split-off part: its first clause of six or more characters, else its start."""
    for i, ch in enumerate(paragraph[:limit]):
        if ch in "，。！？；：,;:" and i >= 6:
            return paragraph[:i]
    return paragraph[:limit] + ("…" if len(paragraph) > limit else "")


def _without(article: Article, drop: set[int]) -> Article:
    """The article without the paragraphs at the given indexes, subheads re-indexed."""
    kept = [i for i in range(len(article.paragraphs)) if i not in drop]
    new_index = {old: new for new, old in enumerate(kept)}
    return replace(article, paragraphs=tuple(article.paragraphs[i] for i in kept),
                   subheads=tuple(new_index[i] for i in article.subheads if i in new_index))


class _Work:
    """The mutable working copy of one build's articles while corrections are applied."""

    def __init__(self, pages: tuple[SegmentedPage, ...], pairs, file: str):
        self.file = file
        self.pages = {p.page.name: p for p in pages}
        self.order = [id_ for id_, _ in pairs]
        self.arts = dict(pairs)
        self.machine = dict(pairs)  # as segmented: a page whose articles are all still these is kept as it is
        self.by_number = {(a.page, a.number): id_ for id_, a in pairs}
        # page -> [line, role, owner id or None, note], made for a page when a correction first
        # looks at its lines (corrections touch few pages); rows point at articles by id.
        self.lines: dict[str, list[list]] = {}
        self.gone: dict[str, str] = {}
        self.applied: list[Applied] = []
        self.problems: list[Problem] = []
        self.touched: set[str] = set()  # split or merged: their line span is recomputed
        self.changed: set[str] = set()

    def article(self, id_: str) -> Article:
        if id_ in self.arts:
            return self.arts[id_]
        if id_ in self.gone:
            raise _Skip(f"article {id_} is no longer in the build: it was {self.gone[id_]}")
        raise _Skip(missing(id_, self.arts))

    def rows(self, page: str) -> list[list]:
        """The page's line rows, to read or change ([] for a page not in this build)."""
        if page not in self.lines and page in self.pages:
            self.lines[page] = [[pl.line, pl.role, self.by_number.get((page, pl.article))
                                 if pl.article is not None else None, pl.note]
                                for pl in self.pages[page].placements]
        return self.lines.get(page, [])

    def owned(self, id_: str, roles=_TEXT_ROLES) -> list[list]:
        return [row for row in self.rows(self.arts[id_].page) if row[2] == id_ and row[1] in roles]

    def done(self, c: Correction, text: str, *changed: str) -> None:
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
            placements = tuple(Placement(line, role, number.get(owner), note)
                               for line, role, owner, note in self.rows(name))
            pages.append(replace(page, articles=tuple(self.arts[i] for i in ids), placements=placements))
        return AmendedArticles(tuple(pages), tuple((i, self.arts[i]) for i in self.order),
                               tuple(sorted(self.applied)), tuple(self.problems), dict(self.gone),
                               frozenset(self.changed & set(self.arts)))

    def _span(self, id_: str, art: Article) -> tuple[int, int]:
        lines = [row[0] for row in self.rows(art.page) if row[2] == id_]
        return (min(lines), max(lines)) if lines else art.lines


def missing(id_: str, known=()) -> str:
    """Why a correction's id is refused, with the closest ids of the build (a typo, a shortened id)."""
    close = difflib.get_close_matches(id_, list(known), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    return (f"no article with id {id_} in this build{hint} (an id changes only when its page file is renamed or the "
            "machine reads a different headline: find its new id on its page's source view and move the correction)")


def paragraph_index(article: Article, selector: int | str) -> int:
    """The 0-based index of a paragraph given by number (from 1) or by the text it starts with."""
    if isinstance(selector, int):
        if selector > len(article.paragraphs):
            raise _Skip(f"paragraph {selector}: the article has {len(article.paragraphs)} paragraph(s)")
        return selector - 1
    start = _squash(selector)
    for i, para in enumerate(article.paragraphs):
        if _squash(para).startswith(start):
            return i
    raise _Skip(f"no paragraph of the article starts with {selector!r}")


# --- segmentation corrections ------------------------------------------------

def _debris_lines(work: _Work, c: Correction) -> None:
    page = work.pages.get(c.target)
    if page is None:
        raise _Skip(f"no page file {c.target} in this build")
    rows = {row[0]: row for row in work.rows(c.target)}
    for no in c.value:
        if not 1 <= no <= len(page.page.lines):
            raise _Skip(f"line {no}: {c.target} has {len(page.page.lines)} lines")
        row = rows.get(no)
        if row is None:  # a line the segmenter did not list: record it anyway
            row = [no, "unplaced", None, ""]
            page_rows = work.rows(c.target)
            page_rows.append(row)
            page_rows.sort(key=lambda r: r[0])
        if row[1] in _KEPT_ROLES:
            raise _Skip(f"line {no} is the {row[1]} of article {row[2]}: use retitle or drop on that article")
        owner, text = row[2], page.page.lines[no - 1]
        if owner is not None and row[1] in _TEXT_ROLES:
            art = work.arts[owner]
            work.arts[owner] = _cut_line(art, text, owner, no)
        row[1], row[2], row[3] = "removed", None, f"编辑标为杂项（{work.file} 第 {c.line} 行）"
        work.done(c, f"{c.target} line {no} marked as debris" + (f" (removed from {owner})" if owner else ""),
                  *([owner] if owner else []))


def _cut_line(art: Article, text: str, owner: str, no: int) -> Article:
    for i, para in enumerate(art.paragraphs):
        cut = _cut(para, text)
        if cut is not None:
            if cut:
                return replace(art, paragraphs=art.paragraphs[:i] + (cut,) + art.paragraphs[i + 1:])
            if len(art.paragraphs) == 1:
                raise _Skip(f"line {no} is all the text of article {owner}: use `drop` on the article")
            return _without(art, {i})
    for i, cap in enumerate(art.captions):
        cut = _cut(cap, text)
        if cut is not None:
            caps = art.captions[:i] + ((cut,) if cut else ()) + art.captions[i + 1:]
            return replace(art, captions=caps)
    raise _Skip(f"line {no} belongs to article {owner}, but its text was not found there as printed "
                f"(it was repaired): mark the paragraph instead, `{owner}: {{debris: \"…\"}}`")


def _split(work: _Work, c: Correction) -> None:
    art = work.article(c.target)
    cuts = sorted({paragraph_index(art, s) for s in c.value})
    if cuts[0] == 0:
        raise _Skip("the first paragraph cannot start a new article: nothing would be left before it")
    bounds = [0, *cuts, len(art.paragraphs)]
    parts = []
    for k, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        part = replace(art, paragraphs=art.paragraphs[lo:hi],
                       subheads=tuple(i - lo for i in art.subheads if lo <= i < hi))
        if k:
            part = replace(part, title=_lead_title(part.paragraphs[0]), title_generated=True, kicker=None,
                           authors=(), captions=(), truncated=False, notes=())
        parts.append(part)
    ids = [c.target] + [f"{c.target}-part-{k}" for k in range(2, len(parts) + 1)]
    clash = [i for i in ids[1:] if i in work.arts or i in work.gone]
    if clash:
        raise _Skip(f"{clash[0]} already exists: split the article once, with a list (`split: [5, 9]`)")
    # Hand each part the page lines from the one its first paragraph starts on.
    rows = work.owned(c.target, ("body", "subhead"))
    at = 0
    for id_, part in zip(ids[1:], parts[1:]):
        head = _squash(part.paragraphs[0])
        for j in range(at, len(rows)):
            start = _squash(work.pages[art.page].page.lines[rows[j][0] - 1])[:8]
            if len(start) >= 2 and head.startswith(start):
                for row in rows[j:]:
                    row[2] = id_
                at = j + 1
                break
    pos = work.order.index(c.target)
    work.order[pos + 1:pos + 1] = ids[1:]
    work.arts.update(zip(ids, parts))
    work.touched.update(ids)
    work.done(c, f"split {c.target} at paragraph(s) {', '.join(str(i + 1) for i in cuts)}: "
                 f"new article(s) {', '.join(ids[1:])}", *ids)


def _merge(work: _Work, c: Correction) -> None:
    art = work.article(c.target)
    others = [(i, work.article(i)) for i in c.value]
    for id_, other in others:
        same_page = other.page == art.page
        art = replace(
            art, paragraphs=art.paragraphs + other.paragraphs,
            subheads=art.subheads + tuple(len(art.paragraphs) + i for i in other.subheads),
            captions=art.captions + other.captions,
            authors=art.authors + tuple(a for a in other.authors if a not in art.authors),
            # Merging joins the pieces of one article: the result is no longer "cut at the page edge".
            truncated=False, notes=art.notes + other.notes,
            lines=(min(art.lines[0], other.lines[0]), max(art.lines[1], other.lines[1])) if same_page else art.lines,
        )
        for row in work.rows(other.page):
            if row[2] == id_:
                row[2], row[3] = (c.target, row[3]) if same_page else (None, f"并入 {c.target}")
        work.remove(id_, f"merged into {c.target} by line {c.line}")
    work.arts[c.target] = art
    work.done(c, f"merged {', '.join(c.value)} into {c.target}", c.target)


def _debris_paragraphs(work: _Work, c: Correction) -> None:
    art = work.article(c.target)
    drop = {paragraph_index(art, s) for s in c.value}
    if len(drop) >= len(art.paragraphs):
        raise _Skip("that would leave the article without text: use `drop` instead")
    removed = [_squash(art.paragraphs[i]) for i in drop]
    for row in work.owned(c.target, ("body", "subhead")):
        line = _squash(work.pages[art.page].page.lines[row[0] - 1])
        if line and any(line in para for para in removed):
            row[1], row[2], row[3] = "removed", None, f"编辑标为杂项（{work.file} 第 {c.line} 行）"
    work.arts[c.target] = _without(art, drop)
    work.done(c, f"{c.target}: paragraph(s) {', '.join(str(i + 1) for i in sorted(drop))} marked as debris",
              c.target)


def _drop(work: _Work, c: Correction) -> None:
    work.article(c.target)
    note = f"编辑删除（{work.file} 第 {c.line} 行）" + (f"：{c.value}" if c.value else "")
    for row in work.rows(work.arts[c.target].page):
        if row[2] == c.target:
            row[1], row[2], row[3] = "dropped", None, note
    work.remove(c.target, f"dropped by line {c.line}")
    work.done(c, f"dropped {c.target}" + (f" ({c.value})" if c.value else ""))


def _retitle(work: _Work, c: Correction) -> None:
    art = work.article(c.target)
    work.arts[c.target] = replace(art, title=c.value, title_generated=False)
    work.done(c, f"retitled {c.target}: {art.title} → {c.value}", c.target)


_ARTICLE_STEPS = (("debris", True, _debris_lines), ("split", False, _split), ("merge", False, _merge),
                  ("debris", False, _debris_paragraphs), ("drop", False, _drop), ("retitle", False, _retitle))


def apply_to_articles(corrections: Corrections, pages: tuple[SegmentedPage, ...],
                      pairs: list[tuple[str, Article]]) -> AmendedArticles:
    """Apply the segmentation corrections (everything but rezone, themes and tags).

    Arguments:
        corrections: the checked corrections file
        pages: the segmented pages
        pairs: (id, article) as ``ids.assign_ids`` made them
    Returns:
        AmendedArticles: new pages and pairs, what was applied and what could not be.
    """
    work = _Work(pages, pairs, corrections.file)
    for kind, on_page, step in _ARTICLE_STEPS:
        for c in corrections.of_kind(kind):
            if c.on_page != on_page:
                continue
            try:
                step(work, c)
            except _Skip as err:
                work.problems.append(Problem(corrections.file, f"{c.target}: {c.kind}: {err}", c.line,
                                             kind="corrections"))
    return work.result()


# --- enrichment overrides ----------------------------------------------------

def apply_to_entries(corrections: Corrections, entries: tuple[Entry, ...],
                     gone: dict[str, str] | None = None) -> AmendedEntries:
    """Apply rezone, themes and tags over what enrichment found.

    Arguments:
        gone: ids removed by the segmentation corrections, for clearer messages
    """
    by_id = {e.id: e for e in entries}
    applied: list[Applied] = []
    problems: list[Problem] = []
    for c in corrections.items:
        if c.kind not in ("rezone", "themes", "tags"):
            continue
        entry = by_id.get(c.target)
        if entry is None:
            why = f"article {c.target} is no longer in the build: it was {gone[c.target]}" \
                if gone and c.target in gone else missing(c.target, by_id)
            problems.append(Problem(corrections.file, f"{c.target}: {c.kind}: {why}", c.line, kind="corrections"))
            continue
        if c.kind == "rezone":
            z = c.value
            mentions = tuple(m for m in entry.mentions if m != z.zone)
            if entry.zone and entry.zone != z.zone and entry.zone not in mentions:
                mentions = (entry.zone, *mentions)
            by_id[c.target] = replace(entry, zone=z.zone, zone_key=z.zone, province=z.province, city=z.city,
                                      mentions=mentions)
            where = f"{z.zone} ({z.province or '?'} {z.city or '?'})" if z.zone else "no zone"
            text = f"rezoned {c.target}: {entry.zone or 'no zone'} → {where}"
        elif c.kind == "themes":
            found = {t.theme: t for t in entry.themes}
            themes = tuple(found.get(name) or ThemeMatch(name, 0.0, ()) for name in c.value)
            by_id[c.target] = replace(entry, themes=themes)
            text = f"themes of {c.target}: {', '.join(c.value) or 'none'}"
        else:
            by_id[c.target] = replace(entry, tags=c.value)
            text = f"tags of {c.target}: {', '.join(c.value) or 'none'}"
        applied.append(Applied(c.line, corrections.file, text))
    return AmendedEntries(tuple(by_id[e.id] for e in entries), tuple(applied), tuple(problems))
