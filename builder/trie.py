"""Word lists compiled into one trie-shaped regular expression.

A plain alternation (``衡阳|衡阳高新区|…``) makes the regex engine try every
word at every position; a trie shares the prefixes, so one scan of a text costs
about its length, whatever the number of words.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression matching any of ``words``, longest first, in time linear in the text."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _trie_regex(root) if root else "(?!)"


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) == 1 and len(body) > 1 else body + "?"
    return body


class WordFinder:
    """Finds the words of a fixed list in texts.

    Arguments:
        words: the list; empty strings are ignored
    """

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(w for w in words if w)
        pattern = trie_pattern(self.words)
        self._longest = re.compile(pattern)

    def longest(self, text: str) -> list[str]:
        """The words of ``text`` read left to right, longest first, without overlaps."""
        return self._longest.findall(text)

    def everywhere(self, text: str) -> Iterator[tuple[int, str]]:
        """(position, word) for every occurrence, overlapping ones and words that begin longer ones included."""
        # Searching again from the next character finds words that overlap the last one;
        # a search (unlike a lookahead) skips fast over characters no word begins with.
        search = self._longest.search
        m = search(text)
        while m:
            start, word = m.start(), m.group()
            for n in range(1, len(word)):
                if word[:n] in self.words:
                    yield start, word[:n]
            yield start, word
            m = search(text, start + 1)

    def contained(self, text: str) -> frozenset[str]:
        """The words ``text`` contains, leaving out a word found only inside a longer one."""
        found = set(self.longest(text))
        return frozenset(w for w in found if not any(w != f and w in f for f in found))
