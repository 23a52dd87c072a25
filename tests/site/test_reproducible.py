"""Same input, same bytes; a new page changes no other article's id or URL.

MkDocs writes the build date into ``sitemap.xml`` (``lastmod``) and the gzip
header of ``sitemap.xml.gz`` unless ``SOURCE_DATE_EPOCH`` is set; the hook sets
it to the last commit's date, so a site built from one commit is the same on
any day. The tests build a copy of the project committed on a fixed date.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, copy_project, copy_seeds, mkdocs_build

COMMIT_DATE = "2001-02-03T04:05:06+00:00"


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_two_mkdocs_builds_are_byte_identical_and_dated_by_the_last_commit(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = copy_project(tmp_path / "project", sorted((ROOT / "seeds").glob("*.txt")))
    git = ["git", "-C", str(project), "-c", "user.name=editor", "-c", "user.email=editor@example.org"]
    dated = dict(os.environ, GIT_AUTHOR_DATE=COMMIT_DATE, GIT_COMMITTER_DATE=COMMIT_DATE)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "pages"]):
        subprocess.run(git + args, check=True, env=dated, capture_output=True)
    sites = []
    for name in ("a", "b"):
        result = mkdocs_build(tmp_path / name, project=project, SITE_URL="https://example.org/digest/")
        assert result.returncode == 0, result.stderr[-3000:]
        sites.append(_files(tmp_path / name))
    a, b = sites
    assert sorted(a) == sorted(b)
    assert [path for path in a if a[path] != b[path]] == []
    sitemap = a["sitemap.xml"].decode("utf-8")
    assert "<lastmod>2001-02-03</lastmod>" in sitemap and sitemap.count("<lastmod>") > 10
    assert "search/search_index.json" in a


def _ids(seeds, out) -> dict[str, tuple[str, str]]:
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", str(seeds), "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "data/articles.json").read_text(encoding="utf-8"))
    return {a["id"]: (a["url"], a["source"]["file"]) for a in data["articles"]}


@pytest.mark.parametrize("added", ["002_728af0c55fdcc69f.txt", "004_a0c3287a342c85db.txt"])
def test_adding_a_page_keeps_every_other_articles_id_and_url(tmp_path, added):
    pages = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    before = _ids(copy_seeds(tmp_path / "before", [p for p in pages if p != added]), tmp_path / "out1")
    after = _ids(copy_seeds(tmp_path / "after", pages), tmp_path / "out2")
    assert before, "the other pages make articles"
    kept = {id_: where for id_, where in after.items() if where[1] != added}
    assert kept == before
    assert any(where[1] == added for where in after.values()), "the new page adds articles"
