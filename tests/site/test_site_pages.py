"""Every kind of page in headless Chromium: it loads cleanly, fetches nothing from outside,
passes axe-core with no serious or critical violations; the map, zone pages and search work."""
from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = ROOT / ".cache/npm/node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's script, installed from npm by scripts/install-axe (also run by scripts/test)."""
    if not AXE.exists():
        result = subprocess.run([str(ROOT / "scripts/install-axe")], capture_output=True, text=True)
        assert result.returncode == 0 and AXE.exists(), f"could not install axe-core: {result.stderr}"
    return AXE


def _articles(site: Path) -> list[dict]:
    return json.loads((site / "data/articles.json").read_text(encoding="utf-8"))["articles"]


def _first_page(site: Path, folder: str) -> str:
    """The URL of the first generated page in a folder (zones/<slug>/ …), by name."""
    pages = sorted(p.parent.name for p in (site / folder).glob("*/index.html"))
    assert pages, f"no pages under {folder}/"
    return f"{folder}/{pages[0]}/"


def _kinds(site: Path) -> dict[str, str]:
    return {
        "home": "", "zones": "zones/", "zone": _first_page(site, "zones"),
        "provinces": "provinces/", "province": _first_page(site, "provinces"),
        "themes": "themes/", "theme": _first_page(site, "themes"),
        "tags": "tags/", "sources": "sources/", "source": _first_page(site, "sources"),
        "article": _articles(site)[0]["url"].lstrip("/"), "report": "report/", "about": "about/",
    }


KINDS = ["home", "zones", "zone", "provinces", "province", "themes", "theme", "tags",
         "sources", "source", "article", "report", "about"]


def _open(watch, url: str) -> None:
    response = watch.page.goto(url)
    assert response is not None and response.ok, url
    watch.page.wait_for_load_state("networkidle")


def _local_only(watch) -> None:
    assert watch.hosts and all(h.startswith("127.0.0.1") for h in watch.hosts), watch.hosts


@pytest.mark.parametrize("kind", KINDS)
def test_page_loads_without_console_errors(kind, watched, site_url, built_site):
    _open(watched, site_url + _kinds(built_site)[kind])
    assert watched.page.locator("h1").count() >= 1
    assert not watched.errors, watched.errors
    _local_only(watched)


@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_serious_violations(kind, watched, site_url, built_site, axe_script):
    _open(watched, site_url + _kinds(built_site)[kind])
    watched.page.add_script_tag(path=str(axe_script))
    result = watched.page.evaluate("async () => await axe.run(document)")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] if isinstance(n["target"][0], str)
                                                             else str(n["target"]) for n in v["nodes"][:3])
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)
    _local_only(watched)


def test_every_page_has_its_own_meta_description(built_site):
    pattern = re.compile(r'<meta name="description" content="([^"]*)"')

    def description(page: Path) -> str:
        found = pattern.search(page.read_text(encoding="utf-8"))
        return found.group(1).strip() if found else ""

    # 404.html has no page of its own, so it shows what a page without a description falls back to.
    site_wide = description(built_site / "404.html")
    pages = [p for p in sorted(built_site.rglob("*.html")) if p.name != "404.html"]
    assert len(pages) > 10
    missing = [p.relative_to(built_site).as_posix() for p in pages if not description(p)]
    generic = [p.relative_to(built_site).as_posix() for p in pages if description(p) == site_wide]
    assert not missing, missing[:10]
    assert not generic, generic[:10]


def test_feed_is_announced_in_every_page_head(built_site):
    for rel in ("index.html", "zones/index.html", _articles(built_site)[0]["url"].strip("/") + "/index.html"):
        html = (built_site / rel).read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]*href="[^"]*feed\.xml"', head), rel
    assert (built_site / "feed.xml").read_text(encoding="utf-8").startswith("<?xml")


def test_map_links_provinces_with_articles_to_their_pages(watched, site_url, built_site):
    _open(watched, site_url)
    tiles = watched.page.locator("svg.digest-map__svg a")
    labels = tiles.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    hrefs = tiles.evaluate_all("els => els.map(e => e.href.baseVal || e.getAttribute('href'))")
    with_articles = {a["province"] for a in _articles(built_site) if a["province"]}
    assert len(hrefs) == len(with_articles) > 0
    # Provinces with no article are drawn but not linked.
    assert watched.page.locator("svg.digest-map__svg g.digest-map__tile--0").count() > 0
    for label, href in zip(labels, hrefs):
        response = watched.page.request.get(site_url + href)
        assert response.ok, (label, href)
        full_name = label.split("：")[0]
        assert "<h1" in response.text() and full_name in response.text(), (label, href)
    # Following a tile opens that province's page.
    tiles.first.click()
    watched.page.wait_for_load_state("networkidle")
    assert watched.page.locator("h1").first.inner_text().strip() == labels[0].split("：")[0]
    assert not watched.errors, watched.errors
    _local_only(watched)


def test_zone_page_lists_its_articles(watched, site_url, built_site):
    articles = [a for a in _articles(built_site) if a["zone"]]
    assert articles, "some article has a zone"
    zone = Counter(a["zone"] for a in articles).most_common(1)[0][0]
    # Reach the zone page the way a reader does: from an article's breadcrumb trail.
    first = next(a for a in articles if a["zone"] == zone)
    _open(watched, site_url + first["url"].lstrip("/"))
    watched.page.locator("nav.digest-crumbs").get_by_role("link", name=zone, exact=True).click()
    watched.page.wait_for_load_state("networkidle")
    assert watched.page.locator("h1").first.inner_text().strip() == zone
    listed = set(watched.page.locator("article a[href*='articles/']").all_inner_texts())
    assert {a["title"] for a in articles if a["zone"] == zone} <= {t.strip() for t in listed}
    assert not watched.errors, watched.errors


def search(page, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on keyup, which fill() alone does not send
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    # Titles come back with jieba's zero-width word breaks in them.
    return [t.replace("\n", "").replace("\u200b", "").strip()
            for t in page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()]


def _body_words(site: Path) -> dict[str, set[str]]:
    """For each article page, the words jieba (with the digest's dictionary) cuts its body into."""
    from builder.textmatch.wordcut import vocab_cutter
    from builder.vocab import default_vocabulary

    tok = vocab_cutter(default_vocabulary())
    return {a["url"].lstrip("/"): set(tok.cut("".join(a["paragraphs"]))) for a in _articles(site)}


def test_search_finds_an_article_by_its_zone_name(watched, site_url, built_site):
    articles = [a for a in _articles(built_site) if a["zone"]]
    zone = sorted(Counter(a["zone"] for a in articles).items(), key=lambda kv: (kv[1], kv[0]))[0][0]
    _open(watched, site_url)
    titles = search(watched.page, zone)
    assert {a["title"] for a in articles if a["zone"] == zone} & set(titles), (zone, titles)
    assert not watched.errors, watched.errors


def test_search_finds_an_article_by_a_word_from_its_body(watched, site_url, built_site):
    words = _body_words(built_site)
    chinese = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
    pages_with = Counter(w for ws in words.values() for w in ws)
    # The body word found on the fewest pages, so the article is sure to be among the results.
    candidates = []
    for a in _articles(built_site):
        loc = a["url"].lstrip("/")
        body = "".join(a["paragraphs"])
        for w in words.get(loc, ()):
            if chinese.match(w) and w in body and w not in a["title"] and w not in a["tags"]:
                candidates.append((pages_with[w], w, a["title"]))
    assert candidates, "some article has a Chinese word in its body"
    _, word, title = sorted(candidates)[0]
    _open(watched, site_url)
    assert title in search(watched.page, word), word
    assert not watched.errors, watched.errors


def test_search_finds_an_article_by_its_tag(watched, site_url, built_site):
    tagged = Counter(t for a in _articles(built_site) for t in a["tags"])
    assert tagged, "some article has tags"
    tag = sorted(tagged.items(), key=lambda kv: (kv[1], kv[0]))[0][0]
    wanted = {a["title"] for a in _articles(built_site) if tag in a["tags"]}
    _open(watched, site_url)
    assert wanted & set(search(watched.page, tag)), tag
    assert not watched.errors, watched.errors


class _Anchors(HTMLParser):
    """Every id on a page, and every link's href."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])


def test_internal_links_reach_their_anchors(built_site):
    """Links with a #fragment (article → source view line, tags) land on an element with that id."""
    parsed: dict[Path, _Anchors] = {}

    def parse(page: Path) -> _Anchors:
        if page not in parsed:
            parsed[page] = _Anchors()
            parsed[page].feed(page.read_text(encoding="utf-8"))
        return parsed[page]

    broken = []
    for page in sorted(built_site.rglob("*.html")):
        for href in parse(page).links:
            url = urlparse(urljoin("http://site/" + page.relative_to(built_site).as_posix(), href))
            if url.netloc != "site" or not url.fragment or url.fragment.startswith("__"):
                continue
            target = built_site / unquote(url.path).lstrip("/")
            if target.is_dir() or url.path.endswith("/"):
                target = target / "index.html"
            if not target.exists() or unquote(url.fragment) not in parse(target).ids:
                broken.append((page.relative_to(built_site).as_posix(), href))
    assert not broken, broken[:10]
