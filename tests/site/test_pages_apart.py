"""MkDocs' pages converted and written on two processes (``frontends/pages_apart.py``,
``templates_apart.py``): the site is the
one plain MkDocs makes of the same pages (``tests/frontends/test_docs_folder.py``); the
search index the helper writes beside MkDocs is the index of the pages MkDocs writes (the
built site's HTML, indexed again, gives every page the same text, title and words at the
same positions); what a conversion logs is logged once, and still fails a strict build."""
from __future__ import annotations

import re
import shutil

from pagefind_files import read_index

from builder.site import search
from conftest import ROOT, copy_project, mkdocs_build


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


def test_every_page_is_converted_and_written_once_by_one_of_the_two_processes(tmp_path):
    result = mkdocs_build(tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    line = re.search(r"MkDocs pages converted: ([\d,]+) in [\d.]+ s \(([\d,]+) here, ([\d,]+) by the helper, which writes them", result.stderr)
    assert line, result.stderr[-3000:]
    total, here, there = (int(g.replace(",", "")) for g in line.groups())
    assert total == here + there
    # templates_apart: the pages the helper wrote, MkDocs' loop passed by without a word
    assert "Page skipped" not in result.stderr
    assert total > len(list((tmp_path / "site" / "articles").iterdir())) + len(list((tmp_path / "site" / "zones").iterdir()))


def test_a_warning_made_while_converting_is_logged_once_and_fails_a_strict_build(tmp_path):
    project = copy_project(tmp_path / "project", sorted((ROOT / "seeds").glob("*")))
    (project / "content" / "linked.md").write_text("# 链接\n\n[不存在的页](missing.md)\n", encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", project=project)
    assert result.returncode != 0
    assert result.stderr.count("contains a link 'missing.md'") == 1, result.stderr[-3000:]
    assert "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr
