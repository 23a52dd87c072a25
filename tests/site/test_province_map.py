"""The province map (tile grid in SVG), raw-HTML links, and the escaping of front matter."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from builder.model import Article, Digest, Entry, Page, SegmentedPage
from builder.site.province_map import Tile, legend, load_tiles, province_map_svg, shade, shade_bounds
from builder.site import render_site
from builder.settings import ROOT
from builder.site.links import html_link, page_url
from builder.vocab import default_vocabulary


def test_tile_grid_has_every_province_once_at_its_own_position():
    tiles = load_tiles()
    assert len(tiles) == 34
    assert len({(t.row, t.col) for t in tiles}) == 34
    names = {t.name for t in tiles}
    assert {"北京", "新疆", "广东", "黑龙江", "海南", "香港", "台湾"} <= names
    # Rough geography: north above south, west left of east.
    at = {t.name: t for t in tiles}
    assert at["黑龙江"].row < at["北京"].row < at["湖南"].row < at["海南"].row
    assert at["新疆"].col < at["陕西"].col < at["上海"].col


def test_every_gazetteer_province_has_a_tile():
    provinces = set(default_vocabulary().gazetteer.provinces)
    assert provinces, "the gazetteer lists provinces"
    assert provinces <= {t.name for t in load_tiles()}


def test_tiles_sharing_a_position_are_refused(tmp_path):
    (tmp_path / "province_tiles.yaml").write_text(
        "provinces:\n  - {name: 北京, row: 0, col: 0}\n  - {name: 天津, row: 0, col: 0}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="position"):
        load_tiles(tmp_path)


def test_shades_grow_with_the_count_and_the_busiest_is_darkest():
    counts = {"湖南": 20, "江苏": 9, "浙江": 1}
    bounds = shade_bounds(counts)
    assert bounds == (5, 10, 15, 20)
    assert [shade(n, bounds) for n in (0, 1, 9, 20)] == [0, 1, 2, 4]
    few = shade_bounds({"湖南": 2, "江苏": 1})
    assert shade(2, few) == 4 and shade(1, few) < 4
    assert legend(few)[0] == (0, "暂无文章") and legend(few)[-1][1] == "2 篇"


class _Svg(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: dict[str, str] = {}
        self.groups = 0
        self.titles: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a":
            self.links[a["aria-label"]] = a["href"]
        if tag == "g":
            self.groups += 1
        self._in_title = tag == "title"

    def handle_data(self, data):
        if self._in_title:
            self.titles.append(data)
            self._in_title = False


def test_map_links_only_provinces_with_articles_and_labels_every_tile():
    tiles = (Tile("湖南", "湖南省", 0, 0), Tile("江苏", "江苏省", 0, 1), Tile("西藏", "西藏自治区", 1, 0))
    svg = province_map_svg(tiles, {"湖南": 3, "江苏": 1}, lambda name: f"provinces/{name}/")
    parsed = _Svg()
    parsed.feed(svg)
    assert parsed.links == {"湖南省：3 篇文章": "provinces/湖南/", "江苏省：1 篇文章": "provinces/江苏/"}
    assert parsed.groups == 1 and "西藏自治区：暂无文章" in parsed.titles
    assert "各省份文章数地图" in parsed.titles
    assert "\n\n" not in svg  # one raw HTML block for Markdown
    assert 'class="digest-map__tile digest-map__tile--4"' in svg  # the busiest province


def test_raw_html_links_are_directory_urls_relative_to_the_page():
    assert page_url("index.md") == "" and page_url("zones/index.md") == "zones/"
    assert page_url("zones/heng-yang.md") == "zones/heng-yang/"
    assert html_link("index.md", "provinces/hu-nan.md") == "provinces/hu-nan/"
    assert html_link("articles/x.md", "sources/p.md#article-2") == "../../sources/p/#article-2"
    assert html_link("zones/index.md", "index.md") == "../"


def _digest(title: str, paragraph: str) -> Digest:
    art = Article(page="000.txt", number=1, title=title, paragraphs=(paragraph,), lines=(1, 3), truncated=True)
    entry = Entry(id="a1", article=art, zone="衡阳高新区", province="湖南", city="衡阳")
    page = Page(name="000.txt", text=f"{title}\n{paragraph}\n")
    return Digest(entries=(entry,), pages=(SegmentedPage(page, (art,), ()),))


def test_front_matter_from_article_text_cannot_inject_html():
    # Material prints title and description into <head> and the header without escaping.
    files = render_site(_digest('标题"><script>alert(1)</script>', "正文 <img src=x onerror=alert(1)>。"),
                        default_vocabulary(), ROOT / "site_templates")
    front = files["articles/a1.md"].split("\n---\n", 1)[0]
    assert "<script>" not in front and "<img" not in front
    assert "&lt;script&gt;" in front and "&quot;" in front


def test_home_has_the_map_linking_the_province_and_article_page_says_truncated():
    files = render_site(_digest("衡阳高新区打造数智工匠摇篮", "衡阳高新区培育数智工匠。"),
                        default_vocabulary(), ROOT / "site_templates")
    home = files["index.md"]
    assert re.search(r'<a class="digest-map__tile[^"]*" href="provinces/[a-z-]+/" aria-label="湖南省：1 篇文章">', home)
    article = files["articles/a1.md"]
    assert "本文不完整" in article
    assert 'url: "zones/heng-yang-gao-xin-qu/"' in article  # breadcrumb back to its zone


def test_relpath_agrees_with_posixpath_on_docs_paths():
    import posixpath
    import random

    from builder.site.links import relpath

    rnd = random.Random(7)
    parts = ["articles", "zones", "x.md", "index.md", "a", "b"]
    for _ in range(5000):
        dest = "/".join(rnd.choice(parts) for _ in range(rnd.randint(1, 4)))
        start = "/".join(rnd.choice(parts) for _ in range(rnd.randint(0, 3)))
        assert relpath(dest, start) == posixpath.relpath(dest, start or "."), (dest, start)
        assert relpath(f"/{dest}/", f"/{start}/") == posixpath.relpath(f"/{dest}/", f"/{start}/"), (dest, start)
