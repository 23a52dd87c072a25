"""MkDocs hook: adds the digest's generated pages to the site as virtual files.

Nothing is written into ``content/`` (the docs folder), so ``mkdocs serve`` does
not see its own output and rebuild in a loop. The hook only adapts MkDocs' events
to the functions the command line uses (``pipeline.build_site``,
``site/search_marks.py``, ``pipeline.index_site``), so ``python -m builder docs`` and
``mkdocs build`` without the hook make the same site. One job per event:

- ``on_config``: pin the build date (reproducible sitemap); no sitemap under ``mkdocs serve``;
- ``on_files``: build the site, its pages already marked for search, and add each as
  ``File.generated``; under ``mkdocs build`` the builder stage runs in a process of its
  own (``builder_apart``), which writes the pages into a staging folder and exits, so
  MkDocs' process never holds the digest and reads each page from disk as it needs it;
- ``on_serve``: watch the seeds folder and corrections file when they lie
  outside mkdocs.yml's ``watch:`` list (``DIGEST_SEEDS``);
- ``on_page_markdown``: the search markers of a hand-written page (``content/``),
  which the generated ones carry in their own Markdown;
- ``on_nav``: every page's Markdown converted on both cores before MkDocs' loop finds it
  done (``pages_apart``); the forked helper writes the pages it converts (``templates_apart``)
  and the search index;
- ``on_env``: the pages the helper wrote get an empty template here, which MkDocs skips;
- ``on_page_context``: what Material's search plugin did to each page, where it applies
  (its own per-page event is removed: it indexes nothing here);
- ``on_post_page``: a written page lets go of its Markdown and HTML (nothing reads them
  after); where no fork was safe (``mkdocs serve``), the page is fed to the index here;
- ``on_post_build``: wait for the index (or have the fed one written).

``DIGEST_SEEDS`` (environment) points the build at another folder of pages,
for previewing a few new pages without building the whole archive;
``DIGEST_CACHE`` moves the per-page cache (default ``.cache/digest``);
``DIGEST_LINKED_FROM`` lists the folders symbolic links in the seeds folder may
lead into (set by ``builder preview``; links anywhere else are refused).
"""
from __future__ import annotations

import logging
import os
import re
import subprocess
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from builder.frontends import builder_apart, pages_apart, templates_apart
from builder.runtime import progress
from builder.site.index_write import IndexWriter
from builder.settings import Settings
from builder.site import search
from builder.site.search_marks import BODY_KEY, mark_body_markdown
from builder.vocab.rule_files import RuleFileError

log = logging.getLogger("mkdocs.hooks.digest")
_SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")  # Material's search plugin's


class _ToMkDocs(logging.Handler):
    """The builder's progress lines (``zone_digest`` logger) in MkDocs' own log."""

    def emit(self, record: logging.LogRecord) -> None:
        log.log(record.levelno, record.getMessage())


if not any(isinstance(h, _ToMkDocs) for h in progress.log.handlers):
    progress.log.addHandler(_ToMkDocs())
    progress.log.setLevel(logging.INFO)
    progress.log.propagate = False
_pages_written: progress.Counter | None = None
_search_tables: dict[str, str] = {}
_index_job = None  # the pages converted beside MkDocs, and the search index (pages_apart), when a fork was safe
_feed: IndexWriter | None = None
_serving = False
_dirty = False
_quiet_skips: templates_apart.QuietSkips | None = None


def _settings(config) -> Settings:
    root = Path(config.config_file_path).parent
    seeds = Path(os.environ.get("DIGEST_SEEDS") or root / "seeds")
    cache = Path(os.environ.get("DIGEST_CACHE") or root / ".cache" / "digest")
    # The preview's folder of links may lead to the chosen pages' folders, and nowhere else.
    linked = tuple(Path(p) for p in os.environ.get("DIGEST_LINKED_FROM", "").split(os.pathsep) if p)
    return Settings.for_site(root, seeds, site_url=config.site_url or "", cache_dir=cache, link_roots=linked)


def on_config(config):
    # MkDocs stamps the build date into sitemap.xml (lastmod) and sitemap.xml.gz
    # unless SOURCE_DATE_EPOCH is set; the last commit's date keeps two builds
    # of the same checkout byte-identical on any day.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = _last_commit_time(Path(config.config_file_path).parent)
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    _search_box_only(config)
    if _serving:
        # A preview makes no sitemap (nobody previews it): it lists every page of the archive,
        # so each rebuild would write it whole (seconds at 10,000 articles).
        config.theme.static_templates.discard("sitemap.xml")
    return config


def _search_box_only(config) -> None:
    """Material's search plugin without its work on each page: it indexes no page (every page
    is excluded, on_page_markdown) and strips its ``data-search-*`` attributes from every page's
    HTML, a regular expression over the whole page (0.7 ms a page); :func:`on_page_context`
    strips them where there are any."""
    plugin = config.plugins.get("material/search")
    if plugin is None:
        return
    events = config.plugins.events["page_context"]
    events[:] = [e for e in events if getattr(e, "__self__", None) is not plugin]


def on_page_context(context, page, config, nav):
    if page.content and "data-search-" in page.content:  # as Material's search plugin strips them
        page.content = _SEARCH_ATTRIBUTES.sub("", page.content)
    return context


def _last_commit_time(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    text = out.stdout.strip()
    return text if out.returncode == 0 and text.isdigit() else None


def on_files(files: Files, config) -> Files:
    try:
        if _serving:  # a preview rebuilds in this process: quick, and a fork beside its threads is not safe
            built = builder_apart.build_for_serve(_settings(config), search=_indexing())
        else:
            built = builder_apart.build_staged(_settings(config))
    except RuleFileError as err:  # MkDocs prints a PluginError as one line and stops
        raise PluginError(str(err)) from None
    for notice in built.notices:
        # Info, not a warning: a cache turned off must not stop `mkdocs build --strict`.
        log.info(notice)
    for message in built.problems:
        # A warning makes `mkdocs build --strict` fail, as the command line's --strict does.
        log.warning(message)
    _search_tables.clear()
    _search_tables.update(built.search_tables)
    for path in built.paths:
        if files.get_file_from_path(path) is None:  # a hand-written page wins, as in the docs folder
            files.append(built.file(config, path))
    sitemap = files.get_file_from_path("sitemap.xml")
    if _serving and sitemap is not None:  # the theme's template, which on_config kept from rendering
        files.remove(sitemap)
    global _pages_written
    _pages_written = progress.Counter("MkDocs pages written", len(files.documentation_pages()))
    return files


def on_nav(nav, config, files):
    global _index_job
    if not _serving:
        start = time.perf_counter()
        _index_job = pages_apart.start(config, files, nav, _dirty)
        if _index_job is not None:
            here, there = _index_job.convert_all()
            log.info(f"MkDocs pages converted: {here + there:,} in {time.perf_counter() - start:.1f} s "
                     f"({here:,} here, {there:,} by the helper, which writes them and the search index)")
    return nav


def on_serve(server, config, builder):
    """Watch the pages and corrections when ``DIGEST_SEEDS`` puts them outside ``watch:``.

    A path inside a folder already watched is not watched twice: two watchers
    of one file would report one edit twice and rebuild twice.
    """
    settings = _settings(config)
    watched = [Path(p).resolve() for p in config.watch] + [Path(config.docs_dir).resolve()]
    for path in (settings.seeds, settings.corrections):
        if path is None:
            continue
        path = Path(path).resolve()
        if path.exists() and not any(path == w or w in path.parents for w in watched):
            server.watch(str(path))
            watched.append(path)
    return server


def on_page_markdown(markdown, page, config, files):
    # Material's search box stays (header, overlay), but Pagefind answers it
    # (overrides/partials/search.html): Material's own index is left empty.
    page.meta["search"] = {"exclude": True}
    if pages_apart.is_converted(page):  # it ran when the page was converted (pages_apart)
        return markdown
    if page.file.generated_by is not None or not search.is_searched(page.file.src_uri, generated=False):
        return markdown  # generated pages carry their markers already
    page.meta[BODY_KEY] = True
    return mark_body_markdown(markdown, search.terms_field(markdown, page.title or ""))


def on_startup(command, dirty):
    global _serving, _dirty
    _serving, _dirty = command == "serve", dirty


def on_env(env, config, files):
    global _quiet_skips
    if _index_job is not None:  # the pages the helper wrote get an empty template here
        templates_apart.add_skip_template(env)
        _quiet_skips = templates_apart.QuietSkips(_index_job.written)
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_skips)
    return env


def _indexing() -> bool:
    # A preview rebuilds on every edit; indexing the whole archive each time would
    # make it wait for search nobody previews. DIGEST_SERVE_SEARCH=1 asks for it.
    return not _serving or os.environ.get("DIGEST_SERVE_SEARCH") == "1"


def on_pre_build(config):
    global _feed
    _stop_index_job()
    if _feed is not None:  # a build that failed before on_post_build
        _feed.close()
        _feed = None


def _is_searched(page) -> bool:
    return search.is_searched(page.file.src_uri, page.file.generated_by is not None)


def on_post_page(output, page, config):
    global _feed
    if templates_apart.in_helper():  # the page is written; the rest is this build's main process's
        builder_apart.let_go(page)
        return output
    if not output and _index_job is not None and page.file.src_uri in _index_job.written:
        return output  # the helper wrote it (templates_apart): MkDocs' loop only passes it by
    if _pages_written is not None:
        _pages_written.add()
    if _is_searched(page) and _indexing() and _index_job is None:
        # Where no index job runs beside MkDocs (a preview asked for search): indexed here,
        # from the page MkDocs wrote.
        if _feed is None:
            _feed = IndexWriter(Path(config.site_dir) / "pagefind", config.theme.get("language"))
        _feed.add("/" + page.file.url.lstrip("/"), output)
    if not _serving:
        builder_apart.let_go(page)
    return output


def on_post_build(config):
    global _feed, _index_job
    _unquiet_skips()
    if _index_job is not None:
        start = time.perf_counter()
        job, _index_job = _index_job, None
        try:
            pages = job.index_result()
        finally:
            builder_apart.clean_staging()
        search.write_table_texts(Path(config.site_dir), _search_tables)
        log.info(f"pagefind indexed {pages:,} pages in {time.perf_counter() - start:.2f} s")
        return
    builder_apart.clean_staging()
    if not _indexing():
        log.info("search index skipped while serving (DIGEST_SERVE_SEARCH=1 builds it)")
        return
    if _feed is None:  # no page to search: an empty index, so the search box still loads
        _feed = IndexWriter(Path(config.site_dir) / "pagefind", config.theme.get("language"))
    start = time.perf_counter()
    feed, _feed = _feed, None
    pages = feed.finish()
    search.write_table_texts(Path(config.site_dir), _search_tables)
    # bench/__init__.py reads this line for the Pagefind share of the build: the wait after
    # MkDocs' last page (the indexing itself ran alongside MkDocs).
    log.info(f"pagefind indexed {pages:,} pages in {time.perf_counter() - start:.2f} s")


def _unquiet_skips() -> None:
    global _quiet_skips
    if _quiet_skips is not None:
        logging.getLogger("mkdocs.commands.build").removeFilter(_quiet_skips)
        _quiet_skips = None


def _stop_index_job() -> None:
    global _index_job
    _unquiet_skips()
    if _index_job is not None:
        _index_job.close()
        _index_job = None


def on_build_error(error):
    global _feed
    _stop_index_job()
    builder_apart.clean_staging()
    if _feed is not None:
        _feed.close()
        _feed = None
