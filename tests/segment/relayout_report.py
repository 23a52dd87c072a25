"""Which relayout families hold, and how the articles of each family's layouts score against the gold.

    python tests/segment/relayout_report.py [EXAMPLES]

First table: per family, on how many of EXAMPLES random layouts of each seed and dev page the
property holds (the same articles as the page as printed, sentence by sentence), and the pages
where it fails. Second table: per family, one layout of every page built as ``python -m builder
build`` builds it and scored with the gold (whitespace, line breaks and punctuation never matter
to the scorer, so the gold holds for any layout): the figures of issue 19 for pages laid out
differently.
"""
from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from relayout import FAMILIES, load_cases, signature

from builder.evaluation import build_records, score
from builder.evaluation.command import format_table


def holds(examples: int) -> None:
    cases = load_cases()
    originals = {c.name: signature(c.text) for c in cases}
    print(f"{'family':34} holds   pages where it fails (layouts failing / tried)")
    for name, family in FAMILIES.items():
        fails: dict[str, int] = {}
        for c in cases:
            for i in range(examples):
                if signature(family(c, random.Random(f"{name}/{c.name}/{i}"))) != originals[c.name]:
                    fails[c.name] = fails.get(c.name, 0) + 1
        total = examples * len(cases)
        where = ", ".join(f"{k.split('_')[0].removesuffix('.txt')} {v}" for k, v in fails.items())
        print(f"{name:34} {total - sum(fails.values()):3d}/{total:<3d} {where}")


def scored(seed: int = 0) -> None:
    cases = load_cases()
    golds = {Path(c.name).stem: c.gold for c in cases}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, family in FAMILIES.items():
            pages = Path(tmp) / name
            pages.mkdir()
            for c in cases:
                layout = family(c, random.Random(f"{name}/{c.name}/{seed}"))
                (pages / c.name).write_bytes(layout if isinstance(layout, bytes) else layout.encode("utf-8"))
            manifest = {c.name: c.name for c in cases}
            rows.append((name, score(golds, build_records(pages), manifest)))
    print(format_table(rows))


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    holds(n)
    print()
    scored()
