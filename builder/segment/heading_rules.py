"""Is a heading-shaped line a heading, a caption or a piece of a paragraph?

An ordered table of named rules; the first that holds decides, and its name
is kept for the line's placement note, so the source view can say why. Each
rule weighs the line against its neighbours and the page's own measures
(usual gap, usual width), never one cue alone where that cue can mislead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .bylines import lead_marker
from .captions import is_caption_by_layout
from .joins import certain_join, cut_word
from .line_shapes import PageLine
from .page_layout import Layout, indented
from ..repair.line_fixes import has_parts
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules

_INNER_MARKS = re.compile("[，、“‘（]")
# Few headlines without a headline's own form run this long.
LONG_LINE = 20
# A line of a wrapped column is at most this much wider than the column (marks run on past the edge).
OVER_WIDTH = 1.3


@dataclass(frozen=True)
class Around:
    """A heading-shaped line and what stands around it."""
    pl: PageLine
    prev: str | None  # the kind decided for the line before
    prev_pl: PageLine | None
    before_prev: str | None
    nxt: PageLine | None
    nxt_kind: str | None  # lead, or the next line's shape
    ends_at: str | None  # what ends the run of heading-shaped lines from here: lead, byline, body, None
    gap_before: bool
    gap_after: bool
    layout: Layout
    rules: Rules
    tok: Cutter
    above_caption: PageLine | None = None  # the body line above the captions and credits right above it

    @property
    def after_end(self) -> bool:
        """Right after a byline or trailing names an article has ended: a short line without inner
        punctuation there needs a word cut in two to count as a wrapped line (it may be the next headline)."""
        ended = (self.prev == "byline" and self.before_prev == "body") or bool(self.prev_pl and self.prev_pl.ends_article)
        return ended and not _INNER_MARKS.search(self.pl.text)


def _marked(a: Around) -> bool:
    return bool(a.pl.line.heading_level) or any(rx.search(a.pl.text) for rx in a.rules.headline_patterns)


def _second_line(a: Around) -> bool:
    return a.prev == "heading" and a.pl.gap < a.layout.gap and not cut_word(a.prev_pl.text, a.pl.text, a.tok)


def _subject_line(a: Around) -> bool:
    return a.pl.text.endswith("：") and a.nxt is not None and a.nxt.shape == "heading"


def _before_credit(a: Around) -> bool:
    """Right above a photo credit that has no caption of its own on its line."""
    return a.nxt_kind == "credit" and not a.nxt.caption


def _wrapped_rest(a: Around) -> bool:
    """The rest of the open line above, or of the one above the photo captions set inside its
    paragraph (…研究院不仅提供技术， / 图为… / 还帮助企业对接…)."""
    before = a.above_caption if a.prev in ("caption", "credit") else a.prev_pl if a.prev == "body" else None
    if before is None or a.rules.ends_sentence(before.text) or a.gap_before or before.ends_article:
        return False
    return a.layout.full(before.text) or certain_join(before.text, a.pl.text, a.rules, a.tok)


def _spaced_parts(a: Around) -> bool:
    """Two parts set apart by a space, with no clause marks (a stray space inside a sentence is no
    sign), and no word running on into the next line (…第37架大型工 / 业无人机: a stray space);
    on a page that prints spaces inside words, no space is a sign."""
    return not a.layout.stray_spaces and has_parts(a.pl.line.spaced) and not any(c in a.pl.line.spaced for c in "，、") \
        and not (a.nxt is not None and a.nxt_kind == "body" and cut_word(a.pl.text, a.nxt.text, a.tok))


def _before_byline(a: Around) -> bool:
    return a.ends_at in ("lead", "byline") and not (a.gap_before and a.prev in ("heading", "caption"))


def _caption_by_layout(a: Around) -> bool:
    return is_caption_by_layout(a.prev, a.gap_before, a.gap_after, a.nxt_kind) and not _opens_paragraph(a)


def _opens_paragraph(a: Around) -> bool:
    """On a wrapped page, a line that runs to the column edge and goes on (into body, or into
    another full line), set no further from the text below than the page's lines: the first line
    of a paragraph (a headline-less article after a wide gap), not a caption."""
    goes_on = a.nxt is not None and (a.nxt_kind == "body" or (a.nxt_kind == "heading" and a.layout.full(a.nxt.text))) \
        and not _caption_before_opening(a)
    return a.layout.full(a.pl.text) and not _spans_columns(a) and goes_on and a.nxt.gap <= a.layout.gap \
        and not a.gap_after


def _unindented_between_paragraphs(a: Around) -> bool:
    """On a page that marks paragraphs by an indent: a line without one, after a paragraph's end
    and before an indented line, is no part of a paragraph."""
    if not a.layout.indented or indented(a.pl.line) or a.nxt is None or not indented(a.nxt.line):
        return False
    return a.prev_pl is None or a.prev != "body" or (
        a.rules.ends_sentence(a.prev_pl.text) and not a.layout.full(a.prev_pl.text))


def _cut_at_edge(a: Around) -> bool:
    """Joined back from lines cut at the column edge, with a sentence's inner marks (，、): the
    pieces of a paragraph left open at a column's or the page's end, never a headline (set across
    the columns, not cut) nor a subhead."""
    return a.pl.line.no in a.layout.cut_lines and not a.pl.piece and any(c in a.pl.text for c in "，、,")


def _runs_on(a: Around) -> bool:
    """The line continues into the next: a word or clause runs across, or it is a full line of a narrow column."""
    if a.nxt is None or a.nxt_kind not in ("body", "heading"):
        return False
    if certain_join(a.pl.text, a.nxt.text, a.rules, a.tok):
        return True
    width = a.layout.width
    # Not where the next line opens a paragraph: indented on a page that indents them, or opening
    # a sentence as news items do after a line with no clause of a sentence (衢州高新区全景图 /
    # 近年来，…: a caption as wide as the column; …龙头，2020年 / 8月18日 goes on).
    opens = (a.layout.indented and indented(a.nxt.line)) or _caption_before_opening(a)
    return a.layout.wrapped and not a.after_end and a.ends_at == "body" and 0.75 * width <= len(a.pl.text) <= 1.3 * width \
        and not opens


def _spans_columns(a: Around) -> bool:
    """On a wrapped page, a line far wider than the column (past the marks a line may run on
    over) is set across columns, as headlines, bylines and captions are: no line of a paragraph."""
    return a.layout.wrapped and len(a.pl.text) > OVER_WIDTH * a.layout.width + 2


def _caption_before_opening(a: Around) -> bool:
    """A line without a sentence's inner marks before a line that opens a news item's sentence."""
    return a.nxt is not None and not _INNER_MARKS.search(a.pl.text) and bool(a.rules.sentence_openings.match(a.nxt.text))


def _tight_full_line(a: Around) -> bool:
    """A line as wide as the page's text lines, with a sentence's inner marks, set tighter to the
    next line than the page sets its paragraphs apart: the first line of a paragraph."""
    return a.nxt is not None and a.nxt_kind == "body" and a.nxt.gap < a.layout.gap \
        and len(a.pl.text) >= 0.75 * a.layout.width and bool(_INNER_MARKS.search(a.pl.text))


def _tight_over_its_column(a: Around) -> bool:
    """On a wrapped page, a line with a sentence's inner marks set with no blank over a body line,
    as wide as three quarters of it: the first line of a paragraph set in a column narrower than
    the page's (…对接会。 / 为保障项目落地，璧山高新区实行 / “项目管家”服务制度，从…); a subhead
    is set apart from its text, or is short beside the column."""
    return a.layout.wrapped and a.nxt is not None and a.nxt_kind == "body" and a.nxt.gap == 0 \
        and len(a.pl.text) >= 0.75 * len(a.nxt.text) and bool(_INNER_MARKS.search(a.pl.text))


def _full_sentence_line(a: Around) -> bool:
    """A line as wide as the page's text lines, longer than most headlines, with a sentence's inner
    marks, before more text: a line of a paragraph, whatever the gaps (a blank after every line).
    On a wrapped page the next line may be as short as a heading (the paragraph's last)."""
    following = ("body", "heading") if a.layout.wrapped else ("body",)
    return a.nxt is not None and not _spans_columns(a) and a.nxt_kind in following and len(a.pl.text) >= max(0.9 * a.layout.width, LONG_LINE) \
        and bool(_INNER_MARKS.search(a.pl.text))


def _between_full_lines(a: Around) -> bool:
    return a.pl.line.heading_level == 0 and a.prev == "body" and a.nxt_kind == "body" \
        and a.layout.full(a.prev_pl.text) and not a.rules.ends_sentence(a.prev_pl.text)


# (name, test, kind): the first rule whose test holds decides; a line no rule takes is a heading.
RULES: tuple[tuple[str, Callable[[Around], bool], str], ...] = (
    ("marked as a heading, or in a headline's form", _marked, "heading"),
    ("second line of a headline, set tighter than paragraphs", _second_line, "heading"),
    ("a headline's subject on a line of its own", _subject_line, "heading"),
    ("printed next to a photo credit", _before_credit, "caption"),
    ("the rest of a line wrapped at the column edge", _wrapped_rest, "body"),
    ("cut at the column edge, with a sentence's marks", _cut_at_edge, "body"),
    ("two parts set apart by a space, as subheads are", _spaced_parts, "heading"),
    ("followed by a byline or a lead", _before_byline, "heading"),
    ("set apart by wide gaps, as captions are", _caption_by_layout, "caption"),
    ("not indented, between paragraphs of a page that indents them", _unindented_between_paragraphs, "heading"),
    ("runs on into the next line", _runs_on, "body"),
    ("a full-width line with a sentence's marks, before more text", _full_sentence_line, "body"),
    ("a full line set tight to the next, with a sentence's marks", _tight_full_line, "body"),
    ("between full lines of an open sentence", _between_full_lines, "body"),
    ("set tight over a column's line as wide, with a sentence's marks", _tight_over_its_column, "body"),
)


def decide(a: Around) -> tuple[str, str]:
    """(kind, the name of the rule that decided) for one heading-shaped line."""
    for name, test, kind in RULES:
        if test(a):
            return kind, name
    return "heading", "a short line no other rule explains"


def around(pls: tuple[PageLine, ...], kinds: list[str], i: int, layout: Layout, rules: Rules, tok: Cutter) -> Around:
    """What stands around line i (kinds decided so far for the lines before it)."""
    pl, n = pls[i], len(pls)
    nxt = pls[i + 1] if i + 1 < n else None
    nxt_kind = None if nxt is None else ("lead" if lead_marker(nxt.text, rules) else nxt.shape)
    # Follow the run of heading-shaped lines (and photo credits set among them):
    # a headline group ends at a byline or a lead.
    j = i + 1
    while j < n and pls[j].shape in ("heading", "credit", "subtitle"):
        j += 1
    ends_at = None if j >= n else ("lead" if lead_marker(pls[j].text, rules) else pls[j].shape)
    k = i - 1
    while k >= 0 and kinds[k] in ("caption", "credit"):
        k -= 1
    above = pls[k] if 0 <= k < i - 1 and kinds[k] == "body" else None
    return Around(pl=pl, prev=kinds[i - 1] if i else None, prev_pl=pls[i - 1] if i else None, above_caption=above,
                  before_prev=kinds[i - 2] if i > 1 else None, nxt=nxt, nxt_kind=nxt_kind, ends_at=ends_at,
                  gap_before=layout.big_gap(pl.gap) if i else False,
                  gap_after=nxt is not None and layout.big_gap(nxt.gap), layout=layout, rules=rules, tok=tok)
