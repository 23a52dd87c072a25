"""One definition of a Chinese character, of the marks around Chinese text and of sentence ends.

A Chinese character is one of the CJK Unified Ideographs (U+4E00–U+9FFF) or of
Extension A (U+3400–U+4DBF): OCR of these pages prints both, and a headline word,
a tag and a place name must agree on what a character is.

Sentence ends are the defaults of ``Rules.sentence_end`` and ``Rules.closing_marks``
(``repair_rules.yaml`` may set its own); code that has no Rules at hand uses these.
"""
from __future__ import annotations

import re

CJK_RANGE = "\u3400-\u9fff"  # for a character class: f"[{CJK_RANGE}]"
# What search cuts into pairs: wider, since a reader may search any character a page holds:
# the CJK Unified Ideographs, Extension A, the compatibility block and Extensions B–H.
# digest-search-text.js writes the same class; the browser must cut a query exactly so.
SEARCH_CJK_RANGE = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_CHAR = re.compile(f"[{CJK_RANGE}]")
CJK_RUN = re.compile(f"[{CJK_RANGE}]+")
# Full-width marks that sit between Chinese characters like characters themselves.
CJK_PUNCT = "，。、；：！？“”‘’（）《》【】…—·「」『』"

FULL_STOPS = "。！？"             # marks that end a sentence whatever follows
SENTENCE_END = FULL_STOPS + "…；"  # a sentence (and so possibly a paragraph) ends with one of these
CLOSING_MARKS = "”’）》」』"      # marks that may follow the sentence end (。” or 。）)
_SPACES = re.compile(rf"(?<=[{CJK_RANGE}{CJK_PUNCT}])[ \t\u3000]+|[ \t\u3000]+(?=[{CJK_RANGE}{CJK_PUNCT}])")


def is_cjk(ch: str) -> bool:
    """One Chinese character."""
    return bool(ch) and "\u3400" <= ch <= "\u9fff"


def is_cjkish(ch: str) -> bool:
    """A Chinese character or a full-width mark of Chinese text."""
    return is_cjk(ch) or (bool(ch) and ch in CJK_PUNCT)


def remove_cjk_spaces(text: str) -> str:
    """Remove spaces next to Chinese characters or punctuation; keep them between Latin words and numbers."""
    if " " not in text and "\t" not in text and "\u3000" not in text:
        return text  # the pattern is led by a lookbehind, so it would try every character
    return _SPACES.sub("", text)
