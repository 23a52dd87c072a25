"""The one function that turns page files into a Digest, in two phases.

Phase one reads, repairs, segments and enriches every page on its own (it is
cached per page, see ``runtime/page_cache.py``, and spread over the cores, see
``runtime/workers.py``); phase two needs all articles at once: the editors'
corrections, tags (words common to most articles are left out) and related
articles. Rendering is separate (``site.render_site``), so the MkDocs
hook and the command line share both.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .corrections.apply import apply_to_articles, apply_to_entries
from .runtime.page_cache import PageCache, code_version
from .corrections.check import load_corrections
from .enrich import analyse_articles, choose_all_tags, link_related
from .ids import assign_ids
from .model import Digest, Entry, Page, SegmentedPage
from .runtime.workers import fewer_collections, map_pages
from .repair import repair_page
from .segment import segment_page
from .settings import Settings
from .sources import read_pages
from .vocab import Vocabulary, load_vocabulary


def analyse_pages(pages: list[Page], vocab: Vocabulary) -> list[tuple[SegmentedPage, tuple[Entry, ...]]]:
    """Phase one for a batch of pages: each page segmented, with its articles analysed."""
    segmented = [segment_page(repair_page(page, vocab), vocab) for page in pages]
    entries = iter(analyse_articles(assign_ids([a for s in segmented for a in s.articles]), vocab))
    return [(s, tuple(next(entries) for _ in s.articles)) for s in segmented]


def analyse_batch(pages: list[Page], data_dir: Path) -> list[tuple[SegmentedPage, tuple[Entry, ...]]]:
    """analyse_pages with the vocabularies of ``data_dir``: what a worker process runs."""
    return analyse_pages(pages, load_vocabulary(data_dir))


def build_digest(settings: Settings) -> Digest:
    """Build the digest from the settings' seeds folder.

    Returns:
        a Digest; pages that could not be read and corrections that could not
        be applied are in ``problems``, the rest are built.
    """
    with fewer_collections():
        return _build_digest(settings)


def _build_digest(settings: Settings) -> Digest:
    vocab = load_vocabulary(settings.data_dir)
    corrections = load_corrections(settings.corrections, vocab, (settings.seeds, *settings.link_roots))
    pages, problems = read_pages(settings.seeds, settings.link_roots)
    cache = PageCache(settings.cache_dir, code_version(settings.data_dir) if settings.cache_dir else "")
    analysed = cache.map(pages, lambda todo: map_pages(analyse_batch, todo, settings.data_dir, settings.workers))
    segmented = tuple(s for s, _ in analysed)
    machine = {e.id: e for _, page_entries in analysed for e in page_entries}
    # Ids come from the machine's headlines, before the editors' corrections; phase one
    # made them (an id depends only on its page, so a page's ids are the same alone or in a build).
    amended = apply_to_articles(corrections, segmented, [(e.id, e.article) for _, es in analysed for e in es])
    # Only articles whose text the corrections changed (or made) are analysed again.
    redo = [(id_, a) for id_, a in amended.pairs if id_ in amended.changed or id_ not in machine]
    fresh = {e.id: e for e in analyse_articles(redo, vocab)}
    entries = tuple(fresh.get(id_) or replace(machine[id_], article=a) for id_, a in amended.pairs)
    enriched = apply_to_entries(corrections, choose_all_tags(entries), amended.gone)
    return Digest(
        entries=link_related(enriched.entries), pages=amended.pages,
        problems=problems + corrections.problems + amended.problems + enriched.problems,
        corrections=tuple(str(a) for a in sorted(amended.applied + enriched.applied)),
        notices=tuple(cache.notices),
    )
