"""The built site in headless Chromium: pages load, links work, Chinese search finds articles,
and nothing is fetched from any host but localhost."""
from __future__ import annotations

import json

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _local_only(watch):
    assert watch.hosts and all(h.startswith("127.0.0.1") for h in watch.hosts), watch.hosts


def test_home_loads_without_console_errors(watched, site_url):
    watched.page.goto(site_url)
    watched.page.wait_for_load_state("networkidle")
    assert "高新区文摘" in watched.page.title()
    assert watched.page.locator("h1").first.inner_text().strip() == "高新区文摘"
    assert not watched.errors, watched.errors
    _local_only(watched)


def test_article_opens_from_its_zone_page(watched, site_url, built_site):
    data = json.loads((built_site / "data/articles.json").read_text(encoding="utf-8"))
    article = next(a for a in data["articles"] if a["zone"])
    watched.page.goto(site_url + "zones/")
    watched.page.get_by_role("link", name=article["zone"], exact=True).first.click()
    watched.page.wait_for_load_state("networkidle")
    watched.page.get_by_role("link", name=article["title"], exact=True).first.click()
    watched.page.wait_for_load_state("networkidle")
    assert watched.page.url.rstrip("/").endswith(article["url"].rstrip("/"))
    assert article["title"] in watched.page.locator("h1").first.inner_text().replace("\n", "")
    assert not watched.errors, watched.errors
    _local_only(watched)


def search(page, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill(query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()


def test_chinese_search_finds_the_hengyang_article(watched, site_url, built_site):
    data = json.loads((built_site / "data/articles.json").read_text(encoding="utf-8"))
    wanted = [a["title"] for a in data["articles"] if "数智工匠" in a["title"]]
    assert wanted, "the seeds have an article about 数智工匠"
    watched.page.goto(site_url)
    titles = search(watched.page, "数智工匠")
    assert any("衡阳" in t for t in titles), titles
    assert not watched.errors, watched.errors
    _local_only(watched)
