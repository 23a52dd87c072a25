"""A rule tried only near the words every match of it contains.

A place rule led by ``{place}`` (every city and county name) costs the regex
engine a try at each character of an article where a name may begin. But each
match of the rule contains one of its ``needs`` words and is at most ``reach``
characters long (the regex parser knows its longest match), so a match can only
start in the ``reach`` characters before a needs word: only those positions are
tried. The matches are those of ``pattern.finditer``, in the same order (tests
compare the two on every article of the seeds and the samples).
"""
from __future__ import annotations

import re
from typing import Iterator

from .regex_facts import longest_match


class AnchoredRule:
    """A compiled rule and the words every match of it contains.

    Arguments:
        pattern: the rule
        needs: words of which every match contains one (empty: the rule is scanned whole)
    """

    def __init__(self, pattern: re.Pattern, needs: tuple[str, ...] = ()):
        self.pattern = pattern
        self.needs = tuple(needs)
        self.reach = longest_match(pattern) if self.needs else None
        self._anchor = re.compile("|".join(re.escape(w) for w in self.needs)) if self.needs else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        """What ``pattern.finditer(text)`` finds."""
        if self._anchor is None:
            yield from self.pattern.finditer(text)
            return
        if self.reach is None:
            if any(word in text for word in self.needs):
                yield from self.pattern.finditer(text)
            return
        match, find = self.pattern.match, self._anchor.search
        pos = 0  # where the next match may start (the last one ended here)
        tried = 0  # positions before this were tried already
        anchor = find(text)
        while anchor:
            at = anchor.start()
            s = max(pos, tried, at - self.reach)
            while s <= at:
                m = match(text, s)
                if m:
                    yield m
                    pos = m.end() if m.end() > s else s + 1
                    s = pos
                else:
                    s += 1
            tried = at + 1
            # An anchor inside the last match (before pos) can start no match of its own.
            anchor = find(text, max(tried, pos))
