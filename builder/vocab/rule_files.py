"""The repair and segment rules, read from ``data/repair_rules.yaml`` into one frozen object."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ..textmatch.regex_facts import required_text
from . import DATA_DIR, read_yaml

CJK = "\u3400-\u9fff"


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
    caption_max_chars: int
    lead_time_words: tuple[str, ...]
    generated_title_max_chars: int
    sentence_start_chars: frozenset[str]
    ordinals: tuple[str, ...]
    measure_words: str
    byline_symbols: str = ""
    lead_patterns: tuple[re.Pattern, ...] = ()
    author_notes: tuple[re.Pattern, ...] = ()
    headline_subject: re.Pattern = re.compile(r"(?!)")
    lead_openings: tuple[str, ...] = ()
    sentence_openings: re.Pattern = re.compile(r"(?!)")
    closing_statements: tuple[re.Pattern, ...] = ()
    caption_patterns: tuple[re.Pattern, ...] = ()
    subtitle_patterns: tuple[re.Pattern, ...] = ()
    furniture_dates: tuple[re.Pattern, ...] = ()
    furniture_pieces: tuple[tuple[str, bool, re.Pattern], ...] = ()
    furniture_lines: tuple[tuple[str, re.Pattern], ...] = ()
    furniture_page_prefix: re.Pattern = re.compile(r"(?!)")
    furniture_prefixes: tuple[re.Pattern, ...] = ()
    notice_titles: tuple[re.Pattern, ...] = ()
    notice_max_lines: int = 12

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


def load_rules(path: Path) -> Rules:
    d = read_yaml(path)
    return Rules(
        markup=tuple(re.compile(p) for p in d.get("markup") or ()),
        misreadings=tuple((re.compile(k), v) for k, v in (d.get("misreadings") or {}).items()),
        latin_misreadings=tuple((re.compile(rf"(?<=[{CJK}])\s*\b{re.escape(k)}\b\s*(?=[{CJK}])"), v)
                                for k, v in (d.get("latin_misreadings") or {}).items()),
        fullwidth=tuple((d.get("fullwidth") or {}).items()),
        heading_part_separator=d.get("heading_part_separator", "，"),
        sentence_end=d.get("sentence_end", "。！？"),
        closing_marks=d.get("closing_marks", "”"),
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
        caption_max_chars=int(d.get("caption_max_chars", 30)),
        lead_time_words=tuple(d.get("lead_time_words") or ()),
        generated_title_max_chars=int(d.get("generated_title_max_chars", 24)),
        sentence_start_chars=frozenset(re.sub(r"\s", "", d.get("sentence_start_chars", ""))),
        ordinals=tuple(d.get("ordinals") or ()),
        measure_words=d.get("measure_words", ""),
        byline_symbols=d.get("byline_symbols", ""),
        lead_patterns=tuple(re.compile(p) for p in d.get("lead_patterns") or ()),
        author_notes=tuple(re.compile(p) for p in d.get("author_notes") or ()),
        lead_openings=tuple(d.get("lead_openings") or ()),
        sentence_openings=re.compile(d.get("sentence_openings") or r"(?!)"),
        closing_statements=tuple(re.compile(p) for p in d.get("closing_statements") or ()),
        headline_subject=re.compile(d.get("headline_subject") or r"(?!)"),
        caption_patterns=tuple(re.compile(p) for p in d.get("caption_patterns") or ()),
        subtitle_patterns=tuple(re.compile(p) for p in d.get("subtitle_patterns") or ()),
        furniture_dates=tuple(re.compile(p) for p in d.get("furniture_dates") or ()),
        furniture_pieces=tuple((p["kind"], bool(p["sure"]), re.compile(p["pattern"]))
                               for p in d.get("furniture_pieces") or ()),
        furniture_lines=tuple((p["kind"], re.compile(p["pattern"])) for p in d.get("furniture_lines") or ()),
        furniture_page_prefix=re.compile(d.get("furniture_page_prefix") or r"(?!)"),
        furniture_prefixes=tuple(re.compile(p) for p in d.get("furniture_prefixes") or ()),
        notice_titles=tuple(re.compile(p) for p in d.get("notice_titles") or ()),
        notice_max_lines=int(d.get("notice_max_lines", 12)),
    )


@lru_cache(maxsize=4)
def rules_for(data_dir: Path = DATA_DIR) -> Rules:
    """The rules file in ``data_dir``, or the package's own when that folder has none."""
    path = Path(data_dir) / "repair_rules.yaml"
    return load_rules(path if path.exists() else DATA_DIR / "repair_rules.yaml")
