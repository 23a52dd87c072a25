"""Lines → items: headings, bylines, captions, credits and paragraphs, in page order.

Hard-wrapped lines are joined into paragraphs here: always when the page is
set in narrow columns (every line wrapped), otherwise only where the join is
certain (a comma at the end, a word cut in two, a particle opening the next
line). A paragraph left open at the end is joined later, once the segmenter
knows which article the next piece belongs to (a column break).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .bylines import lead_marker
from .captions import is_caption_by_layout
from .line_shapes import Layout, PageLine, measure, classify
from ..model import Line
from ..vocab.rule_files import Rules
from ..repair.line_fixes import has_parts, heading_text
from ..textmatch.wordcut import Cutter


@dataclass(frozen=True)
class Item:
    """One thing printed on the page, built from one or more lines.

    Arguments:
        kind: heading, byline, caption, credit or para
        lines: the line numbers it was built from
        text: the repaired text (paragraph lines joined)
        gap_before: a wider gap than usual stands before it
        level: Markdown heading level the page marked it with (0 when none)
        names: byline names (a byline; for a paragraph, names printed after its last sentence)
        lead: a paragraph that opens with 本报讯
        open_end: the paragraph stops mid-sentence
        gap: blank lines before it
    """
    kind: str
    lines: tuple[int, ...]
    text: str
    gap: int = 0
    gap_before: bool = False
    level: int = 0
    names: tuple[str, ...] = ()
    lead: bool = False
    open_end: bool = False
    spaced: str = ""  # a paragraph's text with its printed spaces (they separate a lead's names)
    note: str = ""  # which rule decided, for the line's placement


@lru_cache(maxsize=16384)
def _words(text: str, tok: Cutter) -> tuple[str, ...]:
    return tuple(tok.cut(text))


def cut_word(before: str, after: str, tok: Cutter) -> bool:
    """True when a word runs across the join (有限|公司, 数十|载): the line was wrapped."""
    head, tail = before[-6:], after[:6]
    pos = 0
    for word in _words(head + tail, tok):
        end = pos + len(word)
        if pos < len(head) < end and len(word) >= 2:
            return True
        pos = end
    return False


def certain_join(before: str, after: str, rules: Rules, tok: Cutter) -> bool:
    """The line ``after`` continues the sentence that ``before`` leaves open."""
    if not before or not after or rules.ends_sentence(before):
        return False
    if before[-1] in rules.continuation_end_marks:
        return True
    if after[0] in rules.continuation_start_chars:
        return True
    last = _words(before[-6:], tok)[-1]
    if last in rules.continuation_end_words:
        return True
    return cut_word(before, after, tok)


def _lead(text: str, rules: Rules) -> bool:
    return bool(lead_marker(text, rules))


def resolve_headings(pls: tuple[PageLine, ...], layout: Layout, rules: Rules,
                     tok: Cutter) -> list[str]:
    """Decide for every line what it is: heading, caption, credit, byline or body."""
    kinds = [pl.shape for pl in pls]
    n = len(pls)
    for i, pl in enumerate(pls):
        if pl.shape != "heading":
            continue
        prev = kinds[i - 1] if i else None
        nxt = pls[i + 1] if i + 1 < n else None
        nxt_kind = None if nxt is None else ("lead" if _lead(nxt.text, rules) else nxt.shape)
        gap_before = layout.big_gap(pl.gap) if i else False
        gap_after = nxt is not None and layout.big_gap(nxt.gap)
        # Right after a byline an article has ended: a short line without inner
        # punctuation there needs a word cut in two to count as a wrapped line,
        # its width alone is no sign (it may be the next headline).
        after_end = ((prev == "byline" and i > 1 and kinds[i - 2] == "body") or (i > 0 and bool(pls[i - 1].trailing))) \
            and not re.search("[，、“‘（]", pl.text)
        # Follow the run of heading-shaped lines (and photo credits set among them):
        # a headline group ends at a byline or a lead.
        j = i + 1
        while j < n and pls[j].shape in ("heading", "credit", "subtitle"):
            j += 1
        ends_at = None if j >= n else ("lead" if _lead(pls[j].text, rules) else pls[j].shape)
        if pl.line.heading_level or any(rx.search(pl.text) for rx in rules.headline_patterns):
            kinds[i] = "heading"  # the page marked it as one, or it has a headline's form
        elif prev == "heading" and pl.gap < layout.gap and not cut_word(pls[i - 1].text, pl.text, tok):
            kinds[i] = "heading"  # the second line of a headline set tighter than paragraphs
        elif pl.text.endswith("：") and nxt is not None and nxt.shape == "heading":
            kinds[i] = "heading"  # a headline's subject on a line of its own (宜昌高新区：)
        elif nxt_kind == "credit":
            kinds[i] = "caption"
        elif prev == "body" and not rules.ends_sentence(pls[i - 1].text) and not gap_before and (
                layout.full(pls[i - 1].text) or certain_join(pls[i - 1].text, pl.text, rules, tok)):
            kinds[i] = "body"  # the rest of a line wrapped at the column edge
        elif has_parts(pl.line.spaced) and "，" not in pl.line.spaced:
            kinds[i] = "heading"  # two parts set apart by a space, as subheads are
        elif ends_at in ("lead", "byline") and not (gap_before and prev in ("heading", "caption")):
            kinds[i] = "heading"
        elif is_caption_by_layout(prev, gap_before, gap_after, nxt_kind):
            kinds[i] = "caption"
        elif nxt is not None and nxt_kind in ("body", "heading") and (
                certain_join(pl.text, nxt.text, rules, tok)
                or (layout.wrapped and not after_end and ends_at == "body"
                    and 0.75 * layout.width <= len(pl.text) <= 1.3 * layout.width)):
            kinds[i] = "body"
        elif pl.line.heading_level == 0 and prev == "body" and nxt_kind == "body" and layout.full(pls[i - 1].text) \
                and not rules.ends_sentence(pls[i - 1].text):
            kinds[i] = "body"
        else:
            kinds[i] = "heading"
    return kinds


def build_items(lines: tuple[Line, ...], rules: Rules, tok: Cutter,
                skip: frozenset[int] = frozenset()) -> tuple[tuple[Item, ...], Layout]:
    """Turn a page's repaired lines into items in page order.

    Arguments:
        lines: the repaired lines
        skip: line numbers already placed as duplicates
    Returns:
        the items and the page layout measures.
    """
    layout = measure(lines)
    pls = classify(lines, rules, skip, tok)
    kinds = resolve_headings(pls, layout, rules, tok)
    items: list[Item] = []
    para: list[PageLine] = []
    cut = False  # a caption stood inside the open paragraph

    def close() -> None:
        nonlocal cut
        cut = False
        if para:
            text = "".join(p.text for p in para)
            items.append(Item("para", tuple(p.no for p in para), text, gap=para[0].gap,
                              gap_before=layout.big_gap(para[0].gap), lead=_lead(text, rules),
                              names=para[-1].trailing,
                              open_end=not rules.ends_sentence(text) and not para[-1].trailing,
                              spaced="".join(p.piece or p.line.spaced or p.line.text for p in para[:3]),
                              note=para[0].note))
            para.clear()

    for pl, kind in zip(pls, kinds):
        if kind == "body":
            if para and not para[-1].trailing and not rules.ends_sentence(para[-1].text) and not layout.big_gap(pl.gap) \
                    and (layout.full(para[-1].text) or cut or certain_join(para[-1].text, pl.text, rules, tok)) \
                    and not _lead(pl.text, rules):
                para.append(pl)
                cut = False
                continue
            if para and not layout.big_gap(pl.gap) and pl.gap == 0 and not para[-1].trailing \
                    and not rules.ends_sentence(para[-1].text):
                para.append(pl)  # no blank line between them: one printed block
                continue
            close()
            para.append(pl)
            continue
        if kind in ("caption", "credit") and para and not rules.ends_sentence(para[-1].text):
            # A caption that cuts a sentence: keep the paragraph open across it.
            items.append(_item(pl, kind, layout, rules))
            cut = True
            continue
        close()
        items.append(_item(pl, kind, layout, rules))
    close()
    items.sort(key=lambda it: it.lines[0])
    return tuple(items), layout


def _item(pl: PageLine, kind: str, layout: Layout, rules: Rules) -> Item:
    text = heading_text(pl.line.spaced, pl.text, rules) if kind == "heading" and not pl.piece else pl.text
    return Item(kind, (pl.no,), text, gap=pl.gap, gap_before=layout.big_gap(pl.gap), level=pl.line.heading_level,
                names=pl.names, note=pl.note)
