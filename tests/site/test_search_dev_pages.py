"""Search on the ten annotated dev pages (other layouts of the paper: furniture, GB18030, CRLF,
line-joined pages): the same query set, drawn from their built articles' own text, and the same
floors against substring search as on the seeds."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, mkdocs_build
from test_search import PRECISION, RECALL, article_text, articles_found, holds, open_search, query_set

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DEV_PAGES = ROOT / "tests" / "eval" / "corpus" / "dev" / "pages"


@pytest.fixture(scope="module")
def dev_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("dev-site")
    result = mkdocs_build(site, DIGEST_SEEDS=str(DEV_PAGES), DIGEST_CACHE=str(tmp_path_factory.mktemp("cache")))
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_every_article_of_the_dev_pages_holding_the_query_is_found_and_few_others(browser, serve, dev_site):
    articles = json.loads((dev_site / "data/articles.json").read_text(encoding="utf-8"))["articles"]
    assert len(articles) >= 40
    context = browser.new_context()
    page = context.new_page()
    open_search(page, serve(dev_site))
    found = relevant = right = 0
    missed, wrong = {}, {}
    queries = query_set(articles)
    for query in queries:
        truth = {a["url"] for a in articles if holds(article_text(a), query)}
        urls = {r["url"] for r in articles_found(page, query)}
        found, relevant, right = found + len(urls), relevant + len(truth), right + len(urls & truth)
        if truth - urls:
            missed[query] = sorted(truth - urls)
        if urls - truth:
            wrong[query] = sorted(urls - truth)
    context.close()
    recall, precision = right / relevant, right / max(found, 1)
    print(f"search on the dev pages: {len(queries)} queries, recall {recall:.4f}, precision {precision:.4f}")
    assert len(queries) >= 150
    assert recall >= RECALL, missed
    assert precision >= PRECISION, wrong
