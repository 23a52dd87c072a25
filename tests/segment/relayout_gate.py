"""The relayout gate: per layout family, the figures of its layouts pinned as floors.

The property tests say whether a family holds on every layout; a family that does
not yet hold could still get worse unnoticed. This gate measures, per family, how
many of a fixed set of layouts give the same articles as the page as printed
(``holds``), and scores one layout of every page against the gold (the figures
of issue 19 for pages laid out differently). Floors are pinned in
``relayout_floors.json`` and only ever raised:

    python tests/segment/relayout_report.py --pin [--allow-lower]
"""
from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

from relayout import FAMILIES, load_cases, signature

from builder.evaluation import build_records, score
from builder.evaluation.gate import round_down
from builder.evaluation.scoring import COUNTS, METRICS, Scores

FLOORS = Path(__file__).resolve().parent / "relayout_floors.json"
HOLDS_EXAMPLES = 4  # layouts per page and family counted for "holds"
PIN_COMMAND = "python tests/segment/relayout_report.py --pin"


def holds(examples: int = HOLDS_EXAMPLES) -> dict[str, dict[str, int]]:
    """Per family, per page: how many of ``examples`` layouts give the printed page's articles."""
    cases = load_cases()
    originals = {c.name: signature(c.text) for c in cases}
    out = {}
    for name, family in FAMILIES.items():
        out[name] = {c.name: sum(signature(family(c, random.Random(f"{name}/{c.name}/{i}"))) == originals[c.name]
                                 for i in range(examples)) for c in cases}
    return out


def scored(seed: int = 0) -> dict[str, Scores]:
    """Per family, one layout of every page built and scored against the gold."""
    cases = load_cases()
    golds = {Path(c.name).stem: c.gold for c in cases}
    manifest = {c.name: c.name for c in cases}
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, family in FAMILIES.items():
            pages = Path(tmp) / name
            pages.mkdir()
            for c in cases:
                layout = family(c, random.Random(f"{name}/{c.name}/{seed}"))
                (pages / c.name).write_bytes(layout if isinstance(layout, bytes) else layout.encode("utf-8"))
            out[name] = score(golds, build_records(pages), manifest)
    return out


def measure() -> dict[str, dict]:
    """Per family: ``holds`` (layouts that hold, of all tried) and the scored figures."""
    counted, figures = holds(), scored()
    return {name: {"holds": sum(counted[name].values()), **figures[name].figures} for name in FAMILIES}


def load_floors(path: Path = FLOORS) -> dict[str, dict]:
    return json.loads(path.read_text(encoding="utf-8"))["families"]


def failures(measured: dict[str, dict], floors: dict[str, dict]) -> list[str]:
    """Why the gate fails ([] when every family is at or above its floors)."""
    out = []
    for name, figures in measured.items():
        pinned = floors.get(name)
        if pinned is None:
            out.append(f"{name}: no floors; pin with `{PIN_COMMAND}`")
            continue
        for key in ("holds", *METRICS):
            if figures[key] < pinned[key] - 1e-9:
                out.append(f"{name}: {key} {figures[key]:.4g} is below its floor {pinned[key]:.4g}")
        for key in COUNTS:
            if figures[key] > pinned[key]:
                out.append(f"{name}: {key} {figures[key]} is above its ceiling {pinned[key]}")
    return out


def pinned(measured: dict[str, dict], floors: dict[str, dict], allow_lower: bool) -> tuple[dict, list[str]]:
    """The floors to write for ``measured``, and what they would lower (kept, unless allowed)."""
    out, refused = {}, []
    for name, figures in measured.items():
        old = floors.get(name, {})
        entry = {}
        for key in ("holds", *METRICS, *COUNTS):
            new = round_down(figures[key]) if key in METRICS else int(figures[key])
            worse = new > old[key] if key in COUNTS and key in old else key in old and new < old[key]
            if worse and not allow_lower:
                refused.append(f"{name}: {key} would go from {old[key]} to {new}")
                new = old[key]
            entry[key] = new
        out[name] = entry
    return out, refused


def write_floors(families: dict[str, dict], path: Path = FLOORS) -> None:
    about = (f"Floors of the relayout gate (tests/segment/relayout_gate.py): holds = layouts of {HOLDS_EXAMPLES} "
             f"per page giving the printed page's articles; the shares score one layout per page against the "
             f"gold. Re-pin with `{PIN_COMMAND}` (it refuses to lower a floor unless --allow-lower is given).")
    text = json.dumps({"about": about, "holds_examples": HOLDS_EXAMPLES, "families": families},
                      ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
