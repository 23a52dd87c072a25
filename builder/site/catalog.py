"""The site's index structures, made from a Digest: zones, provinces, themes, sources.

Every page the site shows is listed here with its path, so templates only link
to pages that exist. Slugs are pinyin (``ids.py``) and collision-safe.
"""
from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

import yaml
from dataclasses import dataclass, field

from ..model import Digest, Entry, Figure, SegmentedPage, article_page
from ..ids import page_slug, stable_slugs
from ..vocab import Vocabulary
from .listings import Archive, Listing, build_archive, build_tags, newest_date, newest_first


@dataclass(frozen=True)
class Group:
    """A zone, province or theme with its articles.

    Arguments:
        name: the display name
        path: the Markdown file of its page (``zones/heng-yang-gao-xin-qu.md``)
        entries: its articles, newest (by issue date, then last printed) first
        extra: what the template needs beyond that (province, city, description…)
    """
    name: str
    path: str
    entries: tuple[Entry, ...]
    extra: dict = field(default_factory=dict)

    @property
    def figures(self) -> tuple[tuple[Entry, Figure], ...]:
        return tuple((e, f) for e in self.entries for f in e.figures)

    @property
    def updated(self) -> str | None:
        """The newest issue date of its articles (the page's date in the sitemap)."""
        return newest_date(self.entries)


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
    tag_groups: tuple[Listing, ...] = ()  # a page per tag, most used first
    tag_paths: dict[str, str] = field(default_factory=dict)
    archive: Archive | None = None
    issues: dict = field(default_factory=dict)  # page file name -> dates.IssueInfo
    moved: dict[str, str] = field(default_factory=dict)  # old Markdown path -> new, kept as redirects

    @property
    def latest(self) -> tuple[Entry, ...]:
        """Every article, newest issue date first (the home page's 最新文章)."""
        return newest_first(self.entries)


_newest_first = newest_first


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


@functools.lru_cache(maxsize=4)
def _slug_table(data_dir: str) -> dict[str, str]:
    path = Path(data_dir) / "slugs.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return dict((raw or {}).get("provinces") or {})


def province_slugs(data_dir) -> dict[str, str]:
    """The provinces' slugs as spelt in ``data/slugs.yaml`` (陕西 → shaanxi)."""
    return _slug_table(str(data_dir))


def _zone_key(e: Entry) -> list[str]:
    # Group by the canonical name: 杭州高新区（滨江） and 杭州高新区(滨江) are one zone.
    key = e.zone_key or e.zone
    return [key] if key else []


def _provinces(entries, vocab: Vocabulary) -> tuple[tuple[Group, ...], dict[str, str], dict[str, str]]:
    """The province groups, their page paths, and the old paths that moved (old -> new).

    Provinces have slugs that read (``data/slugs.yaml``); the pinyin addresses of before
    (``shan-xi-2``) are kept as redirects.
    """
    prov_members, legacy_paths = _group(entries, lambda e: [e.province] if e.province else [], "provinces",
                                        vocab.gazetteer.provinces)
    spelt = province_slugs(vocab.data_dir)
    paths = {name: f"provinces/{spelt[name]}.md" if name in spelt else path for name, path in legacy_paths.items()}
    moved = {legacy_paths[n]: paths[n] for n in legacy_paths if legacy_paths[n] != paths[n]}
    groups = []
    for name, members in sorted(prov_members.items(), key=lambda kv: paths[kv[0]]):
        # articles per zone, grouped as the zone pages group them
        zone_counts = Counter(_zone_key(e)[0] for e in members if e.zone)
        groups.append(Group(name, paths[name], _newest_first(members), {
            "full": vocab.gazetteer.provinces.get(name, name), "zones": sorted(zone_counts), "zone_counts": zone_counts,
        }))
    return tuple(groups), paths, moved


def build_catalog(digest: Digest, vocab: Vocabulary) -> Catalog:
    """Every page the site shows, grouped as the templates list them (one builder per kind of page)."""
    entries = digest.entries
    zones, zone_paths = _zone_groups(entries, vocab)
    provinces, province_paths, moved = _provinces(entries, vocab)
    themes, theme_paths = _theme_groups(entries, vocab)
    sources, source_paths = _source_views(digest)
    tag_groups, tag_paths = build_tags(entries)
    return Catalog(entries, zones, provinces, themes, sources, {e.id: article_page(e.id) for e in entries},
                   zone_paths, province_paths, theme_paths, source_paths, {e.id: e for e in entries},
                   tuple(dict.fromkeys(t for e in entries for t in e.tags)), tag_groups, tag_paths,
                   build_archive(entries), dict(digest.issues), moved)


def _zone_groups(entries: tuple[Entry, ...], vocab: Vocabulary) -> tuple[tuple[Group, ...], dict[str, str]]:
    """The zones, most articles first, with the other zones their articles mention."""
    zone_members, zone_paths = _group(entries, _zone_key, "zones", [z.name for z in vocab.gazetteer.zones])
    for e in entries:  # the printed form links to the same page as the canonical name
        if e.zone and e.zone not in zone_paths:
            zone_paths[e.zone] = zone_paths[_zone_key(e)[0]]

    def group(name: str, members: list[Entry]) -> Group:
        own = {x.zone for x in members}
        mentions = sorted({m for e in members for m in e.mentions if m != name and m not in own})
        return Group(name, zone_paths[name], _newest_first(members), {
            "province": members[0].province, "city": members[0].city,
            "feed": zone_paths[name][:-3] + "/feed.xml", "kind": members[0].zone_kind, "mentions": mentions})

    ranked = sorted(zone_members.items(), key=lambda kv: (-len(kv[1]), zone_paths[kv[0]]))
    return tuple(group(name, members) for name, members in ranked), zone_paths


def _theme_groups(entries: tuple[Entry, ...], vocab: Vocabulary) -> tuple[tuple[Group, ...], dict[str, str]]:
    """The themes, most articles first, with the taxonomy's description."""
    theme_members, theme_paths = _group(entries, lambda e: [t.theme for t in e.themes], "themes",
                                        [t.name for t in vocab.themes])
    described = {t.name: t.description for t in vocab.themes}
    ranked = sorted(theme_members.items(), key=lambda kv: (-len(kv[1]), theme_paths[kv[0]]))
    groups = tuple(Group(name, theme_paths[name], _newest_first(members), {"description": described.get(name, "")})
                   for name, members in ranked)
    return groups, theme_paths


def _source_views(digest: Digest) -> tuple[tuple[SourceView, ...], dict[str, str]]:
    """One view per page file, with its articles in reading order."""
    source_paths = {p.page.name: f"sources/{page_slug(p.page.stem)}.md" for p in digest.pages}
    by_page: dict[str, list[Entry]] = {}
    for e in digest.entries:
        by_page.setdefault(e.article.page, []).append(e)
    views = tuple(
        SourceView(p.page.name, source_paths[p.page.name], p,
                   tuple(sorted(by_page.get(p.page.name, []), key=lambda e: e.article.number)))
        for p in digest.pages
    )
    return views, source_paths
