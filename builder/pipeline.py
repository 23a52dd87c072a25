"""The one function that turns page files into a Digest, in two phases.

Phase one reads, repairs, segments and enriches every page on its own; phase two
needs all articles at once (related articles). Rendering is separate
(``render.render_site``), so the MkDocs hook and the command line share both.
"""
from __future__ import annotations

from .amend import apply_to_articles, apply_to_entries
from .corrections import load_corrections
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
        a Digest; pages that could not be read and corrections that could not
        be applied are in ``problems``, the rest are built.
    """
    vocab = load_vocabulary(settings.data_dir)
    corrections = load_corrections(settings.corrections, vocab)
    pages, problems = read_pages(settings.seeds)
    segmented = tuple(segment_page(repair_page(page, vocab), vocab) for page in pages)
    articles = [a for page in segmented for a in page.articles]
    # Ids come from the machine's headlines, before the editors' corrections.
    amended = apply_to_articles(corrections, segmented, assign_ids(articles))
    enriched = apply_to_entries(corrections, enrich_articles(list(amended.pairs), vocab), amended.gone)
    entries = link_related(enriched.entries)
    return Digest(
        entries=entries, pages=amended.pages,
        problems=problems + corrections.problems + amended.problems + enriched.problems,
        corrections=tuple(str(a) for a in sorted(amended.applied + enriched.applied)),
    )
