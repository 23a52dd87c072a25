"""What an article is about: one to three themes from ``data/themes.yaml``, with the terms that earned them.

The score is meant to be explained on the theme page, so it is simple: term hits
(each term counted at most ``cap`` times in the body; a hit in the headline or
kicker is worth ``title`` more), divided by the square root of the body's length in
thousands of characters. The header of ``themes.yaml`` gives the thresholds.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..model import ThemeMatch
from ..textmatch.trie import trie_pattern
from ..vocab import Theme, Vocabulary, compiled

DEFAULTS = {"cap": 3, "title": 3, "min_length": 0.3, "threshold": 2.5, "min_terms": 2,
            "relative": 0.35, "max_themes": 3}


@dataclass(frozen=True)
class _CompiledTheme:
    theme: Theme
    pattern: re.Pattern


class ThemeScorer:
    """The taxonomy compiled once: one regular expression per theme, longest term first."""

    def __init__(self, vocab: Vocabulary):
        self.params = {**DEFAULTS, **(vocab.theme_scoring or {})}
        self.themes = tuple(
            _CompiledTheme(t, re.compile(trie_pattern(set(t.terms))))  # longest term first, as one trie
            for t in vocab.themes if t.terms
        )

    def score(self, head: str, body: str) -> tuple[ThemeMatch, ...]:
        """All themes with any hit, best first; see :meth:`choose` for the one to three kept."""
        p = self.params
        length = max(len(body) / 1000.0, float(p["min_length"]))
        scored = []
        for ct in self.themes:
            body_hits: dict[str, int] = {}
            for m in ct.pattern.finditer(body):
                body_hits[m.group(0)] = body_hits.get(m.group(0), 0) + 1
            head_hits = {m.group(0) for m in ct.pattern.finditer(head)}
            terms = set(body_hits) | head_hits
            if not terms:
                continue
            weight = {t: min(body_hits.get(t, 0), p["cap"]) + (p["title"] if t in head_hits else 0) for t in terms}
            total = sum(weight.values()) / math.sqrt(length)
            ranked = tuple(sorted(terms, key=lambda t: (-weight[t], t)))
            # enough evidence: two different terms, a headline hit, or one term used again and again
            strong = len(terms) >= p["min_terms"] or bool(head_hits) or max(body_hits.values(), default=0) >= p["cap"]
            scored.append((ThemeMatch(ct.theme.name, round(total, 2), ranked), strong))
        scored.sort(key=lambda x: (-x[0].score, x[0].theme))
        return tuple(scored)

    def choose(self, head: str, body: str) -> tuple[ThemeMatch, ...]:
        """The article's one to three themes, best first."""
        p = self.params
        scored = self.score(head, body)
        if not scored:
            return ()
        best = scored[0][0].score
        kept = [m for m, strong in scored if strong and m.score >= p["threshold"] and m.score >= p["relative"] * best]
        return tuple(kept[: int(p["max_themes"])]) or (scored[0][0],)


def theme_scorer(vocab: Vocabulary) -> ThemeScorer:
    """The ThemeScorer for ``vocab``, compiled once per vocabulary."""
    return compiled(vocab, ThemeScorer)


def find_themes(title: str, body: str, vocab: Vocabulary, kicker: str | None = None) -> tuple[ThemeMatch, ...]:
    """One to three themes for an article (none only when no theme term occurs at all)."""
    return theme_scorer(vocab).choose("\n".join(filter(None, [title, kicker])), body)
