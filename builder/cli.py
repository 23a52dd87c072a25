"""The command line: ``python -m builder build --seeds DIR --out DIR``.

Writes the same pages and data files the MkDocs hook adds to the site, and
prints a summary: pages read, articles, zones, corrections applied, and every
file skipped and every correction not applied, with the reason.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .pipeline import build_digest
from .render import render_site
from .settings import Settings
from .vocab import load_vocabulary
from .writer import write_files


def build(args: argparse.Namespace) -> int:
    settings = Settings.for_seeds(args.seeds, site_url=args.site_url)
    if args.corrections:
        settings = Settings(**{**settings.__dict__, "corrections": Path(args.corrections)})
    digest = build_digest(settings)
    files = render_site(digest, load_vocabulary(settings.data_dir), settings.templates, settings.site_url)
    written = write_files(Path(args.out), files)
    zones = {e.zone for e in digest.entries if e.zone}
    print(f"pages read: {len(digest.pages)}")
    print(f"articles: {len(digest.entries)}")
    print(f"zones: {len(zones)}")
    print(f"files written: {written} in {args.out}")
    if digest.corrections:
        print(f"corrections applied: {len(digest.corrections)}")
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


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="zone-digest", description="Build the zone digest from page files.")
    verbs = p.add_subparsers(dest="verb", required=True)
    b = verbs.add_parser("build", help="build Markdown pages and data/articles.json from a folder of pages")
    b.add_argument("--seeds", required=True, help="folder of page files (*.txt)")
    b.add_argument("--out", required=True, help="folder to write the pages and data files to")
    b.add_argument("--corrections", help="editors' corrections file (default: SEEDS/corrections.yaml)")
    b.add_argument("--site-url", default="", help="public address of the site, for the feed")
    b.add_argument("--strict", action="store_true", help="exit non-zero when any input file is skipped or any correction cannot be applied")
    b.set_defaults(run=build)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
