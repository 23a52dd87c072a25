"""OCR misreadings of place names (潍南 for 淮南, 彬州 for 郴州).

A name is corrected only where the gazetteer and the page's own text agree: the
misread form is no known place, differs from a known place in one character,
stands before the same kind of word (高新区, 市, 县 …) as that place does
nearby, and the right form is printed nearby at least twice.
"""
from __future__ import annotations

from .vocab import Vocabulary

# Words a place name stands before; the first character is what must agree.
SUFFIXES = ("高新区", "市", "县", "区", "片区", "经开区")
# How far (in lines) the right form must be printed for a correction.
WINDOW = 80


def known_places(vocab: Vocabulary) -> frozenset[str]:
    g = vocab.gazetteer
    names = set(g.cities) | set(g.counties) | set(g.provinces)
    for zone in g.zones:
        names.update(zone.names)
        names.add(zone.city)
    return frozenset(n for n in names if n)


def _one_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def place_fixes(texts: list[str], vocab: Vocabulary) -> list[tuple[int, str, str]]:
    """Find misread place names in a page's repaired lines.

    Returns:
        (line index, wrong, right) for every correction, in line order.
    """
    places = known_places(vocab)
    cities = sorted({*vocab.gazetteer.cities, *vocab.gazetteer.counties}, key=len, reverse=True)
    fixes = []
    # Where each city is printed, and before which suffixes.
    seen: dict[str, list[tuple[int, str]]] = {}
    for i, text in enumerate(texts):
        for city in cities:
            start = text.find(city)
            while start >= 0:
                after = text[start + len(city):start + len(city) + 1]
                seen.setdefault(city, []).append((i, after))
                start = text.find(city, start + 1)
    for city, where in seen.items():
        n = len(city)
        for i, text in enumerate(texts):
            for j in range(len(text) - n):
                cand = text[j:j + n]
                if cand == city or cand in places or not _one_apart(cand, city):
                    continue
                if not any(text.startswith(s, j + n) for s in SUFFIXES):
                    continue
                if not all("\u3400" <= c <= "\u9fff" for c in cand):
                    continue
                near = [a for k, a in where if abs(k - i) <= WINDOW]
                if len(near) >= 2 and text[j + n] in near:
                    fixes.append((i, cand, city))
    fixes.sort()
    return fixes
