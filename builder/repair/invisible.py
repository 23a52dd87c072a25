"""Characters a reader cannot see, removed from a line before any other repair; lines of ornament only.

OCR exports and copied text carry terminal escapes (``\\x1b[31m``), bells,
other C0 and C1 control characters, bidi overrides (which reorder what a
reader sees) and zero-width characters (which split a word so that
``昆\\u200b山高新区`` is no zone). None is text: they make ``feed.xml`` invalid
XML and reach titles and ids. Tab is kept (it is white space); line ends were
split off before.
"""
from __future__ import annotations

import re

# A terminal escape sequence as a whole: CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), or ESC and one byte.
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")


# Cc (C0, DEL and C1 controls) but tab, Cf (format characters: bidi marks and overrides,
# zero-width space and joiners, soft hyphen, byte-order mark, tag characters) and the
# non-characters U+FFFE/U+FFFF, as ranges (a test checks them against unicodedata).
INVISIBLE = ("\x00-\x08\x0a-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
             "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe-\uffff"
             "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
             "\U000e0001\U000e0020-\U000e007f")
_CLASS = re.compile(f"[{INVISIBLE}]+")


def remove_invisible(text: str) -> str:
    """The text without terminal escapes, control characters (but tab) and format characters."""
    if text.isprintable():
        return text  # the common case, in C
    return _CLASS.sub("", _ESCAPE.sub("", text))


def has_words(text: str) -> bool:
    """Whether the text holds a letter or a digit (any script): a line without is ornament
    (``——``, ``★★★``, ``……``), never a headline or a sentence."""
    return any(ch.isalnum() for ch in text)
