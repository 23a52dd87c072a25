"""The home page's map: China's provinces as a tile grid in SVG, shaded by article count.

Drawn at build time as inline SVG, so the page needs no script, no map tiles and
no outside host. Tile positions are data (``data/province_tiles.yaml``).
Provinces with articles link to their page; the others are drawn but not linked.
Colours are CSS classes (``digest-map__tile--0`` … ``--4``), set in digest.css.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .escape import html_text
from .links import html_link
from ..vocab import DATA_DIR, read_yaml

TILES_FILE = "province_tiles.yaml"
CELL = 50          # one grid cell, in SVG units
GAP = 4            # white space between tiles
LEVELS = 4         # shades for provinces with articles (level 0 is "none")


@dataclass(frozen=True)
class Tile:
    name: str
    full: str
    row: int
    col: int


def load_tiles(data_dir: Path = DATA_DIR) -> tuple[Tile, ...]:
    """Read the tile grid; the default data folder's file when ``data_dir`` has none.

    Raises ValueError when two provinces share a name or a position.
    """
    path = Path(data_dir) / TILES_FILE
    if not path.exists():
        path = DATA_DIR / TILES_FILE
    data = read_yaml(path)
    tiles = tuple(Tile(str(t["name"]), str(t.get("full") or t["name"]), int(t["row"]), int(t["col"]))
                  for t in data.get("provinces") or ())
    for key, what in ((lambda t: t.name, "name"), (lambda t: (t.row, t.col), "position")):
        seen: dict = {}
        for t in tiles:
            if key(t) in seen:
                raise ValueError(f"{path.name}: {t.name} and {seen[key(t)]} share a {what}")
            seen[key(t)] = t.name
    return tuple(sorted(tiles, key=lambda t: (t.row, t.col)))


def shade_bounds(counts: dict[str, int]) -> tuple[int, ...]:
    """Upper bounds of the shades: a count ``c`` gets the first level whose bound is >= c.

    Up to LEVELS equal steps of the largest count, e.g. max 20 -> (5, 10, 15, 20),
    max 3 -> (1, 2, 3).
    """
    top = max(counts.values(), default=0)
    if top <= 0:
        return ()
    return tuple(sorted({math.ceil(top * k / LEVELS) for k in range(1, LEVELS + 1)}))


def shade(count: int, bounds: tuple[int, ...]) -> int:
    if count <= 0:
        return 0
    # Spread fewer bounds over the darker end, so the busiest province is always darkest.
    offset = LEVELS - len(bounds)
    return offset + next(i for i, b in enumerate(bounds, start=1) if count <= b)


def legend(bounds: tuple[int, ...]) -> list[tuple[int, str]]:
    """(level, label) pairs for the legend: 暂无, 1–2 篇, …"""
    items = [(0, "暂无文章")]
    low = 1
    for i, b in enumerate(bounds, start=1):
        items.append((LEVELS - len(bounds) + i, f"{low} 篇" if low == b else f"{low}–{b} 篇"))
        low = b + 1
    return items


def province_map_svg(tiles: tuple[Tile, ...], counts: dict[str, int], href: Callable[[str], str | None]) -> str:
    """The map as one HTML block (a ``<figure>`` holding the SVG and its legend).

    Arguments:
        tiles: the grid, from ``load_tiles``
        counts: articles per province short name
        href: the link for a province with articles (None: not linked)
    Returns:
        HTML with no blank lines, so Markdown keeps it as one raw block
    """
    bounds = shade_bounds(counts)
    rows = max((t.row for t in tiles), default=0) + 1
    cols = max((t.col for t in tiles), default=0) + 1
    width, height = cols * CELL, rows * CELL
    parts = [
        '<figure class="digest-map">',
        f'<svg class="digest-map__svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        ' role="group" aria-labelledby="digest-map-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="digest-map-title">各省份文章数地图</title>',
    ]
    for t in tiles:
        n = counts.get(t.name, 0)
        x, y = t.col * CELL + GAP / 2, t.row * CELL + GAP / 2
        size = CELL - GAP
        cx = x + size / 2
        # Three-character names (黑龙江, 内蒙古) get a smaller font to stay inside their square.
        name_cls = "digest-map__name digest-map__name--long" if len(t.name) > 2 else "digest-map__name"
        label = f"{t.full}：{n} 篇文章" if n else f"{t.full}：暂无文章"
        shape = (f'<rect x="{x:g}" y="{y:g}" width="{size}" height="{size}" rx="4"/>'
                 + (f'<text x="{cx:g}" y="{y + 20:g}" class="{name_cls}">{html_text(t.name)}</text>'
                    f'<text x="{cx:g}" y="{y + 38:g}" class="digest-map__count">{n}</text>'
                    if n else
                    f'<text x="{cx:g}" y="{y + size / 2 + 5:g}" class="{name_cls}">{html_text(t.name)}</text>'))
        cls = f"digest-map__tile digest-map__tile--{shade(n, bounds)}"
        link = href(t.name) if n else None
        if link:
            parts.append(f'<a class="{cls}" href="{html_text(link)}" aria-label="{html_text(label)}">'
                         f'<title>{html_text(label)}</title>{shape}</a>')
        else:
            parts.append(f'<g class="{cls}"><title>{html_text(label)}</title>{shape}</g>')
    parts.append("</svg>")
    parts.append('<figcaption><span class="digest-map__caption">颜色越深，文章越多。点击省份查看该省的园区与文章。</span>'
                 '<ul class="digest-map__legend" aria-label="图例">')
    for level, text in legend(bounds):
        parts.append(f'<li><span class="digest-map__swatch digest-map__tile--{level}" aria-hidden="true"></span>'
                     f'{html_text(text)}</li>')
    parts.append("</ul></figcaption></figure>")
    return "\n".join(parts)


def catalog_map(catalog, tiles: tuple[Tile, ...], src: str) -> str:
    """The map for the page made from ``src``, linking each province with articles to its page."""
    counts = {g.name: len(g.entries) for g in catalog.provinces}
    paths = catalog.province_paths
    return province_map_svg(tiles, counts, lambda name: html_link(src, paths[name]) if name in paths else None)
