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

from ..textmatch.cjk import CJK_RUN
from ..textmatch.trie import WordFinder
from ..vocab import Vocabulary, once_per_vocabulary

# Words a place name stands before; the first character is what must agree.
SUFFIXES = ("高新区", "市", "县", "区", "片区", "经开区")
_CHINESE = CJK_RUN
# How far (in printed lines, blank lines not counted: a layout's blank lines change nothing) the
# right form must be printed for a correction.
WINDOW = 80
# How often the right form must be printed nearby when the misread form is a real place too.
KNOWN_PLACE_SUPPORT = 3


class _Gazetteer:
    """What place_fixes needs of the gazetteer, compiled once per vocabulary."""

    def __init__(self, vocab: Vocabulary):
        g = vocab.gazetteer
        places = set(g.cities) | set(g.counties) | set(g.provinces) | set(g.zone_by_name)
        places.update(zone.city for zone in g.zones)
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
        (line index, wrong, right, where) for every correction, in line order; ``where`` is ``end``
        or ``start`` for a piece of a name wrapped across a line break (mended there only), else "".
    """
    gaz = once_per_vocabulary(vocab, _Gazetteer)
    page = "\n".join(texts)
    seen = _printed_places(texts, page, gaz)
    if not seen:
        return []
    wild: dict[str, list[str]] = {}
    for name in seen:
        for k in range(len(name)):
            wild.setdefault(name[:k] + "?" + name[k + 1:], []).append(name)
    # A misread form is as long as the name it stands for: only the lengths printed on the page.
    lengths = sorted({len(name) for name in seen})
    printed = list(accumulate((1 if t.strip() else 0 for t in texts), initial=0))
    fixes = []
    for i, text in enumerate(texts):
        for m in gaz.suffix.finditer(text):
            for n in lengths:
                j = m.start() - n
                cand = text[j:m.start()] if j >= 0 else ""
                if not cand or not _CHINESE.fullmatch(cand):
                    continue
                best = _right_form(cand, i, text[m.start()], wild, seen, page, gaz, printed)
                if best is not None:
                    fixes.append((i, cand, best, ""))
        fixes += _across_break(texts, i, lengths, wild, seen, page, gaz, printed)
    return sorted(set(fixes))


def _across_break(texts: list[str], i: int, lengths: list[int], wild: dict[str, list[str]],
                  seen: dict[str, list[tuple[int, str]]], page: str, gaz: _Gazetteer,
                  printed: list[int]) -> list[tuple[int, str, str, str]]:
    """A name a narrow column wrapped at line i's end (菅 / 口高新区, 菅口 / 高新区), or whose suffix it
    wrapped (佳林高 / 新区): each line's piece of it, mended at the line's end (``end``) or start (``start``)."""
    k = next((k for k in range(i + 1, min(i + 3, len(texts))) if texts[k].strip()), None)
    if k is None:
        return []
    text, nxt = texts[i], texts[k]
    at = min(len(text), max(lengths) + max(map(len, SUFFIXES)))  # the name, and its suffix when that is cut
    joined = text[len(text) - at:] + nxt[:max(lengths) + 3]
    out = []
    # Suffixes read in the joined text as on one line (构建高新 / 区: 高新区 is no suffix of 高新).
    for m in gaz.suffix.finditer(joined):
        if m.end() <= at:
            continue  # on line i alone: read there
        for n in lengths:
            j = m.start() - n
            cand = joined[j:m.start()] if 0 <= j < at else ""
            if not cand or not _CHINESE.fullmatch(cand):
                continue
            best = _right_form(cand, i, joined[m.start()], wild, seen, page, gaz, printed)
            if best is None:
                continue
            if m.start() < at:  # the suffix itself wrapped (佳林高 / 新区): the name is line i's
                out.append((i, joined[j:at], best + joined[m.start():at], "end"))
                continue
            head = at - j
            if cand[:head] != best[:head]:
                out.append((i, cand[:head], best[:head], "end"))
            if head < n and cand[head:] != best[head:]:
                out.append((k, cand[head:], best[head:], "start"))
        break  # only the suffix at the break
    return out


def _printed_places(texts: list[str], page: str, gaz: _Gazetteer) -> dict[str, list[tuple[int, str]]]:
    """Where each place is printed on the page: name -> (line index, the character after it);
    one scan of the whole page."""
    line_starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    seen: dict[str, list[tuple[int, str]]] = {}
    for j, name in gaz.names.everywhere(page):
        after = page[j + len(name):j + len(name) + 1]
        seen.setdefault(name, []).append((bisect_right(line_starts, j) - 1, "" if after == "\n" else after))
    return seen


def _right_form(cand: str, line: int, suffix_char: str, wild: dict[str, list[str]],
                seen: dict[str, list[tuple[int, str]]], page: str, gaz: _Gazetteer,
                printed: list[int]) -> str | None:
    """The place ``cand`` (printed on ``line`` before a suffix) is a misreading of, or None.

    The right form differs in one character, is printed near enough often enough, and
    before the same suffix character; a real place is corrected only when the page
    gives it no support of its own. ``printed[i]``: the non-blank lines before line i.
    """
    options = [name for k in range(len(cand)) for name in wild.get(cand[:k] + "?" + cand[k + 1:], ())]
    if not options:
        return None
    known = cand in gaz.places
    if known and (page.count(cand) > 1 or any(p in page for p in gaz.parents(cand))):
        return None
    best, best_n = None, KNOWN_PLACE_SUPPORT - 1 if known else 1
    for right in options:
        near = [a for k, a in seen[right] if abs(printed[k] - printed[line]) <= WINDOW]
        if len(near) > best_n and suffix_char in near:
            best, best_n = right, len(near)
    return best
