"""Which relayout families hold, and how the articles of each family's layouts score against the gold.

    python tests/segment/relayout_report.py [EXAMPLES]
    python tests/segment/relayout_report.py --pin [--allow-lower]

First table: per family, on how many of EXAMPLES random layouts of each seed and dev page the
property holds (the same articles as the page as printed, sentence by sentence), and the pages
where it fails. Second table: per family, one layout of every page built as ``python -m builder
build`` builds it and scored with the gold (whitespace, line breaks and punctuation never matter
to the scorer, so the gold holds for any layout): the figures of issue 19 for pages laid out
differently. ``--pin`` raises the relayout gate's floors (``relayout_floors.json``) to what the
code measures now.
"""
from __future__ import annotations

import sys

from relayout_gate import load_floors, measure, pinned, write_floors
from relayout_gate import holds as count_holds
from relayout_gate import scored as score_families

from builder.evaluation.command import format_table


def holds(examples: int) -> None:
    print(f"{'family':34} holds   pages where it fails (layouts failing / tried)")
    for name, pages in count_holds(examples).items():
        total = examples * len(pages)
        where = ", ".join(f"{k.split('_')[0].removesuffix('.txt')} {examples - v}" for k, v in pages.items()
                          if v < examples)
        print(f"{name:34} {sum(pages.values()):3d}/{total:<3d} {where}")


def pin(allow_lower: bool) -> int:
    families, refused = pinned(measure(), load_floors(), allow_lower)
    write_floors(families)
    for message in refused:
        print(f"not lowered: {message} (--allow-lower lowers it)", file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    if "--pin" in sys.argv:
        sys.exit(pin("--allow-lower" in sys.argv))
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    holds(n)
    print()
    print(format_table(list(score_families().items())))
