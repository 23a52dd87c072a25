"""Render a Digest through the Jinja2 templates into the site's files.

Returns a mapping of path (inside the docs folder) to text; the MkDocs hook
adds them as generated files and the command line writes them to a folder.
"""
from __future__ import annotations

import functools
import posixpath
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .catalog import build_catalog
from .exports import articles_csv, articles_json, entry_record, rss_feed
from .escape import html_text, md_text, yaml_str
from ..model import Digest
from ..runtime.workers import fewer_collections, map_forked
from .province_map import catalog_map, load_tiles
from .links import html_link, page_url, relpath
from ..vocab import Vocabulary


THEME_PAGE = 100  # articles listed on one page of a theme


def environment(templates: Path) -> Environment:
    # Not autoescaped: the output is Markdown, and every piece of page text goes
    # through the md/html/yaml filters explicitly (see escape.py).
    # auto_reload off: each build makes its own environment, so no template changes under it
    # (and thousands of pages do not each ask the file system whether one did).
    env = Environment(loader=FileSystemLoader(str(templates)), undefined=StrictUndefined, auto_reload=False,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(md=md_text, html=html_text, yaml=yaml_str)
    return env


def relative(src: str, dest: str) -> str:
    """A link from one generated Markdown file to another, as MkDocs expects."""
    return relpath(dest, posixpath.dirname(src))


def render_site(digest: Digest, vocab: Vocabulary, templates: Path, site_url: str = "") -> dict[str, str]:
    with fewer_collections():
        return _render_site(digest, vocab, templates, site_url)


def _render_site(digest: Digest, vocab: Vocabulary, templates: Path, site_url: str) -> dict[str, str]:
    catalog = build_catalog(digest, vocab)
    env = environment(templates)
    env.globals["province_map"] = functools.partial(catalog_map, catalog, load_tiles(vocab.data_dir))
    env.globals["page_url"] = page_url  # site-root URLs for front matter (breadcrumbs)
    jobs: list[tuple[str, str, dict]] = []

    def page(template: str, path: str, **context) -> None:
        jobs.append((template, path, context))

    def render(job: tuple[str, str, dict]) -> str:
        template, path, context = job
        return env.get_template(template).render(
            path=path, link=lambda dest: relative(path, dest), catalog=catalog, digest=digest,
            href=lambda dest: html_link(path, dest),  # for links inside raw HTML
            **context)

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
    for group in catalog.themes:
        # A theme can hold a large share of the archive: its list is cut into pages.
        chunks = [group.entries[i:i + THEME_PAGE] for i in range(0, len(group.entries), THEME_PAGE)] or [()]
        paths = [group.path] + [f"{group.path[:-3]}/{n}.md" for n in range(2, len(chunks) + 1)]
        for n, (chunk, path) in enumerate(zip(chunks, paths), start=1):
            page("theme.md.j2", path, group=group, entries=chunk, page_no=n, page_paths=paths)
    page("sources.md.j2", "sources/index.md")
    for view in catalog.sources:
        page("source.md.j2", view.path, view=view)
    page("tags.md.j2", "tags.md")
    page("report.md.j2", "report.md")
    # Pages are independent: a large archive renders them on every core. Templates are compiled
    # here first, so forked workers inherit them instead of each compiling its own.
    for template in dict.fromkeys(template for template, _, _ in jobs):
        env.get_template(template)
    files = dict(zip((path for _, path, _ in jobs), map_forked(render, jobs)))
    records = [entry_record(e) for e in catalog.entries]  # one record per article, both exports
    files["data/articles.json"] = articles_json(records)
    files["data/articles.csv"] = articles_csv(records)
    files["feed.xml"] = rss_feed(catalog, site_url)
    return files
