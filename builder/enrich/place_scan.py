"""One article's text scanned for places, step by step (see ``PlaceFinder.find``).

Each step finds one kind of name in what the steps before left unclaimed, so a
shorter name inside a longer one (衡阳 in 衡阳高新区) is not counted again; every
occurrence adds to its candidate's score by where it stands (headline, kicker,
body, a list of places).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import PlaceKind
from ..textmatch.trie import trie_pattern
from ..textmatch.wordcut import cut_through

if TYPE_CHECKING:
    from .places import PlaceFinder

MASK = "\x00"


@dataclass
class Candidate:
    key: str
    kind: str
    city: str | None
    province: str | None
    score: float = 0.0
    first: int = 1 << 30
    forms: Counter = field(default_factory=Counter)
    title_form: str | None = None
    full_names: frozenset = frozenset()



class Scan:
    """One article while its places are found: the text with every place found so far
    masked (so a shorter name inside a longer one is not counted again), and the candidates."""

    def __init__(self, finder: PlaceFinder, title: str, kicker: str, paragraphs):
        self.finder = finder
        self.text = "\n".join([title, kicker, *paragraphs])
        self.title_end, self.kicker_end = len(title), len(title) + 1 + len(kicker)
        self.masked = list(self.text)
        self.current = self.text
        self.dirty = False  # masked changed since it was last joined into current
        self.cands: dict[str, Candidate] = {}
        self.provinces: Counter = Counter()
        self.province_in_title: list[str] = []
        self.first_body: tuple[str, int] | None = None  # the first place named in the body, and where
        self.found: dict[str, tuple[str, str, str | None, str | None]] = {}  # printed name -> key, kind, city, province
        self.institutions: list[int] = []  # where institutions placed by the city in their name start
        self.lists = self._lists()  # (start, end) of every list of places in the body, in order

    def _lists(self) -> list[tuple[int, int]]:
        rx = self.finder.enumeration_rx
        if rx is None:
            return []
        return [(m.start(), m.end()) for m in rx.finditer(self.text, self.kicker_end)]

    def in_list(self, pos: int) -> bool:
        if not self.lists:
            return False
        i = bisect.bisect_right(self.lists, (pos, 1 << 30)) - 1
        return i >= 0 and self.lists[i][0] <= pos < self.lists[i][1]

    def weight_at(self, pos: int) -> float:
        if self.in_list(pos):
            return self.finder.listed_weight
        if pos < self.title_end:
            return self.finder.title_weight
        if pos < self.kicker_end:
            return self.finder.kicker_weight
        return 1.0

    def claim(self, start: int, end: int) -> None:
        self.masked[start:end] = MASK * (end - start)
        self.dirty = True

    def unclaimed(self) -> str:
        """The text with every place found so far masked."""
        if self.dirty:
            self.current, self.dirty = "".join(self.masked), False
        return self.current

    def add(self, key, kind, city, province, pos, form, full_names=frozenset()) -> None:
        cand = self.cands.get(key)
        if cand is None:
            cand = self.cands[key] = Candidate(key, kind, city, province, full_names=full_names)
        cand.score += self.finder.kind_weight.get(kind, 1.0) * self.weight_at(pos)
        cand.first = min(cand.first, pos)
        cand.forms[form] += 1
        if pos < self.title_end and cand.title_form is None:
            cand.title_form = form
        if pos > self.kicker_end and (self.first_body is None or pos < self.first_body[1]) \
                and not self.in_list(pos):
            self.first_body = (key, pos)

    def national_zones(self) -> None:
        """Step 1: national high-tech zones, with a parenthesised district after them; then the
        zones' district aliases followed by a zone word (张江科学城)."""
        f = self.finder
        for zone, start, end, form in f._zones_named(self.text):
            city, province = f.resolve(zone.city)
            self.add(zone.name, PlaceKind.NATIONAL, city, zone.province or province, start, form,
                     frozenset({zone.full}))
            self.claim(start, end)

    def known_zones(self) -> None:
        """Step 2, first part: the zones ``places.yaml`` knows by name."""
        f = self.finder
        for m in f.known_rx.finditer(self.unclaimed()):
            k = f.known[m.group(0)]
            city, province = f.resolve(k.city)
            self.found[m.group(0)] = (m.group(0), k.kind, city, province)
            self.add(m.group(0), k.kind, city, province, m.start(), m.group(0))
            self.claim(m.start(), m.end())

    def zones_by_shape(self) -> None:
        """Step 2, second part: the rules, each over what the ones before left unclaimed."""
        for kind, rule, template in self.finder.rules:
            for m in rule.finditer(self.unclaimed()):
                self._shaped(kind, template, m)

    def _shaped(self, kind: str, template: str | None, m: re.Match) -> None:
        f = self.finder
        groups = {k: v for k, v in m.groupdict().items() if v}
        where = groups.get("city") or groups.get("county") or groups.get("place")
        city, province = f.resolve(where)
        if city is None or (kind == PlaceKind.TOWN and groups.get("name") in f.not_towns):
            return
        self.claim(m.start(), m.end())
        national = f.zones.get(m.group(0).replace("市", "", 1)) if kind == PlaceKind.HITECH_ZONE else None
        if national is not None:  # 衡阳市高新区 is 衡阳高新区
            city, province = f.resolve(national.city)
            self.add(national.name, PlaceKind.NATIONAL, city, national.province or province, m.start(), m.group(0),
                     frozenset({national.full}))
            return
        if kind == PlaceKind.INSTITUTION:  # counts for the place in its name
            self.institutions.append(m.start())
            place_kind = PlaceKind.CITY if where in f.city_names else PlaceKind.COUNTY
            key = city if place_kind == PlaceKind.CITY else f.county_names[where][0]
            self.add(key, place_kind, city, province, m.start(), where)
            self.cands[key].score += (f.kind_weight.get(PlaceKind.INSTITUTION, 2.0) - 1.0) * self.weight_at(m.start())
            return
        values = {"match": m.group(0), "province": "", "city": "", "county": "", "place": "", "name": "", **groups}
        key = (template or "{match}").format(**values)
        province = province or f.provinces.get(groups.get("province", ""))
        form = groups.get("name") or m.group(0)
        self.found.setdefault(form, (key, kind, city, province))
        self.add(key, kind, city, province, m.start(), form)

    def zones_named_again(self) -> None:
        """Step 3: a zone found above, named again without its city (钱塘新区, 乌镇)."""
        if self.found:
            for m in re.finditer(trie_pattern(self.found), self.unclaimed()):
                key, kind, city, province = self.found[m.group(0)]
                self.add(key, kind, city, province, m.start(), m.group(0))
                self.claim(m.start(), m.end())

    def cities_and_provinces(self) -> None:
        """Step 4: cities and counties count for their city; provinces are only counted."""
        f = self.finder
        for m in f.place_rx.finditer(self.unclaimed()):
            name, kind = m.group("n"), f.place_kind[m.group("n")]
            if kind == PlaceKind.PROVINCE:
                self.provinces[f.provinces[name]] += 1
                if m.start() < self.title_end:
                    self.province_in_title.append(f.provinces[name])
                continue
            if kind == PlaceKind.COUNTY and m.group("s") is None \
                    and cut_through(f.cutter, self.text, m.start(), m.end("n")):
                continue  # 和龙 of 和龙头企业: county names are often ordinary words' pieces
            city, province = f.resolve(name)
            key = city if kind == PlaceKind.CITY else f.county_names[name][0]
            self.add(key, kind, city, province, m.start(), m.group(0))
