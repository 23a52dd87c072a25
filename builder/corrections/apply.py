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

from dataclasses import replace

from ..model import Article, CorrectionKind, IdentifiedArticle, Entry, ProblemKind, Problem, Role, SegmentedPage, ThemeMatch
from .check import Correction, Corrections
from .worksheet import (TEXT_ROLES, AmendedArticles, AmendedEntries, Applied, LineRow, Skip, Worksheet,
                        missing_article, paragraph_index, squash)

# Line roles an editor cannot mark as debris: use retitle or drop instead.
_KEPT_ROLES = (Role.HEADLINE, Role.KICKER, Role.BYLINE)


def _cut(text: str, needle: str) -> str | None:
    """``text`` without ``needle`` (white space ignored when matching), or None if absent."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    found = "".join(text[i] for i in keep).find(squash(needle))
    if not squash(needle) or found < 0:
        return None
    start, end = keep[found], keep[found + len(squash(needle)) - 1] + 1
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


# --- segmentation corrections ------------------------------------------------

def _debris_lines(work: Worksheet, c: Correction) -> None:
    page = work.pages.get(c.target)
    if page is None:
        raise Skip(f"no page file {c.target} in this build")
    rows = {row.line: row for row in work.rows(c.target)}
    for no in c.value:
        if not 1 <= no <= len(page.page.lines):
            raise Skip(f"line {no}: {c.target} has {len(page.page.lines)} lines")
        row = rows.get(no)
        if row is None:  # a line the segmenter did not list: record it anyway
            row = LineRow(no, Role.UNPLACED, None, "")
            page_rows = work.rows(c.target)
            page_rows.append(row)
            page_rows.sort(key=lambda r: r.line)
        if row.role in _KEPT_ROLES:
            raise Skip(f"line {no} is the {row.role} of article {row.owner}: use retitle or drop on that article")
        owner, text = row.owner, page.page.lines[no - 1]
        if owner is not None and row.role in TEXT_ROLES:
            art = work.arts[owner]
            work.arts[owner] = _cut_line(art, text, owner, no)
        row.debris(Role.REMOVED, f"编辑标为杂项（{work.file} 第 {c.line} 行）")
        work.record(c, f"{c.target} line {no} marked as debris" + (f" (removed from {owner})" if owner else ""),
                  *([owner] if owner else []))


def _cut_line(art: Article, text: str, owner: str, no: int) -> Article:
    for i, para in enumerate(art.paragraphs):
        cut = _cut(para, text)
        if cut is not None:
            if cut:
                return replace(art, paragraphs=art.paragraphs[:i] + (cut,) + art.paragraphs[i + 1:])
            if len(art.paragraphs) == 1:
                raise Skip(f"line {no} is all the text of article {owner}: use `drop` on the article")
            return _without(art, {i})
    for i, cap in enumerate(art.captions):
        cut = _cut(cap, text)
        if cut is not None:
            caps = art.captions[:i] + ((cut,) if cut else ()) + art.captions[i + 1:]
            return replace(art, captions=caps)
    raise Skip(f"line {no} belongs to article {owner}, but its text was not found there as printed "
                f"(it was repaired): mark the paragraph instead, `{owner}: {{debris: \"…\"}}`")


def _split(work: Worksheet, c: Correction) -> None:
    art = work.article(c.target)
    cuts = sorted({paragraph_index(art, s) for s in c.value})
    if cuts[0] == 0:
        raise Skip("the first paragraph cannot start a new article: nothing would be left before it")
    bounds = [0, *cuts, len(art.paragraphs)]
    parts = []
    for k, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        # only the first part comes from another page, only the last goes on to one
        part = replace(art, paragraphs=art.paragraphs[lo:hi],
                       subheads=tuple(i - lo for i in art.subheads if lo <= i < hi),
                       continued_from=art.continued_from if k == 0 else "",
                       continued_to=art.continued_to if hi == len(art.paragraphs) else "")
        if k:
            part = replace(part, title=_lead_title(part.paragraphs[0]), title_generated=True, kicker=None,
                           authors=(), captions=(), truncated=False, notes=())
        parts.append(part)
    ids = [c.target] + [f"{c.target}-part-{k}" for k in range(2, len(parts) + 1)]
    clash = [i for i in ids[1:] if i in work.arts or i in work.gone]
    if clash:
        raise Skip(f"{clash[0]} already exists: split the article once, with a list (`split: [5, 9]`)")
    # Hand each part the page lines from the one its first paragraph starts on.
    rows = work.owned(c.target, (Role.BODY, Role.SUBHEAD))
    at = 0
    for id_, part in zip(ids[1:], parts[1:]):
        head = squash(part.paragraphs[0])
        for j in range(at, len(rows)):
            start = squash(work.pages[art.page].page.lines[rows[j].line - 1])[:8]
            if len(start) >= 2 and head.startswith(start):
                for row in rows[j:]:
                    row.owner = id_
                at = j + 1
                break
    pos = work.order.index(c.target)
    work.order[pos + 1:pos + 1] = ids[1:]
    work.arts.update(zip(ids, parts))
    work.touched.update(ids)
    work.record(c, f"split {c.target} at paragraph(s) {', '.join(str(i + 1) for i in cuts)}: "
                 f"new article(s) {', '.join(ids[1:])}", *ids)


def _merge(work: Worksheet, c: Correction) -> None:
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
            truncated=False, notes=art.notes + other.notes, continued_to=other.continued_to,
            lines=(min(art.lines[0], other.lines[0]), max(art.lines[1], other.lines[1])) if same_page else art.lines,
        )
        for row in work.rows(other.page):
            if row.owner == id_:
                row.owner, row.note = (c.target, row.note) if same_page else (None, f"并入 {c.target}")
        work.remove(id_, f"merged into {c.target} by line {c.line}")
    work.arts[c.target] = art
    work.record(c, f"merged {', '.join(c.value)} into {c.target}", c.target)


def _debris_paragraphs(work: Worksheet, c: Correction) -> None:
    art = work.article(c.target)
    drop = {paragraph_index(art, s) for s in c.value}
    if len(drop) >= len(art.paragraphs):
        raise Skip("that would leave the article without text: use `drop` instead")
    removed = [squash(art.paragraphs[i]) for i in drop]
    for row in work.owned(c.target, (Role.BODY, Role.SUBHEAD)):
        line = squash(work.pages[art.page].page.lines[row.line - 1])
        if line and any(line in para for para in removed):
            row.debris(Role.REMOVED, f"编辑标为杂项（{work.file} 第 {c.line} 行）")
    work.arts[c.target] = _without(art, drop)
    work.record(c, f"{c.target}: paragraph(s) {', '.join(str(i + 1) for i in sorted(drop))} marked as debris",
              c.target)


def _drop(work: Worksheet, c: Correction) -> None:
    work.article(c.target)
    note = f"编辑删除（{work.file} 第 {c.line} 行）" + (f"：{c.value}" if c.value else "")
    for row in work.rows(work.arts[c.target].page):
        if row.owner == c.target:
            row.debris(Role.DROPPED, note)
    work.remove(c.target, f"dropped by line {c.line}")
    work.record(c, f"dropped {c.target}" + (f" ({c.value})" if c.value else ""))


def _retitle(work: Worksheet, c: Correction) -> None:
    art = work.article(c.target)
    work.arts[c.target] = replace(art, title=c.value, title_generated=False)
    work.record(c, f"retitled {c.target}: {art.title} → {c.value}", c.target)


_ARTICLE_STEPS = ((CorrectionKind.DEBRIS, True, _debris_lines), (CorrectionKind.SPLIT, False, _split),
                  (CorrectionKind.MERGE, False, _merge), (CorrectionKind.DEBRIS, False, _debris_paragraphs),
                  (CorrectionKind.DROP, False, _drop), (CorrectionKind.RETITLE, False, _retitle))


def apply_to_articles(corrections: Corrections, pages: tuple[SegmentedPage, ...],
                      articles: list[IdentifiedArticle]) -> AmendedArticles:
    """Apply the segmentation corrections (everything but rezone, themes and tags).

    Arguments:
        corrections: the checked corrections file
        pages: the segmented pages
        articles: the articles with their ids, as ``ids.assign_ids`` made them
    Returns:
        AmendedArticles: new pages and articles, what was applied and what could not be.
    """
    work = Worksheet(pages, articles, corrections.file)
    for kind, on_page, step in _ARTICLE_STEPS:
        for c in corrections.of_kind(kind):
            if c.on_page != on_page:
                continue
            try:
                step(work, c)
            except Skip as err:
                work.problems.append(Problem(corrections.file, f"{c.target}: {c.kind}: {err}", c.line,
                                             kind=ProblemKind.CORRECTIONS))
    return work.result()


# --- enrichment overrides ----------------------------------------------------

def _rezone(entry: Entry, c: Correction) -> tuple[Entry, str]:
    z = c.value
    mentions = tuple(m for m in entry.mentions if m != z.zone)
    if entry.zone and entry.zone != z.zone and entry.zone not in mentions:
        mentions = (entry.zone, *mentions)
    where = f"{z.zone} ({z.province or '?'} {z.city or '?'})" if z.zone else "no zone"
    return (replace(entry, zone=z.zone, zone_key=z.zone, province=z.province, city=z.city, mentions=mentions),
            f"rezoned {c.target}: {entry.zone or 'no zone'} → {where}")


def _themes(entry: Entry, c: Correction) -> tuple[Entry, str]:
    found = {t.theme: t for t in entry.themes}
    themes = tuple(found.get(name) or ThemeMatch(name, 0.0, ()) for name in c.value)
    return replace(entry, themes=themes), f"themes of {c.target}: {', '.join(c.value) or 'none'}"


def _tags(entry: Entry, c: Correction) -> tuple[Entry, str]:
    return replace(entry, tags=c.value), f"tags of {c.target}: {', '.join(c.value) or 'none'}"


# kind -> step(entry, correction) -> (the entry corrected, what the report says)
_ENTRY_STEPS = {CorrectionKind.REZONE: _rezone, CorrectionKind.THEMES: _themes, CorrectionKind.TAGS: _tags}


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
        step = _ENTRY_STEPS.get(c.kind)
        if step is None:
            continue
        entry = by_id.get(c.target)
        if entry is None:
            why = f"article {c.target} is no longer in the build: it was {gone[c.target]}" \
                if gone and c.target in gone else missing_article(c.target, by_id)
            problems.append(Problem(corrections.file, f"{c.target}: {c.kind}: {why}", c.line,
                                    kind=ProblemKind.CORRECTIONS))
            continue
        by_id[c.target], text = step(entry, c)
        applied.append(Applied(c.line, corrections.file, text))
    return AmendedEntries(tuple(by_id[e.id] for e in entries), tuple(applied), tuple(problems))
