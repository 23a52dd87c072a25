"""Which words may be tags: whole words and names, never a fragment of a longer word.

jieba cuts an unknown company name into known pieces (比格威医疗 → 比格 威 医疗,
科举药业 → 科举 药业); those pieces are words of the dictionary but not what the
article speaks of, so they are never tags there. The rules are data
(``data/tags.yaml``, its header explains them).
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..textmatch.cjk import CJK_RANGE
from ..textmatch.wordcut import vocab_cutter
from ..vocab import Vocabulary, once_per_vocabulary

_ONE_CJK = re.compile(f"^[{CJK_RANGE}]$")
_NOT_A_WORD = ("", "x")


class TagWords:
    """The rules of ``tags.yaml`` for one vocabulary."""

    def __init__(self, vocab: Vocabulary):
        rules = yaml.safe_load((Path(vocab.data_dir) / "tags.yaml").read_text(encoding="utf-8")) or {}
        self.name_pos = frozenset(rules.get("name_pos") or ())
        self.glue_pos = frozenset(rules.get("glue_pos") or ())
        self.suffixes = frozenset(rules.get("name_suffixes") or ())
        self.index_size = int(rules.get("index_size", 300))
        gaz = vocab.gazetteer
        self.places = frozenset(n for z in gaz.zones for n in z.names) | frozenset(gaz.cities) | frozenset(
            gaz.counties) | frozenset(gaz.provinces) | frozenset(gaz.provinces.values())
        self.domain = frozenset(vocab.domain_terms)
        self.cutter = vocab_cutter(vocab)
        self._names: dict[str, bool] = {}
        self._glued: dict[tuple[str, str], bool] = {}

    def _glue(self, pair: tuple[str, str]) -> bool:
        """A single character of a name-like part of speech: it glues the words beside it into a longer name."""
        known = self._glued.get(pair)
        if known is None:
            known = self._glued[pair] = bool(_ONE_CJK.match(pair[0])) and pair[1] in self.glue_pos
        return known

    def whole_words(self, words: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The (word, part of speech) pairs with every word glued to a longer name blanked out.

        Only words of two or more characters can be tags, so only they are blanked. The
        glue characters and name suffixes are found first (few), then only their neighbours looked at.
        """
        glued = self._glued
        flags = [glued.get(p) for p in words]  # pairs recur across articles: mostly looked up
        if None in flags:
            flags = [self._glue(p) for p in words]
        suffixes = self.suffixes
        blank = set()
        for i, (pair, flag) in enumerate(zip(words, flags)):
            if flag:
                blank.update((i - 1, i + 1))
            elif pair[0] in suffixes:
                blank.add(i - 1)
        out = list(words)
        for i in blank:
            if 0 <= i < len(out) and len(out[i][0]) >= 2:
                out[i] = _NOT_A_WORD
        return out

    def is_name(self, word: str) -> bool:
        """A place of the gazetteer, a domain term, or a proper name in jieba's dictionary."""
        known = self._names.get(word)
        if known is None:
            pieces = self.cutter.tag(word)
            known = word in self.places or word in self.domain or (
                len(pieces) == 1 and pieces[0][1] in self.name_pos)
            self._names[word] = known
        return known


def tag_words(vocab: Vocabulary) -> TagWords:
    """The TagWords of ``vocab``, built once."""
    return once_per_vocabulary(vocab, TagWords)
