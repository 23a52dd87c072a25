"""The search index made beside MkDocs (``frontends/index_apart.py``, from each page's own
Markdown) is the index of the pages MkDocs writes: the built site's HTML, indexed again,
gives every page the same text, title and words at the same positions."""
from __future__ import annotations

import shutil

from pagefind_files import read_index

from builder.site import search
from conftest import mkdocs_build


def test_the_index_made_beside_mkdocs_is_that_of_the_written_pages(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    pages, _ = search.index_site(site)
    assert pages == len(list((built_site / "articles").iterdir())) + 1
    made, again = read_index(built_site / "pagefind"), read_index(site / "pagefind")
    assert made.fragments == again.fragments
    assert made.words == again.words
    assert made.sorts == again.sorts


def test_a_build_leaves_no_staged_pages_behind(tmp_path):
    # The builder stage writes its pages into a staging folder under TMPDIR; the build removes it.
    temp = tmp_path / "tmp"
    temp.mkdir()
    result = mkdocs_build(tmp_path / "site", TMPDIR=str(temp))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "pagefind indexed" in result.stderr
    assert not list(temp.glob("digest-pages-*"))
