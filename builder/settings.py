"""Build settings: where the pages, corrections, vocabularies and templates are."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Arguments:
        seeds: folder of page files
        corrections: the editors' corrections file (``seeds/corrections.yaml`` by default)
        data_dir: the vocabularies
        templates: the Jinja2 templates
        site_url: the public address, for the feed and sitemap ("" when unknown)
        cache_dir: where phase one is cached per page (``.cache/digest``); None: no cache
        workers: processes for phase one (None: every core, see ``parallel.default_workers``)
        link_roots: folders besides ``seeds`` that a symbolic link in it may lead into
            (a preview's links to the chosen pages); links elsewhere are refused
    """
    seeds: Path
    corrections: Path | None = None
    data_dir: Path = ROOT / "builder" / "data"
    templates: Path = ROOT / "site_templates"
    site_url: str = ""
    cache_dir: Path | None = None
    workers: int | None = None
    link_roots: tuple[Path, ...] = ()

    @classmethod
    def for_seeds(cls, seeds: Path | str, **kw) -> "Settings":
        seeds = Path(seeds)
        kw.setdefault("corrections", seeds / "corrections.yaml")
        return cls(seeds=seeds, **kw)
