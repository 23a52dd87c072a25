"""The site's index structures, made from a Digest: zones, provinces, themes, sources.

Every page the site shows is listed here with its path, so templates only link
to pages that exist. Slugs are pinyin (``ids.py``) and collision-safe.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Digest, Entry, Figure, SegmentedPage
from ..ids import page_slug, stable_slugs
from ..vocab import Vocabulary


@dataclass(frozen=True)
class Group:
    """A zone, province or theme with its articles.

    Arguments:
        name: the display name
        path: the Markdown file of its page (``zones/heng-yang-gao-xin-qu.md``)
        entries: its articles, newest (last printed) first
        extra: what the template needs beyond that (province, city, description…)
    """
    name: str
    path: str
    entries: tuple[Entry, ...]
    extra: dict = field(default_factory=dict)

    @property
    def figures(self) -> tuple[tuple[Entry, Figure], ...]:
        return tuple((e, f) for e in self.entries for f in e.figures)


@dataclass(frozen=True)
class SourceView:
    name: str
    path: str
    page: SegmentedPage
    entries: tuple[Entry, ...]

    @property
    def roles(self) -> frozenset[str]:
        """Every role a line of the page has (templates ask which debris kinds occur)."""
        return frozenset(p.role for p in self.page.placements)


@dataclass(frozen=True)
class Catalog:
    entries: tuple[Entry, ...]
    zones: tuple[Group, ...]
    provinces: tuple[Group, ...]
    themes: tuple[Group, ...]
    sources: tuple[SourceView, ...]
    article_paths: dict[str, str]
    zone_paths: dict[str, str]
    province_paths: dict[str, str]
    theme_paths: dict[str, str]
    source_paths: dict[str, str]
    by_id: dict[str, Entry] = field(default_factory=dict)  # templates look entries up here, not by scanning
    tags: tuple[str, ...] = ()  # every tag once, in the order the articles first carry it


def _newest_first(entries: list[Entry]) -> tuple[Entry, ...]:
    # Page files are named in printing order, so a later file is a later page.
    return tuple(sorted(entries, key=lambda e: (e.article.page, e.article.number), reverse=True))


def _group(entries, key, folder: str, known=()) -> tuple[dict[str, list[Entry]], dict[str, str]]:
    """Entries by group name, and each group's page path.

    Slugs never move to make room (``ids.stable_slugs``): the vocabulary's
    ``known`` names share out the plain slugs among themselves whatever the
    articles (山西 and 陕西 share the pinyin shan-xi; which one gets ``-2``
    must not depend on which of them has articles today), and a name it does
    not know gets a hash of its name when an older one holds its slug.
    """
    members: dict[str, list[Entry]] = {}
    for e in entries:
        for name in key(e):
            members.setdefault(name, []).append(e)
    slugs = stable_slugs(list(members), known)  # members in the order first printed
    return members, {name: f"{folder}/{slugs[name]}.md" for name in members}


def _zone_key(e: Entry) -> list[str]:
    # Group by the canonical name: 杭州高新区（滨江） and 杭州高新区(滨江) are one zone.
    key = e.zone_key or e.zone
    return [key] if key else []


def build_catalog(digest: Digest, vocab: Vocabulary) -> Catalog:
    entries = digest.entries
    article_paths = {e.id: f"articles/{e.id}.md" for e in entries}

    zone_members, zone_paths = _group(entries, _zone_key, "zones", [z.name for z in vocab.gazetteer.zones])
    for e in entries:  # the printed form links to the same page as the canonical name
        if e.zone and e.zone not in zone_paths:
            zone_paths[e.zone] = zone_paths[_zone_key(e)[0]]
    zones = tuple(
        Group(name, zone_paths[name], _newest_first(members), {
            "province": members[0].province, "city": members[0].city,
            "mentions": sorted({m for e in members for m in e.mentions if m != name and m not in
                                {x.zone for x in members}}),
        })
        for name, members in sorted(zone_members.items(), key=lambda kv: (-len(kv[1]), zone_paths[kv[0]]))
    )

    prov_members, province_paths = _group(entries, lambda e: [e.province] if e.province else [], "provinces",
                                          vocab.gazetteer.provinces)
    province_groups = []
    for name, members in sorted(prov_members.items(), key=lambda kv: province_paths[kv[0]]):
        # articles per zone, grouped as the zone pages group them
        zone_counts = Counter(_zone_key(e)[0] for e in members if e.zone)
        province_groups.append(Group(name, province_paths[name], _newest_first(members), {
            "full": vocab.gazetteer.provinces.get(name, name), "zones": sorted(zone_counts), "zone_counts": zone_counts,
        }))
    provinces = tuple(province_groups)

    theme_members, theme_paths = _group(entries, lambda e: [t.theme for t in e.themes], "themes",
                                        [t.name for t in vocab.themes])
    described = {t.name: t.description for t in vocab.themes}
    themes = tuple(
        Group(name, theme_paths[name], _newest_first(members), {"description": described.get(name, "")})
        for name, members in sorted(theme_members.items(), key=lambda kv: (-len(kv[1]), theme_paths[kv[0]]))
    )

    source_paths = {p.page.name: f"sources/{page_slug(p.page.stem)}.md" for p in digest.pages}
    by_page: dict[str, list[Entry]] = {}
    for e in entries:
        by_page.setdefault(e.article.page, []).append(e)
    sources = tuple(
        SourceView(p.page.name, source_paths[p.page.name], p,
                   tuple(sorted(by_page.get(p.page.name, []), key=lambda e: e.article.number)))
        for p in digest.pages
    )
    return Catalog(entries, zones, provinces, themes, sources, article_paths,
                   zone_paths, province_paths, theme_paths, source_paths, {e.id: e for e in entries},
                   tuple(dict.fromkeys(t for e in entries for t in e.tags)))
