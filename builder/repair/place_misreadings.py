"""OCR misreadings of place names (潍南 for 淮南, 彬州 for 郴州).

A name is corrected only where the gazetteer and the page's own text agree: the
misread form differs from a place printed nearby in one character, stands
before the same kind of word (高新区, 市, 县 …) as that place does there, and
the right form is printed nearby at least twice. A misread form that is itself
a place (彬州 is a county-level city in 陕西) is corrected only when the page
names it once, never names the city or province it belongs to, and names the
right form at least three times nearby.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from ..textmatch.trie import WordFinder
from ..vocab import Vocabulary, compiled

# Words a place name stands before; the first character is what must agree.
SUFFIXES = ("高新区", "市", "县", "区", "片区", "经开区")
_CHINESE = re.compile("[\u3400-\u9fff]+")
# How far (in lines) the right form must be printed for a correction.
WINDOW = 80
# How often the right form must be printed nearby when the misread form is a real place too.
KNOWN_PLACE_SUPPORT = 3


class _Gazetteer:
    """What place_fixes needs of the gazetteer, compiled once per vocabulary."""

    def __init__(self, vocab: Vocabulary):
        g = vocab.gazetteer
        places = set(g.cities) | set(g.counties) | set(g.provinces)
        for zone in g.zones:
            places.update(zone.names)
            places.add(zone.city)
        self.places = frozenset(n for n in places if n)
        self.names = WordFinder({*g.cities, *g.counties})
        self.counties, self.cities = g.counties, g.cities
        self.suffix = re.compile("|".join(re.escape(x) for x in SUFFIXES))

    def parents(self, place: str) -> tuple[str, ...]:
        city = self.counties.get(place)
        province = self.cities.get(city or place)
        return tuple(p for p in (city, province) if p)


def place_fixes(texts: list[str], vocab: Vocabulary) -> list[tuple[int, str, str]]:
    """Find misread place names in a page's repaired lines.

    Each place printed on the page is indexed by its forms with one character
    wildcarded (淮? and ?南 for 淮南), so a candidate before a suffix is looked up
    in constant time: the page is read twice, whatever the size of the gazetteer.
    A page that prints no place has nothing to correct against and is read once.

    Returns:
        (line index, wrong, right) for every correction, in line order.
    """
    gaz = compiled(vocab, _Gazetteer)
    page = "\n".join(texts)
    # Where each place is printed, and the character after it; one scan of the whole page.
    line_starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    seen: dict[str, list[tuple[int, str]]] = {}
    for j, name in gaz.names.everywhere(page):
        after = page[j + len(name):j + len(name) + 1]
        seen.setdefault(name, []).append((bisect_right(line_starts, j) - 1, "" if after == "\n" else after))
    wild: dict[str, list[str]] = {}
    for name in seen:
        for k in range(len(name)):
            wild.setdefault(name[:k] + "?" + name[k + 1:], []).append(name)
    # A misread form is as long as the name it stands for: only the lengths printed on the page.
    lengths = sorted({len(name) for name in seen})
    fixes = []
    for i, text in enumerate(texts):
        for m in gaz.suffix.finditer(text) if wild else ():
            for n in lengths:
                j = m.start() - n
                cand = text[j:m.start()] if j >= 0 else ""
                if not cand or not _CHINESE.fullmatch(cand):
                    continue
                options = [name for k in range(n) for name in wild.get(cand[:k] + "?" + cand[k + 1:], ())]
                if not options:
                    continue
                # A real place: only when the page gives it no support of its own.
                known = cand in gaz.places
                if known and (page.count(cand) > 1 or any(p in page for p in gaz.parents(cand))):
                    continue
                best, best_n = None, KNOWN_PLACE_SUPPORT - 1 if known else 1
                for right in options:
                    near = [a for k, a in seen[right] if abs(k - i) <= WINDOW]
                    if len(near) > best_n and text[m.start()] in near:
                        best, best_n = right, len(near)
                if best is not None:
                    fixes.append((i, cand, best))
    return sorted(set(fixes))
