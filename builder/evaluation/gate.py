"""The evaluation gate: floors per figure per corpus, pinned in ``tests/eval/floors.json``.

Each pinned corpus records where its pages, gold and manifest are (relative to
the floors file), the hash of its files, a floor for every share (segF1 …
authors: the figure measured when pinned, rounded down to 2 decimals) and a
ceiling for every count (extra, noise). The gate fails when a figure falls below
its floor or a count rises above its ceiling, and when the corpus no longer has
the hash its floors were pinned with. Pinning again only ever raises floors and
lowers ceilings, unless lowering is asked for explicitly.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from .corpus import Corpus, CorpusError
from .scoring import COUNTS, METRICS

PIN_COMMAND = "python -m builder eval --pin"


@dataclass(frozen=True)
class Pinned:
    """One corpus of the gate with the floors and ceilings it was pinned with."""
    name: str
    corpus: Corpus
    paths: dict[str, str]
    digest: str
    floors: dict[str, float]
    ceilings: dict[str, int]

    def failures(self, figures: dict[str, float], digest: str) -> list[str]:
        """Why the gate fails for this corpus ([] when it passes)."""
        out = []
        if digest != self.digest:
            out.append(f"{self.name}: the corpus files changed ({digest[:19]}…, pinned {self.digest[:19]}…); "
                       f"check the figures and re-pin with `{PIN_COMMAND}`")
        for name in METRICS:
            floor = self.floors.get(name)
            if floor is None:
                out.append(f"{self.name}: no floor for {name}; re-pin with `{PIN_COMMAND}`")
            elif figures[name] < floor - 1e-9:
                out.append(f"{self.name}: {name} {figures[name]:.4f} is below its floor {floor:.2f}")
        for name in COUNTS:
            ceiling = self.ceilings.get(name)
            if ceiling is None:
                out.append(f"{self.name}: no ceiling for {name}; re-pin with `{PIN_COMMAND}`")
            elif figures[name] > ceiling:
                out.append(f"{self.name}: {name} {figures[name]} is above its ceiling {ceiling}")
        return out


def round_down(value: float) -> float:
    """The floor pinned for a measured share: rounded down to 2 decimals (0.969 -> 0.96, 1.0 -> 1.0)."""
    return math.floor(round(value * 100, 6)) / 100


def load_gate(path: Path) -> dict[str, Pinned]:
    """The pinned corpora of the floors file, by name."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["corpora"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise CorpusError(f"{path}: not a floors file ({err})") from err
    base = path.parent
    gate = {}
    for name, entry in entries.items():
        paths = {k: entry[k] for k in ("pages", "gold", "manifest") if entry.get(k)}
        if "pages" not in paths or "gold" not in paths:
            raise CorpusError(f"{path}: corpus {name} names no pages or gold folder")
        corpus = Corpus(base / paths["pages"], base / paths["gold"],
                        base / paths["manifest"] if "manifest" in paths else None)
        gate[name] = Pinned(name, corpus, paths, entry.get("hash", ""), dict(entry.get("floors") or {}),
                            dict(entry.get("ceilings") or {}))
    return gate


def pinned_entry(old: Pinned, figures: dict[str, float], digest: str, allow_lower: bool) -> tuple[dict, list[str]]:
    """The floors file entry for ``old`` pinned at ``figures``, and the floors it would lower.

    A floor that would go down (a ceiling that would go up) is kept as it was and
    reported, unless ``allow_lower``.
    """
    refused = []
    floors, ceilings = {}, {}
    for name in METRICS:
        new, before = round_down(figures[name]), old.floors.get(name)
        if before is not None and new < before and not allow_lower:
            refused.append(f"{old.name}: {name} would go down from {before:.2f} to {new:.2f}")
            new = before
        floors[name] = new
    for name in COUNTS:
        new, before = int(figures[name]), old.ceilings.get(name)
        if before is not None and new > before and not allow_lower:
            refused.append(f"{old.name}: {name} would go up from {before} to {new}")
            new = before
        ceilings[name] = new
    return {**old.paths, "hash": digest, "floors": floors, "ceilings": ceilings}, refused


ABOUT = ("Floors of the evaluation gate (builder/evaluation/gate.py): a test fails when a figure is below its "
         "floor, a count above its ceiling, or the corpus hash differs. Re-pin with `" + PIN_COMMAND +
         "` (it refuses to lower a floor unless --allow-lower is given).")


def write_gate(path: Path, entries: dict[str, dict]) -> None:
    text = json.dumps({"about": ABOUT, "corpora": entries}, ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
