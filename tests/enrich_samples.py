"""Shared helpers for the enrichment tests: the seed-article fixtures and vocabularies."""
from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import yaml

from builder.model import Article
from builder.vocab import DATA_DIR, Vocabulary, load_vocabulary

SAMPLES = Path(__file__).parent / "samples" / "enrich"


@lru_cache(maxsize=1)
def seed_articles() -> tuple[dict, ...]:
    """The 27 articles of seeds/, assembled by hand (see the header of seed_articles.yaml)."""
    data = yaml.safe_load((SAMPLES / "seed_articles.yaml").read_text(encoding="utf-8"))
    return tuple(data["articles"])


def article(sample: dict, number: int = 1) -> Article:
    return Article(page=sample["page"], number=number, title=sample["title"] or "", kicker=sample["kicker"],
                   paragraphs=tuple(sample["paragraphs"]))


def sample(title_start: str | None = None, zone: str | None = None) -> dict:
    """One seed article, by the start of its title (or, when untitled, its expected zone)."""
    for s in seed_articles():
        if title_start and (s["title"] or "").startswith(title_start):
            return s
        if not title_start and s["title"] is None and s["zone"] == zone:
            return s
    raise KeyError(title_start or zone)


_VOCABS: dict[str, Vocabulary] = {}


def sample_vocabulary(tmp_root: Path) -> Vocabulary:
    """The builder's vocabularies with the small test gazetteer in place of the full one."""
    if "sample" not in _VOCABS:
        tmp_root.mkdir(parents=True, exist_ok=True)
        for f in DATA_DIR.iterdir():
            if f.is_file():
                shutil.copy(f, tmp_root / f.name)
        shutil.copy(SAMPLES / "gazetteer.yaml", tmp_root / "gazetteer.yaml")
        _VOCABS["sample"] = load_vocabulary(tmp_root)
    return _VOCABS["sample"]
