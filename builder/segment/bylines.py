"""Bylines in the forms the paper prints them, and the names in them.

- a byline line: ``▶ 名 名``, ``■ 本报记者 甲　通讯员 乙``, ``□ 本报记者 甲``,
  ``文/甲 图/乙``, ``记者 甲 通讯员 乙 报道``, ``本报记者 甲 文/图``, a bare line of names;
- the same in parentheses after the last paragraph (``（甲 乙）``, ``（本报记者 甲）``),
  on its own line or trailing the last sentence (``…青睐。 （廖祥）``, ``…青睐。 廖祥``);
- a lead: ``本报讯（记者 甲 通讯员 乙）``, ``本报天津9月6日电（记者 甲）``;
- an author's note (``（作者系…）``, ``（作者单位：…）``): a byline without names.

Two-character names are often set to the width of three with a space inside
(``严　蕊``); such a name is read whole.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..textmatch.cjk import CJK_RANGE as CJK
from ..vocab.rule_files import Rules

_NAME_CHARS = re.compile(rf"^[{CJK}]+$")
# A transliterated name (Uyghur, Mongolian …) keeps its middle dot: 买买提·艾力.
_DOTTED_NAME = re.compile(rf"^[{CJK}]{{2,6}}[·・][{CJK}]{{2,8}}$")
_NAME_SEPARATORS = re.compile(r"[\s\u3000、，,]+")
_PARENS = re.compile(r"^[(（]\s*(.{1,60}?)\s*[)）]$")


def is_name(word: str, rules: Rules) -> bool:
    """A plausible Chinese personal name: a common surname and one or two more characters."""
    # 成立于, 位于: words that need more after them are no names (a wrapped line, not a byline).
    if not _NAME_CHARS.match(word) or word[-1] in rules.name_never_ends or word in rules.continuation_end_words:
        return False
    if any(word.startswith(c) for c in rules.compound_surnames):
        return 3 <= len(word) <= 4
    return 2 <= len(word) <= 3 and word[0] in rules.surnames


@lru_cache(maxsize=4)
def _marker_rx(markers: tuple[str, ...]) -> re.Pattern:
    # Longest first, so 本报记者 is one marker and not 本报 + 记者.
    return re.compile("|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True)))


def strip_markers(text: str, rules: Rules) -> tuple[str, bool]:
    """Remove byline markers (anywhere: they separate names too); returns the rest and whether any was there."""
    text = text.strip()
    stripped = text.lstrip(rules.byline_symbols + " \u3000")
    found = stripped != text
    rest, n = _marker_rx(rules.byline_markers).subn(" ", stripped)
    return rest.strip(), found or bool(n)


def _tokens(rest: str, rules: Rules) -> list[str]:
    """The words of a byline; a surname and one character set apart by a space are one name (严　蕊).
    A stray space can cut a name too: a lone surname before one or two characters (曾 永洪), or one
    character after a two-character name (陈雨 萌), is one name with them."""
    words = [w for w in _NAME_SEPARATORS.split(rest) if w]
    out: list[str] = []
    whole = False  # the last word was printed whole (not put together here)
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if len(w) == 1 and w in rules.surnames and 1 <= len(nxt) <= 2 and _NAME_CHARS.match(nxt) \
                and (len(nxt) == 1 or not is_name(nxt, rules)):
            out.append(w + nxt)
            i, whole = i + 2, False
            continue
        if len(w) == 1 and whole and len(out[-1]) == 2 and is_name(out[-1], rules) and is_name(out[-1] + w, rules):
            out[-1] += w
            i, whole = i + 1, False
            continue
        out.append(w)
        i, whole = i + 1, True
    return _read_strays(rest, rules) or out


# A byline's single spaces between two characters, each of which may be a stray; at most this many are weighed.
_SINGLE_SPACE = re.compile(rf"(?<=[{CJK}])[ \u3000](?=[{CJK}])")
MAX_STRAYS = 8
# What a reading of a byline costs (the cheapest is taken): a word that is no name, a name without a
# common surname (帕提古丽), a space read as a stray inside a name (none inside a two-character name
# with a common surname: one set to three characters' width, 李　默; a full-width space a little more,
# as typesetters set names apart with it), and the names set apart by spaces of both widths.
NO_NAME, LOOSE, STRAY, MIXED = 5.0, 2.0, {" ": 1.0, "\u3000": 1.25}, 1.5


def _word_cost(word: str, rules: Rules) -> float:
    if is_name(word, rules):
        return 0.0
    return LOOSE if (_NAME_CHARS.match(word) and 2 <= len(word) <= 4) or _DOTTED_NAME.match(word) else NO_NAME


def _read_strays(rest: str, rules: Rules) -> list[str] | None:
    """The cheapest reading of a byline whose single spaces may be strays (孙庆 华　李　默: 孙庆华, 李默;
    李军　帕提 古丽: 李军, 帕提古丽), every choice of strays among them costed (see the costs above).
    None when the text has no single space between two characters, or words too long for names."""
    spaces = [m.start() for m in _SINGLE_SPACE.finditer(rest)]
    if not spaces or len(spaces) > MAX_STRAYS or any(len(w) > 15 for w in _NAME_SEPARATORS.split(rest)):
        return None
    best: tuple[tuple, list[str]] | None = None
    for mask in range(1 << len(spaces)):
        strays = {p for k, p in enumerate(spaces) if mask >> k & 1}
        # Each stray is marked by a NUL, so that the words it falls inside are known.
        marked = "".join("\0" if i in strays else c for i, c in enumerate(rest))
        words = [w.replace("\0", "") for w in _NAME_SEPARATORS.split(marked) if w]
        word_at = _words_at(marked, strays)
        cost = sum(_word_cost(w, rules) for w in words)
        cost += sum(STRAY[rest[p]] for p in strays if len(word_at[p]) != 2 or not is_name(word_at[p], rules))
        kept = {rest[p] for p in spaces if p not in strays}
        cost += MIXED if len(kept) > 1 else 0.0
        # Of readings that cost the same, the one with fewer strays, then the one keeping the first
        # spaces (the first name is printed whole more often than not: 李军　帕　提古丽).
        key = (cost, len(strays), -mask)
        if best is None or key < best[0]:
            best = (key, words)
    return best[1] if best else None


def _words_at(marked: str, strays: set[int]) -> dict[int, str]:
    """For each stray (a NUL in ``marked``), the word it falls inside, without the strays."""
    out = {}
    for m in re.finditer(r"[^\s\u3000、，,]+", marked):
        word = m.group().replace("\0", "")
        out.update({p: word for p in strays if m.start() <= p < m.end()})
    return out


@lru_cache(maxsize=65536)  # every line is asked about by the repair, the layout and the segmenter
def names_in(text: str, rules: Rules) -> tuple[str, ...] | None:
    """The names of a byline line, or None when the line is not a byline.

    A bare single name counts (``魏伟``); several names must be separated by spaces
    or markers. In a marked byline (a marker, or parentheses) a name without a
    common surname (帕提古丽) counts when as many other names in it have one.
    """
    text = text.strip()
    m = _PARENS.match(text)
    parens = bool(m)
    if m:
        text = m.group(1)
        if source_mark(text, rules):  # （高新）: where the text came from, not who wrote it
            return None
    rest, marked = strip_markers(text, rules)
    words = _tokens(rest, rules)
    if not words:
        return None
    sure = [is_name(w, rules) for w in words]
    if not all(sure):
        # No more of them than names with one (a sentence cut up by stray spaces is no byline:
        # 本报讯 记者从工业 和信息 化部获悉).
        loose = (marked or parens) and sum(sure) * 2 >= len(sure) and all(
            s or (_NAME_CHARS.match(w) and 2 <= len(w) <= 4 and w[-1] not in rules.name_never_ends
                  and w not in rules.source_marks) or _DOTTED_NAME.match(w)
            for w, s in zip(words, sure))
        if not loose:
            return None
    return tuple(words)


def author_note(text: str, rules: Rules) -> bool:
    """An author's note after an article: （作者系…）, （作者单位：…）."""
    return any(rx.match(text.strip()) for rx in rules.author_notes)


def source_mark(inner: str, rules: Rules) -> bool:
    """The text of a bracket that names where an article came from (新华, 据新华社, 宜昌高新区供稿)
    or marks its end (完)."""
    inner = inner.strip()
    return inner in rules.source_marks or any(rx.match(inner) for rx in rules.source_patterns)


def source_line(text: str, rules: Rules) -> bool:
    """A line that is only a source mark in brackets: （新华）."""
    m = _PARENS.match(text.strip())
    return bool(m) and source_mark(m.group(1), rules)


def source_tail(text: str, rules: Rules) -> int:
    """Where a source mark after a paragraph's last sentence begins (…1.5万家。（高新）), or 0: a
    known mark, or a short bracket holding no names and no sentence."""
    at = sentence_tail_at(text, rules)
    m = _PARENS.match(text[at:].strip())
    if not at or not m:
        return 0
    inner = m.group(1)
    short = len(inner) <= rules.source_mark_max_chars and not any(c in rules.sentence_end for c in inner)
    return at if source_mark(inner, rules) or (short and names_in(text[at:].strip(), rules) is None) else 0


def unnamed_byline(text: str, rules: Rules) -> bool:
    """A byline that names no one (本报评论员): it signs the text below as a byline does."""
    return any(rx.match(text.strip()) for rx in rules.unnamed_bylines)


@lru_cache(maxsize=4)
def _after_last_sentence(sentence_end: str, closing_marks: str) -> re.Pattern:
    end, close = re.escape(sentence_end), re.escape(closing_marks)
    return re.compile(rf"[{end}][{close}]?(\s*)([^{end}]*)$")


def trailing_names(raw: str, rules: Rules) -> tuple[str, tuple[str, ...]]:
    """Split names printed after the last sentence of a paragraph (``…青睐。 廖祥``, ``…。（马燕）``).

    The raw line is used because the names are separated by spaces there. A single
    bare name must be set off by a space; two or more names, or names in
    parentheses, need not be.

    Returns:
        (the text before the names, the names), or (raw, ()) when there are none.
    """
    text = raw.rstrip()
    m = _after_last_sentence(rules.sentence_end, rules.closing_marks).search(text)
    if not m or not m.group(2).strip():
        return raw, ()
    tail = m.group(2).strip()
    names = names_in(tail, rules)
    if not names or (len(names) == 1 and not m.group(1) and not _PARENS.match(tail)):
        return raw, ()
    return text[:m.start(1)], names


def sentence_tail_at(text: str, rules: Rules) -> int:
    """Where the text after the last sentence end begins (len(text) when there is none)."""
    m = _after_last_sentence(rules.sentence_end, rules.closing_marks).search(text.rstrip())
    return m.start(1) if m else len(text)


def lead_marker(text: str, rules: Rules) -> str:
    """The lead marker a paragraph opens with (本报讯, 本报天津9月6日电), or ""."""
    for marker in rules.lead_markers:
        if text.startswith(marker):
            return marker
    for rx in rules.lead_patterns:
        m = rx.match(text)
        if m:
            return m.group(0)
    return ""


_LEAD_PARENS = re.compile(r"^\s*[(（]([^()（）]{1,40})[)）]\s*")


def lead_byline(text: str, rules: Rules, spaced: str = "") -> tuple[str, tuple[str, ...], str]:
    """Take the lead marker and a byline in its parenthesis off a paragraph.

    Arguments:
        spaced: the same paragraph with its printed spaces, which separate the names
    Returns:
        (the paragraph without them, the names, the marker text removed; "" when none).
    """
    marker = lead_marker(text, rules)
    if not marker:
        return text, (), ""
    rest = text[len(marker):].lstrip()
    names: tuple[str, ...] = ()
    m = _LEAD_PARENS.match(rest)
    if m:
        inner = m.group(1)
        sm = _LEAD_PARENS.match(spaced[len(lead_marker(spaced, rules)):]) if spaced else None
        found = (names_in(sm.group(1), rules) if sm else None) or names_in(inner, rules)
        if found:
            names = found
            rest = rest[m.end():]
        elif source_mark(inner, rules):  # 本报长沙5月9日电（新华）: the lead's source, no author
            rest = rest[m.end():]
    return rest.lstrip(" 　"), names, text[: len(text) - len(rest)].strip()
