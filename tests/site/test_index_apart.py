"""The search index made beside MkDocs (``frontends/index_apart.py``, from each page's own
Markdown) is the index of the pages MkDocs writes: fed the built site's HTML, Pagefind makes
the same fragment for every page (a fragment's name is a hash of what Pagefind read of it)
and the same words."""
from __future__ import annotations

from pathlib import Path

from builder.site.search_feed import SearchFeed
from conftest import mkdocs_build


def _fragment_names(index: Path) -> set[str]:
    return {p.name for p in (index / "fragment").iterdir()}


def _words(index: Path) -> int:
    return sum(1 for _ in (index / "index").iterdir())


def test_the_index_made_beside_mkdocs_is_that_of_the_written_pages(built_site, tmp_path):
    made = built_site / "pagefind"
    feed = SearchFeed(tmp_path / "pagefind")
    pages = sorted(p for p in (built_site / "articles").glob("*/index.html")) + [built_site / "about/index.html"]
    for page in pages:
        feed.add("/" + page.parent.relative_to(built_site).as_posix() + "/", page.read_text(encoding="utf-8"))
    assert feed.finish() == len(pages) == len(list((built_site / "articles").iterdir())) + 1
    assert _fragment_names(tmp_path / "pagefind") == _fragment_names(made)
    assert _words(tmp_path / "pagefind") == _words(made)


def test_a_build_leaves_no_staged_pages_behind(tmp_path):
    # The builder stage writes its pages into a staging folder under TMPDIR; the build removes it.
    temp = tmp_path / "tmp"
    temp.mkdir()
    result = mkdocs_build(tmp_path / "site", TMPDIR=str(temp))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "pagefind indexed" in result.stderr
    assert not list(temp.glob("digest-pages-*"))
