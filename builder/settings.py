"""Build settings: where the pages, corrections, vocabularies and templates are.

The code is the package's; everything else is the site's. The site folder is the
one holding ``mkdocs.yml`` (found from the current folder upwards, or given): its
``seeds/``, ``site_templates/``, ``content/`` and, when it has one, ``builder/data/``
(the vocabularies editors change). So an installed package (``pip install .``,
not editable) builds the site of the folder it is run in.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The folder the builder package is imported from (a checkout, or site-packages):
# what a child Python needs on its path to import the same code.
CODE_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DATA = Path(__file__).resolve().parent / "data"
SITE_CONFIG = "mkdocs.yml"


def find_site_root(start: Path | str | None = None) -> Path:
    """The site folder: the nearest folder at or above ``start`` (default: the current
    folder) that holds ``mkdocs.yml``; when none does, the checkout the code runs from
    (it holds one), else ``start`` itself."""
    start = Path(start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / SITE_CONFIG).is_file():
            return folder
    return CODE_ROOT if (CODE_ROOT / SITE_CONFIG).is_file() else start


def site_data_dir(root: Path) -> Path:
    """The site's own vocabularies when it has them (a checkout), else the package's."""
    own = Path(root) / "builder" / "data"
    return own if own.is_dir() else PACKAGE_DATA


@dataclass(frozen=True)
class Settings:
    """Arguments:
        seeds: folder of page files
        corrections: the editors' corrections file (``seeds/corrections.yaml`` by default)
        data_dir: the vocabularies
        templates: the Jinja2 templates
        content: the hand-written pages (MkDocs' docs folder, ``content/``)
        site_url: the public address, for the feed and sitemap ("" when unknown)
        cache_dir: where phase one is cached per page (``.cache/digest``); None: no cache
        workers: processes for phase one (None: every core, see ``parallel.default_workers``)
        pages_file: the editors' issue dates, page numbers and sections (``seeds/pages.yaml`` by default)
        addresses_file: the article addresses published before (``seeds/addresses.yaml`` by default)
        link_roots: folders besides ``seeds`` that a symbolic link in it may lead into
            (a preview's links to the chosen pages); links elsewhere are refused
    """
    seeds: Path
    corrections: Path | None = None
    data_dir: Path = PACKAGE_DATA
    templates: Path = CODE_ROOT / "site_templates"
    content: Path = CODE_ROOT / "content"
    site_url: str = ""
    cache_dir: Path | None = None
    workers: int | None = None
    pages_file: Path | None = None
    addresses_file: Path | None = None
    link_roots: tuple[Path, ...] = ()

    @classmethod
    def for_seeds(cls, seeds: Path | str, **kw) -> "Settings":
        seeds = Path(seeds)
        kw.setdefault("corrections", seeds / "corrections.yaml")
        kw.setdefault("pages_file", seeds / "pages.yaml")
        kw.setdefault("addresses_file", seeds / "addresses.yaml")
        return cls(seeds=seeds, **kw)

    @classmethod
    def for_site(cls, root: Path | str, seeds: Path | str | None = None, **kw) -> "Settings":
        """The settings of the site in ``root``: its seeds (unless given), templates,
        hand-written pages and vocabularies."""
        root = Path(root)
        kw.setdefault("templates", root / "site_templates")
        kw.setdefault("content", root / "content")
        kw.setdefault("data_dir", site_data_dir(root))
        return cls.for_seeds(Path(seeds) if seeds else root / "seeds", **kw)
