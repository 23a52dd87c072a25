"""Where an article is: its zone, province and city, and the other zones it names.

The names come from ``data/gazetteer.yaml`` (national high-tech zones, provinces,
prefecture-level cities, county-level places); other kinds of zone (新区, 经开区,
自贸区片区, towns) and institutions are found by the rules in ``data/places.yaml``,
which also holds the weights. The header of ``places.yaml`` explains the choice
step by step; :meth:`PlaceFinder.find` follows it.

Cost: every name list is compiled once into a trie-shaped regular expression, so
finding places is a handful of linear scans of the article, whatever the size of
the gazetteer; a rule is tried only just before the words its matches contain
(``anchored``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import PlaceKind
from ..textmatch.anchored import AnchoredRule
from ..textmatch.cjk import CJK_RANGE
from ..textmatch.trie import trie_pattern
from ..textmatch.wordcut import vocab_cutter
from ..vocab import Vocabulary, once_per_vocabulary
from .place_scan import MASK, Candidate, Scan

@dataclass(frozen=True)
class Place:
    """Where one article is.

    Arguments:
        zone: the zone (or town, new area, city) as the article names it, or None
        province, city: short names (湖南, 衡阳), or None
        mentions: the other zone-like places named, best first (gazetteer names)
        zone_key: the zone's canonical name (the gazetteer's short name), for grouping
        zone_kind: national, new_area, ftz_area, dev_zone, town, city or county
    """
    zone: str | None = None
    province: str | None = None
    city: str | None = None
    mentions: tuple[str, ...] = ()
    zone_key: str | None = None
    zone_kind: str | None = None


def _short(name: str, suffixes: tuple[str, ...]) -> str | None:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


# Municipalities are provinces and cities at once.
MUNICIPALITIES = ("北京", "上海", "天津", "重庆")


def _province_forms(gaz) -> dict[str, str]:
    """Provinces: short and full forms -> short."""
    forms: dict[str, str] = {}
    for short, full in gaz.provinces.items():
        forms[short] = short
        if full:
            forms[full] = short
    return forms


def _city_forms(gaz, provinces: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Prefecture-level cities: (short name -> province, printed form -> short name)."""
    city_province: dict[str, str] = {}
    city_names: dict[str, str] = {}
    for name, province in gaz.cities.items():
        short = _short(name, ("市", "地区", "盟")) or name
        city_province[short] = provinces.get(province, province)
        for form in {name, short} | ({name[:2]} if name.endswith("自治州") else set()):
            city_names[form] = short
    for short in gaz.provinces:
        if short in MUNICIPALITIES and short not in city_province:
            city_province[short] = short
            city_names[short] = short
    return city_province, city_names


def _county_forms(gaz, city_names: dict[str, str], not_places: frozenset[str]) -> dict[str, tuple[str, str]]:
    """County-level places: printed form -> (county name, prefecture city). A short form
    (岳麓 for 岳麓区) counts only when it names one city's county and is not a common word."""
    county_names: dict[str, tuple[str, str]] = {}
    shorts: dict[str, set] = {}
    for name, city in gaz.counties.items():
        city = city_names.get(city, city)
        if name in city_names:
            continue
        county_names[name] = (name, city)
        short = _short(name, ("自治县", "自治旗", "县", "市", "区", "旗"))
        if short and short not in not_places and short not in city_names:
            shorts.setdefault(short, set()).add((name, city))
    for short, targets in shorts.items():
        if len({c for _, c in targets}) == 1 and short not in county_names:
            county_names[short] = sorted(targets)[0]
    return county_names


class PlaceFinder:
    """The gazetteer and place rules compiled for fast lookup. Build once per vocabulary."""

    def __init__(self, vocab: Vocabulary):
        gaz = vocab.gazetteer
        rules = vocab.place_rules
        self.title_weight = rules.weights.title
        self.kicker_weight = rules.weights.kicker
        self.first_bonus = rules.weights.first
        self.zone_share = rules.weights.zone_share
        self.listed_weight = rules.weights.listed
        self.enumeration_rx = re.compile(rules.enumeration) if rules.enumeration else None
        self.subject_rx = re.compile(rules.headline_subject) if rules.headline_subject else None
        self.kind_weight = rules.weights.kinds
        self.zone_kinds = rules.zone_kinds
        self.not_towns = rules.not_towns
        self.provinces = _province_forms(gaz)
        self.city_province, self.city_names = _city_forms(gaz, self.provinces)
        self.county_names = _county_forms(gaz, self.city_names, rules.not_places)
        self.zones = gaz.zone_by_name  # national high-tech zones: every printed name -> the zone
        self.zone_rx = re.compile(f"(?P<n>{trie_pattern(self.zones)})(?P<q>{rules.qualifier})?")
        self.district_zones, self.district_rx = self._district_aliases(gaz, rules.district_aliases)
        self.known = {k.name: k for k in rules.known}
        self.known_rx = re.compile(trie_pattern(self.known))
        self.rules = self._shape_rules(rules)
        self.place_kind = {**{n: PlaceKind.PROVINCE for n in self.provinces},
                           **{n: PlaceKind.COUNTY for n in self.county_names},
                           **{n: PlaceKind.CITY for n in self.city_names}}
        self.place_rx = re.compile(f"(?P<n>{trie_pattern(self.place_kind)})(?P<s>市|县|区|省)?")
        self.cutter = vocab_cutter(vocab)  # a bare county name must be a word of its own

    def _shape_rules(self, rules) -> list[tuple[str, AnchoredRule, str | None]]:
        """The rules with their ``{province}``, ``{city}``, ``{county}``, ``{place}`` filled in:
        (kind, rule, template of its key)."""
        fills = {
            "province": trie_pattern(self.provinces),
            "city": trie_pattern(self.city_names),
            "county": trie_pattern(self.county_names),
            "place": trie_pattern({**self.city_names, **self.county_names}),
        }
        compiled = []
        for rule in rules.rules:
            pattern = rule.pattern
            for key, value in fills.items():
                pattern = pattern.replace("{" + key + "}", value)
            compiled.append((rule.kind, AnchoredRule(re.compile(pattern), rule.needs), rule.name))
        return compiled

    @staticmethod
    def _district_aliases(gaz, rule) -> tuple[dict, re.Pattern | None]:
        """A zone's names that are also a district's (新北区): they name the zone only when a zone
        word follows within ``window`` characters; elsewhere they are left to the place lookup."""
        zones = {name: zone for zone in gaz.zones for name in zone.district_aliases}
        if not zones:
            return zones, None
        words = trie_pattern(rule.zone_words)
        return zones, re.compile(f"{trie_pattern(zones)}(?=[{CJK_RANGE}]{{0,{rule.window}}}?(?:{words}))")

    # --- lookups -------------------------------------------------------------

    def resolve(self, name: str | None) -> tuple[str | None, str | None]:
        """A city, county or zone city name -> (prefecture city, province)."""
        if not name:
            return None, None
        if name in self.city_names:
            city = self.city_names[name]
        elif name in self.county_names:
            city = self.county_names[name][1]
            city = self.city_names.get(city, city)
        else:
            return name, None
        return city, self.city_province.get(city)

    # --- the scan ------------------------------------------------------------

    def _zones_named(self, text: str) -> list[tuple]:
        """(zone, start, end, printed form) of every national zone named: by a name, then by a
        district alias followed by a zone word where no name was found (its form: the zone's name)."""
        hits = [(self.zones[m.group("n")], m.start(), m.end(), m.group(0)) for m in self.zone_rx.finditer(text)]
        if self.district_rx is None:
            return hits
        masked = list(text)
        for _, start, end, _ in hits:
            masked[start:end] = MASK * (end - start)
        for m in self.district_rx.finditer("".join(masked)):
            zone = self.district_zones[m.group(0)]
            hits.append((zone, m.start(), m.end(), zone.name))
        return hits

    def find(self, title: str, paragraphs, kicker: str | None = None) -> Place:
        """Where an article is mainly about; the steps are those of the header of ``data/places.yaml``."""
        scan = Scan(self, title or "", kicker or "", paragraphs)
        scan.national_zones()        # 1. national high-tech zones
        scan.known_zones()           # 2. well-known zones, then the rules in the file's order
        scan.zones_by_shape()
        scan.zones_named_again()     # 3. the same zones named again without their city
        scan.cities_and_provinces()  # 4. cities, counties and provinces in what is left
        place = self._choose(scan.cands, scan.provinces, scan.province_in_title, scan.first_body)
        return self._institution_in_headline(title or "", place, scan.institutions)

    def _institution_in_headline(self, title: str, place: Place, placed: list[int]) -> Place:
        """An article headed ``<institution>：…`` is about that institution, unless a zone was chosen
        or the institution's name places it in a city (浙江大学台州研究院 is 台州's: ``placed``
        holds where such names start)."""
        m = self.subject_rx.match(title) if self.subject_rx else None
        if m is None or place.zone_kind in self.zone_kinds or any(pos < m.end("name") for pos in placed):
            return place
        name = m.group("name")
        return Place(zone=name, province=place.province, city=place.city, mentions=place.mentions,
                     zone_key=name, zone_kind=PlaceKind.INSTITUTION)

    def _choose(self, cands, provinces, province_in_title, first) -> Place:
        if first:
            cands[first[0]].score += self.first_bonus
        placed = [c for c in cands.values() if c.city and c.score > 0]
        if not placed:
            province = None
            if province_in_title:
                province = province_in_title[0]
            elif len(provinces) == 1 and sum(provinces.values()) >= 2:
                province = next(iter(provinces))
            return Place(province=province)
        groups: dict[str, list[Candidate]] = {}
        for c in placed:
            groups.setdefault(c.city, []).append(c)

        def group_rank(city):
            members = groups[city]
            return (-sum(c.score for c in members), min(c.first for c in members), city)
        city = min(groups, key=group_rank)
        members = groups[city]
        order = {k: i for i, k in enumerate(self.zone_kinds)}
        zones = sorted((c for c in members if c.kind in order),
                       key=lambda c: (-c.score, order[c.kind], c.first, c.key))
        places = sorted((c for c in members if c.kind not in order), key=lambda c: (-c.score, c.first, c.key))
        best_place = places[0].score if places else 0.0
        if zones and zones[0].score >= self.zone_share * best_place:
            chosen = zones[0]
        else:
            chosen = places[0]
        province = chosen.province or self.city_province.get(city)
        mentions = tuple(c.key for c in sorted((c for c in cands.values() if c.kind in order and c is not chosen),
                                               key=lambda c: (-c.score, c.first, c.key)))
        return Place(zone=self._display(chosen), province=province, city=city, mentions=mentions,
                     zone_key=chosen.key, zone_kind=chosen.kind)

    @staticmethod
    def _display(c: Candidate) -> str:
        """The zone as the article prints it: the headline's form, else the commonest."""
        if c.title_form:
            form = c.title_form
        else:
            form = sorted(c.forms.items(), key=lambda kv: -kv[1])[0][0]
        if c.kind == PlaceKind.NATIONAL:
            m = re.match(r"(.*?)([（(][^）)]*[)）])?$", form)
            base, qualifier = m.group(1), m.group(2) or ""
            if base in c.full_names or base.endswith("高新技术产业开发区"):
                return c.key + qualifier
        return form


def place_finder(vocab: Vocabulary) -> PlaceFinder:
    """The PlaceFinder for ``vocab``, compiled once."""
    return once_per_vocabulary(vocab, PlaceFinder)


def find_place(title: str, paragraphs, vocab: Vocabulary, kicker: str | None = None) -> Place:
    """Where an article is mainly about (see :class:`Place`)."""
    return place_finder(vocab).find(title, paragraphs, kicker)
