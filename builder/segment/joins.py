"""Does a line run on into the next? Sentence continuity across a line break.

A join is certain when the first line leaves its sentence open and a comma
ends it, a particle opens the next line, the first line ends in a word that
needs more (的, 通过), or a word of jieba's dictionary runs across the break.
"""
from __future__ import annotations

from functools import lru_cache

from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules


@lru_cache(maxsize=16384)
def _words(text: str, tok: Cutter) -> tuple[str, ...]:
    return tuple(tok.cut(text))


def cut_word(before: str, after: str, tok: Cutter) -> bool:
    """True when a word runs across the join (有限|公司, 数十|载): the line was wrapped."""
    head, tail = before[-6:], after[:6]
    pos = 0
    for word in _words(head + tail, tok):
        end = pos + len(word)
        if pos < len(head) < end and len(word) >= 2:
            return True
        pos = end
    return False


def certain_join(before: str, after: str, rules: Rules, tok: Cutter) -> bool:
    """The line ``after`` continues the sentence that ``before`` leaves open."""
    if not before or not after or rules.ends_sentence(before):
        return False
    if before[-1] in rules.continuation_end_marks:
        return True
    if after[0] in rules.continuation_start_chars:
        return True
    last = _words(before[-6:], tok)[-1]
    if last in rules.continuation_end_words:
        return True
    return cut_word(before, after, tok)
