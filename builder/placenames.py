"""OCR misreadings of place names (潍南 for 淮南, 彬州 for 郴州).

A name is corrected only where the gazetteer and the page's own text agree: the
misread form is no known place, differs from a known place in one character,
stands before the same kind of word (高新区, 市, 县 …) as that place does
nearby, and the right form is printed nearby at least twice.
"""
from __future__ import annotations

import re

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


def place_fixes(texts: list[str], vocab: Vocabulary) -> list[tuple[int, str, str]]:
    """Find misread place names in a page's repaired lines.

    Each place printed on the page is indexed by its forms with one character
    wildcarded (淮? and ?南 for 淮南), so a candidate before a suffix is looked up
    in constant time: the page is read twice, whatever the size of the gazetteer.

    Returns:
        (line index, wrong, right) for every correction, in line order.
    """
    places = known_places(vocab)
    names = {*vocab.gazetteer.cities, *vocab.gazetteer.counties}
    lengths = sorted({len(n) for n in names if n})
    suffix = re.compile("|".join(re.escape(x) for x in SUFFIXES))
    # Where each place is printed, and the character after it.
    seen: dict[str, list[tuple[int, str]]] = {}
    for i, text in enumerate(texts):
        for n in lengths:
            for j in range(len(text) - n + 1):
                cand = text[j:j + n]
                if cand in names:
                    seen.setdefault(cand, []).append((i, text[j + n:j + n + 1]))
    wild: dict[str, list[str]] = {}
    for name in seen:
        for k in range(len(name)):
            wild.setdefault(name[:k] + "?" + name[k + 1:], []).append(name)
    fixes = []
    for i, text in enumerate(texts):
        for m in suffix.finditer(text):
            for n in lengths:
                j = m.start() - n
                cand = text[j:m.start()] if j >= 0 else ""
                if not cand or cand in places or not all("\u3400" <= c <= "\u9fff" for c in cand):
                    continue
                options = [name for k in range(n) for name in wild.get(cand[:k] + "?" + cand[k + 1:], ())]
                best, best_n = None, 1
                for right in options:
                    near = [a for k, a in seen[right] if abs(k - i) <= WINDOW]
                    if len(near) > best_n and text[m.start()] in near:
                        best, best_n = right, len(near)
                if best is not None:
                    fixes.append((i, cand, best))
    return sorted(set(fixes))
