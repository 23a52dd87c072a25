"""End to end: the seeds built with ``mkdocs build --strict``, and the built site's files."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest

pytestmark = pytest.mark.slow


def test_strict_build_makes_every_kind_of_page(built_site):
    for path in ("index.html", "zones/index.html", "themes/index.html", "tags/index.html",
                 "sources/index.html", "provinces/index.html", "report/index.html",
                 "data/articles.json", "data/articles.csv", "feed.xml", "sitemap.xml"):
        assert (built_site / path).is_file(), path
    data = json.loads((built_site / "data/articles.json").read_text(encoding="utf-8"))
    for a in data["articles"]:
        page = built_site / a["url"].strip("/") / "index.html"
        assert page.is_file(), a["url"]


def test_nothing_generated_is_written_into_the_docs_folder(built_site):
    from conftest import ROOT
    tracked = {p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*") if p.is_file()}
    assert not any(p.startswith(("articles/", "zones/", "themes/", "sources/")) for p in tracked)


def test_article_page_carries_the_codes_of_its_own_text_and_filters_and_its_sort_key(built_site):
    from builder.site import search
    assert (built_site / "pagefind/pagefind.js").is_file()
    pinyin = json.loads((built_site / "pagefind" / search.PINYIN_FILE).read_text(encoding="utf-8"))
    assert "衡阳" in pinyin["hengyang"]
    data = json.loads((built_site / "data/articles.json").read_text(encoding="utf-8"))
    hengyang = next(a for a in data["articles"] if "数智工匠" in a["title"])
    html = (built_site / hengyang["url"].strip("/") / "index.html").read_text(encoding="utf-8")
    # md_in_html writes the attributes out (hidden="hidden"): find the element by its attribute.
    field = re.search(r"<p\b[^>]*\bdata-digest-terms\b[^>]*>(.*?)</p>", html, re.S).group(1)
    # The headline's and the paragraphs' tokens and the filters' values, nothing of the related articles below.
    facets = [("province", "湖南"), ("zone", "衡阳高新区")] + [("theme", t) for t in hengyang["themes"]]
    assert field == search.terms_field("\n".join(hengyang["paragraphs"]), hengyang["title"], facets)
    assert {search.code("工匠"), search.facet_code("province", "湖南")} <= set(field.split())
    assert 'data-pagefind-sort="date:' in html
    values = json.loads((built_site / "pagefind" / search.FILTERS_FILE).read_text(encoding="utf-8"))
    assert "湖南" in values["province"] and "衡阳高新区" in values["zone"] and hengyang["themes"][0] in values["theme"]
    # Material's own index is left empty: readers never download it.
    material = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert material["docs"] == []


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        for key in ("src", "href"):
            if tag in ("script", "img", "link", "iframe") and a.get(key):
                self.assets.append(a[key])


def _pages(site):
    return sorted(site.rglob("*.html"))


def test_no_broken_internal_links_and_no_outside_assets(built_site):
    broken, outside = [], []
    for page in _pages(built_site):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        base = "http://site/" + page.relative_to(built_site).as_posix()
        for href in parser.assets:
            if urlparse(urljoin(base, href)).netloc != "site":
                outside.append((page, href))
        for href in parser.links:
            url = urlparse(urljoin(base, href))
            if url.netloc != "site" or url.scheme not in ("http", "https"):
                continue
            target = built_site / url.path.lstrip("/")
            if url.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((page.relative_to(built_site).as_posix(), href))
    assert not outside, outside[:5]
    assert not broken, broken[:10]


def test_source_view_marks_each_article_line_with_its_article(built_site):
    import re
    data = json.loads((built_site / "data/articles.json").read_text(encoding="utf-8"))
    by_page: dict[str, list[dict]] = {}
    for a in data["articles"]:
        by_page.setdefault(a["source"]["file"], []).append(a)
    for page, arts in by_page.items():
        html = (built_site / "sources" / page.rsplit(".", 1)[0].replace("_", "-") / "index.html").read_text(encoding="utf-8")
        for number, a in enumerate(arts, start=1):
            first = a["source"]["lines"][0]
            row = re.search(rf'<tr id="line-{first}"[^>]*>(.*?)</tr>', html, re.S)
            assert row, (page, first)
            assert f"文章 {number} ·" in row.group(1), (page, first, row.group(1)[:120])
