"""The site without the hook: ``python -m builder docs`` writes a complete docs folder,
``mkdocs build -f mkdocs.docs.yml`` (no ``hooks:``) makes the site of it and
``python -m builder index`` indexes it; that site equals the one the hook builds."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.site.docs_folder import docs_files, write_docs_folder
from builder.site.write import MANIFEST, NotOurFolder
from builder.site.search_marks import mark_page, page_title_and_text
from conftest import ROOT, copy_project, mkdocs_build, mkdocs_env

MAIN = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def _run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=project, env=mkdocs_env(PYTHONPATH=str(project)),
                          capture_output=True, text=True, timeout=900)


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


@pytest.mark.slow
def test_docs_folder_built_without_the_hook_gives_the_hook_s_pages(tmp_path):
    project = copy_project(tmp_path / "project", sorted((ROOT / "seeds").glob("*")))
    shutil.copy(ROOT / "mkdocs.docs.yml", project / "mkdocs.docs.yml")
    # The hook pins the sitemap's date to the last commit (on_config); without the hook the
    # publisher sets it. Pinned alike here, so that date is not a difference.
    epoch = {"SOURCE_DATE_EPOCH": "1700000000"}
    hooked = mkdocs_build(tmp_path / "hooked", project=project, **epoch)
    assert hooked.returncode == 0, hooked.stderr[-3000:]

    docs = _run(project, "-m", "builder", "docs", "--seeds", "seeds", "--out", "build/docs", "--no-cache")
    assert docs.returncode == 0, docs.stderr[-3000:]
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.docs.yml",
                            "--site-dir", str(tmp_path / "plain")], cwd=project,
                           env=mkdocs_env(PYTHONPATH=str(project), **epoch), capture_output=True, text=True, timeout=900)
    assert plain.returncode == 0, plain.stderr[-3000:]
    assert "hook" not in plain.stderr.lower()
    index = _run(project, "-m", "builder", "index", str(tmp_path / "plain"))
    assert index.returncode == 0 and "pagefind indexed" in index.stdout, index.stderr

    a, b = _pages(tmp_path / "hooked"), _pages(tmp_path / "plain")
    assert a.keys() == b.keys()
    articles = [p for p in a if p.startswith(("articles/", "zones/"))]
    assert len(articles) > 40
    # The main content of every page (what the templates and the search markers make) is the
    # same. Outside it, only what depends on where the docs folder lies could differ (an
    # "edit this page" link, were `edit_uri` set); with none set, the whole page is equal too.
    for path in sorted(a):
        assert MAIN.findall(a[path]) == MAIN.findall(b[path]), path
        assert a[path] == b[path], path
    article = next(p for p in articles if p.startswith("articles/"))
    assert "data-pagefind-body" in a[article] and "data-digest-terms" in a[article]
    zone = next(p for p in articles if p.startswith("zones/") and p != "zones/index.html")
    assert "data-pagefind-body" not in a[zone]  # index pages only repeat titles: not searched
    for name in ("pagefind/pagefind.js", "pagefind/pinyin.json", "pagefind/filters.json"):
        assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "hooked" / name).read_bytes(), name
    # Material's own index is empty in both: every page excluded by its front matter.
    for site in ("hooked", "plain"):
        assert '"docs":[]' in (tmp_path / site / "search" / "search_index.json").read_text().replace(" ", "")


def test_docs_folder_holds_hand_written_pages_marked_and_wins_over_a_generated_one(tmp_path):
    content = tmp_path / "content"
    (content / "stylesheets").mkdir(parents=True)
    (content / "about.md").write_text("---\ntitle: 关于\n---\n\n# 关于本站\n\n衡阳高新区的新闻。\n", encoding="utf-8")
    (content / "stylesheets" / "x.css").write_bytes(b"a{}")
    files = docs_files({"about.md": "generated", "articles/a.md": "---\ntitle: A\n---\n\ntext\n"},
                       content)
    assert files["stylesheets/x.css"] == b"a{}"
    about = files["about.md"]
    assert about.startswith("---\ntitle: 关于\nsearch:\n  exclude: true\npagefind_body: true\n---\n")
    assert "<p hidden data-digest-terms>" in about
    assert files["articles/a.md"] == "---\ntitle: A\n---\n\ntext\n"  # rendered pages arrive marked already


def test_docs_folder_removes_what_an_earlier_run_left_and_refuses_a_foreign_folder(tmp_path):
    folder = tmp_path / "docs"
    write_docs_folder(folder, {"index.md": "a", "articles/old.md": "b", "s.css": b"c"})
    write_docs_folder(folder, {"index.md": "a2", "s.css": b"c"})
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [MANIFEST, "index.md", "s.css"]
    assert (folder / "index.md").read_text() == "a2"
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "mine.txt").write_text("keep")
    with pytest.raises(NotOurFolder, match="not written by a build"):
        write_docs_folder(foreign, {"index.md": "a"})
    assert (foreign / "mine.txt").read_text() == "keep"


def test_page_markers_keep_front_matter_and_an_existing_search_setting():
    assert mark_page("# 标题\n", None) == "---\nsearch:\n  exclude: true\n---\n\n# 标题\n"
    own = "---\ntitle: T\nsearch:\n  boost: 2\n---\n\nbody\n"
    assert mark_page(own, None) == own
    marked = mark_page("---\ntitle: T\n---\n\nbody\n", "zdabc")
    # Searched: the theme marks the content as Pagefind's body (pagefind_body), the terms first.
    assert marked == ("---\ntitle: T\nsearch:\n  exclude: true\npagefind_body: true\n---\n\n"
                      "<p hidden data-digest-terms>zdabc</p>\n\nbody\n")
    assert page_title_and_text("---\ntitle: 关于\n---\n\n# 另一个\n\n正文\n") == ("关于", "# 另一个\n\n正文\n")
    assert page_title_and_text("# 标题\n\n正文\n")[0] == "标题"
