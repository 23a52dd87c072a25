"""The per-page cache: a cached build equals a fresh one, and only changed pages are processed again."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import copy_seeds

from builder import pipeline
from builder.settings import ROOT, Settings
from builder.bench.synthetic import make_archive, read_material
from builder.vocab import load_vocabulary


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """Names of the pages phase one processes, in every build of the test."""
    processed: list[str] = []
    analyse = pipeline.analyse_pages

    def counting(pages, vocab):
        processed.extend(p.name for p in pages)
        return analyse(pages, vocab)

    monkeypatch.setattr(pipeline, "analyse_pages", counting)
    return processed


@pytest.fixture
def archive(tmp_path) -> Path:
    pages = copy_seeds(tmp_path / "pages")
    make_archive(read_material(ROOT / "seeds", load_vocabulary()), pages, 12, seed=3)
    return pages


@pytest.fixture
def data_dir(tmp_path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "builder" / "data", data)
    return data


def build(pages: Path, data_dir: Path, cache: Path | None):
    return pipeline.build_digest(Settings.for_seeds(pages, data_dir=data_dir, cache_dir=cache))


def test_cached_build_equals_fresh_build(archive, data_dir, tmp_path, counted):
    fresh = build(archive, data_dir, None)
    first = build(archive, data_dir, tmp_path / "cache")
    counted.clear()
    second = build(archive, data_dir, tmp_path / "cache")
    assert counted == []  # every page came from the cache
    assert first == fresh
    assert second == fresh


def test_changing_one_page_processes_only_that_page(archive, data_dir, tmp_path, counted):
    build(archive, data_dir, tmp_path / "cache")
    page = sorted(archive.glob("0000*.txt"))[1]
    page.write_text(page.read_text(encoding="utf-8").replace("。", "！", 1), encoding="utf-8")
    counted.clear()
    cached = build(archive, data_dir, tmp_path / "cache")
    assert counted == [page.name]
    assert cached == build(archive, data_dir, None)


def test_changing_a_vocabulary_invalidates_the_cache(archive, data_dir, tmp_path, counted):
    build(archive, data_dir, tmp_path / "cache")
    with open(data_dir / "domain_terms.txt", "a", encoding="utf-8") as f:
        f.write("高新技术企业\n")
    counted.clear()
    cached = build(archive, data_dir, tmp_path / "cache")
    assert sorted(counted) == sorted(p.name for p in archive.glob("*.txt"))
    assert cached == build(archive, data_dir, None)


def test_changing_builder_code_invalidates_the_cache(archive, data_dir, tmp_path, counted, monkeypatch):
    build(archive, data_dir, tmp_path / "cache")
    monkeypatch.setattr(pipeline, "code_version", lambda data: "another-version-of-the-code")
    counted.clear()
    build(archive, data_dir, tmp_path / "cache")
    assert len(counted) == len(list(archive.glob("*.txt")))
