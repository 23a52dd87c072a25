"""Search in headless Chromium, on the seeds built with ``mkdocs build --strict``: a query set
drawn from the built articles' own text (random runs of 2–6 characters, jieba's words, zone
names, strings across word boundaries, Latin words and numbers), every result list compared with
substring search over ``data/articles.json``; excerpts from the real text; keyboard; pinyin;
filters and sorting."""
from __future__ import annotations

import json
import random
import re
import unicodedata

import pytest

from builder.site import search
from builder.textmatch.wordcut import vocab_cutter
from builder.vocab import load_vocabulary

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FOCUSED_RESULT = "document.activeElement.classList.contains('md-search-result__link')"
RECALL = 1.0
PRECISION = 0.98
SEED = 20  # the query set is drawn afresh from the built text, with a fixed seed so a failure can be rerun
RUN = re.compile(f"[{search.CJK}]+")
LATIN = re.compile(r"(?<![a-z0-9])[a-z0-9]+(?![a-z0-9])")


@pytest.fixture(scope="module")
def articles(built_site) -> list[dict]:
    return json.loads((built_site / "data/articles.json").read_text(encoding="utf-8"))["articles"]


def article_text(a: dict) -> str:
    return a["title"] + "\n" + "\n".join(a["paragraphs"])


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def holds(text: str, query: str) -> bool:
    """Substring search, the truth: a Chinese query anywhere; a Latin word or number as a whole
    word (not inside a longer one: ``ai`` is not in ``main``), case and width ignored."""
    text, query = _normal(text), _normal(query)
    if not re.search("[a-z0-9]", query):
        return query in text
    pattern = re.escape(query)
    if re.match("[a-z0-9]", query):
        pattern = "(?<![a-z0-9])" + pattern
    if re.search("[a-z0-9]$", query):
        pattern += "(?![a-z0-9])"
    return re.search(pattern, text) is not None


def query_set(articles: list[dict]) -> list[str]:
    rng = random.Random(SEED)
    cutter = vocab_cutter(load_vocabulary())
    queries: set[str] = set()
    for a in articles:
        text = article_text(a)
        runs = [r for r in RUN.findall(text) if len(r) >= 2]
        for _ in range(4):  # random runs of 2–6 characters
            run = rng.choice(runs)
            n = rng.randint(2, min(6, len(run)))
            start = rng.randint(0, len(run) - n)
            queries.add(run[start:start + n])
        words = [w for w in cutter.cut(rng.choice(runs)) if RUN.fullmatch(w)]
        queries.update(w for w in rng.sample(words, min(2, len(words))) if len(w) >= 2)  # jieba's words
        for w1, w2 in zip(words, words[1:]):  # across a word boundary: the end of one, the start of the next
            if rng.random() < 0.2:
                queries.add(w1[-rng.randint(1, len(w1)):] + w2[:rng.randint(1, len(w2))])
        if a["zone"]:
            queries.add(a["zone"])
        latin = LATIN.findall(_normal(text))
        queries.update(rng.sample(latin, min(1, len(latin))))
        numbered = re.findall(f"[0-9]+[{search.CJK}]", text)  # 2023年, 30个
        queries.update(rng.sample(numbered, min(1, len(numbered))))
    return sorted(q for q in queries if len(q) >= 2)


def open_search(page, site_url: str) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()


def serial(page) -> int:
    return int(page.locator("[data-digest-search]").get_attribute("data-digest-serial") or 0)


def wait_for_search(page, query: str, after: int) -> None:
    """Until the results of a search of ``query`` newer than search number ``after`` are shown."""
    page.wait_for_function(
        """([q, s]) => { const r = document.querySelector('[data-digest-search]');
             return r.getAttribute('data-digest-query') === q && +r.getAttribute('data-digest-serial') > s; }""",
        arg=[query, after], timeout=20000)


def type_query(page, query: str) -> None:
    before = serial(page)
    page.locator("input.md-search__input").fill(query)
    wait_for_search(page, query, before)


def shown(page) -> list[dict]:
    """Every result of the query in the box, showing more until none are left."""
    while page.locator(".digest-search-more button").count():
        before = page.locator(".md-search-result__link").count()
        page.locator(".digest-search-more button").click()
        page.wait_for_function(f"document.querySelectorAll('.md-search-result__link').length > {before}")
    return page.eval_on_selector_all(".md-search-result__link", """links => links.map(a => ({
        url: new URL(a.href).pathname, title: a.querySelector('h1').textContent,
        excerpt: a.querySelector('p').innerHTML}))""")


def articles_found(page, query: str) -> list[dict]:
    type_query(page, query)
    return [r for r in shown(page) if r["url"].startswith("/articles/")]


def dropped(page) -> int:
    """Results Pagefind gave for the last query that the box did not show: their text lacks it."""
    return int(page.locator("[data-digest-search]").get_attribute("data-digest-dropped") or 0)


@pytest.fixture(scope="module")
def answers(browser, site_url, articles):
    """Each query of the set, with the articles that hold it and those the search box shows."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_search(page, site_url)
    out, drops = {}, {}
    for query in query_set(articles):
        truth = {a["url"] for a in articles if holds(article_text(a), query)}
        out[query] = (truth, articles_found(page, query))
        drops[query] = dropped(page)
    context.close()
    assert not errors, errors
    print(f"results found by the index but not shown (their text lacks the query): {sum(drops.values())}"
          f" in {sum(v > 0 for v in drops.values())} queries")
    return out


def test_query_set_covers_every_kind_of_query(answers):
    queries = list(answers)
    assert len(queries) >= 150, len(queries)
    assert any(re.fullmatch("[a-z]+", q) for q in queries)  # Latin words
    assert any(re.fullmatch("[0-9]+", q) for q in queries)  # numbers
    assert any(re.fullmatch(f"[0-9]+[{search.CJK}]", q) for q in queries)  # 2023年
    assert sum(len(q) >= 5 for q in queries) >= 20


def test_every_article_holding_the_query_is_found_and_few_others(answers):
    found = relevant = right = 0
    missed, wrong = {}, {}
    for query, (truth, results) in answers.items():
        urls = {r["url"] for r in results}
        found += len(urls)
        relevant += len(truth)
        right += len(urls & truth)
        if truth - urls:
            missed[query] = sorted(truth - urls)
        if urls - truth:
            wrong[query] = sorted(urls - truth)
    recall, precision = right / relevant, right / found
    print(f"search on the seeds: {len(answers)} queries, recall {recall:.4f}, precision {precision:.4f}")
    assert recall >= RECALL, missed
    assert precision >= PRECISION, wrong


def test_results_are_listed_once(answers):
    for query, (_, results) in answers.items():
        urls = [r["url"] for r in results]
        assert len(urls) == len(set(urls)), query


def test_excerpt_is_the_articles_own_text_with_the_match_marked(answers, articles, built_site):
    by_url = {a["url"]: a for a in articles}
    for query, (_, results) in answers.items():
        for r in results[:3]:
            excerpt = r["excerpt"]
            assert search.FIELD_MARK not in excerpt and "data-digest" not in excerpt
            marked = re.findall("<mark>(.*?)</mark>", excerpt)
            runs = re.findall(f"(?:[{search.CJK}]|[a-z0-9])+", _normal(query))  # what the query asks for
            assert marked and all(_normal(m) in runs for m in marked), (query, excerpt)
            # Every piece of the excerpt is text of the article's page (spaces aside), never a code.
            page = (built_site / r["url"].strip("/") / "index.html").read_text(encoding="utf-8")
            page = re.sub(r"<p hidden data-digest-terms>.*?</p>", "", page, flags=re.S)
            visible = re.sub(r"<[^>]+>|\s", "", page)
            plain = re.sub(r"<[^>]+>", "", excerpt).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            for piece in re.split(r"…|\s+", plain):  # blocks (headline, paragraphs) are apart by a space
                assert piece in visible.replace("&amp;", "&"), (query, piece)
            assert by_url[r["url"]]


def test_browser_cuts_and_codes_text_as_the_builder_does(watched, site_url, articles):
    open_search(watched.page, site_url)
    texts = [article_text(a) for a in articles[:8]] + ["ＡＩ赋能5G网络，2023年以来𠀀𠀁", "Ⅻ ㎡ 高新区"]
    in_browser = watched.page.evaluate("texts => texts.map(t => window.digestSearchCodes(t))", texts)
    assert in_browser == [[[search.code(t) for t in run] for run in search.token_runs(t)] for t in texts]


def test_a_headline_match_ranks_above_text_matches(answers):
    tried = []
    for query, (_, results) in answers.items():
        in_title = [holds(r["title"], query) for r in results]
        if any(in_title) and not all(in_title):
            tried.append(query)
            assert in_title == sorted(in_title, reverse=True), (query, [r["title"] for r in results])
    assert len(tried) >= 10, tried


def test_keyboard_moves_through_results_opens_one_and_closes(watched, site_url):
    page = watched.page
    open_search(page, site_url)
    type_query(page, "高新区")
    links = page.locator(".md-search-result__link")
    assert links.count() >= 3
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUSED_RESULT)
    first = page.evaluate("document.activeElement.href")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.href")
    assert second != first and second == links.nth(1).evaluate("a => a.href")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.href") == first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    # Tab reaches the results too (they are links, in reading order after the box).
    open_search(page, site_url)
    type_query(page, "高新区")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_RESULT):
            break
    assert page.evaluate(FOCUSED_RESULT)
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    # Enter in the box opens the first result.
    open_search(page, site_url)
    type_query(page, "数智工匠")
    first = page.locator(".md-search-result__link").first.evaluate("a => a.href")
    page.locator("input.md-search__input").press("Enter")
    page.wait_for_url(first)
    assert not watched.errors, watched.errors


def test_result_count_is_announced(watched, site_url, articles):
    page = watched.page
    open_search(page, site_url)
    status = page.locator(".md-search-result__meta")
    assert status.get_attribute("aria-live") == "polite"
    type_query(page, "数智工匠")
    count = len(shown(page))
    assert str(count) in status.inner_text(), status.inner_text()


@pytest.mark.parametrize("typed", ["hengyang", "heng yang", "Hengyang"])
def test_place_name_in_pinyin_finds_it(watched, site_url, articles, typed):
    open_search(watched.page, site_url)
    results = articles_found(watched.page, typed)
    truth = {a["url"] for a in articles if "衡阳" in article_text(a)}
    assert truth and {r["url"] for r in results} == truth
    assert all("<mark>衡阳</mark>" in r["excerpt"] for r in results)


def test_filters_by_province_zone_and_theme(watched, site_url, articles):
    page = watched.page
    open_search(page, site_url)
    page.locator("[data-digest-filters] summary").click()
    page.wait_for_function("document.querySelector('select[data-filter=province]').options.length > 1")
    query = "高新区"
    type_query(page, query)
    checks = [("province", lambda a: a["province"]), ("zone", lambda a: a["zone"]),
              ("theme", lambda a: a["themes"][0] if a["themes"] else None)]
    for name, value_of in checks:
        value = next(value_of(a) for a in articles if value_of(a) and holds(article_text(a), query))
        select = page.locator(f"select[data-filter={name}]")
        before = serial(page)
        select.select_option(value)
        wait_for_search(page, query, before)
        got = {r["url"] for r in shown(page) if r["url"].startswith("/articles/")}
        truth = {a["url"] for a in articles if holds(article_text(a), query) and
                 value in ([value_of(a)] if name != "theme" else a["themes"])}
        assert got == truth, (name, value)
        before = serial(page)
        select.select_option("")
        wait_for_search(page, query, before)


def test_sorting_by_date_lists_newest_first(watched, site_url, articles):
    page = watched.page
    open_search(page, site_url)
    page.locator("[data-digest-filters] summary").click()
    page.locator("select[data-sort]").select_option("desc")
    type_query(page, "高新区")
    dates = {a["url"]: a.get("date") or "" for a in articles}
    urls = [r["url"] for r in shown(page) if r["url"].startswith("/articles/")]
    assert set(urls) == {a["url"] for a in articles if holds(article_text(a), "高新区")}
    listed = [dates[u] for u in urls]
    assert listed == sorted(listed, reverse=True)


def test_a_filter_alone_lists_every_article_it_selects(watched, site_url, articles):
    page = watched.page
    open_search(page, site_url)
    page.locator("[data-digest-filters] summary").click()
    page.wait_for_function("document.querySelector('select[data-filter=province]').options.length > 1")
    province = max({a["province"] for a in articles if a["province"]},
                   key=lambda p: sum(a["province"] == p for a in articles))
    before = serial(page)
    page.locator("select[data-filter=province]").select_option(province)
    wait_for_search(page, "", before)
    got = {r["url"] for r in shown(page)}
    assert got == {a["url"] for a in articles if a["province"] == province}


def test_a_lone_chinese_character_finds_every_article_holding_it(watched, site_url, articles):
    # A lone character has no pair to look up: the index holds each character on its own,
    # which Pagefind's script is asked for.
    counts: dict[str, int] = {}
    for a in articles:
        for ch in set(re.findall(f"[{search.CJK}]", article_text(a))):
            counts[ch] = counts.get(ch, 0) + 1
    rng = random.Random(SEED)
    by_count = sorted(counts, key=lambda c: (counts[c], c))
    picked = [by_count[0], by_count[len(by_count) // 2], by_count[-1]] + rng.sample(by_count, 3)
    open_search(watched.page, site_url)
    for ch in picked:
        truth = {a["url"] for a in articles if ch in article_text(a)}
        found = {r["url"] for r in articles_found(watched.page, ch)}
        assert truth <= found, (ch, truth - found)
        assert len(found - truth) <= len(truth) // 5 + 1, (ch, found - truth)  # a note or heading of the page
    assert not watched.errors, watched.errors
