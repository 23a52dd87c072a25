"""The search box's reader of Pagefind's index (``digest-search-index.js``) against Pagefind
itself, on the seeds built with ``mkdocs build --strict``: for the codes of the articles' own
tokens, the same pages, the same positions, the same order by score, and the same fragments.
A Pagefind upgrade that changes its files fails here first."""
from __future__ import annotations

import random

import pytest
from test_search import article_text, articles, articles_found, open_search  # noqa: F401 (articles: a fixture)

from builder.site import search

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COMPARE = """async (codes) => {
  const ix = await window.digestSearchIndex.open(new URL('pagefind/', location.href).href);
  const root = new URL('.', location.href).pathname;
  const pf = await import(new URL('pagefind/pagefind.js', location.href).href);
  await pf.options({baseUrl: root, noWorker: true});
  pf.init();
  const out = [];
  for (const c of codes) {
    const mine = await ix.lookup([c], null, root);
    const theirs = (await pf.search(c)).results;
    const byScore = mine.results.map(r => r.id).sort((a, b) => mine.score[b] - mine.score[a]);
    const first = theirs[0] && mine.results.find(r => r.id === theirs[0].id);
    const fragments = first ? [await first.data(), await theirs[0].data()] : [];
    out.push({
      code: c,
      mine: Object.fromEntries(Object.entries(mine.where[c]).map(([id, w]) => [id, w.join()])),
      theirs: Object.fromEntries(theirs.map(r => [r.id, r.words.join()])),
      rankedAlike: theirs.length ? theirs.filter((r, i) => byScore[i] === r.id).length / theirs.length : 1,
      fragments: fragments.map(f => [f.url, f.content, f.meta.title]),
    });
  }
  return out;
}"""


def test_the_reader_reads_the_index_as_pagefind_does(watched, site_url, articles):
    rng = random.Random(3)
    tokens = {t for a in articles for run in search.token_runs(article_text(a)) for t in run}
    codes = sorted(search.code(t) for t in rng.sample(sorted(tokens), 60))
    codes += [search.code("高新"), search.code("不在任何文章里的词")]  # a code no page has
    open_search(watched.page, site_url)
    compared = watched.page.evaluate(COMPARE, codes)
    for row in compared:
        assert row["mine"] == row["theirs"], row["code"]
        assert row["rankedAlike"] >= 0.9, row
        if row["fragments"]:
            mine, theirs = row["fragments"]
            assert mine == theirs
    assert sum(bool(r["mine"]) for r in compared) >= 60
    assert not watched.errors, watched.errors


def test_the_first_search_loads_neither_pagefinds_script_nor_its_webassembly(watched, site_url):
    urls: list[str] = []
    watched.page.on("request", lambda r: urls.append(r.url))
    open_search(watched.page, site_url)
    watched.page.locator("input.md-search__input").fill("数智工匠")
    watched.page.wait_for_selector(".md-search-result__item")
    fetched = [u.rsplit("/", 1)[-1] for u in urls if "/pagefind/" in u]
    assert any(u.endswith(".pf_meta") for u in fetched) and any(u.endswith(".pf_fragment") for u in fetched)
    assert not [u for u in fetched if u.endswith((".js", ".pagefind"))], fetched


def test_where_the_files_cannot_be_read_pagefind_answers_alike(browser, site_url, articles):
    queries = ["数智工匠", "高新区", "新能源", "2023年"]
    answers = []
    for can_read in (True, False):
        context = browser.new_context()
        if not can_read:  # a browser without DecompressionStream: the box asks Pagefind's script
            context.add_init_script("delete window.DecompressionStream")
        page = context.new_page()
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url))
        open_search(page, site_url)
        answers.append([[r["url"] for r in articles_found(page, q)] for q in queries])
        assert any(u.endswith("/pagefind.js") for u in urls) != can_read
        context.close()
    assert answers[0] == answers[1]
    assert all(answers[0])
