"""Render a Digest through the Jinja2 templates into the site's files.

Returns a mapping of path (inside the docs folder) to text; the MkDocs hook
adds them as generated files and the command line writes them to a folder. Given a
``sink``, the pages go to it one by one as they are rendered, in this process, and are
not kept: the publish build's builder stage then holds one page at a time, not the
whole site beside the digest (and no forked worker copies the digest as it reads it).
"""
from __future__ import annotations

import functools
from collections.abc import Callable
import posixpath
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .catalog import build_catalog
from .exports import articles_csv, articles_json, entry_record, rss_feed
from .listings import page_chunks
from .chinese import in_chinese, zone_kinds
from .redirects import redirect_pages
from ..enrich.figure_labels import KIND_NAMES
from ..enrich.tag_words import tag_words
from .escape import html_text, md_text, yaml_str
from ..model import Digest, article_page
from ..runtime.progress import Steps
from ..runtime.workers import fewer_collections, map_forked
from .province_map import catalog_map, load_tiles
from .links import html_link, page_url, relpath
from .search import facets as search_facets
from .render_memo import RenderMemo, fingerprint
from .search_marks import marked_file, marked_pages
from ..vocab import Vocabulary


def with_entry(figures, entry) -> list:
    """An article's figures as the (entry, figure) pairs the figure list takes."""
    return [(entry, f) for f in figures]


def by_sentence(pairs) -> list:
    """(entry, sentence, figures) for each run of figures of one article that share a sentence."""
    out: list = []
    for e, f in pairs:
        if out and out[-1][0] is e and out[-1][1] == f.sentence:
            out[-1][2].append(f)
        else:
            out.append((e, f.sentence, [f]))
    return out


def chinese_date(iso: str | None) -> str:
    """``2024-06-17`` as 2024年6月17日; 日期不详 for None."""
    if not iso:
        return "日期不详"
    y, m, d = iso.split("-")
    return f"{y}年{int(m)}月{int(d)}日"


def environment(templates: Path) -> Environment:
    # Not autoescaped: the output is Markdown, and every piece of page text goes
    # through the md/html/yaml filters explicitly (see escape.py).
    # auto_reload off: each build makes its own environment, so no template changes under it
    # (and thousands of pages do not each ask the file system whether one did).
    env = Environment(loader=FileSystemLoader(str(templates)), undefined=StrictUndefined, auto_reload=False,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(md=md_text, html=html_text, yaml=yaml_str, cn_date=chinese_date,
                       with_entry=with_entry, by_sentence=by_sentence)
    env.globals["figure_kinds"] = KIND_NAMES
    return env


def relative(src: str, dest: str) -> str:
    """A link from one generated Markdown file to another, as MkDocs expects."""
    return relpath(dest, posixpath.dirname(src))


def render_site(digest: Digest, vocab: Vocabulary, templates: Path, site_url: str = "",
                search_markers: bool = False, sink: Callable[[str, str], None] | None = None,
                memo: RenderMemo | None = None) -> dict[str, str]:
    """The site's files, path → text; ``search_markers``: with the markers of ``search_marks.py``.

    Arguments:
        sink: given, each page rendered from a template is handed to it (path, text) instead
            of being returned; the rest (data, feeds, redirects) is returned. The same files.
        memo: given (a preview's rebuilds), the pages whose inputs did not change since its
            last build are taken from it (``render_memo.py``). The same files.
    """
    steps = Steps()
    with fewer_collections():
        files, sunk = _render_site(digest, vocab, templates, site_url, search_markers, sink, memo)
    again = f" ({memo.misses:,} rendered again)" if memo is not None else ""
    steps.done(f"files rendered: {len(files) + sunk:,}{again}")
    return files


def _render_site(digest: Digest, vocab: Vocabulary, templates: Path, site_url: str, search_markers: bool,
                 sink: Callable[[str, str], None] | None, memo: RenderMemo | None) -> tuple[dict[str, str], int]:
    """The files kept, and how many pages went to the sink."""
    catalog = build_catalog(digest, vocab)
    if memo is None:
        env = environment(templates)
    else:
        env = memo.begin(fingerprint(templates, vocab.data_dir, extra=f"{site_url}\0{search_markers}"),
                         functools.partial(environment, templates))
    env.globals["province_map"] = functools.partial(catalog_map, catalog, load_tiles(vocab.data_dir))
    if memo is not None:
        env.globals["province_map"] = memo.volatile(env.globals["province_map"])
    env.globals["page_url"] = page_url  # site-root URLs for front matter (breadcrumbs)
    env.filters["zh"] = functools.partial(in_chinese, data_dir=vocab.data_dir)  # English notes, shown in Chinese
    env.globals["zone_kinds"] = zone_kinds(vocab.data_dir)
    jobs: list[tuple[str, str, dict]] = []

    def page(template: str, path: str, **context) -> None:
        jobs.append((template, path, context))

    def render(job: tuple[str, str, dict]) -> str:
        template, path, context = job
        full = dict(context, path=path, link=lambda dest: relative(path, dest), catalog=catalog, digest=digest,
                    href=lambda dest: html_link(path, dest))  # href: for links inside raw HTML
        if memo is None:
            return env.get_template(template).render(full)
        return memo.render(template, path, full, env.get_template(template).render)

    page("home.md.j2", "index.md")
    for e in catalog.entries:
        page("article.md.j2", catalog.article_paths[e.id], entry=e)
    page("zones.md.j2", "zones/index.md")
    for group in catalog.zones:
        page("zone.md.j2", group.path, group=group)
    page("provinces.md.j2", "provinces/index.md")
    for group in catalog.provinces:
        page("province.md.j2", group.path, group=group)
    page("themes.md.j2", "themes/index.md")
    def paged(template: str, path: str, entries, **context) -> None:
        # A theme, tag or month can hold a large share of the archive: its list is cut into pages.
        chunks = page_chunks(path, entries)
        paths = [p for p, _ in chunks]
        for n, (chunk_path, chunk) in enumerate(chunks, start=1):
            page(template, chunk_path, entries=chunk, page_no=n, page_paths=paths, **context)

    for group in catalog.themes:
        paged("theme.md.j2", group.path, group.entries, group=group)
    page("archive.md.j2", "archive/index.md")
    for year, months in catalog.archive.years:
        page("archive_year.md.j2", catalog.archive.year_paths[year], year=year, months=months)
    for listing in catalog.archive.months + (catalog.archive.undated,):
        paged("listing.md.j2", listing.path, listing.entries, listing=listing)
    page("tags.md.j2", "tags/index.md", tag_index_size=tag_words(vocab).index_size)
    for listing in catalog.tag_groups:
        paged("listing.md.j2", listing.path, listing.entries, listing=listing)
    page("sources.md.j2", "sources/index.md")
    for view in catalog.sources:
        page("source.md.j2", view.path, view=view)
    page("report.md.j2", "report.md", site_url=site_url)
    # Pages are independent: a large archive renders them on every core. Templates are compiled
    # here first, so forked workers inherit them instead of each compiling its own.
    for template in dict.fromkeys(template for template, _, _ in jobs):
        env.get_template(template)
    texts = {catalog.article_paths[e.id]: (e.title, "\n".join(e.article.paragraphs), search_facets(e))
             for e in catalog.entries} if search_markers else {}
    if sink is not None:
        for job in jobs:
            text = render(job)
            sink(job[1], marked_file(job[1], text, texts) if search_markers else text)
        files: dict[str, str] = {}
        sunk = len(jobs)
    else:
        sunk = 0
        # The memo lives in this process: its pages are rendered here.
        rendered = map(render, jobs) if memo is not None else map_forked(render, jobs)
        files = dict(zip((path for _, path, _ in jobs), rendered))
    records = [entry_record(e) for e in catalog.entries]  # one record per article, both exports
    files["data/articles.json"] = articles_json(records)
    files["data/articles.csv"] = articles_csv(records)
    files.update(redirect_pages({**catalog.moved, **{
        article_page(old): catalog.article_paths[new] for old, new in digest.moved.items()}}))
    files["feed.xml"] = rss_feed(catalog.entries, site_url, "feed.xml")
    for group in catalog.zones:  # one feed per zone, linked from its page
        files[group.extra["feed"]] = rss_feed(group.entries, site_url, group.extra["feed"], group.name)
    if memo is not None:
        memo.forget({path for _, path, _ in jobs})
    if search_markers:
        files = memo.marked(files, texts, marked_file) if memo is not None else marked_pages(files, texts)
    return files, sunk
