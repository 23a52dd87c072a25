"""The page's layout, measured once: the usual gap between paragraphs, the usual line
width, paragraph indents, and whether the page (or a part of it) is set in wrapped columns.
Line shapes and heading rules judge each line against these measures, not against fixed
numbers, so a page set at any width reads the same."""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field, replace

from ..model import Line
from ..vocab.rule_files import Rules

@dataclass(frozen=True)
class Layout:
    """Page-wide measures: the usual gap between paragraphs, the usual (upper-quartile) line width,
    how many lines open with a full-width indent (paragraphs marked only by it), and whether the
    page is set in wrapped columns (most lines run to its width)."""
    gap: int
    width: float
    indents: int = 0
    wrapped: bool = False
    stray_spaces: bool = False  # the page prints spaces inside words: a space there is no sign
    # The page was set tight in columns (``unwrap`` joined its cut lines back): a paragraph left
    # open there ended short of the edge, at a column's end, blank line below or not.
    tight: bool = False
    cut_lines: frozenset[int] = frozenset()  # the lines joined back from lines cut at the edge
    # Per line number, the width of the lines around it where they are wrapped though the page
    # as a whole is not (one article set in narrow columns beside wider ones).
    local: dict[int, float] = field(default_factory=dict, compare=False)

    def at(self, no: int) -> Layout:
        """The layout around line ``no``: the page's, or its narrow part's."""
        if no not in self.local:
            return self
        return replace(self, width=self.local[no], wrapped=True, local={})

    @property
    def indented(self) -> bool:
        """The page marks paragraphs with an indent."""
        return self.indents >= INDENTED_PAGE

    def full(self, text: str) -> bool:
        """A wrapped line that runs to the column edge; a shorter one ends a paragraph or a column."""
        return self.wrapped and len(text) >= 0.75 * self.width

    def big_gap(self, gap: int) -> bool:
        return gap >= 2 and gap > self.gap


# On a page wrapped as a whole, a part wrapped at most this share of the page's width is set in
# narrower columns of its own (a narrow article beside wide ones), judged by its own width.
NARROWER = 0.75
# A page marks its paragraphs by an indent when this many lines open with one.
INDENTED_PAGE = 4


def indented(line: Line) -> bool:
    """The printed line opens with a paragraph indent (two spaces, or a full-width one)."""
    return line.raw.startswith(("\u3000", "  "))


def measure(lines: tuple[Line, ...], rules: Rules | None = None) -> Layout:
    gaps, widths, run, seen = [], [], 0, False
    measured: list[int] = []  # the line numbers of widths
    indents = sum(1 for line in lines if not line.debris and indented(line))
    for line in lines:
        if line.debris:
            run += 1
            continue
        if seen:
            gaps.append(run)
        seen, run = True, 0
        if len(line.text) >= 4:
            widths.append(len(line.text))
            measured.append(line.no)
    gap = statistics.mode(gaps) if gaps else 1
    width = _upper_quartile(widths)
    wrapped = _wrapped(widths, width, rules)
    window = rules.column_window_lines if rules is not None else 30
    local = {}
    if len(widths) > 2 * window:  # a long page: a part of it may be set in (narrower) columns
        for k, no in enumerate(measured):
            # The lines before it or the lines after it: the first and last lines of a narrow
            # part are judged by the part, not by a window half of it wider.
            for near in (widths[max(0, k - window):k + 1], widths[k:k + window + 1]):
                w = _upper_quartile(near)
                if len(near) > window // 2 and _wrapped(near, w, rules) and (not wrapped or w < NARROWER * width):
                    local[no] = min(w, local.get(no, w))
    return Layout(gap=gap, width=width, indents=indents, wrapped=wrapped, local=local)


def _upper_quartile(widths: list[int]) -> float:
    # The upper quartile: headings, bylines and captions are short on any page.
    return statistics.quantiles(widths, n=4)[2] if len(widths) >= 2 else float(sum(widths))


def _wrapped(widths: list[int], width: float, rules: Rules | None) -> bool:
    """Most lines run to the page's width (give or take a tenth, the marks a line may run on over):
    the page is wrapped in columns, at whatever width."""
    if not widths:
        return False
    share = sum(1 for w in widths if abs(w - width) <= max(2.0, 0.1 * width)) / len(widths)
    column, need, need_column = (rules.column_max_chars, rules.wrapped_share, rules.column_wrapped_share) \
        if rules is not None else (30, 0.5, 0.35)
    return share >= need or (width < column and share >= need_column)
