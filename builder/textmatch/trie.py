"""Word lists compiled into one trie-shaped regular expression.

A plain alternation (``衡阳|衡阳高新区|…``) makes the regex engine try every
word at every position; a trie shares the prefixes, so one scan of a text costs
about its length, whatever the number of words.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator


# A list whose words start with more characters than this is searched by halves (see trie_pattern);
# below it the plain trie is as fast (measured on the gazetteer's name lists).
MANY_FIRSTS = 256
# Halving stops at this many branches.
FEW_BRANCHES = 16


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression matching any of ``words``, longest first, in time linear in the text."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    if not root:
        return "(?!)"
    if "" in root or len(root) <= MANY_FIRSTS:
        return _trie_regex(root)
    # Thousands of place names start with hundreds of different characters; the regex engine
    # tries alternatives one by one, so a plain trie tries hundreds at every character that
    # may start a name. A character class says at once whether any name starts here, then
    # halving character ranges finds the branch in a few steps: same matches, half the time.
    firsts = sorted(root)
    return f"(?=[{''.join(re.escape(ch) for ch in firsts)}])" + _choose(root, firsts)


def _choose(root: dict, firsts: list[str]) -> str:
    if len(firsts) <= FEW_BRANCHES:
        return "(?:" + "|".join(re.escape(ch) + _trie_regex(root[ch]) for ch in firsts) + ")"
    low, high = firsts[:len(firsts) // 2], firsts[len(firsts) // 2:]
    return f"(?:(?=[{re.escape(low[0])}-{re.escape(low[-1])}]){_choose(root, low)}|{_choose(root, high)})"


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
        """The words ``text`` contains, leaving out any that is part of a longer one it contains."""
        found = set(self.longest(text))
        return frozenset(w for w in found if not any(w != f and w in f for f in found))
