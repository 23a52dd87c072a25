"""The command line.

- ``python -m builder build --seeds DIR --out DIR``: the generated pages and data files
  (what ``tests/expected/seeds/`` holds for the seeds);
- ``python -m builder docs --seeds DIR --out DIR``: a complete docs folder, the hand-written
  pages of ``content/`` and the generated ones with their search markers, for ``mkdocs build``
  without the hook (``mkdocs build -f mkdocs.docs.yml``);
- ``python -m builder index SITE_DIR``: the Pagefind index of a site MkDocs built from it;
- ``python -m builder eval``: the evaluation gate (``builder/evaluation/command.py``);
- ``bench`` and ``preview``: the benchmark and a quick preview of chosen pages.

``build`` and ``docs`` print a summary: pages read, articles, zones, corrections applied,
and every file skipped and every correction not applied, with the reason.
"""
from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..evaluation.command import add_parser as add_eval_parser
from ..pipeline import Site, build_digest, build_site, index_site
from ..runtime import progress
from ..settings import Settings, find_site_root, site_data_dir
from ..site.docs_folder import docs_files, write_docs_folder
from ..vocab.rule_files import RuleFileError
from ..model import shown
from ..runtime.workers import MAX_WORKERS
from ..site.write import NotOurFolder, owned_files, write_files


def _show_progress(quiet: bool) -> None:
    """The phases of a build on stderr (stdout keeps the summary), unless --quiet."""
    if quiet or progress.log.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    progress.log.addHandler(handler)
    progress.log.setLevel(logging.INFO)
    progress.log.propagate = False


def _settings(args: argparse.Namespace) -> Settings:
    _show_progress(args.quiet)
    # Templates, hand-written pages and vocabularies are the site's: the folder of
    # mkdocs.yml at or above the current one (the code is the package's).
    settings = Settings.for_site(find_site_root(), args.seeds, site_url=args.site_url, workers=args.workers,
                                 cache_dir=None if args.no_cache else Path(args.cache))
    if args.corrections:
        settings = dataclasses.replace(settings, corrections=Path(args.corrections))
    if getattr(args, "content", None):
        settings = dataclasses.replace(settings, content=Path(args.content))
    return settings


def argument_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the build's arguments before anything is read or written, or None."""
    seeds = Path(args.seeds)
    if not seeds.is_dir():
        return f"--seeds {shown(args.seeds)}: {'not a folder' if seeds.exists() else 'does not exist'}"
    if args.workers is not None and not 1 <= args.workers <= MAX_WORKERS:
        return f"--workers {args.workers}: give a number from 1 to {MAX_WORKERS}"
    if args.site_url and (urlsplit(args.site_url).scheme not in ("http", "https") or not urlsplit(args.site_url).netloc
                          or not args.site_url.isprintable() or " " in args.site_url):
        return f"--site-url {shown(args.site_url)}: give the site's public address, https://…"
    if args.corrections and not Path(args.corrections).is_file():
        why = "not a file" if Path(args.corrections).exists() else "does not exist"
        return f"--corrections {shown(args.corrections)}: {why}"
    try:
        owned_files(Path(args.out))
    except NotOurFolder as err:
        return f"--out: {shown(str(err), quote=False)}"
    return None


def _write(args: argparse.Namespace, files: dict) -> int | None:
    """Write the files into --out; None (and a message) when they cannot be written."""
    try:
        return write_docs_folder(Path(args.out), files) if args.verb == "docs" else write_files(Path(args.out), files)
    except (OSError, ValueError, NotOurFolder) as err:
        # Each file is replaced whole: what was written before stays readable.
        print(f"zone-digest {args.verb}: --out {shown(args.out)}: cannot write: {shown(str(err), quote=False)}",
              file=sys.stderr)
        return None


def build(args: argparse.Namespace) -> int:
    wrong = argument_problem(args)
    if wrong:
        print(f"zone-digest {args.verb}: {wrong}", file=sys.stderr)
        return 2
    settings = _settings(args)
    site = build_site(settings, search_markers=args.verb == "docs")
    files = site.files
    if args.verb == "docs":
        files = docs_files(site.files, settings.content)
    written = _write(args, files)
    return 1 if written is None else _summary(site, written, args)


def _summary(site: Site, written: int, args: argparse.Namespace) -> int:
    digest = site.digest
    zones = {e.zone for e in digest.entries if e.zone}
    print(f"pages read: {len(digest.pages)}")
    print(f"articles: {len(digest.entries)}")
    print(f"zones: {len(zones)}")
    print(f"files written: {written} in {args.out}")
    undated = sorted(name for name, issue in digest.issues.items() if not issue.date)
    if undated:
        print(f"pages without an issue date (日期不详): {len(undated)} (listed in report.md; set them in SEEDS/pages.yaml)")
    if not args.site_url:
        print("no --site-url: feed and sitemap links are paths from the site root (see report.md)")
    if digest.corrections:
        print(f"corrections applied: {len(digest.corrections)}")
    for notice in digest.notices:
        print(f"warning: {notice}", file=sys.stderr)
    for problem in digest.problems:
        print(problem.message, file=sys.stderr)
    unplaced = sum(len(p.unplaced) for p in digest.pages)
    if unplaced:
        print(f"lines not placed in any article: {unplaced} (see report.md)")
    if digest.problems and args.strict:
        print(f"--strict: {len(digest.problems)} problem(s) with the input (page files or corrections)",
              file=sys.stderr)
        return 1
    return 0


def index(args: argparse.Namespace) -> int:
    if not Path(args.site, "index.html").is_file():
        print(f"{args.site}: no index.html; build the site with MkDocs first", file=sys.stderr)
        return 2
    pages, seconds = index_site(Path(args.site), site_data_dir(find_site_root()))
    print(f"pagefind indexed {pages:,} pages in {seconds:.2f} s")
    return 0


def bench(args: argparse.Namespace) -> int:
    from ..bench import Options, main  # imports Playwright only when asked

    return main(Options(articles=args.articles, seed=args.seed, keep=args.keep and Path(args.keep),
                        mkdocs=not args.no_mkdocs, browser=not args.no_browser, query=args.query,
                        workers=args.workers, floor=args.floor, serve=args.serve))


def preview(args: argparse.Namespace) -> int:
    from .preview import preview_pages

    return preview_pages(args.pages, args.dev_addr)


def _build_arguments(p: argparse.ArgumentParser, out_help: str) -> None:
    p.add_argument("--seeds", required=True, help="folder of page files (*.txt)")
    p.add_argument("--out", required=True, help=out_help)
    p.add_argument("--corrections", help="editors' corrections file (default: SEEDS/corrections.yaml)")
    p.add_argument("--site-url", default="", help="public address of the site, for the feed")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any input file is skipped or any correction cannot be applied")
    p.add_argument("--cache", default=".cache/digest", help="per-page cache folder (default .cache/digest)")
    p.add_argument("--no-cache", action="store_true", help="process every page afresh")
    p.add_argument("--workers", type=int, help="processes for a large cold build (default: every core; 1: none)")
    p.add_argument("-q", "--quiet", action="store_true", help="do not log each phase of the build on stderr")


def addresses(args: argparse.Namespace) -> int:
    """Record the build's article ids in SEEDS/addresses.yaml, keeping those recorded before."""
    import os

    from ..site.addresses import ledger_text, read_ledger

    settings = Settings.for_site(find_site_root(), args.seeds, cache_dir=None if args.no_cache else Path(args.cache))
    digest = build_digest(settings)
    ledger = read_ledger(settings.addresses_file)
    path = Path(settings.addresses_file)
    part = path.with_name(path.name + ".part")  # written whole, then renamed: never half a ledger
    part.write_text(ledger_text(ledger, digest.entries), encoding="utf-8")
    os.replace(part, path)
    added = len({e.id for e in digest.entries} - set(ledger))
    print(f"addresses recorded: {len(ledger) + added} ({added} new) in {settings.addresses_file}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="zone-digest", description="Build the zone digest from page files.")
    verbs = p.add_subparsers(dest="verb", required=True)
    b = verbs.add_parser("build", help="build Markdown pages and data/articles.json from a folder of pages")
    _build_arguments(b, "folder to write the pages and data files to")
    b.set_defaults(run=build)
    d = verbs.add_parser("docs", help="write a complete docs folder (content/ and the generated pages, "
                                      "marked for search) for mkdocs build without the hook")
    _build_arguments(d, "the docs folder to write (made whole: files of an earlier run that are no longer built are removed)")
    d.add_argument("--content", help="folder of hand-written pages (default: content/ of the project)")
    d.set_defaults(run=build)
    i = verbs.add_parser("index", help="build the Pagefind search index of a site MkDocs built")
    i.add_argument("site", help="the built site folder (mkdocs build --site-dir)")
    i.set_defaults(run=index)
    m = verbs.add_parser("bench", help="build a synthetic archive of N articles and print one JSON line of figures")
    m.add_argument("--articles", type=int, default=1000, help="how many articles (default 1000)")
    m.add_argument("--seed", type=int, default=0, help="random seed of the synthetic archive")
    m.add_argument("--keep", help="folder to keep the archive (pages/) and site (site/) in")
    m.add_argument("--no-mkdocs", action="store_true", help="time the builder stage only")
    m.add_argument("--no-browser", action="store_true", help="skip the search measured in headless Chromium")
    m.add_argument("--query", default="数智工匠", help="the search to measure (default 数智工匠)")
    m.add_argument("--workers", type=int, help="processes for the builder stage (default: every core)")
    m.add_argument("--floor", action="store_true",
                   help="also build the same pages with plain MkDocs + Material and print the ratios to it")
    m.add_argument("--serve", action="store_true",
                   help="also time mkdocs serve --dirty of the archive: its first build, then one page file edited")
    m.set_defaults(run=bench)
    a = verbs.add_parser("addresses", help="record the articles' addresses in SEEDS/addresses.yaml, so they keep working")
    a.add_argument("--seeds", required=True, help="folder of page files (*.txt)")
    a.add_argument("--cache", default=".cache/digest", help="per-page cache folder (default .cache/digest)")
    a.add_argument("--no-cache", action="store_true", help="process every page afresh")
    a.set_defaults(run=addresses)
    v = verbs.add_parser("preview", help="mkdocs serve of a few chosen page files only, for a quick preview")
    v.add_argument("--pages", nargs="+", required=True, help="glob patterns of page files, e.g. 'seeds/12*.txt'")
    v.add_argument("--dev-addr", help="address to serve on (mkdocs serve --dev-addr), default 127.0.0.1:8000")
    v.set_defaults(run=preview)
    add_eval_parser(verbs)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except RuleFileError as err:  # a rule file the build cannot use: no page would be right
        print(f"error: {err}", file=sys.stderr)
        return 2
