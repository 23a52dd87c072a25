"""The command-line contract: ``python -m builder build --seeds DIR --out DIR``."""
from __future__ import annotations

import json

from conftest import copy_seeds, run_build


def test_build_writes_pages_and_articles_json(tmp_path):
    seeds = copy_seeds(tmp_path / "pages")
    result = run_build(seeds, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "pages read: 5" in result.stdout
    data = json.loads((tmp_path / "out/data/articles.json").read_text(encoding="utf-8"))
    arts = data["articles"]
    assert len(arts) >= 20
    for a in arts:
        assert a["id"].isascii() and a["id"]
        assert a["url"] == f"/articles/{a['id']}/"
        assert (tmp_path / "out" / "articles" / f"{a['id']}.md").is_file()
        assert a["source"]["file"].endswith(".txt")
        first, last = a["source"]["lines"]
        assert 1 <= first <= last
        assert a["paragraphs"] and all(isinstance(p, str) and p for p in a["paragraphs"])
        for key in ("title", "kicker", "zone", "province", "city", "themes", "tags", "authors", "truncated"):
            assert key in a
    assert (tmp_path / "out/index.md").is_file()
    assert (tmp_path / "out/tags/index.md").is_file() and (tmp_path / "out/archive/index.md").is_file()


def test_build_works_on_any_folder_and_reports_skipped_files(tmp_path):
    seeds = copy_seeds(tmp_path / "pages", ["002_728af0c55fdcc69f.txt"])
    (seeds / "notes.pdf").write_bytes(b"%PDF-1.4")
    (seeds / "empty.txt").write_bytes(b"")
    result = run_build(seeds, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "pages read: 1" in result.stdout
    assert "notes.pdf" in result.stderr and "not a .txt page file" in result.stderr
    assert "empty.txt" in result.stderr and "empty" in result.stderr
    strict = run_build(seeds, tmp_path / "out2", "--strict")
    assert strict.returncode == 1
    assert (tmp_path / "out2/data/articles.json").is_file(), "good pages are still written under --strict"


def test_same_input_gives_byte_identical_output(tmp_path):
    seeds = copy_seeds(tmp_path / "pages")
    run_build(seeds, tmp_path / "a")
    run_build(seeds, tmp_path / "b")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
