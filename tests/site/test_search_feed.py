"""The search index fed page by page while MkDocs writes the site (``SearchFeed``):
the pages it is given are indexed, nothing is written unless it finishes, and a
service that dies is an error, not a hang."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from builder.site.search_feed import SearchFeed, SearchFeedError, open_files_under, wait_for_writes

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


WRITER = """
import sys, time
from pathlib import Path
with open(Path(sys.argv[1]) / "late.json", "w") as f:
    print("open", flush=True)
    time.sleep(0.5)
    f.write("{}")
time.sleep(30)
"""


def test_the_index_is_waited_for_until_the_service_closed_its_last_file(tmp_path):
    # The service answers WriteFiles with writes still in flight and exits at once on
    # end of input: a file still open must be waited for, or it is left empty.
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline() == "open\n"
        assert open_files_under(writer.pid, tmp_path) == [str((tmp_path / "late.json").resolve())]
        wait_for_writes(writer.pid, tmp_path, seconds=10)
        assert (tmp_path / "late.json").read_text() == "{}"
        assert open_files_under(writer.pid, tmp_path) == []
    finally:
        writer.kill()
        writer.wait()


def test_a_service_that_never_closes_its_file_is_an_error(tmp_path):
    writer = subprocess.Popen([sys.executable, "-c", WRITER.replace("0.5", "30"), str(tmp_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        writer.stdout.readline()
        with pytest.raises(SearchFeedError, match="still writes"):
            wait_for_writes(writer.pid, tmp_path, seconds=0.3)
    finally:
        writer.kill()
        writer.wait()
