"""Small text repairs on one line, each a pure function ``str -> str``.

The repair stage calls them in order and records a Fix whenever one changes
the text; they know nothing of pages or articles.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..textmatch.cjk import CJK_CHAR, CJK_RANGE, is_cjkish, remove_cjk_spaces
from ..vocab.rule_files import Rules

# Chinese punctuation (full-width forms and curly quotes): Chinese context too.
_DOUBLED_PUNCT = re.compile(r"([，。、；：！？])\1+")
_PART_SPACE = re.compile(rf"(?<=[{CJK_RANGE}“”‘’》）])[ \t\u3000]+(?=[{CJK_RANGE}“‘《（])")


def strip_markup(text: str, rules: Rules) -> tuple[str, int]:
    """Remove markup debris.

    Returns:
        the text without markup and the Markdown heading level it carried (0 when none),
        which the segmenter uses as a hint (``#`` headline, ``##`` subhead).
    """
    level = len(text) - len(text.lstrip("#")) if text.startswith("#") else 0
    return substitute(text, rules.markup_steps).strip(), level


# Curly and straight quotes are one mark when undoubling (“" printed once in each form).
_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'"}


@lru_cache(maxsize=8)
def _one_mark(fullwidth: tuple[tuple[str, str], ...]) -> dict[int, str]:
    """Each mark of ``fullwidth`` (the rules' half-width -> full-width pairs) and each quote read as one."""
    return str.maketrans({**dict(fullwidth), **_QUOTES})
# A space beside a mark separates no parts (a label markup cut off: 高高新新区区： ：光光).
_SPACE_BY_MARK = re.compile(r"[ \u3000]*([，：；！？,:;!?“”\"‘’（）()])[ \u3000]*")


def undouble(text: str, fullwidth: tuple[tuple[str, str], ...] = ()) -> str:
    """Undo a bold headline printed with every run twice (数字经济数字经济，，钱塘...).

    Only a line that splits wholly into doubled runs, at least two of them and
    four characters in all, is changed: ordinary text never does. A mark counts as
    doubled in either width (the pairs of ``fullwidth``, the rules' own); the full-width
    copy is kept.
    """
    n = len(text)
    if n < 8 or n > 120:
        return text
    printed, text = text, _SPACE_BY_MARK.sub(r"\1", text)
    n = len(text)
    key = text.translate(_one_mark(tuple(fullwidth)))
    # best[i]: the undoubled rest from position i, or None when it cannot be split.
    best: list[str | None] = [None] * (n + 1)
    runs = [0] * (n + 1)
    best[n] = ""
    for i in range(n - 2, -1, -1):
        for k in range((n - i) // 2, 0, -1):
            if best[i + 2 * k] is not None and key[i:i + k] == key[i + k:i + 2 * k]:
                best[i] = _wider(text[i:i + k], text[i + k:i + 2 * k]) + best[i + 2 * k]
                runs[i] = runs[i + 2 * k] + 1
                break
    if best[0] is None or runs[0] < 2:
        return printed
    return best[0]


def _wider(first: str, second: str) -> str:
    """Of two copies of a run, each mark in its printed (non-ASCII) form where one copy has it."""
    if first == second:
        return first
    return "".join(b if a.isascii() else a for a, b in zip(first, second))


def fix_misreadings(text: str, rules: Rules) -> str:
    return substitute(text, rules.misreading_steps)


def substitute(text: str, steps: tuple[tuple[re.Pattern, str, str], ...]) -> str:
    """Each substitution in turn; one whose required text the line lacks cannot match and is skipped."""
    for rx, replacement, required in steps:
        if required in text:  # a fast substring test ("" is in every text)
            text = rx.sub(replacement, text)
    return text


_PAIRED = "()\"'"  # parentheses pair up and quotes alternate: the mark-by-mark loop handles them


@lru_cache(maxsize=8)
def _marks(fullwidth: tuple[tuple[str, str], ...], paired_only: bool = False, curly: str = "") -> re.Pattern:
    """Any half-width mark fullwidth_punct may change (only quotes and parentheses: ``paired_only``),
    and the ``curly`` quotes that set the way of the straight ones."""
    keys = "".join(k for k, _ in fullwidth if not paired_only or k in _PAIRED)
    return re.compile("[" + re.escape(keys + "\"')") + curly + "]")


@lru_cache(maxsize=4)
def _unpaired_in_chinese(fullwidth: tuple[tuple[str, str], ...]) -> re.Pattern | None:
    """For a line with Chinese in it: every other mark, with the Latin context that keeps one
    half-width as group 1 (None when the table has no such mark)."""
    unpaired = re.escape("".join(k for k, _ in fullwidth if k not in _PAIRED))
    return re.compile(f"([A-Za-z0-9] *[{unpaired}] *)(?=[A-Za-z0-9])|[{unpaired}]") if unpaired else None


def _neighbours(text: str, i: int) -> tuple[str, str]:
    """The nearest non-space characters before and after position i ("" at the ends)."""
    j, k = i - 1, i + 1
    while j >= 0 and text[j] == " ":
        j -= 1
    while k < len(text) and text[k] == " ":
        k += 1
    return text[j] if j >= 0 else "", text[k:k + 1]


# A curly quote printed beside straight ones says which way the next straight one turns:
# after “ it closes, after ” it opens (“一小时通勤圈" is one quotation).
_CURLY = {"“": ('"', False), "”": ('"', True), "‘": ("'", False), "’": ("'", True)}
_CURLY_MARKS = re.compile("[“”‘’]")


def _follow_curly(text: str, quote_open: dict[str, bool] | None) -> None:
    """The quote state after a line whose quotes are all curly: its last quote of each kind decides."""
    if quote_open is None:
        return
    for key, (opening, closing) in (('"', "“”"), ("'", "‘’")):
        if opening in text or closing in text:
            quote_open[key] = text.rfind(opening) < text.rfind(closing)


def _quote(ch: str, prev: str, nxt: str, quote_open: dict[str, bool]) -> str:
    """A straight quote on a line with Chinese: curly, opening and closing in turn; an
    apostrophe inside a Latin word stays."""
    if ch == "'" and prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha():
        return ch
    pair = "“”" if ch == '"' else "‘’"
    mark = pair[0] if quote_open[ch] else pair[1]
    quote_open[ch] = not quote_open[ch]
    return mark


def fullwidth_punct(text: str, rules: Rules, quote_open: dict[str, bool] | None = None) -> str:
    """Half-width punctuation and straight quotes in Chinese context become full-width.

    A mark is in Chinese context when the nearest non-space character on either
    side is Chinese; 10.5, 10,000 and Latin words keep their marks.

    Arguments:
        quote_open: for each straight quote, whether the next one opens; carried from
            line to line (a quotation may run over a wrapped line) and updated in place
    """
    marks = _marks(rules.fullwidth)
    if not marks.search(text):
        _follow_curly(text, quote_open)
        return text  # most lines: nothing to widen
    table = dict(rules.fullwidth)
    has_cjk = CJK_CHAR.search(text) is not None
    if has_cjk:
        # With Chinese on the line, a comma or colon widens unless Latin letters or digits stand on
        # both sides (10,000  10:30): one substitution does what the loop below would, mark by mark.
        unpaired = _unpaired_in_chinese(rules.fullwidth)
        if unpaired is not None:
            text = unpaired.sub(lambda m: m.group(1) or table[m.group()], text)
            marks = _marks(rules.fullwidth, paired_only=True, curly="“”‘’")
        else:
            marks = _marks(rules.fullwidth, curly="“”‘’")
    if quote_open is None:
        quote_open = {'"': True, "'": True}
    opened: list[bool] = []  # for each open "(", whether it became full-width
    out: list[str] = []
    last = 0
    for m in marks.finditer(text):  # only the marks are looked at, not every character
        i, ch = m.start(), m.group()
        out.append(text[last:i])
        last = i + 1
        if ch == ")" and opened:
            # A closing parenthesis takes its opening one's width: alert(2) stays Latin, (滨江) becomes （滨江）.
            out.append(table[ch] if opened.pop() else ch)
        elif ch in _CURLY:
            out.append(ch)
            quote_open[_CURLY[ch][0]] = _CURLY[ch][1]
        elif ch in "\"'" and (has_cjk or ch in table):
            out.append(_quote(ch, *_neighbours(text, i), quote_open))
        elif ch in table:
            prev, nxt = _neighbours(text, i)
            latin = (prev.isascii() and prev.isalnum()) and (nxt.isascii() and nxt.isalnum())
            wide = is_cjkish(prev) or is_cjkish(nxt) or (has_cjk and not latin)
            if ch == "(":
                opened.append(wide)
            out.append(table[ch] if wide else ch)
        else:
            out.append(ch)
    out.append(text[last:])
    return "".join(out)


def collapse_doubled_punct(text: str) -> str:
    return _DOUBLED_PUNCT.sub(r"\1", text)


@lru_cache(maxsize=8)
def _spaced_markers(markers: tuple[str, ...]) -> re.Pattern:
    """A byline marker of Chinese characters (本报通讯员, 记者) with spaces inside it, longest first."""
    words = sorted((m for m in markers if len(m) >= 2 and all(CJK_CHAR.match(c) for c in m)), key=len, reverse=True)
    return re.compile("|".join("[ \u3000]*".join(map(re.escape, w)) for w in words) or r"(?!)")


def close_marker_spaces(text: str, rules: Rules) -> str:
    """A space inside a byline marker (本报 通讯员, 本报记 者) is a stray: no paper prints one there,
    and with it the marker, and the names after it, are not read."""
    if " " not in text and "\u3000" not in text:
        return text
    return _spaced_markers(tuple(rules.byline_markers)).sub(lambda m: re.sub(r"[ \u3000]", "", m.group()), text)


def heading_text(spaced: str, text: str, rules: Rules) -> str:
    """A heading's text: its parts separated (see separate_heading_parts), other spaces removed."""
    if not spaced:
        return text
    return remove_cjk_spaces(separate_heading_parts(spaced, rules))


def has_parts(spaced: str) -> bool:
    """The line sets two Chinese parts apart with a space, as headings do (智改数转 “数智工匠”…)."""
    return bool(_PART_SPACE.search(spaced))


def separate_heading_parts(text: str, rules: Rules) -> str:
    """In a heading, a space between two Chinese parts becomes the part separator."""
    return _PART_SPACE.sub(rules.heading_part_separator, text)
