"""The one function that turns page files into a Digest, in two phases.

Phase one reads, repairs, segments and enriches every page on its own; phase two
needs all articles at once (related articles). Rendering is separate
(``render.render_site``), so the MkDocs hook and the command line share both.
"""
from __future__ import annotations

from .enrich import enrich_articles, link_related
from .ids import assign_ids
from .model import Digest
from .repair import repair_page
from .segment import segment_page
from .settings import Settings
from .sources import read_pages
from .vocab import load_vocabulary


def build_digest(settings: Settings) -> Digest:
    """Build the digest from the settings' seeds folder.

    Returns:
        a Digest; pages that could not be read are in ``problems``, the rest are built.
    """
    vocab = load_vocabulary(settings.data_dir)
    pages, problems = read_pages(settings.seeds)
    segmented = tuple(segment_page(repair_page(page, vocab), vocab) for page in pages)
    articles = [a for page in segmented for a in page.articles]
    entries = enrich_articles(assign_ids(articles), vocab)
    entries = link_related(entries)
    return Digest(entries=entries, pages=segmented, problems=problems)
