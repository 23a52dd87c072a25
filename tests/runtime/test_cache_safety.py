"""The cache deletes only what it made, never runs code from its files, and never costs a build:
a damaged entry is processed again, a folder it cannot use turns it off with a notice."""
from __future__ import annotations

import errno
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_seeds

from builder import pipeline
from builder.runtime import page_cache
from builder.runtime.page_cache import MARKER, PageCache, seal
from builder.settings import Settings
from builder.sources import read_pages

VERSION_A, VERSION_B = "a" * 20, "b" * 20


def others(folder: Path) -> dict[str, bytes]:
    """Files a user keeps in a folder: another program's cache, a project."""
    files = {"seeds/000.txt": b"page", "builder/x.py": b"code", ".git/HEAD": b"ref",
             "pip/http/entry": b"cache of another program", f"{VERSION_A}/mine.txt": b"named like a version"}
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return files


def all_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_folder_holding_other_files_is_never_used_or_cleaned(tmp_path):
    files = others(tmp_path)
    cache = PageCache(tmp_path, VERSION_B)
    assert cache.folder is None and "page cache off" in cache.notices[0]
    assert all_files(tmp_path) == files  # nothing removed, nothing added


def test_cleaning_removes_only_entries_it_wrote_in_its_marked_folder(tmp_path):
    root = tmp_path / "cache"
    pages, _ = read_pages(ROOT / "seeds")
    old = PageCache(root, VERSION_A)
    old.put(pages[0], ("value",))
    assert (root / MARKER).is_file()
    (root / "notes.txt").write_text("mine", encoding="utf-8")
    (root / VERSION_A / "keep.txt").write_text("mine too", encoding="utf-8")
    PageCache(root, VERSION_B)
    assert (root / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (root / VERSION_A / "keep.txt").is_file()
    assert not list((root / VERSION_A).rglob("*.pickle"))  # its own entries went
    assert (root / VERSION_B).is_dir()


def test_an_unmarked_cache_of_version_folders_only_is_adopted(tmp_path):
    (tmp_path / VERSION_A / "ab").mkdir(parents=True)
    (tmp_path / VERSION_A / "ab" / ("ab" + "0" * 62 + ".pickle")).write_bytes(b"old")
    cache = PageCache(tmp_path, VERSION_B)
    assert cache.folder == tmp_path / VERSION_B and not cache.notices
    assert not (tmp_path / VERSION_A).exists()


def test_cache_dot_in_a_project_deletes_nothing(tmp_path):
    project = tmp_path / "project"
    seeds = copy_seeds(project / "seeds", ["002_728af0c55fdcc69f.txt"])
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    before = all_files(project)
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", str(seeds), "--out",
                             str(tmp_path / "out"), "--cache", "."], cwd=project, capture_output=True, text=True,
                            timeout=300, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.returncode == 0, result.stderr
    assert "page cache off" in result.stderr
    assert all_files(project) == before


@pytest.fixture
def seeds(tmp_path) -> Path:
    return copy_seeds(tmp_path / "pages", ["002_728af0c55fdcc69f.txt", "004_a0c3287a342c85db.txt"])


def build(seeds: Path, cache: Path | None):
    return pipeline.build_digest(Settings.for_seeds(seeds, cache_dir=cache, workers=1))


def entries_of(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.pickle"))


def test_a_flipped_byte_is_caught_and_the_page_processed_again(seeds, tmp_path):
    fresh = build(seeds, None)
    build(seeds, tmp_path / "cache")
    for entry in entries_of(tmp_path / "cache"):
        data = bytearray(entry.read_bytes())
        data[len(data) // 2] ^= 0x01  # one bit, deep in the payload
        entry.write_bytes(bytes(data))
    again = build(seeds, tmp_path / "cache")
    assert again.entries == fresh.entries and again.pages == fresh.pages
    assert len([n for n in again.notices if "damaged" in n]) == 2
    assert build(seeds, tmp_path / "cache").notices == ()  # rebuilt: clean from now on


class Payload:
    def __reduce__(self):
        return (os.system, (f"touch {Path(os.environ['CRAFTED_MARK'])}",))


def test_a_crafted_cache_entry_runs_no_code(seeds, tmp_path, monkeypatch):
    build(seeds, tmp_path / "cache")
    mark = tmp_path / "code-ran"
    monkeypatch.setenv("CRAFTED_MARK", str(mark))
    for entry in entries_of(tmp_path / "cache"):
        entry.write_bytes(seal(Payload()))  # a valid hash: only the unpickler stands in the way
    again = build(seeds, tmp_path / "cache")
    assert not mark.exists()
    assert len(again.entries) == len(build(seeds, None).entries)
    assert any("not a class of the data model" in n for n in again.notices)


def test_a_cache_path_that_is_a_file_turns_the_cache_off(seeds, tmp_path):
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")
    digest = build(seeds, tmp_path / "cache")
    assert digest.entries == build(seeds, None).entries
    assert any("page cache off" in n and "not a folder" in n for n in digest.notices)


def test_a_full_or_read_only_disk_turns_the_cache_off(seeds, tmp_path, monkeypatch):
    def full(*args, **kw):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(page_cache.tempfile, "mkstemp", full)
    digest = build(seeds, tmp_path / "cache")
    assert digest.entries == build(seeds, None).entries
    assert [n for n in digest.notices if "cannot be written" in n] and len(digest.notices) == 1


def test_an_entry_of_another_shape_is_not_a_pickle_at_all(tmp_path):
    pages, _ = read_pages(ROOT / "seeds")
    cache = PageCache(tmp_path / "c", VERSION_A)
    cache.put(pages[0], ("value",))
    (entry,) = entries_of(tmp_path / "c")
    entry.write_bytes(pickle.dumps(("value",)))  # a bare pickle, as caches were written before
    assert cache.get(pages[0]) is None and "damaged" in cache.notices[0]
