"""What a key figure measures, cut at word boundaries, and whether it is a level, a change or a share.

``figures.py`` finds the number and the clause before it; this module makes the
label a reader can quote: it starts and ends on whole words (湖南省级以上创新人才
is not cut to 级以上创新人才), holds at least one noun, and loses the verbs and
prepositions that lead into the number (按减, 以现金). The kind comes from the
words around the number (``figures.yaml``: ``kinds``):

- change: 增长、提高、下降 … the number is the size of a change (同比增长39.88%);
- share: 占、占比、比重 … the number is a part of a whole (占营业收入的70%);
- level: anything else, and the end value of a change (增长至2.33% is a level).
"""
from __future__ import annotations


from ..textmatch.cjk import CJK_CHAR
from ..vocab.figure_rules import FigureRules

LEVEL, CHANGE, SHARE = "level", "change", "share"
KIND_NAMES = {LEVEL: "数值", CHANGE: "变化", SHARE: "占比"}
_NOUN_POS = ("n", "vn", "an", "j", "l", "eng")  # jieba tags that start with these name a thing
_CJK = CJK_CHAR


class LabelRules:
    """The ``kinds`` section of figures.yaml and the word cutter, for labels."""

    def __init__(self, rules: FigureRules, cutter):
        kinds = rules.kinds
        self.change = tuple(sorted(kinds.change, key=len, reverse=True))
        self.share = tuple(sorted(kinds.share, key=len, reverse=True))
        self.end_value = tuple(sorted(kinds.end_value, key=len, reverse=True))
        self.lead_pos = kinds.lead_pos
        self.cutter = cutter

    def whole_word_start(self, clause: str, start: int) -> int:
        """``start`` moved back to the start of the word it falls inside (a label never begins mid-word)."""
        at = 0
        for word in self.cutter.cut(clause):
            if at < start < at + len(word):
                return at
            if at >= start:
                break
            at += len(word)
        return start

    def noun_after(self, text: str, stop) -> str:
        """The nouns right after a count's unit (个部门 → 部门, 个全产业链专班 → 全产业链专班), or ""."""
        words = []
        for word, flag in self.cutter.tag(text[:16]):
            if not _CJK.match(word) or stop.match(word) or not (flag.startswith(_NOUN_POS) or flag in ("nz", "nt")):
                break
            words.append(word)
        return "".join(words)

    def tidy(self, label: str) -> str:
        """The label without the words that lead into the number (按, 以, 或培养 …); "" when no noun is left."""
        words = self.cutter.tag(label)
        while len(words) > 1 and words[0][1] in self.lead_pos:
            words = words[1:]
        if not any(flag.startswith(_NOUN_POS) or flag in ("nz", "ns", "nt") for _, flag in words):
            return ""
        return "".join(w for w, _ in words)

    def kind(self, label: str, before: str) -> tuple[str, str]:
        """(kind, label) for a number whose label is ``label`` and whose clause before it is ``before``.

        An end value (由1.96%增长至2.33%) is a level: the change word is taken off its label.
        """
        tail = before.rstrip()[-4:]
        share = any(w in label for w in self.share)
        for word in self.end_value:
            if tail.endswith(word):
                for change in self.change:
                    if label.endswith(change) and len(label) > len(change) + 1:
                        label = label[: -len(change)]
                        break
                return (SHARE if share else LEVEL), label
        if share:
            return SHARE, label
        if any(w in label for w in self.change) or any(tail.endswith(w) for w in self.change):
            return CHANGE, label
        return LEVEL, label


def has_chinese(text: str) -> bool:
    return bool(_CJK.search(text))
