"""Word lists as one trie-shaped regex: the same matches as a plain longest-first alternation."""
from __future__ import annotations

import random
import re

import pytest

from builder.textmatch.trie import MANY_FIRSTS, WordFinder, trie_pattern


def word_lists():
    rng = random.Random(7)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 900)]
    few = ["衡阳", "衡阳高新区", "衡", "高新区", "高新", "区"]
    # More first characters than MANY_FIRSTS: the halving form; words that are prefixes of others.
    many = {"".join(rng.choice(chars) for _ in range(rng.randint(1, 4))) for _ in range(3000)}
    many |= {w[:2] for w in list(many)[:500]}
    assert len({w[0] for w in many}) > MANY_FIRSTS
    return [few, sorted(many)]


@pytest.mark.parametrize("words", word_lists(), ids=["few first characters", "many first characters"])
def test_trie_matches_what_a_longest_first_alternation_matches(words):
    rng = random.Random(11)
    alphabet = "".join({ch for w in words for ch in w}) + "，。 a1"
    texts = ["".join(rng.choice(alphabet) for _ in range(300)) for _ in range(30)]
    texts.append("".join(words[:50]))
    plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    trie = re.compile(trie_pattern(words))
    for text in texts:
        assert trie.findall(text) == plain.findall(text)
    # inside a larger pattern, as the place rules use it
    wrapped = re.compile(f"(?P<n>{trie_pattern(words)})市?")
    plain_wrapped = re.compile(f"(?P<n>{plain.pattern})市?")
    for text in texts:
        assert [m.span() for m in wrapped.finditer(text)] == [m.span() for m in plain_wrapped.finditer(text)]


def test_everywhere_finds_overlapping_words_and_words_inside_longer_ones():
    finder = WordFinder(["衡阳", "衡阳高新区", "高新区", "阳高"])
    assert list(finder.everywhere("在衡阳高新区")) == [(1, "衡阳"), (1, "衡阳高新区"), (2, "阳高"), (3, "高新区")]
    assert finder.contained("衡阳与高新区") == frozenset({"衡阳", "高新区"})
    assert finder.contained("衡阳高新区与高新区") == frozenset({"衡阳高新区"})  # a part of a longer one: out
