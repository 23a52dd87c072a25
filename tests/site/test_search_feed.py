"""The search index fed page by page while MkDocs writes the site (``SearchFeed``):
the pages it is given are indexed, nothing is written unless it finishes, and a
service that dies is an error, not a hang."""
from __future__ import annotations

import json

import pytest

from builder.site.search_feed import SearchFeed, SearchFeedError

PAGE = ('<html lang="zh"><head><title>{title}</title></head><body><nav>导航</nav>'
        '<main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>')


def _page(title: str, text: str) -> str:
    return PAGE.format(title=title, text=text)


def test_every_page_with_words_is_indexed_and_the_index_written(tmp_path):
    feed = SearchFeed(tmp_path / "pagefind")
    for n in range(30):
        feed.add(f"/articles/a{n}/", _page(f"衡阳高新区第{n}篇", "数智工匠摇篮，推进产业发展。" * 20))
    assert feed.finish() == 30
    entry = json.loads((tmp_path / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert "zh" in "".join(entry["languages"])
    assert (tmp_path / "pagefind/pagefind.js").is_file()
    assert list((tmp_path / "pagefind/fragment").iterdir())


def test_a_feed_closed_without_finishing_writes_nothing(tmp_path):
    feed = SearchFeed(tmp_path / "pagefind")
    feed.add("/articles/a/", _page("标题", "正文内容。"))
    feed.close()
    assert not (tmp_path / "pagefind").exists()


def test_a_service_that_died_is_an_error(tmp_path):
    feed = SearchFeed(tmp_path / "pagefind")
    feed._process.kill()
    feed._process.wait()
    with pytest.raises(SearchFeedError):
        feed.add("/articles/a/", _page("标题", "正文内容。"))
        feed.finish()
