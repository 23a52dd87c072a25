"""MkDocs hook: adds the digest's generated pages to the site as virtual files.

Nothing is written into ``content/`` (the docs folder), so ``mkdocs serve`` does
not see its own output and rebuild in a loop. One job per event:

- ``on_config``: pin the build date (reproducible sitemap);
- ``on_files``: build the digest and add every rendered page as ``File.generated``;
- ``on_serve``: watch the seeds folder and corrections file when they lie
  outside mkdocs.yml's ``watch:`` list (``DIGEST_SEEDS``);
- ``on_page_markdown``, ``on_page_content``, ``on_post_build``: search by Pagefind
  (``builder/site/search.py``): pages are kept out of Material's index, articles are
  marked as Pagefind's body, and the built site is indexed.

``DIGEST_SEEDS`` (environment) points the build at another folder of pages,
for previewing a few new pages without building the whole archive;
``DIGEST_CACHE`` moves the per-page cache (default ``.cache/digest``).
"""
from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

from mkdocs.structure.files import File, Files

from builder.site import search
from builder.pipeline import build_digest
from builder.site import render_site
from builder.settings import Settings
from builder.vocab import load_vocabulary

log = logging.getLogger("mkdocs.hooks.digest")


def _settings(config) -> Settings:
    root = Path(config.config_file_path).parent
    seeds = Path(os.environ.get("DIGEST_SEEDS") or root / "seeds")
    cache = Path(os.environ.get("DIGEST_CACHE") or root / ".cache" / "digest")
    return Settings.for_seeds(seeds, site_url=config.site_url or "", cache_dir=cache)


def on_config(config):
    # MkDocs stamps the build date into sitemap.xml (lastmod) and sitemap.xml.gz
    # unless SOURCE_DATE_EPOCH is set; the last commit's date keeps two builds
    # of the same checkout byte-identical on any day.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = _last_commit_time(Path(config.config_file_path).parent)
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    return config


def _last_commit_time(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    text = out.stdout.strip()
    return text if out.returncode == 0 and text.isdigit() else None


def on_files(files: Files, config) -> Files:
    settings = _settings(config)
    digest = build_digest(settings)
    for problem in digest.problems:
        # A warning makes `mkdocs build --strict` fail, as the command line's --strict does.
        log.warning(problem.message)
    rendered = render_site(digest, load_vocabulary(settings.data_dir), settings.templates, settings.site_url)
    # The article's own words, for its search field: not the related titles listed below it.
    texts = {e.url.rstrip("/") + ".md": (e.title, "\n".join(e.article.paragraphs), search.facets(e))
             for e in digest.entries}
    for path, content in sorted(rendered.items()):
        if files.get_file_from_path(path) is None:
            file = File.generated(config, path, content=content)
            file.digest_text = texts.get(path)
            files.append(file)
    return files


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
    return markdown


def on_page_content(html, page, config, files):
    if not search.is_searched(page.file.src_uri, page.file.generated_by is not None):
        return html
    title, text, facets = getattr(page.file, "digest_text", None) or (page.title or "", page.markdown or "", [])
    field = search.terms_field(text, title, facets)
    return search.mark_body(html, field)


def on_post_build(config):
    pages, seconds = search.index_site(Path(config.site_dir))
    search.write_pinyin(Path(config.site_dir), load_vocabulary(_settings(config).data_dir).gazetteer)
    search.write_filters(Path(config.site_dir))
    # bench.py reads this line for the Pagefind share of the build.
    log.info(f"pagefind indexed {pages:,} pages in {seconds:.2f} s")
