"""The vocabularies: data files in ``builder/data/`` that editors read and extend.

- ``gazetteer.yaml``: provinces, prefecture-level cities, county-level places, national high-tech zones
- ``themes.yaml``: the taxonomy, each theme with the terms that signal it
- ``domain_terms.txt``: words jieba must keep whole (数智工匠, 专精特新, …)
- ``stopwords.txt``: words that are never tags
- ``places.yaml``: rules for places that are not national high-tech zones (新区, 经开区,
  自贸区片区, towns, institutions) and the weights used to choose an article's zone
- ``figures.yaml``: units and label-trimming words for key figures

Loaded once per build into one frozen Vocabulary; nothing here is changed in place.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .figure_rules import FigureRules, load_figure_rules
from .rule_files import DATA_DIR, PlaceRules, ThemeScoring, load_place_rules, load_theme_scoring, read_yaml


@dataclass(frozen=True)
class Zone:
    """A national high-tech zone. ``district_aliases`` are names it shares with a district, town or
    area (新北区, 张江): they are not in ``names``, and name the zone only with a zone word after them."""
    name: str
    full: str
    city: str
    province: str
    aliases: tuple[str, ...] = ()
    district_aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.full, *self.aliases)


@dataclass(frozen=True)
class Gazetteer:
    provinces: dict[str, str]   # short -> full name
    cities: dict[str, str]      # prefecture-level city -> province
    counties: dict[str, str]    # county-level place -> prefecture-level city
    zones: tuple[Zone, ...]

    @cached_property
    def zone_by_name(self) -> dict[str, Zone]:
        """Every printed name of a national zone (short, full, aliases) -> the zone; made once."""
        names: dict[str, Zone] = {}
        for zone in self.zones:
            for name in zone.names:
                names.setdefault(name, zone)
        return names


@dataclass(frozen=True)
class Theme:
    name: str
    terms: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class Vocabulary:
    gazetteer: Gazetteer
    themes: tuple[Theme, ...]
    domain_terms: tuple[str, ...]
    stopwords: frozenset[str]
    data_dir: Path = DATA_DIR
    place_rules: PlaceRules = field(default_factory=PlaceRules)      # places.yaml
    figure_rules: FigureRules = field(default_factory=FigureRules)   # figures.yaml
    theme_scoring: ThemeScoring = field(default_factory=ThemeScoring)  # the `scoring` section of themes.yaml

    def user_dictionary(self) -> list[str]:
        """Words a Chinese tokenizer must keep whole: zone names and domain terms."""
        words: list[str] = list(self.gazetteer.zone_by_name)
        seen: set[str] = set(words)
        for term in self.domain_terms:
            if term not in seen:
                seen.add(term)
                words.append(term)
        return words


def read_word_list(path: Path) -> tuple[str, ...]:
    """One word a line; ``#`` starts a comment; blank lines are skipped."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return tuple(words)


def load_gazetteer(path: Path) -> Gazetteer:
    data = read_yaml(path)
    zones = tuple(
        Zone(name=z["name"], full=z.get("full") or z["name"], city=z["city"],
             province=z["province"], aliases=tuple(z.get("aliases") or ()),
             district_aliases=tuple(z.get("district_aliases") or ()))
        for z in data.get("zones") or ()
    )
    return Gazetteer(
        provinces=dict(data.get("provinces") or {}),
        cities=dict(data.get("cities") or {}),
        counties=dict(data.get("counties") or {}),
        zones=zones,
    )


def load_themes(path: Path) -> tuple[Theme, ...]:
    data = read_yaml(path)
    return tuple(
        Theme(name=t["name"], terms=tuple(t.get("terms") or ()), description=t.get("description", ""))
        for t in data.get("themes") or ()
    )




_LOADED: dict[tuple, Vocabulary] = {}


def load_vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    """Read every vocabulary file in ``data_dir``.

    The same Vocabulary object comes back while no file in the folder changed, so
    one build (pipeline, renderer, hook) reads the files once, and the matchers
    built from it (``once_per_vocabulary``) survive ``mkdocs serve`` rebuilds.
    """
    data_dir = Path(data_dir)
    stamp = (str(data_dir.resolve()),) + tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(data_dir.iterdir()) if p.is_file())
    if stamp not in _LOADED:
        if len(_LOADED) >= 4:
            _LOADED.clear()
        _LOADED[stamp] = _read_vocabulary(data_dir)
    return _LOADED[stamp]


def _read_vocabulary(data_dir: Path) -> Vocabulary:
    return Vocabulary(
        gazetteer=load_gazetteer(data_dir / "gazetteer.yaml"),
        themes=load_themes(data_dir / "themes.yaml"),
        domain_terms=read_word_list(data_dir / "domain_terms.txt"),
        stopwords=frozenset(read_word_list(data_dir / "stopwords.txt")),
        data_dir=data_dir,
        place_rules=load_place_rules(data_dir / "places.yaml"),
        figure_rules=load_figure_rules(data_dir / "figures.yaml"),
        theme_scoring=load_theme_scoring(data_dir / "themes.yaml"),
    )


@lru_cache(maxsize=4)
def default_vocabulary() -> Vocabulary:
    return load_vocabulary(DATA_DIR)


_MEMO: dict[tuple[int, object], tuple[Vocabulary, object]] = {}


def once_per_vocabulary(vocab: Vocabulary, factory):
    """``factory(vocab)``, built once per vocabulary object and reused.

    Matchers compiled from the vocabularies (place finder, theme scorer, …) are
    costly to build and the same for every article. A Vocabulary holds dicts, so
    it cannot key an lru_cache; the cache keeps the vocabulary itself beside the
    result so that a recycled ``id()`` never returns another vocabulary's matcher.
    """
    key = (id(vocab), factory)
    hit = _MEMO.get(key)
    if hit is None or hit[0] is not vocab:
        if len(_MEMO) >= 16:
            _MEMO.clear()
        hit = _MEMO[key] = (vocab, factory(vocab))
    return hit[1]


