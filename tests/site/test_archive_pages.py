"""The dated archive in a built site: archive and tag pages, the Chinese 404 page, the feeds
(parsed with xml.etree), the sitemap's dates and Open Graph tags, in headless Chromium.

The site is the seeds (which print no date) with the editors' seeds/pages.yaml dating two
of them, and two sample pages dated by their furniture and by their file name.
"""
from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "dates"
PAGES_YAML = "000_e871fc29704ad4c6.txt:\n  date: 2024-06-17\n  page: 5\n  section: 人才\n001_988cf84a0f11c8ac.txt:\n  date: 2024-05-20\n"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory) -> Path:
    seeds = tmp_path_factory.mktemp("seeds")
    for page in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(page, seeds / page.name)
    for name in ("masthead_chinese_numerals.txt", "2024-06-17_dated_file_name.txt"):
        shutil.copy(SAMPLES / name, seeds / name)
    (seeds / "pages.yaml").write_text(PAGES_YAML, encoding="utf-8")
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site, DIGEST_SEEDS=str(seeds), DIGEST_CACHE=str(tmp_path_factory.mktemp("cache")),
                          SITE_URL="https://example.org/digest/")
    assert result.returncode == 0, result.stderr[-4000:]
    return site


@pytest.fixture(scope="module")
def dated_url(dated_site, serve) -> str:
    return serve(dated_site)


def articles(site: Path) -> list[dict]:
    return json.loads((site / "data/articles.json").read_text(encoding="utf-8"))["articles"]


def test_articles_carry_their_issue_date_and_lists_are_newest_first(dated_site):
    arts = articles(dated_site)
    dates = {a["source"]["file"]: a["date"] for a in arts}
    assert dates["000_e871fc29704ad4c6.txt"] == "2024-06-17"          # the editors' pages.yaml
    assert dates["masthead_chinese_numerals.txt"] == "2024-09-02"      # the page's furniture
    assert dates["2024-06-17_dated_file_name.txt"] == "2024-06-17"     # the file name
    assert dates["002_728af0c55fdcc69f.txt"] is None                   # 日期不详
    feed = ET.parse(dated_site / "feed.xml").getroot()
    links = [i.findtext("link") for i in feed.iter("item")]
    first = next(a for a in arts if a["source"]["file"] == "masthead_chinese_numerals.txt")
    assert links[0] == "https://example.org/digest/" + first["url"].lstrip("/")


def test_feeds_are_valid_rss_with_dates_absolute_links_and_self_link(dated_site):
    feeds = [dated_site / "feed.xml"] + sorted((dated_site / "zones").glob("*/feed.xml"))
    assert len(feeds) > 5
    for path in feeds:
        rss = ET.parse(path).getroot()
        assert rss.tag == "rss" and rss.get("version") == "2.0"
        channel = rss.find("channel")
        self_link = channel.find(f"{ATOM}link")
        assert self_link.get("rel") == "self"
        assert self_link.get("href") == "https://example.org/digest/" + path.relative_to(dated_site).as_posix()
        items = channel.findall("item")
        assert items and all(i.findtext("link").startswith("https://example.org/digest/articles/") for i in items)
    main = ET.parse(dated_site / "feed.xml").getroot().find("channel")
    assert main.findtext("lastBuildDate") == "Mon, 02 Sep 2024 00:00:00 +0800"
    assert main.find("item").findtext("pubDate") == "Mon, 02 Sep 2024 00:00:00 +0800"


def test_sitemap_gives_each_page_its_date(dated_site):
    urls = {u.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            u.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}lastmod")
            for u in ET.parse(dated_site / "sitemap.xml").getroot()}
    arts = articles(dated_site)
    dated = next(a for a in arts if a["date"] == "2024-05-20")
    assert urls["https://example.org/digest/" + dated["url"].lstrip("/")] == "2024-05-20"
    assert urls["https://example.org/digest/archive/2024/09/"] == "2024-09-02"


def test_archive_by_year_and_month_in_the_nav(watched, dated_url):
    page = watched.page
    page.goto(dated_url)
    page.get_by_role("link", name="日期", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().strip() == "按日期浏览"
    page.locator(".digest-chips a", has_text="2024 年 6 月").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/archive/2024/06/")
    items = page.locator("article .md-content__inner li a, .md-content li a").all_inner_texts()
    assert any("郑州高新区" in t for t in items) and any("衡阳" in t for t in items)
    page.goto(dated_url + "archive/undated/")
    assert "日期不详" in page.locator("h1").first.inner_text()
    assert not watched.errors, watched.errors


def test_article_page_shows_its_date_and_sorts_by_it_in_search(watched, dated_url, dated_site):
    a = next(x for x in articles(dated_site) if x["source"]["file"] == "000_e871fc29704ad4c6.txt")
    page = watched.page
    page.goto(dated_url + a["url"].lstrip("/"))
    assert page.locator("time[datetime='2024-06-17']").inner_text() == "2024年6月17日"
    assert "第 5 版 · 人才" in page.locator(".digest-facts").inner_text()
    assert page.locator("[data-pagefind-sort='date:2024-06-17']").count() == 1
    og = {m.get_attribute("property"): m.get_attribute("content") for m in page.locator("meta[property^='og:']").all()}
    assert og["og:type"] == "article" and og["og:locale"] == "zh_CN" and og["og:site_name"] == "高新区文摘"
    assert og["og:url"] == "https://example.org/digest/" + a["url"].lstrip("/") and og["og:title"] and og["og:description"]


def test_tag_pages_and_a_bounded_tags_index(watched, dated_url, dated_site):
    page = watched.page
    page.goto(dated_url + "tags/")
    chips = page.locator(".digest-chips a")
    assert chips.count() >= 10
    name = chips.first.inner_text().rsplit(" ", 1)[0].strip()
    chips.first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().strip() == name
    listed = page.locator(".md-content li a").all_inner_texts()
    assert listed and all(any(name in t for t in a["tags"]) for a in articles(dated_site) if a["title"] in listed)
    assert not watched.errors, watched.errors


def test_zone_page_links_its_feed(watched, dated_url):
    page = watched.page
    page.goto(dated_url + "zones/heng-yang-gao-xin-qu/")
    link = page.get_by_role("link", name="本园区的 RSS")
    assert link.evaluate("el => el.href").endswith("/zones/heng-yang-gao-xin-qu/feed.xml")
    assert not watched.errors, watched.errors  # no request for a file that is not there
    page.get_by_role("link", name="本园区的 RSS").click()
    assert "<rss" in page.content() or page.url.endswith("feed.xml")


def test_404_page_is_chinese_with_ways_back(watched, dated_url):
    page = watched.page
    response = page.goto(dated_url + "no/such/page/")
    assert response.status == 404
    page.goto(dated_url + "404.html")
    assert page.locator("h1").first.inner_text().strip() == "页面不存在"
    text = page.locator(".md-content").inner_text()
    assert "Not found" not in text
    for name in ("返回首页", "按园区浏览", "按日期浏览"):
        assert page.get_by_role("link", name=name).count() == 1
    assert page.locator("form[role='search'] input[name='q']").count() == 1


def test_404_search_form_opens_the_site_search_with_its_words(watched, site_url):
    # (the seeds' site, built without site_url: the 404 page's assets are found from the root)
    page = watched.page
    page.goto(site_url + "404.html")
    page.wait_for_load_state("networkidle")
    page.fill("#digest-404-q", "数智工匠")
    page.click(".digest-404__search button")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert "衡阳" in page.locator(".md-search-result__item").first.inner_text()
    assert not watched.errors, watched.errors


@pytest.mark.parametrize("path", ["", "zones/", "archive/", "tags/", "report/", "404.html"])
def test_no_english_in_the_interface(watched, site_url, path):
    """The site's own words (header, navigation, footer, search box) are Chinese on every kind of page."""
    import re
    page = watched.page
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    chrome = " ".join(page.locator(sel).first.inner_text() for sel in (".md-header", ".md-footer")
                      if page.locator(sel).count())
    chrome += " " + (page.locator("input.md-search__input").get_attribute("placeholder") or "")
    assert not re.search(r"[A-Za-z]{3,}", chrome), chrome
