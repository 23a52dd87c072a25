"""A page set tight in columns read back one line per paragraph, before anything else reads it.

A typesetter's column (or a tool that cuts text every N characters) puts the same
number of characters on every line of a paragraph but its last; only marks that
may not open a line run on over the edge. Where many lines of the page have one
width to a character, that width is the column's, and a line of exactly it runs
on into the next: the lines are joined back into the paragraph they were cut
from. A shorter line, a line ending a sentence, and a headline or byline longer
than the column (set across the columns, not cut) stay lines of their own; so do
a byline, credit, subtitle or note in brackets as wide as the column by chance,
and a byline, lead or subject：headline below a line at the edge (a paragraph
broken off at a column's end). Every later step then reads the paragraph as on a page of one line per paragraph
(a headline glued to its first sentence by a line-joining tool is found in it,
even when the column cut it over several lines), and each placement is given
back to every printed line the paragraph was joined from.

An OCR'd column of print is ragged by a character or two (half-width digits,
marks run over the edge), so a page as printed seldom reads as tight; there
nothing is joined here and the later steps join wrapped lines as before.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import replace
from typing import NamedTuple

from .bylines import lead_marker, names_in, source_tail
from .captions import credit_split, is_subtitle
from ..model import Article, Fix, FixKind, Line, Placement, Role
from ..repair.line_fixes import fix_misreadings
from ..vocab.rule_files import Rules


def column_width(lines: tuple[Line, ...], rules: Rules) -> int | None:
    """The width of a page set tight in columns (its lines counted as printed, spaces too), else None."""
    widths = [len(_printed(ln)) for ln in lines if not ln.debris and len(ln.text) >= 4]
    if len(widths) < rules.tight_columns.get("min_lines", 10):
        return None
    width, count = Counter(widths).most_common(1)[0]
    # The column's lines are the page's longest but for headlines and bylines across the columns.
    longer = sum(1 for w in widths if w > width + 2)
    if count < rules.tight_columns.get("share", 0.3) * len(widths) or longer > count:
        return None
    return width


def _printed(line: Line) -> str:
    """The line as the column holds it: its indent and spaces count, a space at the edge too."""
    return line.raw.rstrip("\r\n")


def at_edge(line: Line, width: int, rules: Rules) -> bool:
    """The line reaches the column edge: exactly the column's width, past it only marks that may
    not open a line (or spaces)."""
    text = _printed(line)
    return len(text) >= width and all(ch in rules.tight_columns.get("run_over", "") or ch.isspace()
                                      for ch in text[width:])


def runs_on(line: Line, width: int, rules: Rules) -> bool:
    """The line is cut at the column edge: it reaches it, its sentence left open (a paragraph may
    end at the edge), and it is no line of its own (a byline as wide as the column by chance)."""
    return at_edge(line, width, rules) and not rules.ends_sentence(line.text) and not _own_line(line, rules)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)  # a mark of either width


def _apart(line: Line, rules: Rules) -> bool:
    """A line set apart whatever its width: a byline, a photo credit, a subtitle (——…), a note in
    brackets (（下转第4版）), a line marked as a heading (#)."""
    text = line.text
    # a byline never ends with a comma (项目走， is the rest of a sentence, not a name)
    byline = names_in(text, rules) and _nfkc(text[-1:]) not in _nfkc(rules.continuation_end_marks)
    return bool(line.heading_level or byline or credit_split(text, rules)[1]
                or is_subtitle(text, rules) or (text[:1] in "（(" and text[-1:] in "）)"))


def _own_line(line: Line, rules: Rules) -> bool:
    """A line that runs on into nothing: set apart, or a byline (its names, or its marker) after the
    paragraph's last sentence (…长大成人”。 （本报记者 / 何俊鹏）: the names' line is the byline's)."""
    spaced = line.spaced or line.text
    ends = [i for i, ch in enumerate(spaced) if ch in rules.sentence_end]
    tail = spaced[ends[-1] + 1:].strip() if ends else ""
    marker = tail[:1] in "（(" and tail[1:].startswith(rules.byline_markers)  # not 记者近日获悉…
    # …产业。（聊城高新区供稿）: a source mark closes the paragraph as names do
    return _apart(line, rules) or bool(tail and (names_in(tail, rules) or marker or source_tail(line.text, rules)))


def _opens(line: Line, width: int, rules: Rules) -> bool:
    """The line opens something of its own: set apart, a lead, or a headline in its form (宁波高新区：…,
    not cut itself): the line above reaches the column edge by chance, a paragraph broken off at a
    column's end."""
    if _apart(line, rules) or lead_marker(line.text, rules):
        return True
    return not at_edge(line, width, rules) and any(rx.search(line.text) for rx in rules.headline_patterns)


class Unwrapped(NamedTuple):
    """The page's lines with each paragraph cut at the column edge joined back into its first line."""
    lines: tuple[Line, ...]
    groups: dict[int, tuple[int, ...]]  # per joined line, the printed lines it holds, in order
    inner: frozenset[int]  # the blank lines left out from inside joined paragraphs
    fixes: tuple[Fix, ...] = ()  # misreadings mended once the words cut at the edge were whole again


def unwrap(lines: tuple[Line, ...], rules: Rules) -> Unwrapped:
    """The page read back one line per paragraph, when it is set tight in columns (else as it is)."""
    width = column_width(lines, rules)
    if width is None:
        return Unwrapped(lines, {}, frozenset())
    blank_every_line = _blank_after_every_line(lines)
    out: list[Line] = []
    groups: dict[int, list[int]] = {}
    inner: set[int] = set()
    open_at: int | None = None  # index in out of a line that runs on
    between: list[Line] = []  # the blank line since it, on a page with a blank after every line
    for line in lines:
        if line.debris:
            if open_at is not None and line.debris == Role.BLANK and blank_every_line and not between:
                between.append(line)
                continue
            out += between + [line]
            open_at, between = None, []
            continue
        if open_at is not None and _opens(line, width, rules):
            open_at = None
        if open_at is not None:
            out[open_at] = _joined(out[open_at], line)
            groups.setdefault(out[open_at].no, [out[open_at].no]).append(line.no)
            inner.update(b.no for b in between)
        else:
            out += between + [line]
        between = []
        open_at = len(out) - 1 if runs_on(line, width, rules) else None
    out += between
    mended, fixes = _mended(out, groups, rules)
    return Unwrapped(tuple(mended), {k: tuple(v) for k, v in groups.items()}, frozenset(inner), fixes)


def _joined(first: Line, line: Line) -> Line:
    """Two lines as one; a space printed at the edge kept where the text keeps spaces (between names)."""
    space = " " if first.raw[-1:].isspace() or line.raw[:1].isspace() else ""
    spaced = (first.spaced or first.text) + space + (line.spaced or line.text) if first.spaced or line.spaced or space else ""
    return replace(first, text=first.text + line.text, raw=first.raw + line.raw, spaced=spaced)


def _mended(lines: list[Line], groups: dict[int, list[int]], rules: Rules) -> tuple[list[Line], tuple[Fix, ...]]:
    """The joined lines with the misreadings a cut hid from the repair (人|园 for 入园) mended."""
    out, fixes = [], []
    for line in lines:
        text = fix_misreadings(line.text, rules) if line.no in groups else line.text
        if text != line.text:
            fixes.append(Fix(FixKind.MISREADING, line.no, line.text, text))
            spaced = fix_misreadings(line.spaced, rules) if line.spaced else ""
            line = replace(line, text=text, spaced=spaced)
        out.append(line)
    return out, tuple(fixes)


def _blank_after_every_line(lines: tuple[Line, ...]) -> bool:
    """A blank line follows most text lines: there a blank ends no paragraph."""
    text = [i for i, ln in enumerate(lines) if not ln.debris]
    after = sum(1 for i in text if i + 1 < len(lines) and lines[i + 1].debris == Role.BLANK)
    return bool(text) and after >= 0.8 * len(text)


def spread(placements: tuple[Placement, ...], articles: tuple[Article, ...], groups: dict[int, tuple[int, ...]],
           inner: frozenset[int]) -> tuple[tuple[Placement, ...], tuple[Article, ...]]:
    """Every printed line of a joined paragraph placed as the paragraph is (the blank lines between
    them as blank), and each article's last line the last printed line of its last paragraph."""
    if not groups:
        return placements, articles
    out = [Placement(no, Role.BLANK) for no in inner]
    for p in placements:
        out += [p] + [replace(p, line=no) for no in groups.get(p.line, ())[1:]]
    last = {k: v[-1] for k, v in groups.items()}
    articles = tuple(replace(a, lines=(a.lines[0], last.get(a.lines[1], a.lines[1]))) for a in articles)
    return tuple(sorted(out, key=lambda p: p.line)), articles
