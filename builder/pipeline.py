"""The one function that turns page files into a Digest, in two phases.

Phase one reads, repairs, segments and enriches every page on its own (and is
cached per page, see ``cache.py``); phase two needs all articles at once (ids
across the archive, related articles). Rendering is separate
(``render.render_site``), so the MkDocs hook and the command line share both.
"""
from __future__ import annotations

from dataclasses import replace

from .cache import PageCache, code_version
from .enrich import enrich_articles, link_related
from .ids import assign_ids
from .model import Digest, Entry, Page, SegmentedPage
from .repair import repair_page
from .segment import segment_page
from .settings import Settings
from .sources import read_pages
from .vocab import Vocabulary, load_vocabulary


def analyse_pages(pages: list[Page], vocab: Vocabulary) -> list[tuple[SegmentedPage, tuple[Entry, ...]]]:
    """Phase one for a batch of pages: each page segmented, with its articles enriched."""
    segmented = [segment_page(repair_page(page, vocab), vocab) for page in pages]
    entries = iter(enrich_articles(assign_ids([a for s in segmented for a in s.articles]), vocab))
    return [(s, tuple(next(entries) for _ in s.articles)) for s in segmented]


def build_digest(settings: Settings) -> Digest:
    """Build the digest from the settings' seeds folder.

    Returns:
        a Digest; pages that could not be read are in ``problems``, the rest are built.
    """
    vocab = load_vocabulary(settings.data_dir)
    pages, problems = read_pages(settings.seeds)
    cache = PageCache(settings.cache_dir, code_version(settings.data_dir) if settings.cache_dir else "")
    analysed = cache.map(pages, lambda todo: analyse_pages(todo, vocab))
    segmented = tuple(s for s, _ in analysed)
    entries = [e for _, page_entries in analysed for e in page_entries]
    # Ids are unique across the archive; a page analysed alone cannot know that.
    ids = assign_ids([e.article for e in entries])
    entries = tuple(e if e.id == id_ else replace(e, id=id_) for e, (id_, _) in zip(entries, ids))
    entries = link_related(entries)
    return Digest(entries=entries, pages=segmented, problems=problems)
