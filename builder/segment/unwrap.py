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
broken off at a column's end).

A line at the edge may end its paragraph by chance, and a line ending a sentence
there may not: other signs weigh in (``goes_on``, ``_opens``, ``_heading_apart``).
The page's own way of marking paragraphs (an indent opens one; a blank ends one, so
a line right below goes on), a semicolon or an open quote at the edge, a space in
the column's last place go on; a caption, a headline's subject, a line wider than
the column (set across it), a headline or caption shape above a sentence opening
or another heading open something of their own.

Every later step then reads the paragraph as on a page of one line per paragraph
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

from .bylines import lead_marker, names_in, source_tail, strip_markers
from .captions import credit_split, is_caption_by_words, is_subtitle
from .joins import certain_join, number_across
from .page_layout import INDENTED_PAGE, indented
from ..model import Article, Fix, FixKind, Line, Placement, Role
from ..repair.line_fixes import fix_misreadings
from ..textmatch.cjk import remove_cjk_spaces
from ..textmatch.wordcut import Cutter
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


def runs_on(line: Line, width: int, rules: Rules, tok: Cutter | None = None) -> bool:
    """The line is cut at the column edge: it reaches it, its sentence left open (a paragraph may
    end at the edge), and it is no line of its own (a byline as wide as the column by chance)."""
    return at_edge(line, width, rules) and not rules.ends_sentence(line.text) and not _own_line(line, rules, tok)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)  # a mark of either width


def _apart(line: Line, rules: Rules, tok: Cutter | None = None, in_sentence: bool = False) -> bool:
    """A line set apart whatever its width: a byline, a photo credit, a subtitle (——…), a note in
    brackets (（下转第4版）), a line marked as a heading (#), a bold headline the OCR read twice over
    (数字经济数字经济，，…: its text, read once, half the printed line). ``in_sentence``: the
    sentence of the line above goes on (its inner marks, or a join ``certain_join`` reads)."""
    text = line.text
    # (its printed characters counted without spaces: a line spaced out is not printed twice)
    if len(text) >= 4 and 2 * len(text) <= len("".join(line.raw.split())) + 1 and rules.sentence_end_chars.isdisjoint(text):
        return True
    # A byline never ends with a comma (项目走， is the rest of a sentence, not a name). Bare names (no
    # marker, no brackets) are the rest of a sentence cut short at a narrow edge where the dictionary
    # reads them as words (项目,形 / 方面给) or the sentence above goes on in them (…采用新一代 / 冷氢;
    # …生猪养殖 / 和畜).
    names = names_in(text, rules) or ()
    bare = not strip_markers(text, rules)[1] and text[:1] not in "（("
    words = tok is not None and any(_opens_with_word(n, tok) for n in names)
    byline = bool(names) and _nfkc(text[-1:]) not in _nfkc(rules.continuation_end_marks) \
        and not (bare and (words or in_sentence))
    return bool(line.heading_level or byline or credit_split(text, rules)[1]
                or is_subtitle(text, rules) or (text[:1] in "（(" and text[-1:] in "）)"))


def _own_line(line: Line, rules: Rules, tok: Cutter | None = None) -> bool:
    """A line that runs on into nothing: set apart, or a byline (its names, or its marker) after the
    paragraph's last sentence (…长大成人”。 （本报记者 / 何俊鹏）: the names' line is the byline's;
    not a word the dictionary reads as no name, …果浆度。 项目 / 既要…: the next sentence begins)."""
    return _apart(line, rules, tok) or _closes_article(line, rules, tok)


def _closes_article(line: Line | None, rules: Rules, tok: Cutter | None = None) -> bool:
    """Names, a byline's marker or a source mark after the line's last sentence: its article ends."""
    if line is None:
        return False
    spaced = line.spaced or line.text
    ends = [i for i, ch in enumerate(spaced) if ch in rules.sentence_end]
    tail = spaced[ends[-1] + 1:].strip() if ends else ""
    marker = tail[:1] in "（(" and tail[1:].startswith(rules.byline_markers)  # not 记者近日获悉…
    # (not a word of the dictionary, nor names opening with one: 项目既 / 要引得来… is the next sentence)
    read = names_in(tail, rules) or ()
    names = bool(read) and not (tok is not None and (_common_word(tail, tok) or _opens_with_word(read[0], tok)))
    # …产业。（聊城高新区供稿）: a source mark closes the paragraph as names do
    return bool(tail and (names or marker or source_tail(line.text, rules)))


def _opens_with_word(name: str, tok: Cutter) -> bool:
    """The name opens with a word of two characters or more that the dictionary reads as no name."""
    word, flag = tok.tag(name)[0]
    return len(word) >= 2 and not flag.startswith("nr")


def _common_word(text: str, tok: Cutter) -> bool:
    """The text is one word of the dictionary, and not a name there (项目, not 罗丹)."""
    words = tok.tag(text)
    return len(words) == 1 and not words[0][1].startswith("nr")


def _opens(line: Line, width: int, rules: Rules, tok: Cutter | None = None, above: Line | None = None) -> bool:
    """The line opens something of its own: set apart, a lead, a caption (▲…, 图为…), a line wider
    than the column (set across it), or a headline in its form (宁波高新区：…, or its subject alone,
    桂林高新区：; not cut itself, or nothing running across into it from above): the line above reaches the column edge by chance (a kicker as wide
    as the column), a paragraph broken off at a column's end."""
    if above is not None and _marker_across(above.text, line.text, rules):
        return False  # (…焕发“新活力”本报 / 通讯员 叶建平: the byline began on the line above)
    in_sentence = above is not None and (any(c in _nfkc(above.text) for c in "，、,")
                                         or (tok is not None and certain_join(above.text, line.text, rules, tok)))
    if _apart(line, rules, tok, in_sentence) or lead_marker(line.text, rules) or is_caption_by_words(line.text, rules):
        return True
    if len(_printed(line).rstrip()) > width and not at_edge(line, width, rules):
        return True
    subject = bool(rules.headline_subject.match(line.text)) and _nfkc(line.text.rstrip())[-1:] == ":"
    form = any(rx.search(line.text) for rx in rules.headline_patterns)
    # (a headline in its form as wide as the column too, when nothing above runs across into it:
    # 本报发行部：010-68598866 / 乐山高新区：…; not 第10 / 版临沂高新区：…)
    across = above is None or tok is None or certain_join(above.text, line.text, rules, tok) \
        or number_across(above.text, line.text, rules)
    return (not at_edge(line, width, rules) and (subject or form)) or (form and not across)


def _marker_across(before: str, after: str, rules: Rules) -> bool:
    """A byline's or a lead's marker runs across the break (本报 / 通讯员, 本报 / 讯)."""
    text, cut = before + after, len(before)
    return any(0 <= (at := text.find(m, max(0, cut - len(m) + 1))) < cut < at + len(m)
               for m in (*rules.byline_markers, *rules.lead_markers))


class _Style(NamedTuple):
    """How the page marks its paragraphs' ends, besides a line shorter than the column."""
    blank_every_line: bool  # a blank after every line: a blank ends no paragraph
    blank_between: bool  # a blank after every paragraph: a line right below another is the same paragraph's
    indented: bool  # an indent opens every paragraph


def goes_on(paragraph: Line, edge: Line, line: Line, width: int, style: _Style, rules: Rules) -> bool:
    """A paragraph whose last line reaches the column edge with its sentence closed (or set apart)
    goes on in the next line all the same, by one of these signs: the column's last place is a space
    (the text went on after it: names wrapped, a sentence after the space); the line closes on a
    semicolon (a paragraph ends on a full stop); a quote still open; on a page that marks paragraphs
    by a blank, a line right below it (not in a headline's form); where the page marks them by an
    indent (the paragraph opened with one), a line below without one, shaped as the rest of a paragraph (closing a sentence, or as
    wide as the column, and not in a headline's form)."""
    if _printed(edge)[:width][-1:].isspace():
        return True
    if _own_line(edge, rules):
        return False
    text = _nfkc(paragraph.text)
    if _nfkc(edge.text.rstrip())[-1:] in rules.tight_columns.get("weak_end", "") or _quote_open(text):
        return True
    if any(rx.search(line.text) for rx in rules.headline_patterns):
        return False
    if style.blank_between:
        return True  # no blank below: the same block, whatever its shape (…成本。” / 德智新材料董事长柴)
    paragraph_shaped = rules.ends_sentence(line.text) or at_edge(line, width, rules)
    # (the paragraph itself opened with an indent: a page may mark its paragraphs so in one part only)
    return paragraph_shaped and style.indented and indented(paragraph) and not indented(line)


def _quote_open(text: str) -> bool:
    """The text opens a quote it does not close (curly quotes, or an odd number of straight ones)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


class Unwrapped(NamedTuple):
    """The page's lines with each paragraph cut at the column edge joined back into its first line."""
    lines: tuple[Line, ...]
    groups: dict[int, tuple[int, ...]]  # per joined line, the printed lines it holds, in order
    inner: frozenset[int]  # the blank lines left out from inside joined paragraphs
    fixes: tuple[Fix, ...] = ()  # misreadings mended once the words cut at the edge were whole again


class Edges(NamedTuple):
    """Where the page's articles, not the width, say a paragraph ends or goes on (``column_breaks``):
    printed lines that open a paragraph whatever the line above, and lines that go on from it."""
    opened: frozenset[int] = frozenset()
    continued: frozenset[int] = frozenset()

    def __le__(self, other: Edges) -> bool:
        return self.opened <= other.opened and self.continued <= other.continued

    def __or__(self, other: Edges) -> Edges:
        return Edges(self.opened | other.opened, self.continued | other.continued)


def unwrap(lines: tuple[Line, ...], rules: Rules, tok: Cutter | None = None, edges: Edges = Edges()) -> Unwrapped:
    """The page read back one line per paragraph, when it is set tight in columns (else as it is),
    but where ``edges`` says otherwise."""
    width = column_width(lines, rules)
    if width is None:
        return Unwrapped(lines, {}, frozenset())
    blank_every_line = _blank_after_every_line(lines)
    style = _Style(blank_every_line, _blank_between_paragraphs(lines, width, rules),
                   sum(1 for ln in lines if not ln.debris and indented(ln)) >= INDENTED_PAGE)
    out: list[Line] = []
    groups: dict[int, list[int]] = {}
    inner: set[int] = set()
    open_at: int | None = None  # index in out of a line that runs on
    edge_at: int | None = None  # index in out of a line at the edge that may end its paragraph
    edge = lines[0]  # the printed line at the edge, the last of out[edge_at]
    between: list[Line] = []  # the blank line since it, on a page with a blank after every line
    above: Line | None = None  # the printed text line before this one
    after_end: set[int] = set()  # indices in out of lines printed right after an article's end
    for line in lines:
        if _put_back(line, out, between):
            groups.setdefault(out[-1].no, [out[-1].no]).append(line.no)
            continue
        if line.debris:
            if (open_at is not None or edge_at is not None) and line.debris == Role.BLANK and blank_every_line \
                    and not between:
                between.append(line)
                continue
            out += between + [line]
            open_at, edge_at, between = None, None, []
            continue
        on = line.no in edges.continued
        if open_at is None and edge_at is not None and (on or goes_on(out[edge_at], edge, line, width, style, rules)):
            open_at = edge_at
        if open_at is not None and not on and (
                line.no in edges.opened or _opens(line, width, rules, tok, edge) or (style.indented and indented(line))
                or (out[open_at].no not in groups and _heading_apart(edge, line, width, rules, tok,
                                                                     open_at in after_end))):
            open_at = None  # (an indent opens a paragraph on a page that marks them so)
        if open_at is not None:
            out[open_at] = _joined(out[open_at], line)
            groups.setdefault(out[open_at].no, [out[open_at].no]).append(line.no)
            inner.update(b.no for b in between)
        else:
            out += between + [line]
            if _closes_article(above, rules, tok):
                after_end.add(len(out) - 1)
        between, above = [], line
        # (a byline whose marker began on the line above is a piece of a line-joined line: cut as any)
        glued = open_at is not None and _marker_across(edge.text, line.text, rules)
        open_at = len(out) - 1 if runs_on(line, width, rules, tok) or (
            glued and at_edge(line, width, rules) and not rules.ends_sentence(line.text)) else None
        edge_at, edge = (len(out) - 1 if open_at is None and at_edge(line, width, rules) else None), line
    out += between
    mended, fixes = _mended(out, groups, rules)
    return Unwrapped(tuple(mended), {k: tuple(v) for k, v in groups.items()}, frozenset(inner), fixes)


def _heading_apart(edge: Line, line: Line, width: int, rules: Rules, tok: Cutter | None = None,
                   after_end: bool = False) -> bool:
    """A line of its own as wide as the column by chance, shaped as a caption or headline, and the
    line below no piece of it: a line with no sentence's inner marks (衢州高新区全景图) or a headline
    in its form above one opening a news item's sentence (近年来，…; 在荣昌高新区，…); a line with no
    inner marks right after an article's end (its byline: ``after_end``), nothing running across into
    the line below (no word, no mark or word leaving the sentence open: ``certain_join``): the next
    headline, as the heading rules read it (玉溪市…专班运行 / “我们…); a headline in its form above a
    short line that is heading-shaped too (the next headline of a cluster, or its own second line:
    the headings' rules, not the width, tell which)."""
    text = _nfkc(line.text)
    # (a headline with a lead or byline glued on, 新乡高新区：…集中投产本报讯（记者 范卓然）, runs on
    # into its lead's sentence: a line-joined page, split where the headline ends)
    glued = any(m in edge.text for m in (*rules.lead_markers, *rules.byline_markers))
    headline = not glued and any(rx.search(edge.text) for rx in rules.headline_patterns)
    bare = not any(c in _nfkc(edge.text) for c in "，、“‘（(,")
    if (bare or headline) and rules.sentence_openings.match(line.text):
        return True
    if bare and after_end and tok is not None and not certain_join(edge.text, line.text, rules, tok):
        return True
    return headline and not at_edge(line, width, rules) and not rules.ends_sentence(text) \
        and not any(c in text for c in "，、,")


def _put_back(line: Line, out: list[Line], between: list[Line]) -> bool:
    """Marks alone on a line (%。) that the repair put back on the line above, which the column cut
    before them: a piece of that line (no gap between it and what follows)."""
    marks = _nfkc(line.raw.strip())
    return line.debris == Role.MARKUP and bool(marks) and not between and bool(out) and not out[-1].debris \
        and _nfkc(out[-1].text).endswith(marks)


def _joined(first: Line, line: Line) -> Line:
    """Two lines as one; a space printed at the edge kept where the text keeps spaces (between names)."""
    space = " " if first.raw[-1:].isspace() or line.raw[:1].isspace() else ""
    spaced = (first.spaced or first.text) + space + (line.spaced or line.text) if first.spaced or line.spaced or space else ""
    return replace(first, text=first.text + line.text, raw=first.raw + line.raw, spaced=spaced)


def _mended(lines: list[Line], groups: dict[int, list[int]], rules: Rules) -> tuple[list[Line], tuple[Fix, ...]]:
    """The joined lines with the misreadings a cut hid from the repair (人|园 for 入园, 布局 a|nd 核心
    for 布局和核心: a Latin word is read where its printed spaces set it off) mended."""
    out, fixes = [], []
    for line in lines:
        text = fix_misreadings(line.text, rules) if line.no in groups else line.text
        if line.no in groups and line.spaced and remove_cjk_spaces(line.spaced) == line.text:
            text = fix_misreadings(remove_cjk_spaces(fix_misreadings(line.spaced, rules)), rules)
        if text != line.text:
            fixes.append(Fix(FixKind.MISREADING, line.no, line.text, text))
            spaced = fix_misreadings(line.spaced, rules) if line.spaced else ""
            line = replace(line, text=text, spaced=spaced)
        out.append(line)
    return out, tuple(fixes)


def _blank_between_paragraphs(lines: tuple[Line, ...], width: int, rules: Rules) -> bool:
    """Most paragraphs' last lines (shorter than the column, closing a sentence) have a blank below,
    and most lines cut at the edge none: a blank, not only the width, says where a paragraph ends."""
    ends, ends_blank, cut, cut_tight = 0, 0, 0, 0
    for a, b in zip(lines, lines[1:]):
        if a.debris:
            continue
        edge, closed = at_edge(a, width, rules), rules.ends_sentence(a.text)
        if not edge and closed:
            ends, ends_blank = ends + 1, ends_blank + (b.debris == Role.BLANK)
        elif edge and not closed:
            cut, cut_tight = cut + 1, cut_tight + (b.debris != Role.BLANK)
    return ends >= 3 and ends_blank >= 0.8 * ends and cut_tight >= 0.8 * cut


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
