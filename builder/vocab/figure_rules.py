"""``figures.yaml`` → ``FigureRules`` (key figures), read as the other rule files are
(``rule_files.py``: defaults in the dataclass fields, an unknown key an error)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .rule_files import _field_names, check_keys, read_yaml


@dataclass(frozen=True)
class FigureKinds:
    """The ``kinds`` section of ``figures.yaml``: what says a number is a change, a share or
    the level a change reached, and the parts of speech a label may not start with."""
    change: tuple[str, ...] = ()
    share: tuple[str, ...] = ()
    end_value: tuple[str, ...] = ()
    lead_pos: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)
class FigureRules:
    """``figures.yaml``: units, and the words that trim a figure's label (see its header)."""
    max_figures: int = 8    # figures kept per article
    max_label: int = 14     # a longer label is cut after its last 的
    class_weight: dict[str, float] = field(default_factory=dict)  # unit class -> weight
    units: dict[str, tuple[str, ...]] = field(default_factory=dict)  # unit class -> units
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    time: str = ""          # a time phrase at the start of a label (a regex)
    lead: tuple[str, ...] = ()
    trail: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    after_stop: tuple[str, ...] = ()
    split: tuple[str, ...] = ("的",)
    change: tuple[str, ...] = ()
    kinds: FigureKinds = field(default_factory=FigureKinds)


def load_figure_rules(path: Path) -> FigureRules:
    """``figures.yaml`` as FigureRules; a missing file gives the defaults (no units)."""
    if not Path(path).exists():
        return FigureRules()
    d = check_keys(path, read_yaml(path), _field_names(FigureRules))
    base = FigureRules()
    words = {k: tuple(d.get(k) or getattr(base, k))
             for k in ("not_after", "not_before", "lead", "trail", "verbs", "after_stop", "split", "change")}
    return FigureRules(
        max_figures=int(d.get("max_figures", base.max_figures)),
        max_label=int(d.get("max_label", base.max_label)),
        class_weight={k: float(v) for k, v in (d.get("class_weight") or {}).items()},
        units={k: tuple(v or ()) for k, v in (d.get("units") or {}).items()},
        time=d.get("time") or base.time,
        kinds=_figure_kinds(path, d.get("kinds")),
        **words,
    )


def _figure_kinds(path: Path, data: object) -> FigureKinds:
    d = check_keys(path, data, _field_names(FigureKinds), "kinds.")
    return FigureKinds(**{k: tuple(d.get(k) or ()) for k in ("change", "share", "end_value")},
                       lead_pos=frozenset(d.get("lead_pos") or ()))
