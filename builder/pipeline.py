"""The one function that turns page files into a Digest, in two phases.

Phase one reads, repairs, segments and enriches every page on its own (it is
cached per page, see ``runtime/page_cache.py``, and spread over the cores, see
``runtime/workers.py``); phase two needs all articles at once: the editors'
corrections, tags (words common to most articles are left out) and related
articles. ``build_site`` adds the rendering (``site.render_site``): it is what the
command line, the MkDocs hook and the benchmark call.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .corrections.apply import apply_to_articles, apply_to_entries
from .runtime.page_cache import PageCache, code_version
from .corrections.check import load_corrections
from .dates import issue_dates
from .dates.pages_file import load_pages_file
from .site.addresses import moved_ids, read_ledger
from .enrich import analyse_articles, choose_all_tags, link_related
from .enrich.related_again import RelatedMemo
from .ids import assign_ids
from .model import Digest, Entry, IdentifiedArticle, Page, SegmentedPage
from .runtime.progress import Steps
from .runtime.workers import fewer_collections, map_pages
from .repair import repair_page
from .segment import segment_page
from .settings import Settings
from .site import render_site, search
from .site.render_memo import RenderMemo
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


def build_digest(settings: Settings, memo: Remembered | None = None) -> Digest:
    """Build the digest from the settings' seeds folder.

    Arguments:
        memo: what a process that builds again and again keeps between builds (``Remembered``)

    Returns:
        a Digest; pages that could not be read and corrections that could not
        be applied are in ``problems``, the rest are built.
    """
    with fewer_collections():
        return _build_digest(settings, memo)


def _build_digest(settings: Settings, memo: Remembered | None = None) -> Digest:
    """The two phases, step by step:

    1. read the corrections file and the page files;
    2. phase one per page (cached, on every core): repair, segment, ids, enrich;
    3. the segmentation corrections (debris, split, merge, drop, retitle);
    4. enrichment again for the articles whose text they changed or made; the others
       keep phase one's entry with their corrected article;
    5. tags across the build, then the enrichment corrections (rezone, themes, tags);
    6. issue dates (the editors' pages.yaml, the date lines, the file names), then related articles.
    """
    vocab = load_vocabulary(settings.data_dir)
    corrections = load_corrections(settings.corrections, vocab, (settings.seeds, *settings.link_roots))  # 1.
    steps = Steps()
    pages, problems = read_pages(settings.seeds, settings.link_roots)
    steps.done(f"page files read: {len(pages):,} ({len(problems):,} skipped)")
    # A process that builds again and again keys what it remembers by the version too.
    version = code_version(settings.data_dir) if settings.cache_dir or memo is not None else ""
    cache = PageCache(settings.cache_dir, version, memo.pages if memo is not None else None)
    analysed_now = []

    def analyse(todo: list[Page]):
        analysed_now.append(len(todo))
        return map_pages(analyse_batch, todo, settings.data_dir, settings.workers)

    analysed = cache.map(pages, analyse)
    fresh_pages = sum(analysed_now)
    steps.done(f"pages analysed: {fresh_pages:,}, taken from the cache: {len(pages) - fresh_pages:,}; "
               f"articles: {sum(len(es) for _, es in analysed):,}")
    segmented = tuple(s for s, _ in analysed)                                              # 2.
    machine = {e.id: e for _, page_entries in analysed for e in page_entries}
    # Ids come from the machine's headlines, before the editors' corrections; phase one
    # made them (an id depends only on its page, so a page's ids are the same alone or in a build).
    amended = apply_to_articles(corrections, segmented,                                    # 3.
                                [IdentifiedArticle(e.id, e.article) for _, es in analysed for e in es])
    redo = [ia for ia in amended.articles if ia.id in amended.changed or ia.id not in machine]
    fresh = {e.id: e for e in analyse_articles(redo, vocab)}                               # 4.
    entries = tuple(fresh.get(id_) or replace(machine[id_], article=a) for id_, a in amended.articles)
    enriched = apply_to_entries(corrections, choose_all_tags(entries, vocab), amended.gone)  # 5.
    # Issue dates need only the raw lines (and the editors' pages.yaml): read here, not cached.
    editors, date_problems = load_pages_file(settings.pages_file, [p.name for p in pages])
    issues = issue_dates(pages, settings.data_dir, editors, memo.dates_of(version) if memo is not None else None)
    dated = tuple(replace(e, date=issues[e.article.page].date) if e.article.page in issues else e
                  for e in enriched.entries)
    linked = link_related(dated, memo.related if memo is not None else None)               # 6.
    steps.done(f"corrections, tags, dates and related articles: {len(linked):,} articles")
    return Digest(
        entries=linked, pages=amended.pages,
        problems=problems + date_problems + corrections.problems + amended.problems + enriched.problems,
        corrections=tuple(str(a) for a in sorted(amended.applied + enriched.applied)),
        issues=issues, moved=moved_ids(read_ledger(settings.addresses_file), dated),
        notices=tuple(cache.notices),
    )


@dataclass(frozen=True)
class Remembered:
    """What a preview's process keeps from one build to the next: phase one's results by page
    (``PageCache``'s memory), what each page's lines print of its issue (``issue_dates``), the
    related articles (``related_again``) and the rendered pages with what each read (``RenderMemo``)."""
    pages: dict = field(default_factory=dict)
    dates: dict = field(default_factory=dict)
    related: RelatedMemo = field(default_factory=RelatedMemo)
    render: RenderMemo = field(default_factory=RenderMemo)

    def dates_of(self, version: str) -> dict:
        """The issue dates' memory for this version of the code and vocabularies (another drops it)."""
        if self.dates.get("version") != version:
            self.dates.clear()
            self.dates.update(version=version, printed={})
        return self.dates["printed"]


@dataclass(frozen=True)
class Site:
    """A build: the digest and its rendered files (path inside the docs folder → text).

    ``seconds`` is how long the digest and the rendering took, for the benchmark.
    """
    digest: Digest
    files: dict[str, str]
    seconds: tuple[float, float] = field(default=(0.0, 0.0), compare=False)


def build_site(settings: Settings, search_markers: bool = False, sink=None, memo: Remembered | None = None) -> Site:
    """The digest of the settings' seeds, rendered.

    Arguments:
        search_markers: write the search markers into the pages (Material's search
            exclusion, Pagefind's body and hidden terms field, see ``site/search_marks.py``),
            as a docs folder built without the hook needs them. Off, the pages are
            those of ``tests/expected/seeds/``.
        sink: given, the pages go to it one by one (``render_site``), not into ``files``.
        memo: what a process that builds again and again (``mkdocs serve``) keeps between
            builds; the same site, sooner.
    """
    start = time.perf_counter()
    digest = build_digest(settings, memo)
    rendered = time.perf_counter()
    files = render_site(digest, load_vocabulary(settings.data_dir), settings.templates, settings.site_url,
                        search_markers=search_markers, sink=sink, memo=memo.render if memo is not None else None)
    return Site(digest, files, (rendered - start, time.perf_counter() - rendered))


def index_site(site_dir: Path, data_dir: Path) -> tuple[int, float]:
    """The last step, after MkDocs: Pagefind's index of the built site, and beside it the
    tables the search box reads (place names in pinyin, the filters' values).

    Returns:
        the number of pages indexed and the seconds Pagefind took.
    """
    pages, seconds = search.index_site(Path(site_dir))
    search.write_tables(Path(site_dir), load_vocabulary(data_dir).gazetteer)
    return pages, seconds
