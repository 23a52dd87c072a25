"""``python -m builder eval``: build annotated pages and print how faithful the articles are.

    python -m builder eval FOLDER                     # FOLDER holds pages/, gold/, manifest.json
    python -m builder eval PAGES GOLD [MANIFEST]      # the three given apart
    python -m builder eval                            # every corpus of the gate, checked against its floors
    python -m builder eval --pin [--allow-lower]      # re-pin the gate's floors at what the code measures

Exit status: 0, or 1 when the gate fails (a figure below its floor, a corpus
changed since it was pinned), when pinning would lower a floor, or when a
corpus cannot be read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .corpus import Corpus, CorpusError, build_records
from .gate import load_gate, pinned_entry, write_gate
from .scoring import Scores, score

FLOORS = Path(__file__).resolve().parent.parent.parent / "tests" / "eval" / "floors.json"
COLUMNS = ("segF1", "complete", "pure", "title", "zone", "authors", "extra", "noise")


def evaluate(corpus: Corpus, workers: int | None = 1) -> Scores:
    """Build the corpus's pages and score them against its gold."""
    corpus.check()
    problems: list[str] = []
    records = build_records(corpus.pages, workers, problems)
    for message in problems:  # a page left out is scored as found nowhere: say which and why
        print(message, file=sys.stderr)
    return score(corpus.golds(), records, corpus.page_map())


def format_row(label: str, figures: dict[str, float]) -> str:
    cells = [f"{figures[c]:.2f}" if c not in ("extra", "noise") else str(int(figures[c])) for c in COLUMNS]
    return "| " + " | ".join([label, *cells]) + " |"


def format_table(rows: list[tuple[str, Scores]], per_page: bool = False) -> str:
    """Issue 19's table: one row per corpus (and, if asked, per page before it)."""
    lines = ["| pages | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for label, scores in rows:
        if per_page:
            for p in scores.pages:
                lines.append(format_row(f"{label}/{p.page}", Scores((p,), {"page": p.noise}).figures))
        found, gold = int(scores.total("found")), int(scores.total("gold"))
        lines.append(format_row(f"{label} ({found}/{gold} found)", scores.figures))
    return "\n".join(lines)


def corpus_from_args(paths: list[str]) -> Corpus:
    if len(paths) == 1:
        return Corpus.from_folder(paths[0])
    if len(paths) in (2, 3):
        return Corpus(Path(paths[0]), Path(paths[1]), Path(paths[2]) if len(paths) == 3 else None)
    raise CorpusError("give FOLDER, or PAGES GOLD [MANIFEST]")


def run(args: argparse.Namespace) -> int:
    try:
        if args.paths:
            if args.pin:
                raise CorpusError("--pin re-pins the corpora of the floors file; give no folders with it")
            corpus = corpus_from_args(args.paths)
            print(format_table([(Path(args.paths[0]).name, evaluate(corpus, args.workers))], args.pages))
            return 0
        return run_gate(Path(args.floors), args)
    except CorpusError as err:
        print(f"eval: {err}", file=sys.stderr)
        return 1


def run_gate(floors: Path, args: argparse.Namespace) -> int:
    gate = load_gate(floors)
    measured = {name: (evaluate(p.corpus, args.workers), p.corpus.digest()) for name, p in gate.items()}
    print(format_table([(name, scores) for name, (scores, _) in measured.items()], args.pages))
    if args.pin:
        entries, refused = {}, []
        for name, p in gate.items():
            entries[name], lowered = pinned_entry(p, measured[name][0].figures, measured[name][1], args.allow_lower)
            refused += lowered
        if refused:
            print("not pinned: a floor is only ever raised (give --allow-lower to lower it)", file=sys.stderr)
            print("\n".join(refused), file=sys.stderr)
            return 1
        write_gate(floors, entries)
        print(f"pinned: {floors}")
        return 0
    failures = [f for name, p in gate.items() for f in p.failures(measured[name][0].figures, measured[name][1])]
    print("\n".join(failures) if failures else "gate: every figure at or above its floor")
    return 1 if failures else 0


def add_parser(verbs) -> None:
    """The ``eval`` subcommand, added to the command line's subparsers."""
    e = verbs.add_parser("eval", help="build annotated pages and print segF1, complete, pure, title, zone, "
                                      "authors, extra and noise; with no folder, check the pinned floors")
    e.add_argument("paths", nargs="*", metavar="PATH",
                   help="FOLDER (with pages/, gold/, manifest.json) or PAGES GOLD [MANIFEST]; "
                        "none: every corpus of the floors file")
    e.add_argument("--floors", default=str(FLOORS), help="the floors file (default tests/eval/floors.json)")
    e.add_argument("--pin", action="store_true", help="re-pin the floors at the figures measured now")
    e.add_argument("--allow-lower", action="store_true", help="with --pin: allow a floor to go down")
    e.add_argument("--pages", action="store_true", help="a row per page as well")
    e.add_argument("--workers", type=int, default=1, help="processes for the build (default 1)")
    e.set_defaults(run=run)


def main(argv: list[str]) -> int:
    """``python -m builder eval ARGV`` on its own (the command line adds the same parser)."""
    parser = argparse.ArgumentParser(prog="zone-digest")
    add_parser(parser.add_subparsers(dest="verb", required=True))
    args = parser.parse_args(["eval", *argv])
    return args.run(args)
