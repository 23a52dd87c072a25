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
from collections import Counter
from dataclasses import dataclass, field

from ..textmatch.anchored import AnchoredRule
from ..textmatch.trie import trie_pattern
from ..vocab import Vocabulary, compiled

_CJK = "\u4e00-\u9fff"
_MASK = "\x00"
# Suffixes that may follow a place's short name and belong to its printed form.
_SUFFIX = {"city": "市", "county": "(?:市|县|区)", "province": "省"}


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


@dataclass
class _Candidate:
    key: str
    kind: str
    city: str | None
    province: str | None
    score: float = 0.0
    first: int = 1 << 30
    forms: Counter = field(default_factory=Counter)
    title_form: str | None = None
    full_names: frozenset = frozenset()


class PlaceFinder:
    """The gazetteer and place rules compiled for fast lookup. Build once per vocabulary."""

    def __init__(self, vocab: Vocabulary):
        gaz = vocab.gazetteer
        rules = vocab.place_rules or {}
        weights = rules.get("weights") or {}
        self.title_weight = float(weights.get("title", 4))
        self.kicker_weight = float(weights.get("kicker", 2))
        self.first_bonus = float(weights.get("first", 1))
        self.zone_share = float(weights.get("zone_share", 0.4))
        self.kind_weight = {"national": 3.0, "institution": 2.0, "city": 1.0, "county": 1.0}
        self.kind_weight.update({k: float(v) for k, v in (weights.get("kinds") or {}).items()})
        self.zone_kinds = tuple(rules.get("zone_kinds")
                                or ("national", "hitech_zone", "new_area", "ftz_area", "dev_zone", "town"))
        not_places = set(rules.get("not_places") or ())
        self.not_towns = frozenset(rules.get("not_towns") or ())

        # provinces: short and full forms -> short
        self.provinces: dict[str, str] = {}
        for short, full in gaz.provinces.items():
            self.provinces[short] = short
            if full:
                self.provinces[full] = short
        # prefecture-level cities: printed forms -> short name; short name -> province
        self.city_province: dict[str, str] = {}
        self.city_names: dict[str, str] = {}
        for name, province in gaz.cities.items():
            short = _short(name, ("市", "地区", "盟")) or name
            self.city_province[short] = self.provinces.get(province, province)
            for form in {name, short} | ({name[:2]} if name.endswith("自治州") else set()):
                self.city_names[form] = short
        for short in gaz.provinces:  # municipalities are cities too
            if short in ("北京", "上海", "天津", "重庆") and short not in self.city_province:
                self.city_province[short] = short
                self.city_names[short] = short
        # county-level places: printed forms -> (county name, prefecture city)
        self.county_names: dict[str, tuple[str, str]] = {}
        shorts: dict[str, set] = {}
        for name, city in gaz.counties.items():
            city = self.city_names.get(city, city)
            if name in self.city_names:
                continue
            self.county_names[name] = (name, city)
            short = _short(name, ("自治县", "自治旗", "县", "市", "区", "旗"))
            if short and short not in not_places and short not in self.city_names:
                shorts.setdefault(short, set()).add((name, city))
        for short, targets in shorts.items():
            if len({c for _, c in targets}) == 1 and short not in self.county_names:
                self.county_names[short] = sorted(targets)[0]

        # national high-tech zones: every printed name -> the zone
        self.zones = {}
        for zone in gaz.zones:
            for name in zone.names:
                self.zones.setdefault(name, zone)
        qualifier = rules.get("qualifier") or r"[（(][\u4e00-\u9fff]{1,6}[)）]"
        self.zone_rx = re.compile(f"(?P<n>{trie_pattern(self.zones)})(?P<q>{qualifier})?")
        self.known = {k["name"]: k for k in rules.get("known") or ()}
        self.known_rx = re.compile(trie_pattern(self.known))

        fills = {
            "province": trie_pattern(self.provinces),
            "city": trie_pattern(self.city_names),
            "county": trie_pattern(self.county_names),
            "place": trie_pattern({**self.city_names, **self.county_names}),
        }
        self.rules = []
        for rule in rules.get("rules") or ():
            pattern = rule["pattern"]
            for key, value in fills.items():
                pattern = pattern.replace("{" + key + "}", value)
            self.rules.append((rule["kind"], AnchoredRule(re.compile(pattern), tuple(rule.get("needs") or ())),
                               rule.get("name")))
        names = {**{n: "province" for n in self.provinces}, **{n: "county" for n in self.county_names},
                 **{n: "city" for n in self.city_names}}
        self.place_kind = names
        self.place_rx = re.compile(f"(?P<n>{trie_pattern(names)})(?P<s>市|县|区|省)?")

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

    def find(self, title: str, paragraphs, kicker: str | None = None) -> Place:
        """Where an article is mainly about; see the header of ``data/places.yaml``."""
        title = title or ""
        kicker = kicker or ""
        text = "\n".join([title, kicker, *paragraphs])
        title_end, kicker_end = len(title), len(title) + 1 + len(kicker)
        masked = list(text)
        current = text
        cands: dict[str, _Candidate] = {}
        provinces: Counter = Counter()
        province_in_title: list[str] = []
        first_body = [None]

        def weight_at(pos: int) -> float:
            if pos < title_end:
                return self.title_weight
            if pos < kicker_end:
                return self.kicker_weight
            return 1.0

        dirty = False  # masked changed since it was last joined into current

        def claim(start: int, end: int) -> None:
            nonlocal dirty
            masked[start:end] = _MASK * (end - start)
            dirty = True

        def unclaimed() -> str:
            """The text with every place found so far masked."""
            nonlocal current, dirty
            if dirty:
                current, dirty = "".join(masked), False
            return current

        def add(key, kind, city, province, pos, form, full_names=frozenset()) -> None:
            cand = cands.get(key)
            if cand is None:
                cand = cands[key] = _Candidate(key, kind, city, province, full_names=full_names)
            cand.score += self.kind_weight.get(kind, 1.0) * weight_at(pos)
            cand.first = min(cand.first, pos)
            cand.forms[form] += 1
            if pos < title_end and cand.title_form is None:
                cand.title_form = form
            if pos > kicker_end and (first_body[0] is None or pos < first_body[0][1]):
                first_body[0] = (key, pos)

        # 1. national high-tech zones, with a parenthesised district after them
        for m in self.zone_rx.finditer(text):
            zone = self.zones[m.group("n")]
            city, province = self.resolve(zone.city)
            add(zone.name, "national", city, zone.province or province, m.start(), m.group(0),
                frozenset({zone.full}))
            claim(m.start(), m.end())
        # 2. well-known zones, then the rules, in the order the rules file gives
        found: dict[str, tuple[str, str, str | None, str | None]] = {}  # printed name -> key, kind, city, province
        for m in self.known_rx.finditer(unclaimed()):
            k = self.known[m.group(0)]
            city, province = self.resolve(k.get("city"))
            found[m.group(0)] = (m.group(0), k.get("kind", "new_area"), city, province)
            add(m.group(0), found[m.group(0)][1], city, province, m.start(), m.group(0))
            claim(m.start(), m.end())
        for kind, rule, template in self.rules:
            for m in rule.finditer(unclaimed()):
                groups = {k: v for k, v in m.groupdict().items() if v}
                where = groups.get("city") or groups.get("county") or groups.get("place")
                city, province = self.resolve(where)
                if city is None or (kind == "town" and groups.get("name") in self.not_towns):
                    continue
                claim(m.start(), m.end())
                national = self.zones.get(m.group(0).replace("市", "", 1)) if kind == "hitech_zone" else None
                if national is not None:  # 衡阳市高新区 is 衡阳高新区
                    city, province = self.resolve(national.city)
                    add(national.name, "national", city, national.province or province, m.start(), m.group(0),
                        frozenset({national.full}))
                    continue
                if kind == "institution":  # counts for the place in its name
                    place_kind = "city" if where in self.city_names else "county"
                    key = city if place_kind == "city" else self.county_names[where][0]
                    add(key, place_kind, city, province, m.start(), where)
                    cands[key].score += (self.kind_weight.get("institution", 2.0) - 1.0) * weight_at(m.start())
                    continue
                values = {"match": m.group(0), "province": "", "city": "", "county": "", "place": "", "name": "",
                          **groups}
                key = (template or "{match}").format(**values)
                province = province or self.provinces.get(groups.get("province", ""))
                form = groups.get("name") or m.group(0)
                found.setdefault(form, (key, kind, city, province))
                add(key, kind, city, province, m.start(), form)
        # 3. the same zones named again without their city (钱塘新区, 乌镇)
        if found:
            for m in re.finditer(trie_pattern(found), unclaimed()):
                key, kind, city, province = found[m.group(0)]
                add(key, kind, city, province, m.start(), m.group(0))
                claim(m.start(), m.end())
        # 4. cities, counties and provinces in what is left
        for m in self.place_rx.finditer(unclaimed()):
            name, kind = m.group("n"), self.place_kind[m.group("n")]
            if kind == "province":
                provinces[self.provinces[name]] += 1
                if m.start() < title_end:
                    province_in_title.append(self.provinces[name])
                continue
            city, province = self.resolve(name)
            key = city if kind == "city" else self.county_names[name][0]
            add(key, kind, city, province, m.start(), m.group(0))
        return self._choose(cands, provinces, province_in_title, first_body[0])

    def _choose(self, cands, provinces, province_in_title, first) -> Place:
        if first:
            cands[first[0]].score += self.first_bonus
        placed = [c for c in cands.values() if c.city]
        if not placed:
            province = None
            if province_in_title:
                province = province_in_title[0]
            elif len(provinces) == 1 and sum(provinces.values()) >= 2:
                province = next(iter(provinces))
            return Place(province=province)
        groups: dict[str, list[_Candidate]] = {}
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
    def _display(c: _Candidate) -> str:
        """The zone as the article prints it: the headline's form, else the commonest."""
        if c.title_form:
            form = c.title_form
        else:
            form = sorted(c.forms.items(), key=lambda kv: -kv[1])[0][0]
        if c.kind == "national":
            m = re.match(r"(.*?)([（(][^）)]*[)）])?$", form)
            base, qualifier = m.group(1), m.group(2) or ""
            if base in c.full_names or base.endswith("高新技术产业开发区"):
                return c.key + qualifier
        return form


def place_finder(vocab: Vocabulary) -> PlaceFinder:
    """The PlaceFinder for ``vocab``, compiled once."""
    return compiled(vocab, PlaceFinder)


def find_place(title: str, paragraphs, vocab: Vocabulary, kicker: str | None = None) -> Place:
    """Where an article is mainly about (see :class:`Place`)."""
    return place_finder(vocab).find(title, paragraphs, kicker)
