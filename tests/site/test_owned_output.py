"""The output folder is the build's own: files of removed pages go, the user's files stay,
a folder no build wrote is refused, and every file is replaced whole, never rewritten in place."""
from __future__ import annotations

import pytest

from builder.site.write import MANIFEST, NotOurFolder, write_files


def test_a_rebuild_removes_the_files_it_no_longer_makes_and_keeps_the_rest(tmp_path):
    out = tmp_path / "out"
    write_files(out, {"index.md": "首页", "articles/a.md": "甲", "articles/b.md": "乙", "sources/p/x.md": "源"})
    (out / "articles" / "notes-by-hand.txt").write_text("mine", encoding="utf-8")
    write_files(out, {"index.md": "首页", "articles/a.md": "甲"})
    assert not (out / "articles" / "b.md").exists()
    assert not (out / "sources").exists()  # emptied folders go too
    assert (out / "articles" / "a.md").read_text(encoding="utf-8") == "甲"
    assert (out / "articles" / "notes-by-hand.txt").read_text(encoding="utf-8") == "mine"


def test_a_folder_holding_other_files_and_no_manifest_is_refused_and_left_alone(tmp_path):
    (tmp_path / "thesis.tex").write_text("years of work", encoding="utf-8")
    with pytest.raises(NotOurFolder, match="not written by a build"):
        write_files(tmp_path, {"index.md": "首页"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.tex"]


def test_an_output_of_a_build_before_manifests_is_adopted(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "articles.json").write_text("{}", encoding="utf-8")
    (tmp_path / "index.md").write_text("旧", encoding="utf-8")
    write_files(tmp_path, {"index.md": "首页", "data/articles.json": "[]"})
    assert (tmp_path / MANIFEST).is_file()
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "首页"


def test_a_manifest_entry_pointing_outside_is_never_followed(tmp_path):
    out = tmp_path / "out"
    victim = tmp_path / "victim.md"
    victim.write_text("keep", encoding="utf-8")
    write_files(out, {"index.md": "首页"})
    (out / MANIFEST).write_text((out / MANIFEST).read_text(encoding="utf-8").replace(
        '"index.md"', '"index.md", "../victim.md", "/etc/hostname"'), encoding="utf-8")
    write_files(out, {"index.md": "首页"})
    assert victim.read_text(encoding="utf-8") == "keep"


def test_files_are_replaced_whole_not_rewritten_in_place(tmp_path):
    write_files(tmp_path / "out", {"index.md": "旧的首页"})
    page = tmp_path / "out" / "index.md"
    reader = open(page, "rb")  # a reader (a web server) holding the old file sees it whole
    before = page.stat().st_ino
    write_files(tmp_path / "out", {"index.md": "新的首页，更长一些"})
    assert page.stat().st_ino != before  # a new file renamed over the old one
    assert reader.read().decode("utf-8") == "旧的首页"
    reader.close()
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_unchanged_files_keep_their_time(tmp_path):
    write_files(tmp_path, {"index.md": "首页"})
    stamp = (tmp_path / "index.md").stat().st_mtime_ns
    write_files(tmp_path, {"index.md": "首页", "b.md": "乙"})
    assert (tmp_path / "index.md").stat().st_mtime_ns == stamp


def test_rebuilding_into_an_old_out_removes_pages_of_removed_files_and_dropped_articles(tmp_path):
    import json
    import subprocess
    import sys

    from conftest import ROOT, copy_seeds

    seeds = copy_seeds(tmp_path / "pages", ["002_728af0c55fdcc69f.txt", "004_a0c3287a342c85db.txt"])
    out = tmp_path / "out"

    def build():
        result = subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", str(seeds), "--out", str(out),
                                 "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return {a["id"] for a in json.loads((out / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]}

    first = build()
    (out / "my-notes.md").write_text("mine", encoding="utf-8")
    gone_page = [i for i in first if (out / "articles" / f"{i}.md").read_text(encoding="utf-8").count("004_a0c3")]
    (seeds / "004_a0c3287a342c85db.txt").unlink()
    kept = sorted(build())
    dropped = kept[0]
    (seeds / "corrections.yaml").write_text(f"{dropped}:\n  drop: true\n", encoding="utf-8")
    last = build()
    assert dropped not in last and not (out / "articles" / f"{dropped}.md").exists()
    assert gone_page and not any((out / "articles" / f"{i}.md").exists() for i in gone_page)
    assert not (out / "sources" / "004-a0c3287a342c85db.md").exists()
    assert sorted(p.stem for p in (out / "articles").glob("*.md")) == sorted(last)
    assert (out / "my-notes.md").read_text(encoding="utf-8") == "mine"


def test_a_link_put_in_place_of_an_output_file_is_replaced_not_written_through(tmp_path):
    out = tmp_path / "out"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    write_files(out, {"index.md": "首页", "a.md": "甲"})
    (out / "index.md").unlink()
    (out / "index.md").symlink_to(victim)
    (out / "a.md").unlink()
    (out / "a.md").symlink_to(victim)
    write_files(out, {"index.md": "新首页"})
    assert victim.read_text(encoding="utf-8") == "keep"
    assert not (out / "index.md").is_symlink() and (out / "index.md").read_text(encoding="utf-8") == "新首页"
    assert not (out / "a.md").exists() and not (out / "a.md").is_symlink()
