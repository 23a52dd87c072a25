"""What each repaired line looks like on its own: byline, credit, heading-shaped or body.

Whether a heading-shaped line really is a heading, a caption or the first half
of a wrapped sentence depends on its neighbours; ``items`` decides that.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field, replace

from .bylines import author_note, lead_marker, names_in, sentence_tail_at, trailing_names
from .captions import credit_split, is_caption_by_words, is_subtitle
from .glued import GLUED_NOTE, Glued, byline_in_front, names_in_front, split_glued, undouble_glued
from ..model import Line
from ..repair.line_fixes import undouble
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules


@dataclass(frozen=True)
class PageLine:
    """A non-blank line with what the layout says about it.

    Arguments:
        line: the repaired line
        gap: blank (or markup-only) lines before it
        shape: byline, credit, heading or body
        names: the names when it is a byline
        caption: for a credit line, the caption printed before the credit on the same line
        trailing: names printed after the last sentence of the line (…青睐。 廖祥); text leaves them out
    """
    line: Line
    gap: int
    shape: str
    names: tuple[str, ...] = ()
    caption: str = ""
    trailing: tuple[str, ...] = ()
    names_at: int = 0  # where the trailing names begin in the repaired text
    piece: str = ""  # the part of a line split in several (a headline glued to a sentence)
    piece_spaced: str = ""  # that part with its printed spaces, when known
    note: str = ""  # which rule decided, when it is worth saying

    @property
    def text(self) -> str:
        if self.piece:
            return self.piece
        if self.trailing:
            return self.line.text[:self.names_at]
        return self.line.text

    @property
    def no(self) -> int:
        return self.line.no


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


# A page marks its paragraphs by an indent when this many lines open with one.
INDENTED_PAGE = 4


def indented(line: Line) -> bool:
    """The printed line opens with a paragraph indent (two spaces, or a full-width one)."""
    return line.raw.startswith(("\u3000", "  "))


def heading_shaped(text: str, rules: Rules) -> bool:
    if not text or len(text) > rules.heading_max_chars:
        return False
    if any(c in rules.sentence_end for c in text):
        return False
    if text[-1] in rules.continuation_end_marks and text[-1] != "：":
        return False
    return text.count("，") <= 2 and not lead_marker(text, rules)


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
    if not wrapped and len(widths) > 2 * window:  # a long page: a part of it may be set in columns
        for k, no in enumerate(measured):
            # The lines before it or the lines after it: the first and last lines of a narrow
            # part are judged by the part, not by a window half of it wider.
            for near in (widths[max(0, k - window):k + 1], widths[k:k + window + 1]):
                w = _upper_quartile(near)
                if len(near) > window // 2 and _wrapped(near, w, rules):
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


def _glued_pieces(line: Line, gap: int, glued: Glued) -> list[PageLine]:
    note = f"{GLUED_NOTE}: {glued.rule}"
    # A bold headline read twice character by character is mended only once it stands alone.
    title, dash, subtitle = glued.head.partition("——")
    pieces = [PageLine(line, gap, "heading", piece=undouble_glued(undouble(title)), note=note)] if title else []
    if dash:
        pieces.append(PageLine(line, 0, "subtitle", piece=dash + subtitle, note=note))
    if glued.byline:
        pieces.append(PageLine(line, 0 if pieces else gap, "byline", names=glued.names, piece=glued.byline, note=note))
    return pieces + [PageLine(line, 0, "body", piece=glued.rest, piece_spaced=glued.rest_spaced, note=note)]


def _headline_pieces(line: Line, rest: str, rules: Rules, tok: Cutter, note: str) -> list[PageLine]:
    """What follows names glued to the front: a headline alone, or a headline glued to its text."""
    glued = split_glued(rest, "", rules, tok)
    if glued is not None:
        return _glued_pieces(line, 0, glued)
    shape = "heading" if heading_shaped(rest, rules) else "body"
    return [PageLine(line, 0, shape, piece=rest, note=note)]


def classify(lines: tuple[Line, ...], rules: Rules, skip: frozenset[int] = frozenset(),
             tok: Cutter | None = None) -> tuple[PageLine, ...]:
    """Give every non-blank line its shape (see PageLine).

    Arguments:
        skip: lines already placed (duplicates): left out, and not counted as a gap
    """
    out: list[PageLine] = []
    gap = 0
    for line in lines:
        if line.debris:
            gap += 1
            continue
        if line.no in skip:
            gap = max(gap - 1, 0)
            continue
        across = _names_across(out[-1], line, gap, rules) if out else None
        if across is not None:
            out[-1:] = across
        else:
            out.extend(_shapes(line, gap, out[-1] if out else None, rules, tok))
        gap = 0
    return tuple(out)


# Names after a paragraph's last sentence that a narrow column wrapped: at most this long on each line.
NAMES_PIECE = 16


def _names_across(prev: PageLine, line: Line, gap: int, rules: Rules) -> list[PageLine] | None:
    """Names printed after a paragraph's last sentence, wrapped onto the next line
    (…长大成人”。 （本报记者 / 何俊鹏）, …发展。李晓兰 曾 / 永洪): the sentence ends the paragraph
    and the names are a byline."""
    if prev.shape != "body" or prev.piece or gap > 1 or len(line.text) > NAMES_PIECE:
        return None
    text = prev.line.text
    at = sentence_tail_at(text, rules)
    if at == len(text) or len(text) - at > NAMES_PIECE or any(c in rules.sentence_end for c in line.text):
        return None
    first = prev.line.spaced or prev.line.raw
    # A name cut at the column edge runs on with no space; a space at the edge stays one.
    glue = " " if prev.line.raw[-1:].isspace() or line.raw[:1].isspace() else ""
    before, names = trailing_names(first.rstrip() + glue + (line.spaced or line.raw).strip(), rules)
    if not names or len(before.rstrip()) > len(first.rstrip()) or len("".join(names)) <= len("".join(prev.trailing)):
        return None
    note = "names after the last sentence, wrapped onto the next line"
    return [replace(prev, piece=text[:at], trailing=(), names_at=0, note=note),
            PageLine(line, gap, "byline", names=names, note=note)]


def _shapes(line: Line, gap: int, prev: PageLine | None, rules: Rules, tok: Cutter | None) -> list[PageLine]:
    """The shape of one line, by the first rule that holds (a glued line gives several pieces)."""
    text = line.text
    names = names_in(line.spaced or text, rules)
    prev_open = prev is not None and prev.shape == "body" and not rules.ends_sentence(prev.text)
    marked = text.lstrip()[:1] in rules.byline_symbols + "(（" or any(m in text for m in rules.byline_markers)
    if author_note(text, rules):
        return [PageLine(line, gap, "byline", note="an author's note")]
    if is_caption_by_words(text, rules):
        return [PageLine(line, gap, "caption", note="a caption by its opening words")]
    if is_subtitle(text, rules) and prev is not None and prev.shape == "heading":
        return [PageLine(line, gap, "subtitle", note="a subtitle (——) under a headline")]
    # A byline never ends with a comma (…机构和下 / 游客户，: a sentence wrapped, no 游 to sign it).
    if names and (marked or not prev_open) and not text.endswith("，"):
        return [PageLine(line, gap, "byline", names=names)]
    caption, credit = credit_split(text, rules)
    if credit:
        return [PageLine(line, gap, "credit", caption=caption)]
    # With its printed spaces (they set the names apart), stray ones inside words taken out.
    _, trailing = trailing_names(line.spaced or line.raw, rules)
    front = names_in_front(text, line.spaced, rules, tok) if tok is not None and not trailing and (
        prev is None or rules.ends_sentence(prev.text)) else None
    if front is not None:
        note = f"{GLUED_NOTE}: names of a byline before a headline"
        return [PageLine(line, gap, "byline", names=front[1], piece=front[0], note=note)] + \
            _headline_pieces(line, front[2], rules, tok, note)
    if not trailing and heading_shaped(text, rules):
        return [PageLine(line, gap, "heading")]
    glued = (split_glued(text, line.spaced, rules, tok) or byline_in_front(text, line.spaced, rules, tok)) \
        if tok is not None and not trailing else None
    if glued is not None:
        return _glued_pieces(line, gap, glued)
    inside = _headline_inside(line, gap, rules, tok) if tok is not None else None
    if inside is not None:
        return inside
    names_at = sentence_tail_at(text, rules) if trailing else 0
    return [PageLine(line, gap, "body", trailing=trailing, names_at=names_at)]


def _headline_inside(line: Line, gap: int, rules: Rules, tok: Cutter) -> list[PageLine] | None:
    """On a line-joined page the next article can be glued after a paragraph's last sentence
    (…迈进。 丁子航　刘　晴蚌埠高新区：…本报讯…): split after the sentence end where names and a
    headline in its own form, or a headline glued to a byline or lead, begin."""
    text, spaced = line.text, line.spaced or line.text
    ends = [i for i, c in enumerate(text) if c in rules.sentence_end]
    spaced_ends = [i for i, c in enumerate(spaced) if c in rules.sentence_end]
    for k, at in enumerate(ends):
        cut = at + 1
        while cut < len(text) and text[cut] in rules.closing_marks:
            cut += 1
        tail = text[cut:].strip()
        if len(tail) < 8:
            continue
        tail_spaced = spaced[spaced_ends[k] + 1:].lstrip(rules.closing_marks + " \u3000") \
            if len(spaced_ends) == len(ends) else tail
        head = PageLine(line, gap, "body", piece=text[:cut], note=f"{GLUED_NOTE}: another article glued after it")
        front = names_in_front(tail, tail_spaced, rules, tok)
        if front is not None:
            note = f"{GLUED_NOTE}: names of a byline and a headline glued after a paragraph"
            return [head, PageLine(line, 0, "byline", names=front[1], piece=front[0], note=note)] + \
                _headline_pieces(line, front[2], rules, tok, note)
        glued = split_glued(tail, tail_spaced, rules, tok) if any(rx.match(tail) for rx in rules.headline_patterns) \
            else None
        if glued is not None:
            return [head] + _glued_pieces(line, 0, glued)
    return None
