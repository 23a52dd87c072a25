"""The site's Chinese for the reasons and notes the stages write in English.

The stages keep their messages in English (the command line and the logs print
them as written); the pages a reader sees show them in Chinese through the
``zh_note`` filter. The table is data (``data/interface_zh.yaml``).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml


@functools.lru_cache(maxsize=4)
def _table(data_dir: Path) -> tuple[tuple[re.Pattern, str], ...]:
    raw = yaml.safe_load((Path(data_dir) / "interface_zh.yaml").read_text(encoding="utf-8")) or {}
    rows = [row for section in ("notes", "reasons", "joins") for row in raw.get(section) or ()]
    return tuple((re.compile(pattern + r"\Z", re.S), chinese) for pattern, chinese in rows)


def zone_kinds(data_dir: Path) -> dict[str, dict]:
    """Each kind of place: its Chinese name and whether it is a zone (``zone_kinds`` of the table)."""
    raw = yaml.safe_load((Path(data_dir) / "interface_zh.yaml").read_text(encoding="utf-8")) or {}
    return dict(raw.get("zone_kinds") or {})


# How deep notes nest (a note of notes, a list of signs inside one): past this the parts stay as they are.
MAX_DEPTH = 8


def in_chinese(text: str, data_dir: Path, depth: int = 0) -> str:
    """``text`` in Chinese when an entry of the table matches all of it, else as it is.

    The parts an entry keeps (its groups) are put in Chinese the same way, so a note
    made of two notes (``…; names after the last sentence: …``) is translated whole.
    """
    for pattern, chinese in _table(Path(data_dir)):
        m = pattern.match(text)
        if m:
            groups = [in_chinese(g, data_dir, depth + 1) if g and depth < MAX_DEPTH else (g or "") for g in m.groups()]
            return re.sub(r"\\(\d)", lambda ref: groups[int(ref.group(1)) - 1], chinese)
    return text
