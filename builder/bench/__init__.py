"""The benchmark: ``python -m builder bench --articles N`` prints one JSON line of figures.

With ``--floor`` it also builds the same archive's pages with plain MkDocs +
Material (``floor.py``) and prints the publish build's ratios to it.

It makes a synthetic archive of N articles from the seeds (``synthetic.py``),
times the builder stage (``pipeline.build_site``: the digest, then the pages; phase one on every core,
no cache), times ``mkdocs build`` of the archive in a subprocess (the hook
reads ``DIGEST_SEEDS``; Pagefind runs inside it, and its share is reported
apart), measures the site on disk, and runs one search in headless Chromium,
summing the bytes of every response the search causes.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..runtime.workers import default_workers
from ..pipeline import build_site
from ..settings import CODE_ROOT, Settings, find_site_root
from . import floor
from .synthetic import make_archive, read_material
from ..vocab import load_vocabulary

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The line the hook logs after indexing (mkdocs_hook.on_post_build).
_PAGEFIND_LOG = re.compile(r"pagefind indexed .* in ([0-9.]+) s")


@dataclass(frozen=True)
class Options:
    articles: int
    seed: int = 0
    keep: Path | None = None
    mkdocs: bool = True
    browser: bool = True
    query: str = "数智工匠"
    workers: int | None = None
    floor: bool = False


def _cpu_seconds() -> float:
    """User and system CPU time of this process and its finished children."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def page_sizes(site: Path) -> dict:
    """HTML bytes per article page (mean), and the largest page of the site."""
    articles = [p.stat().st_size for p in (site / "articles").glob("*/index.html")]
    largest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    return {
        "html_bytes_per_article": round(sum(articles) / len(articles)) if articles else 0,
        "largest_page": str(largest.relative_to(site).parent.as_posix() + "/"),
        "largest_page_bytes": largest.stat().st_size,
    }


def index_sizes(site: Path) -> dict:
    """Bytes of the search index on disk: the whole Pagefind folder, its word-index chunks, its fragments."""
    index = site / "pagefind"
    return {"pagefind_bytes": folder_bytes(index), "pagefind_index_bytes": folder_bytes(index / "index"),
            "pagefind_fragment_bytes": folder_bytes(index / "fragment")}


def _env(**extra: str) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(CODE_ROOT), NO_MKDOCS_2_WARNING="1", **extra)


def mkdocs_build(seeds: Path, site: Path, cache: Path) -> tuple[floor.Run, float | None]:
    """The publish build (``mkdocs build`` with the hook, cold cache, Pagefind included);
    returns its run (seconds, peak memory of its process tree) and Pagefind's seconds."""
    run, result = floor.measure([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                                find_site_root(), _env(DIGEST_SEEDS=str(seeds), DIGEST_CACHE=str(cache)))
    if result.returncode:
        raise RuntimeError(f"mkdocs build failed:\n{result.stderr[-4000:]}")
    found = _PAGEFIND_LOG.search(result.stderr)
    return run, (float(found.group(1)) if found else None)


def floor_build(seeds: Path, work: Path) -> tuple[floor.Run, float]:
    """The floor for the same archive: the command line's pages, then plain MkDocs + Material.
    Returns the floor's run and the seconds the command line took to write the pages."""
    start = time.perf_counter()
    floor.write_docs(seeds, work / "floor-docs", find_site_root(), _env())
    written = time.perf_counter() - start
    return floor.build_floor(find_site_root(), work / "floor-docs", work, _env()), written


# What each file of a search is, by the end of its name: Pagefind's word list, index chunks,
# result fragments, its script and WebAssembly (loaded only for a lone character now).
_SEARCH_KINDS = (("meta", ".pf_meta"), ("index", ".pf_index"), ("fragment", ".pf_fragment"),
                 ("pagefind", ".pagefind"), ("pagefind", "pagefind.js"))


def search_kind(url: str) -> str:
    path = url.split("?", 1)[0]
    return next((kind for kind, end in _SEARCH_KINDS if path.endswith(end)), "other")


def measure_search(site: Path, query: str) -> dict:
    """One reader's first search in headless Chromium, through the site's own search box.

    Counts every response from the moment the reader opens the search until the
    results show: the search scripts, the WebAssembly, the index chunks and the
    result fragments. ``search_bytes`` is the bytes as a plain server sends them,
    ``search_bytes_gzip`` what a compressing server (GitHub Pages) sends,
    ``search_bytes_by_kind`` the plain bytes by kind of file (:func:`search_kind`).
    """
    from playwright.sync_api import sync_playwright

    from .serve_folder import serve_folder

    with serve_folder(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        article = sorted((site / "articles").iterdir())[0].name
        page.goto(f"{base}articles/{article}/")
        page.wait_for_load_state("networkidle")
        bodies: list[bytes] = []
        kinds: dict[str, int] = {}

        def count(response) -> None:
            if response.ok and response.request.method == "GET":
                body = response.body()
                bodies.append(body)
                kind = search_kind(response.url)
                kinds[kind] = kinds.get(kind, 0) + len(body)
        page.on("response", count)
        start = time.perf_counter()
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator("input.md-search__input").fill(query)
        page.wait_for_selector(".md-search-result__item", timeout=30000)
        ms = (time.perf_counter() - start) * 1000
        page.wait_for_load_state("networkidle")
        hits = page.locator(".md-search-result__item").count()
        browser.close()
    raw = sum(len(b) for b in bodies)
    zipped = sum(min(len(b), len(gzip.compress(b, 6))) for b in bodies)
    return {"search_query": query, "search_bytes": raw, "search_bytes_gzip": zipped,
            "search_bytes_by_kind": dict(sorted(kinds.items())),
            "search_requests": len(bodies), "search_ms": round(ms), "search_results_shown": hits}


def run(options: Options) -> dict:
    work = Path(options.keep) if options.keep else Path(tempfile.mkdtemp(prefix="digest-bench-"))
    seeds, site, cache = work / "pages", work / "site", work / "cache"
    for folder in (seeds, site, cache):
        shutil.rmtree(folder, ignore_errors=True)
    vocab = load_vocabulary()
    written = make_archive(read_material(find_site_root() / "seeds", vocab), seeds, options.articles, options.seed)

    workers = options.workers or default_workers()
    cpu_before = _cpu_seconds()
    start = time.perf_counter()
    built = build_site(Settings.for_site(find_site_root(), seeds, workers=workers))
    builder_seconds = time.perf_counter() - start
    digest_seconds = built.seconds[0]
    n = max(1, len(built.digest.entries))
    figures: dict = {
        "articles": len(built.digest.entries), "pages": len(written), "files": len(built.files),
        "builder_workers": workers,
        "builder_seconds": round(builder_seconds, 2),
        "builder_ms_per_article": round(1000 * builder_seconds / n, 2),
        # all processes' CPU time: what the stage would take on one core
        "builder_cpu_ms_per_article": round(1000 * (_cpu_seconds() - cpu_before) / n, 2),
        # where the time goes: reading to enriched entries, then templates to Markdown
        "builder_digest_seconds": round(digest_seconds, 2),
        "builder_render_seconds": round(builder_seconds - digest_seconds, 2),
    }
    del built
    if options.mkdocs:
        project, pagefind = mkdocs_build(seeds, site, cache)
        figures.update(mkdocs_seconds=round(project.seconds, 2), mkdocs_peak_mb=project.peak_mb,
                       mkdocs_peak_parts_mb=dict(project.parts_mb),
                       pagefind_seconds=pagefind, site_bytes=folder_bytes(site), **page_sizes(site),
                       **index_sizes(site))
        if options.floor:
            base, docs_seconds = floor_build(seeds, work)
            figures.update(floor_seconds=round(base.seconds, 2), floor_peak_mb=base.peak_mb,
                           floor_peak_parts_mb=dict(base.parts_mb),
                           floor_docs_seconds=round(docs_seconds, 2), **floor.ratios(project, base))
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    figures["peak_rss_mb_children"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    if options.mkdocs and options.browser:
        figures.update(measure_search(site, options.query))
    if not options.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        figures["kept"] = str(work)
    return figures


def main(options: Options) -> int:
    print(json.dumps(run(options), ensure_ascii=False, sort_keys=False))
    return 0
