"""The command line: ``python -m builder build --seeds DIR --out DIR``.

Writes the same pages and data files the MkDocs hook adds to the site, and
prints a summary: pages read, articles, zones, corrections applied, and every
file skipped and every correction not applied, with the reason.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..pipeline import build_digest
from ..site import render_site
from ..settings import Settings
from ..vocab import load_vocabulary
from ..model import shown
from ..runtime.workers import MAX_WORKERS
from ..site.write import NotOurFolder, owned_files, write_files


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


def build(args: argparse.Namespace) -> int:
    wrong = argument_problem(args)
    if wrong:
        print(f"zone-digest build: {wrong}", file=sys.stderr)
        return 2
    settings = Settings.for_seeds(args.seeds, site_url=args.site_url, workers=args.workers,
                                  cache_dir=None if args.no_cache else Path(args.cache))
    if args.corrections:
        settings = Settings(**{**settings.__dict__, "corrections": Path(args.corrections)})
    digest = build_digest(settings)
    files = render_site(digest, load_vocabulary(settings.data_dir), settings.templates, settings.site_url)
    try:
        written = write_files(Path(args.out), files)
    except (OSError, NotOurFolder) as err:
        # Each file is replaced whole: what was written before stays readable.
        print(f"zone-digest build: --out {shown(args.out)}: cannot write: {shown(str(err), quote=False)}",
              file=sys.stderr)
        return 1
    zones = {e.zone for e in digest.entries if e.zone}
    print(f"pages read: {len(digest.pages)}")
    print(f"articles: {len(digest.entries)}")
    print(f"zones: {len(zones)}")
    print(f"files written: {written} in {args.out}")
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


def bench(args: argparse.Namespace) -> int:
    from ..bench import Options, main  # imports Playwright only when asked

    return main(Options(articles=args.articles, seed=args.seed, keep=args.keep and Path(args.keep),
                        mkdocs=not args.no_mkdocs, browser=not args.no_browser, query=args.query,
                        workers=args.workers))


def preview(args: argparse.Namespace) -> int:
    from .preview import serve

    return serve(args.pages, args.dev_addr)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="zone-digest", description="Build the zone digest from page files.")
    verbs = p.add_subparsers(dest="verb", required=True)
    b = verbs.add_parser("build", help="build Markdown pages and data/articles.json from a folder of pages")
    b.add_argument("--seeds", required=True, help="folder of page files (*.txt)")
    b.add_argument("--out", required=True, help="folder to write the pages and data files to")
    b.add_argument("--corrections", help="editors' corrections file (default: SEEDS/corrections.yaml)")
    b.add_argument("--site-url", default="", help="public address of the site, for the feed")
    b.add_argument("--strict", action="store_true", help="exit non-zero when any input file is skipped or any correction cannot be applied")
    b.add_argument("--cache", default=".cache/digest", help="per-page cache folder (default .cache/digest)")
    b.add_argument("--no-cache", action="store_true", help="process every page afresh")
    b.add_argument("--workers", type=int, help="processes for a large cold build (default: every core; 1: none)")
    b.set_defaults(run=build)
    m = verbs.add_parser("bench", help="build a synthetic archive of N articles and print one JSON line of figures")
    m.add_argument("--articles", type=int, default=1000, help="how many articles (default 1000)")
    m.add_argument("--seed", type=int, default=0, help="random seed of the synthetic archive")
    m.add_argument("--keep", help="folder to keep the archive (pages/) and site (site/) in")
    m.add_argument("--no-mkdocs", action="store_true", help="time the builder stage only")
    m.add_argument("--no-browser", action="store_true", help="skip the search measured in headless Chromium")
    m.add_argument("--query", default="数智工匠", help="the search to measure (default 数智工匠)")
    m.add_argument("--workers", type=int, help="processes for the builder stage (default: every core)")
    m.set_defaults(run=bench)
    v = verbs.add_parser("preview", help="mkdocs serve of a few chosen page files only, for a quick preview")
    v.add_argument("--pages", nargs="+", required=True, help="glob patterns of page files, e.g. 'seeds/12*.txt'")
    v.add_argument("--dev-addr", help="address to serve on (mkdocs serve --dev-addr), default 127.0.0.1:8000")
    v.set_defaults(run=preview)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
