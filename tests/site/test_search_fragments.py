"""Pagefind's fragments without the hidden field of codes (``search_fragments``): a reader's
result downloads the page's text only, while the index keeps every code and its position."""
from __future__ import annotations

import gzip
import json

from builder.site import search
from builder.site.search_feed import SearchFeed
from builder.site.search_fragments import SIGNATURE, trim_fragments, without_field

TITLE = "衡阳高新区数智工匠摇篮"
TEXT = "衡阳高新区推进产业发展，培育数智工匠。"


def _page(title: str, text: str) -> str:
    field = search.terms_field(text, title)
    return (f'<html lang="zh"><head><title>{title}</title></head><body><nav>导航</nav>'
            f'<main data-pagefind-body><p hidden data-digest-terms>{field}</p>'
            f'<h1 id="top">{title}</h1><p>{text}</p><h2 id="more">关键数据</h2><p>{text}</p></main></body></html>')


def _fragments(index) -> list[dict]:
    out = []
    for path in sorted((index / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE)
        out.append(json.loads(data[len(SIGNATURE):]))
    return out


def test_fragments_hold_the_text_and_the_index_the_codes(tmp_path):
    feed = SearchFeed(tmp_path / "pagefind")
    for n in range(3):
        feed.add(f"/articles/a{n}/", _page(f"{TITLE}{n}", TEXT * 5))
    assert feed.finish() == 3
    fragments = _fragments(tmp_path / "pagefind")
    assert len(fragments) == 3
    codes = {search.code(t) for run in search.token_runs(TEXT) for t in run}
    for fragment in fragments:
        content = fragment["content"].replace("\u200b", "")
        assert search.FIELD_MARK not in content
        assert not codes & set(content.split()), content[:200]
        assert content.startswith(TITLE) and TEXT in content
        # The headings' positions count words of the text that is left (the headline is the first).
        anchors = {a["id"]: a["location"] for a in fragment["anchors"]}
        assert anchors["top"] == 0 and 0 < anchors["more"] < fragment["word_count"]
        assert fragment["meta"]["title"].startswith(TITLE)
    chunks = b"".join(gzip.decompress(p.read_bytes()) for p in (tmp_path / "pagefind/index").iterdir())
    assert all(c.encode() in chunks for c in codes)  # still indexed: the search box finds them


def test_trimming_again_changes_nothing(tmp_path):
    feed = SearchFeed(tmp_path / "pagefind")
    feed.add("/articles/a/", _page(TITLE, TEXT))
    feed.finish()
    before = {p.name: p.read_bytes() for p in (tmp_path / "pagefind/fragment").iterdir()}
    assert trim_fragments(tmp_path / "pagefind") == 0
    assert before == {p.name: p.read_bytes() for p in (tmp_path / "pagefind/fragment").iterdir()}


def test_a_fragment_without_a_field_is_left_as_it_is():
    fragment = {"content": "标题. 正文", "anchors": [{"location": 0}]}
    assert not without_field(fragment)
    assert fragment == {"content": "标题. 正文", "anchors": [{"location": 0}]}
