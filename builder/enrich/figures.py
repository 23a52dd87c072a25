"""Key figures: amounts, percentages and counts, each with what it measures and its sentence.

The units and the words that trim a label are data (``data/figures.yaml``; its
header explains the steps). Labels are the measured thing, not the clause:
「此次集中开工活动的项目共有7个，计划总投资额35.8亿元」 gives 计划总投资额 35.8 亿元.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Figure
from ..textmatch.cjk import CJK_CHAR, CJK_RUN, FULL_STOPS
from ..textmatch.trie import trie_pattern
from ..textmatch.wordcut import vocab_cutter
from ..vocab import Vocabulary, once_per_vocabulary
from .figure_labels import LabelRules

# A figure's sentence ends at a full stop or a semicolon, full- or half-width; not at an
# ellipsis, which lists what comes before a figure more often than it ends the sentence.
_ENDS = re.escape(FULL_STOPS + "；!?;")
_SENTENCE = re.compile(f"[^{_ENDS}\\n]+[{_ENDS}]?")
_BOUNDARY = "，,、；;：:。！？!?（）()“”\"'‘’《》【】[]—…·"
_DIGIT = re.compile(r"\d")
# Unit classes of figures.yaml whose labels are checked apart (a count or an area needs a real label).
COUNT, AREA = "count", "area"


@dataclass(frozen=True)
class _Found:
    figure: Figure
    start: int
    end: int
    weight: float


class FigureFinder:
    """The units and trimming words of ``figures.yaml``, compiled once."""

    def __init__(self, vocab: Vocabulary, place_names=()):
        rules = vocab.figure_rules
        self.max_figures = rules.max_figures
        self.max_label = rules.max_label
        self.class_weight = rules.class_weight
        self.unit_class = {u: cls for cls, units in rules.units.items() for u in units}
        units = sorted(self.unit_class, key=lambda u: (-len(u), u))
        unit_rx = "|".join(re.escape(u) for u in units) or "(?!)"
        not_before = "".join(re.escape(c) for c in rules.not_before)
        lookbehind = f"(?<![\\d.{not_before}])" if not_before else r"(?<![\d.])"
        self.number = re.compile(lookbehind + r"(\d+(?:\.\d+)?)\s*(?:余|多)?\s*(" + unit_rx + ")")
        self.not_after = rules.not_after
        self.time = re.compile(rules.time or "(?!)")
        # The longest lead word that leaves something of the label, the longest trail word.
        lead, trail = rules.lead, rules.trail
        self.lead = re.compile(f"^(?:{trie_pattern(lead)})(?=[\\s\\S])") if lead else None
        self.trail = re.compile(f"(?:{trie_pattern(trail)})$") if trail else None
        self.verbs = tuple(sorted(rules.verbs, key=len, reverse=True))
        self.change = frozenset(rules.change)
        self.after_stop = re.compile("|".join(re.escape(w) for w in rules.after_stop) or "(?!)")
        self.split = rules.split
        # a trie, not a plain alternation: thousands of names are tried at once, longest first
        self.places = re.compile("^(?:" + trie_pattern(place_names) + ")(?:市|省|县|区)?") if place_names else None
        self.labels = LabelRules(rules, vocab_cutter(vocab))

    # --- labels ----------------------------------------------------------------

    def trim(self, label: str) -> str:
        """Remove time words, leading places and the lead/trail words, until nothing changes."""
        while True:
            before = label
            m = self.time.match(label)
            if m and m.end():
                label = label[m.end():]
            if self.places:
                m = self.places.match(label)
                if m and len(label) - m.end() >= 2:
                    label = label[m.end():]
            m = self.lead.match(label) if self.lead else None
            if m:
                label = label[m.end():]
            m = self.trail.search(label) if self.trail else None
            if m:
                label = label[:m.start()]
            if label == before:
                return label

    def _label_before(self, sentence: str, start: int, floor: int) -> str:
        i = start
        while i > floor and sentence[i - 1] not in _BOUNDARY:
            i -= 1
        raw = re.sub(r"\s+", "", sentence[i:start])
        label = self.trim(raw)
        if len(label) > self.max_label:
            cuts = [label.rfind(w) + len(w) for w in self.split if w in label[:-2]]
            if cuts:
                label = self.trim(label[max(cuts):])
        # Trimming cuts by characters: a label starting inside a word (级 of 省级) gets the whole word.
        at = raw.find(label) if label else -1
        if at > 0:
            label = raw[self.labels.whole_word_start(raw, at):at] + label
        return label

    def _label_after(self, sentence: str, end: int) -> str:
        m = CJK_RUN.match(sentence, end)
        if not m:
            return ""
        label = re.split("[的和及与等]", m.group(0))[0]
        label = label[: self.after_stop.search(label).start()] if self.after_stop.search(label) else label
        return label[: self.max_label]

    # --- the scan ----------------------------------------------------------------

    def find(self, title: str, paragraphs) -> tuple[Figure, ...]:
        found: list[_Found] = []
        offset = 0
        for paragraph in paragraphs:
            for sm in _SENTENCE.finditer(paragraph):
                sentence = sm.group(0).strip()
                found.extend(self._in_sentence(sentence, title, offset))
                offset += 1000
        best: dict[tuple, _Found] = {}
        for f in found:  # the same amount printed twice is one figure (the first, unless a later one weighs more)
            key = (f.figure.value, f.figure.unit)
            if key not in best or f.weight > best[key].weight:
                best[key] = f
        kept = sorted(best.values(), key=lambda f: (-f.weight, f.start))[: self.max_figures]
        return tuple(f.figure for f in sorted(kept, key=lambda f: f.start))

    def _in_sentence(self, sentence: str, title: str, offset: int) -> list[_Found]:
        out: list[_Found] = []
        if not _DIGIT.search(sentence):
            return out  # most sentences: a fast scan, where the number pattern (led by a lookbehind) tries every character
        floor = 0
        previous: Figure | None = None
        for m in self.number.finditer(sentence):
            value, unit = m.group(1), m.group(2)
            cls = self.unit_class[unit]
            after = sentence[m.end():]
            skip = next((w for w in self.not_after if after.startswith(w)), None)
            if cls == COUNT and skip:
                floor = m.end() + len(skip)
                continue
            before = sentence[floor:m.start()]
            label = self._label_before(sentence, m.start(), floor)
            if cls in (COUNT, AREA):
                # 24个部门, 169项权限: the noun after the unit is what is counted
                noun = self.labels.noun_after(after, self.after_stop)
                if noun or not label or label.endswith(self.verbs):
                    label = noun or self._label_after(sentence, m.end()) or label
            if label in self.change and previous is not None:
                label = previous.label + label
            floor = m.end()
            kind, label = self.labels.kind(label, before)
            label = self.labels.tidy(label)
            if len(label) < 2 or not CJK_CHAR.search(label):
                continue
            figure = Figure(label=label, value=value, unit=unit, sentence=sentence, kind=kind)
            weight = self.class_weight.get(cls, 1.0) + (2.0 if value in title else 0.0)
            out.append(_Found(figure, offset + m.start(), offset + m.end(), weight))
            previous = figure
        return out


def _new_figure_finder(vocab: Vocabulary) -> FigureFinder:
    # Place names from the gazetteer are trimmed off labels.
    gaz = vocab.gazetteer
    names = list(gaz.zone_by_name) + list(gaz.cities) + list(gaz.provinces) + list(gaz.counties)
    return FigureFinder(vocab, names)


def figure_finder(vocab: Vocabulary) -> FigureFinder:
    """The FigureFinder for ``vocab``, compiled once."""
    return once_per_vocabulary(vocab, _new_figure_finder)


def find_figures(title: str, paragraphs, vocab: Vocabulary) -> tuple[Figure, ...]:
    """At most ``max_figures`` key figures of an article, in text order."""
    return figure_finder(vocab).find(title or "", paragraphs)
