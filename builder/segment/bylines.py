"""Bylines: ``▶ 名 名`` lines, bare lines of names, ``本报讯(特约通讯员 某某)`` leads,
and names trailing the last paragraph (``…青睐。 廖祥``)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..vocab.rule_files import CJK, Rules

_NAME_CHARS = re.compile(rf"^[{CJK}]+$")
_NAME_SEPARATORS = re.compile(r"[\s\u3000、，,]+")


def is_name(word: str, rules: Rules) -> bool:
    """A plausible Chinese personal name: a common surname and one or two more characters."""
    if not _NAME_CHARS.match(word):
        return False
    if any(word.startswith(c) for c in rules.compound_surnames):
        return 3 <= len(word) <= 4
    return 2 <= len(word) <= 3 and word[0] in rules.surnames


def strip_markers(text: str, rules: Rules) -> tuple[str, bool]:
    """Remove byline markers; returns the rest and whether any marker was there."""
    found = False
    text = text.strip()
    changed = text.startswith(rules.byline_markers)  # most lines: no marker at all
    while changed:
        changed = False
        for marker in rules.byline_markers:
            if text.startswith(marker):
                text = text[len(marker):].strip()
                found = changed = True
    return text, found


@lru_cache(maxsize=65536)  # every line is asked about by the repair, the layout and the segmenter
def names_in(text: str, rules: Rules) -> tuple[str, ...] | None:
    """The names of a byline line, or None when the line is not a byline.

    A bare single name counts (``魏伟``); several names must be separated by spaces.
    Markers (▶, 本报记者, 特约通讯员) may stand before any name.
    """
    rest, marked = strip_markers(text, rules)
    words = [w for w in _NAME_SEPARATORS.split(rest) if w]
    names = []
    for w in words:
        w, _ = strip_markers(w, rules)
        if not w:
            continue
        if not is_name(w, rules):
            return None
        names.append(w)
    if not names or (len(names) == 1 and len(rest) > 3):
        return None
    return tuple(names)


@lru_cache(maxsize=4)
def _after_last_sentence(sentence_end: str, closing_marks: str) -> re.Pattern:
    end, close = re.escape(sentence_end), re.escape(closing_marks)
    return re.compile(rf"[{end}][{close}]?(\s*)([^{end}]*)$")


def trailing_names(raw: str, rules: Rules) -> tuple[str, tuple[str, ...]]:
    """Split names printed after the last sentence of a paragraph (``…青睐。 廖祥``).

    The raw line is used because the names are separated by spaces there. A single
    name must be set off by a space; two or more names need not be.

    Returns:
        (the text before the names, the names), or (raw, ()) when there are none.
    """
    text = raw.rstrip()
    m = _after_last_sentence(rules.sentence_end, rules.closing_marks).search(text)
    if not m or not m.group(2).strip():
        return raw, ()
    tail = m.group(2).strip()
    names = names_in(tail, rules)
    if not names or (len(names) == 1 and not m.group(1)):
        return raw, ()
    return text[:m.start(1)], names


def lead_byline(text: str, rules: Rules) -> tuple[str, tuple[str, ...], str]:
    """Take the lead marker and a byline in its parenthesis off a paragraph.

    Returns:
        (the paragraph without them, the names, the marker text removed; "" when none).
    """
    for marker in rules.lead_markers:
        if text.startswith(marker):
            rest = text[len(marker):].lstrip()
            names: tuple[str, ...] = ()
            m = re.match(r"^[(（]([^()（）]{1,40})[)）]\s*", rest)
            if m:
                found = names_in(m.group(1), rules)
                if found:
                    names = found
                    rest = rest[m.end():]
            return rest.lstrip(" 　"), names, text[: len(text) - len(rest)].strip()
    return text, (), ""
