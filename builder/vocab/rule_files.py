"""The rule files of ``data/``, each read into one frozen, typed object.

- ``repair_rules.yaml`` → ``Rules`` (repair and segment)
- ``places.yaml`` → ``PlaceRules`` (where an article is)
- ``figures.yaml`` → ``FigureRules`` (key figures: ``figure_rules.py``)
- the ``scoring`` section of ``themes.yaml`` → ``ThemeScoring``

Defaults live in one place, the dataclass fields (a file may leave any key out), and a key
no field reads is an error naming the file and the key: a misspelt rule must not be a
silent default.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from ..textmatch.cjk import CJK_RANGE, CLOSING_MARKS, SENTENCE_END
from ..textmatch.regex_facts import required_text

DATA_DIR = Path(__file__).parent.parent / "data"
# libyaml's loader, where PyYAML was built with it, reads the gazetteer ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    """A data file's content (an empty file reads as an empty mapping)."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER) or {}


@dataclass(frozen=True, eq=False)  # hashed by identity: cheap as a cache key, one object per rules file
class Rules:
    """Arguments: see the comments in ``repair_rules.yaml``; patterns come compiled."""
    markup: tuple[re.Pattern, ...]
    misreadings: tuple[tuple[re.Pattern, str], ...]
    latin_misreadings: tuple[tuple[re.Pattern, str], ...]  # a Latin word read inside Chinese text
    fullwidth: tuple[tuple[str, str], ...]
    heading_part_separator: str
    sentence_end: str
    closing_marks: str
    continuation_end_marks: str
    continuation_end_words: tuple[str, ...]
    continuation_start_chars: str
    heading_max_chars: int
    headline_patterns: tuple[re.Pattern, ...]
    byline_markers: tuple[str, ...]
    lead_markers: tuple[str, ...]
    surnames: frozenset[str]
    compound_surnames: tuple[str, ...]
    credit_patterns: tuple[re.Pattern, ...]
    lead_time_words: tuple[str, ...]
    generated_title_max_chars: int
    sentence_start_chars: frozenset[str]
    ordinals: tuple[str, ...]
    measure_words: str
    byline_symbols: str = ""
    lead_patterns: tuple[re.Pattern, ...] = ()
    author_notes: tuple[re.Pattern, ...] = ()
    unnamed_bylines: tuple[re.Pattern, ...] = ()  # a byline naming no one (本报评论员)
    editor_notes: tuple[re.Pattern, ...] = ()  # an editor's note's opening (编者按：)
    source_marks: frozenset[str] = frozenset()  # where a text came from, in brackets (新华, 高新)
    source_patterns: tuple[re.Pattern, ...] = ()
    source_mark_max_chars: int = 12
    continued_on_words: tuple[str, ...] = ("下转",)  # a continuation marker to another page
    list_items: tuple[re.Pattern, ...] = ()  # how a numbered list's item opens (一、)
    sidebar_labels: re.Pattern = re.compile(r"(?!)")  # a sidebar's label after an article (【链接】)
    headline_subject: re.Pattern = re.compile(r"(?!)")
    lead_openings: tuple[str, ...] = ()
    sentence_openings: re.Pattern = re.compile(r"(?!)")
    closing_statements: tuple[re.Pattern, ...] = ()
    quote_attribution: re.Pattern = re.compile(r"(?!)")
    caption_patterns: tuple[re.Pattern, ...] = ()
    subtitle_patterns: tuple[re.Pattern, ...] = ()
    furniture_dates: tuple[re.Pattern, ...] = ()
    furniture_pieces: tuple[tuple[str, bool, re.Pattern], ...] = ()
    furniture_lines: tuple[tuple[str, re.Pattern], ...] = ()
    furniture_page_prefix: re.Pattern = re.compile(r"(?!)")
    furniture_section_name: re.Pattern = re.compile(r"(?!)")
    furniture_prefixes: tuple[re.Pattern, ...] = ()
    notice_titles: tuple[re.Pattern, ...] = ()
    notice_max_lines: int = 12
    notice_max_chars: int = 160
    stray_space_lines: int = 2
    name_never_ends: str = ""
    caption_max_chars: int = 30  # a caption is short (segment/captions.py)
    caption_end_words: frozenset[str] = frozenset()  # what a caption naming the photo ends with
    joined_page: dict = field(default_factory=dict)  # what tells a line-joined page (segment/joined.py)
    joined_split: dict = field(default_factory=dict)  # the signs a headline ends there, and their weights
    joined_break: dict = field(default_factory=dict)  # the signs a column break was glued into a sentence there
    wrapped_share: float = 0.5  # lines at the page's width that make it a wrapped page (segment/line_shapes.py)
    column_max_chars: int = 30
    column_wrapped_share: float = 0.35
    column_window_lines: int = 30
    tight_columns: dict = field(default_factory=dict)  # a page cut every N characters (segment/unwrap.py)

    @cached_property
    def sentence_end_chars(self) -> frozenset[str]:
        return frozenset(self.sentence_end)

    @cached_property
    def markup_steps(self) -> tuple[tuple[re.Pattern, str, str], ...]:
        """(pattern, replacement, text every match contains) for each markup pattern, in order."""
        return tuple((rx, "", required_text(rx)) for rx in self.markup)

    @cached_property
    def credit_steps(self) -> tuple[tuple[re.Pattern, str], ...]:
        """(pattern, text every match contains) for each credit pattern, in order."""
        return tuple((rx, required_text(rx)) for rx in self.credit_patterns)

    @cached_property
    def misreading_steps(self) -> tuple[tuple[re.Pattern, str, str], ...]:
        """The same for the misreadings, then the Latin ones."""
        return tuple((rx, right, required_text(rx)) for rx, right in self.misreadings + self.latin_misreadings)

    def ends_sentence(self, text: str) -> bool:
        """True when ``text`` ends a sentence (closing quotes after the mark allowed)."""
        text = text.rstrip(self.closing_marks + " ")
        return bool(text) and text[-1] in self.sentence_end


class RuleFileError(ValueError):
    """A rule file that cannot be used; the message names the file and the key."""


def check_keys(path: Path, data: object, known, where: str = "") -> dict:
    """``data`` as a mapping whose keys are all ``known``; else a RuleFileError.

    Arguments:
        where: the section, for the message (``weights.``); "" for the top level
    """
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RuleFileError(f"{Path(path).name}: {where.rstrip('.') or 'the file'} must be a mapping of keys to values")
    known = tuple(known)
    unknown = sorted((k for k in data if k not in known), key=str)
    if unknown:
        raise RuleFileError(f"{Path(path).name}: unknown key {where}{unknown[0]} (known: {', '.join(known)})")
    return data


def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def load_rules(path: Path) -> Rules:
    """``repair_rules.yaml`` as Rules."""
    d = check_keys(path, read_yaml(path), RULES_KEYS)
    return Rules(
        markup=tuple(re.compile(p) for p in d.get("markup") or ()),
        misreadings=tuple((re.compile(k), v) for k, v in (d.get("misreadings") or {}).items()),
        latin_misreadings=tuple((re.compile(rf"(?<=[{CJK_RANGE}])\s*\b{re.escape(k)}\b\s*(?=[{CJK_RANGE}])"), v)
                                for k, v in (d.get("latin_misreadings") or {}).items()),
        fullwidth=tuple((d.get("fullwidth") or {}).items()),
        heading_part_separator=d.get("heading_part_separator", "，"),
        sentence_end=d.get("sentence_end", SENTENCE_END),
        closing_marks=d.get("closing_marks", CLOSING_MARKS),
        continuation_end_marks=d.get("continuation_end_marks", "，"),
        continuation_end_words=tuple(d.get("continuation_end_words") or ()),
        continuation_start_chars=d.get("continuation_start_chars", ""),
        heading_max_chars=int(d.get("heading_max_chars", 40)),
        headline_patterns=tuple(re.compile(p) for p in d.get("headline_patterns") or ()),
        byline_markers=tuple(d.get("byline_markers") or ()),
        lead_markers=tuple(d.get("lead_markers") or ()),
        surnames=frozenset(re.sub(r"\s", "", d.get("surnames", ""))),
        compound_surnames=tuple(d.get("compound_surnames") or ()),
        credit_patterns=tuple(re.compile(p) for p in d.get("credit_patterns") or ()),
        lead_time_words=tuple(d.get("lead_time_words") or ()),
        generated_title_max_chars=int(d.get("generated_title_max_chars", 24)),
        sentence_start_chars=frozenset(re.sub(r"\s", "", d.get("sentence_start_chars", ""))),
        ordinals=tuple(d.get("ordinals") or ()),
        measure_words=d.get("measure_words", ""),
        byline_symbols=d.get("byline_symbols", ""),
        lead_patterns=tuple(re.compile(p) for p in d.get("lead_patterns") or ()),
        author_notes=tuple(re.compile(p) for p in d.get("author_notes") or ()),
        unnamed_bylines=tuple(re.compile(p) for p in d.get("unnamed_bylines") or ()),
        editor_notes=tuple(re.compile(p) for p in d.get("editor_notes") or ()),
        source_marks=frozenset(d.get("source_marks") or ()),
        source_patterns=tuple(re.compile(p) for p in d.get("source_patterns") or ()),
        source_mark_max_chars=int(d.get("source_mark_max_chars", 12)),
        continued_on_words=tuple(d.get("continued_on_words") or ("下转",)),
        list_items=tuple(re.compile(p) for p in d.get("list_items") or ()),
        sidebar_labels=re.compile(d.get("sidebar_labels") or r"(?!)"),
        lead_openings=tuple(d.get("lead_openings") or ()),
        sentence_openings=re.compile(d.get("sentence_openings") or r"(?!)"),
        closing_statements=tuple(re.compile(p) for p in d.get("closing_statements") or ()),
        quote_attribution=re.compile(d.get("quote_attribution") or r"(?!)"),
        headline_subject=re.compile(d.get("headline_subject") or r"(?!)"),
        caption_patterns=tuple(re.compile(p) for p in d.get("caption_patterns") or ()),
        subtitle_patterns=tuple(re.compile(p) for p in d.get("subtitle_patterns") or ()),
        furniture_dates=tuple(re.compile(p) for p in d.get("furniture_dates") or ()),
        furniture_pieces=tuple((p["kind"], bool(p["sure"]), re.compile(p["pattern"]))
                               for p in d.get("furniture_pieces") or ()),
        furniture_lines=tuple((p["kind"], re.compile(p["pattern"])) for p in d.get("furniture_lines") or ()),
        furniture_page_prefix=re.compile(d.get("furniture_page_prefix") or r"(?!)"),
        furniture_section_name=re.compile(d.get("furniture_section_name") or r"(?!)"),
        furniture_prefixes=tuple(re.compile(p) for p in d.get("furniture_prefixes") or ()),
        notice_titles=tuple(re.compile(p) for p in d.get("notice_titles") or ()),
        notice_max_lines=int(d.get("notice_max_lines", 12)),
        notice_max_chars=int(d.get("notice_max_chars", 160)),
        stray_space_lines=int(d.get("stray_space_lines", 2)),
        name_never_ends=d.get("name_never_ends", ""),
        caption_max_chars=int(d.get("caption_max_chars", 30)),
        caption_end_words=frozenset(d.get("caption_end_words") or ()),
        joined_page=dict(d.get("joined_page") or {}),
        joined_split=dict(d.get("joined_split") or {}),
        joined_break=dict(d.get("joined_break") or {}),
        wrapped_share=float(d.get("wrapped_share", 0.5)),
        column_max_chars=int(d.get("column_max_chars", 30)),
        column_wrapped_share=float(d.get("column_wrapped_share", 0.35)),
        column_window_lines=int(d.get("column_window_lines", 30)),
        tight_columns=dict(d.get("tight_columns") or {}),
    )


# The keys of repair_rules.yaml: Rules' fields, with surnames and sentence_start_chars as written.
RULES_KEYS = _field_names(Rules)


@lru_cache(maxsize=4)
def rules_for(data_dir: Path = DATA_DIR) -> Rules:
    """The rules file in ``data_dir``, or the package's own when that folder has none."""
    path = Path(data_dir) / "repair_rules.yaml"
    return load_rules(path if path.exists() else DATA_DIR / "repair_rules.yaml")


# --- places.yaml -------------------------------------------------------------

@dataclass(frozen=True)
class PlaceWeights:
    """How much one occurrence of a place counts (see the header of ``places.yaml``)."""
    title: float = 4.0       # in the headline
    kicker: float = 2.0      # in the kicker
    first: float = 1.0       # bonus for the first place named in the body
    zone_share: float = 0.4  # a zone must score this share of its city's own name
    listed: float = 0.0      # an occurrence inside a list of places (A、B、C等)
    # per kind of place; a kind not listed counts 1
    kinds: dict[str, float] = field(default_factory=lambda: {"national": 3.0, "institution": 2.0,
                                                             "city": 1.0, "county": 1.0})


@dataclass(frozen=True)
class PlaceRule:
    """A rule that finds a kind of zone by its shape: ``pattern`` with ``{place}``, ``{city}``,
    ``{county}``, ``{province}`` filled in, tried only near one of ``needs``; ``name`` makes its key."""
    kind: str
    pattern: str
    needs: tuple[str, ...] = ()
    name: str | None = None


@dataclass(frozen=True)
class KnownPlace:
    """A zone known by name (浦东新区), with its kind and city."""
    name: str
    kind: str = "new_area"
    city: str | None = None


@dataclass(frozen=True)
class DistrictAliases:
    """A zone's names that are also a district's, town's or area's (gazetteer ``district_aliases``)
    name the zone only when one of ``zone_words`` follows within ``window`` characters."""
    window: int = 2
    zone_words: tuple[str, ...] = ("高新区", "园区")


@dataclass(frozen=True, eq=False)
class PlaceRules:
    """``places.yaml``: the rules and weights that choose where an article is."""
    weights: PlaceWeights = field(default_factory=PlaceWeights)
    # zone-like kinds, earlier ones win a tie
    zone_kinds: tuple[str, ...] = ("national", "hitech_zone", "new_area", "ftz_area", "dev_zone", "town")
    qualifier: str = rf"[（(][{CJK_RANGE}]{{1,6}}[)）]"  # a district in brackets after a zone's name
    rules: tuple[PlaceRule, ...] = ()
    known: tuple[KnownPlace, ...] = ()
    not_towns: frozenset[str] = frozenset()   # words ending in 镇 that are not towns
    not_places: frozenset[str] = frozenset()  # county short names too common as words
    district_aliases: DistrictAliases = field(default_factory=DistrictAliases)
    enumeration: str = ""       # a list of three or more names (A、B、C): its places count weights.listed
    headline_subject: str = ""  # a headline opening with an institution (group name) before its colon


def _entries(path: Path, data: object, cls, where: str) -> tuple:
    """A list of mappings, each checked against ``cls``' fields, as ``cls`` objects."""
    out = []
    for n, item in enumerate(data or (), start=1):
        item = check_keys(path, item, _field_names(cls), f"{where}[{n}].")
        missing = [f.name for f in fields(cls) if f.default is f.default_factory and f.name not in item]
        if missing:
            raise RuleFileError(f"{Path(path).name}: {where}[{n}] has no {missing[0]}")
        out.append(cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in item.items()}))
    return tuple(out)


def load_place_rules(path: Path) -> PlaceRules:
    """``places.yaml`` as PlaceRules; a missing file gives the defaults (no rules)."""
    if not Path(path).exists():
        return PlaceRules()
    d = check_keys(path, read_yaml(path), _field_names(PlaceRules))
    w = check_keys(path, d.get("weights"), _field_names(PlaceWeights), "weights.")
    base = PlaceRules()
    weights = PlaceWeights(**{k: float(v) for k, v in w.items() if k != "kinds"},
                           kinds={**PlaceWeights().kinds, **{k: float(v) for k, v in (w.get("kinds") or {}).items()}})
    return PlaceRules(
        weights=weights,
        zone_kinds=tuple(d.get("zone_kinds") or base.zone_kinds),
        qualifier=d.get("qualifier") or base.qualifier,
        rules=_entries(path, d.get("rules"), PlaceRule, "rules"),
        known=_entries(path, d.get("known"), KnownPlace, "known"),
        not_towns=frozenset(d.get("not_towns") or ()),
        not_places=frozenset(d.get("not_places") or ()),
        district_aliases=_district_aliases(path, d.get("district_aliases")),
        enumeration=d.get("enumeration") or "",
        headline_subject=d.get("headline_subject") or "",
    )


def _district_aliases(path: Path, data: object) -> DistrictAliases:
    d = check_keys(path, data, _field_names(DistrictAliases), "district_aliases.")
    base = DistrictAliases()
    return DistrictAliases(window=int(d.get("window", base.window)),
                           zone_words=tuple(d.get("zone_words") or base.zone_words))


# --- themes.yaml, scoring ----------------------------------------------------

@dataclass(frozen=True)
class ThemeScoring:
    """The ``scoring`` section of ``themes.yaml`` (its header explains each)."""
    cap: int = 3             # a term counts at most this many times in the body
    title: int = 3           # a term in the headline or kicker counts this much more
    min_length: float = 0.3  # bodies shorter than this (thousands of characters) count as this long
    threshold: float = 2.5   # the least score a theme needs
    min_terms: int = 2       # different terms that make the evidence strong
    relative: float = 0.35   # a second or third theme needs this share of the best score
    max_themes: int = 3


def load_theme_scoring(path: Path) -> ThemeScoring:
    """The ``scoring`` section of ``themes.yaml`` as ThemeScoring (defaults when absent)."""
    if not Path(path).exists():
        return ThemeScoring()
    d = read_yaml(path)
    scoring = check_keys(path, d.get("scoring") if isinstance(d, dict) else None, _field_names(ThemeScoring),
                         "scoring.")
    base = ThemeScoring()
    return ThemeScoring(**{k: type(getattr(base, k))(v) for k, v in scoring.items() if v is not None})
