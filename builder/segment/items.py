"""Lines → items: headings, bylines, captions, credits and paragraphs, in page order.

Hard-wrapped lines are joined into paragraphs here: always when the page is
set in narrow columns (every line wrapped), otherwise only where the join is
certain (a comma at the end, a word cut in two, a particle opening the next
line). A paragraph left open at the end is joined later, once the segmenter
knows which article the next piece belongs to (a column break).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .bylines import lead_marker
from .heading_rules import around, decide
from .joins import certain_join, list_item
from .captions import is_subtitle
from .line_shapes import PageLine, classify, heading_shaped
from .page_layout import Layout, measure
from ..model import Line
from ..repair.line_fixes import heading_text
from ..textmatch.trie import WordFinder
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules


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
    source: str = ""  # a source mark after its last sentence (（新华）): the article ends here
    note: str = ""  # which rule decided, for the line's placement


def _lead(text: str, rules: Rules) -> bool:
    return bool(lead_marker(text, rules))


def resolve_headings(pls: tuple[PageLine, ...], layout: Layout, rules: Rules,
                     tok: Cutter) -> tuple[list[str], list[str]]:
    """Decide for every line what it is: heading, caption, credit, byline or body.

    Returns:
        the kind of every line and, for the heading-shaped ones, the rule that decided.
    """
    kinds = [pl.shape for pl in pls]
    notes = [pl.note for pl in pls]
    for i, pl in enumerate(pls):
        if pl.shape == "heading" and not pl.piece:
            kinds[i], rule = decide(around(pls, kinds, i, layout.at(pl.no), rules, tok))
            notes[i] = f"{kinds[i]}: {rule}"
    return kinds, notes


def build_items(lines: tuple[Line, ...], rules: Rules, tok: Cutter, skip: frozenset[int] = frozenset(),
                names: WordFinder | None = None, joined: bool | None = None,
                strays: int = 0, cut_lines: frozenset[int] = frozenset()) -> tuple[tuple[Item, ...], Layout]:
    """Turn a page's repaired lines into items in page order.

    Arguments:
        lines: the repaired lines
        skip: line numbers already placed as duplicates
        names, joined: see ``line_shapes.classify``
        strays: how many lines print spaces inside words
        cut_lines: the lines ``unwrap`` joined back from lines cut at the column edge (a page set tight)
    Returns:
        the items and the page layout measures.
    """
    layout = replace(measure(lines, rules), stray_spaces=strays >= rules.stray_space_lines, tight=bool(cut_lines),
                     cut_lines=cut_lines)
    pls = classify(lines, rules, skip, tok, names, joined)
    kinds, notes = resolve_headings(pls, layout, rules, tok)
    pls = tuple(pl if pl.note == note else replace(pl, note=note) for pl, note in zip(pls, notes))
    items: list[Item] = []
    para: list[PageLine] = []
    cut = False  # a caption stood inside the open paragraph
    blocks = heading_blocks(pls, rules)
    skip_to = -1
    repeats: set[int] = set()  # lines that only repeat the text before a caption
    echo = [""]  # the rest of such a repeat, still to come on the next lines

    def close() -> None:
        nonlocal cut
        cut, echo[0] = False, ""
        if para:
            text = "".join("" if p.no in repeats else p.text for p in para)
            items.append(Item("para", tuple(p.no for p in para), text, gap=para[0].gap,
                              gap_before=layout.big_gap(para[0].gap), lead=_lead(text, rules),
                              names=para[-1].trailing, source=para[-1].source,
                              open_end=not rules.ends_sentence(text) and not para[-1].ends_article,
                              spaced="".join(p.piece_spaced or p.piece or p.line.spaced or p.line.text for p in para[:3]),
                              note=para[0].note))
            para.clear()

    for i, (pl, kind) in enumerate(zip(pls, kinds)):
        if i <= skip_to:
            continue
        if i in blocks:
            close()
            skip_to = blocks[i]
            block = pls[i:skip_to + 1]
            text = "".join(p.text for p in block)
            items.append(Item("subtitle" if is_subtitle(text, rules) else "heading", tuple(p.no for p in block), text,
                              gap=pl.gap, gap_before=layout.big_gap(pl.gap),
                              note="heading: a short block of lines with no sentence end, set apart by blank lines"))
            continue
        if kind == "body":
            if para and not para[-1].ends_article and not rules.ends_sentence(para[-1].text) and not layout.big_gap(pl.gap) \
                    and (layout.at(para[-1].no).full(para[-1].text) or cut or certain_join(para[-1].text, pl.text, rules, tok)) \
                    and not _lead(pl.text, rules) and not list_item(para[-1].text, pl.text, rules):
                para.append(_after_cut(para, pl, repeats, echo) if cut else _echoed(pl, repeats, echo))
                cut = False
                continue
            # No blank line between them: one printed block, on a page that sets its paragraphs apart
            # by blank lines or in columns (a page of one line per paragraph and no blank line can
            # print a column of another article right after an open line: joined once its article is known).
            if para and (layout.gap or layout.at(para[-1].no).wrapped) and pl.gap == 0 and not para[-1].ends_article \
                    and not rules.ends_sentence(para[-1].text) and not layout.tight \
                    and not list_item(para[-1].text, pl.text, rules):
                para.append(_echoed(pl, repeats, echo))
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


# Text this long that a paragraph resumes with after a caption, and that its part before the
# caption ended with, was printed twice around the picture (…下游客户， / 图为… / 还帮助…下游客户，).
MIN_REPEAT = 8
# A whole line repeated after the caption is found this far back from the paragraph's end.
REPEAT_REACH = 40
REPEAT_NOTE = "repeats the text printed before the caption; read once"


def _after_cut(para: list[PageLine], pl: PageLine, repeats: set[int], echo: list[str]) -> PageLine:
    """The line that resumes a paragraph after a caption, without the text it repeats from before
    it: its start repeats the paragraph's end, or the whole line repeats text near the end (then
    ``echo`` keeps the rest of the repeat, for the lines after it)."""
    before = "".join(p.text for p in para if p.no not in repeats)
    text = pl.text
    k = next((k for k in range(len(text), MIN_REPEAT - 1, -1) if before.endswith(text[:k])), 0)
    at = before.rfind(text, max(0, len(before) - REPEAT_REACH)) if not k and len(text) >= MIN_REPEAT else -1
    if not k and at < 0:
        return pl
    if at >= 0:
        echo[0] = before[at + len(text):]
        k = len(text)
    if k == len(text):
        repeats.add(pl.no)
        return replace(pl, note=REPEAT_NOTE)
    return replace(pl, piece=text[k:], note=REPEAT_NOTE)


def _echoed(pl: PageLine, repeats: set[int], echo: list[str]) -> PageLine:
    """A line after a repeat begun after a caption: without the part of it that is still the repeat."""
    rest, text = echo[0], pl.text
    echo[0] = ""
    if not rest:
        return pl
    if rest.startswith(text):
        echo[0] = rest[len(text):]
        repeats.add(pl.no)
        return replace(pl, note=REPEAT_NOTE)
    return replace(pl, piece=text[len(rest):], note=REPEAT_NOTE) if text.startswith(rest) else pl


# A headline wrapped at the column edge takes at most this many lines.
HEADLINE_LINES = 3


def heading_blocks(pls: tuple[PageLine, ...], rules: Rules) -> dict[int, int]:
    """Headlines wrapped over two or three lines: {first index: last index} of each block of lines
    set tight together, apart from the rest by blank lines, that reads as one headline (no sentence
    end, a headline's length) on a page that sets its paragraphs apart by blank lines."""
    n = len(pls)
    out: dict[int, int] = {}
    closed = several = 0
    i = 0
    while i < n:
        j = i
        while j + 1 < n and pls[j + 1].gap == 0:
            j += 1
        if j > i:
            several += 1
            closed += rules.ends_sentence(pls[j].text)
        apart = (i == 0 or pls[i].gap >= 1) and (j + 1 >= n or pls[j + 1].gap >= 1)
        # A block whose sentence the next line goes on (…与生物医药 / 等优势产业) is no headline.
        goes_on = j + 1 < n and pls[j + 1].text[:1] in rules.continuation_start_chars
        if 0 < j - i < HEADLINE_LINES and apart and not goes_on and all(
                p.shape in ("heading", "body", "subtitle") and not p.piece and not p.trailing for p in pls[i:j + 1]):
            text = "".join(p.text for p in pls[i:j + 1])
            if heading_shaped(text, rules):
                out[i] = j
        i = j + 1
    # Only where the blocks are paragraphs (most end a sentence), not pieces of wrapped lines.
    return out if several and closed * 2 >= several else {}


def _item(pl: PageLine, kind: str, layout: Layout, rules: Rules) -> Item:
    text = heading_text(pl.line.spaced, pl.text, rules) if kind == "heading" and not pl.piece else pl.text
    return Item(kind, (pl.no,), text, gap=pl.gap, gap_before=layout.big_gap(pl.gap), level=pl.line.heading_level,
                names=pl.names, note=pl.note)
