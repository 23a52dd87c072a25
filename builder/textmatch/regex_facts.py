"""What the regex parser can tell about a rule's matches before any text is read.

Rules are regular expressions in data files; knowing how long a match can be and
which characters every match contains lets the builder skip the texts and the
positions where a rule cannot match, with the same results. The standard
library's own parser answers; when it cannot (another Python's parser), the
answers are "unknown" and rules are simply applied everywhere.
"""
from __future__ import annotations

import re

try:
    from re import _parser  # the standard library's regex parser
except ImportError:  # a Python without it: every answer is "unknown"
    _parser = None

# A rule whose matches may be longer than this is treated as unbounded.
MAX_REACH = 200


def _parse(pattern: re.Pattern):
    if _parser is None:
        return None
    try:
        return _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # never wrong, at worst slower
        return None


def longest_match(pattern: re.Pattern) -> int | None:
    """The most characters a match of ``pattern`` can span, or None when unbounded or unknown."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    width = parsed.getwidth()[1]
    return width if width <= MAX_REACH else None


def required_text(pattern: re.Pattern) -> str:
    """The longest run of characters every match of ``pattern`` contains ("" when none is known).

    Only the pattern's top level is read: a run of plain characters outside any
    group, alternation, repeat or lookaround must be in every match.
    """
    parsed = _parse(pattern)
    if parsed is None or pattern.flags & re.IGNORECASE:
        return ""
    best = run = ""
    for op, arg in parsed:
        if op is _parser.LITERAL:
            run += chr(arg)
        else:
            best, run = max(best, run, key=len), ""
    return max(best, run, key=len)
