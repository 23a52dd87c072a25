"""Does a line run on into the next? Sentence continuity across a line break.

A join is certain when the first line leaves its sentence open and a comma
ends it, a particle opens the next line, the first line ends in a word that
needs more (的, 通过), or a word of jieba's dictionary runs across the break.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Line
from ..textmatch.trie import WordFinder
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules
from ..textmatch.cjk import CJK_RANGE, is_cjk


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


def list_item(before: str, text: str, rules: Rules) -> bool:
    """A numbered item (一、…, （二）…) after a line closed by a colon or after another item: a
    paragraph of its own, never the rest of the line above (措施主要包括： / 一、对新引进…)."""
    if not any(rx.match(text) for rx in rules.list_items):
        return False
    return before.rstrip().endswith(("：", ":")) or any(rx.match(before) for rx in rules.list_items)


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


def number_across(before: str, after: str, rules: Rules) -> bool:
    """A number cut at the edge (可为30 / 万辆, 第10 / 版): digits end the line, and more digits, a mark
    of the number or its measure word open the next."""
    return bool(re.search(r"[\d.]$", before)) and bool(re.match(rf"[\d.%{re.escape(rules.measure_words)}]", after))


def starts_mid_sentence(text: str, rules: Rules, tok: Cutter, word_cut: bool = True) -> bool:
    """The first paragraph begins with the end of a sentence begun on another page.

    Arguments:
        word_cut: count a lone first character that seldom opens a sentence (鲁银行 for 齐鲁银行)
            as a sign too; the other signs are surer (a particle, a number with its measure word)
    """
    text = text.lstrip("“‘《（ ")
    if not text:
        return False
    if text[0] in rules.continuation_start_chars:
        return True
    if re.match(rf"^\d+(\.\d+)?[{re.escape(rules.measure_words)}]", text):
        return True
    if re.match(f"^[{CJK_RANGE}]{{1,4}}等", text):
        return True
    for o in rules.ordinals[1:]:
        if o in text and rules.ordinals[0] not in text.split(o)[0]:
            return True
    if not word_cut:
        return False
    first = tok.cut(text[:8])[0]
    return len(first) == 1 and is_cjk(first) and first not in rules.sentence_start_chars


STRAYS_NOTE = "spaces inside words: strays, read as none"


def strays_out(line: Line, tok: Cutter, notes: dict[int, str]) -> Line:
    """A line whose printed spaces fall inside words: none of its spaces separates parts or names."""
    if line.debris or not line.spaced:
        return line
    clean = without_stray_spaces(line.spaced, tok)
    if clean == line.spaced:
        return line
    notes[line.no] = STRAYS_NOTE
    return replace(line, spaced=clean if clean != line.text else "")


_INNER_SPACE = re.compile(f"(?<=[{CJK_RANGE}])[ \u3000]+(?=[{CJK_RANGE}])")


def without_stray_spaces(spaced: str, tok: Cutter) -> str:
    """The printed line with the spaces that fall inside a word of jieba's dictionary taken out
    (今 年, 磁 性材料): no typesetter sets one there, so they are strays. Spaces between words stay
    (they may separate names); the page's count of such lines says how far spaces are a sign."""
    if not _INNER_SPACE.search(spaced):
        return spaced
    out, last = [], 0
    for m in _INNER_SPACE.finditer(spaced):
        before = spaced[:m.start()].replace(" ", "").replace("\u3000", "")
        after = spaced[m.end():].replace(" ", "").replace("\u3000", "")
        out.append(spaced[last:m.start()] + ("" if cut_word(before, after, tok) else m.group()))
        last = m.end()
    return "".join(out) + spaced[last:]


def kicker_over(top: str, below: str, names: WordFinder, tok: Cutter) -> bool:
    """A headline line set tight over the next is its kicker, not its first half, when it names no
    zone and the next line opens with one (聚力新质生产力 / 合肥高新区打造…): a headline printed over
    two lines names its subject first, and a kicker seldom names the zone. No word may run across."""
    return not names.contained(top) and any(at == 0 for at, _ in names.everywhere(below)) \
        and not cut_word(top, below, tok)
