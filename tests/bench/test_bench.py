"""The benchmark command and the synthetic archive it builds."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from builder.sources import read_pages
from builder.bench import serve_edit
from builder.bench.synthetic import _zone_pattern, make_archive, read_material
from builder.vocab import load_vocabulary

FIELDS = ("articles", "pages", "builder_seconds", "mkdocs_seconds", "pagefind_seconds", "peak_rss_mb",
          "peak_rss_mb_children", "site_bytes", "html_bytes_per_article", "largest_page_bytes",
          "pagefind_bytes", "pagefind_index_bytes", "search_bytes", "search_bytes_gzip", "search_bytes_by_kind",
          "search_ms")


def test_synthetic_archive_is_deterministic_and_in_the_seeds_layout(tmp_path):
    material = read_material(ROOT / "seeds", load_vocabulary())
    first = make_archive(material, tmp_path / "a", 40, seed=5)
    second = make_archive(material, tmp_path / "b", 40, seed=5)
    assert [p.name for p in first] == [p.name for p in second]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second))
    pages, problems = read_pages(tmp_path / "a")
    assert not problems and len(pages) == len(first) >= 40 // 6
    headline, byline, *body = pages[0].text.split("\n\n")
    assert len(headline) <= 40 and byline.startswith("▶ ") and len(body) >= 2
    # The body is the seeds' paragraphs, with every zone name made this article's zone.
    zones = _zone_pattern(material.zones)
    known = {zones.sub("Z", p) for p in material.paragraphs}
    for block in (b.strip() for b in body):
        is_heading = len(block) <= 40 and zones.search(block) or block.startswith("▶ ")
        assert is_heading or zones.sub("Z", block) in known, block


@pytest.mark.slow
@pytest.mark.browser
def test_bench_prints_one_json_line_of_figures(tmp_path):
    result = subprocess.run([sys.executable, "-m", "builder", "bench", "--articles", "30", "--floor", "--serve",
                             "--keep", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout
    figures = json.loads(lines[0])
    for field in FIELDS:
        assert field in figures, field
    assert figures["articles"] >= 30
    assert figures["search_results_shown"] >= 1
    # where the first search's bytes go: the word list, the chunks, the fragments; no Pagefind script
    parts = figures["search_bytes_by_kind"]
    assert sum(parts.values()) == figures["search_bytes"]
    assert parts["meta"] and parts["index"] and parts["fragment"] and "pagefind" not in parts, parts
    assert (tmp_path / "site" / "pagefind" / "pagefind.js").is_file()
    # The floor: the same pages built by plain MkDocs + Material, with the ratios beside.
    for field in ("mkdocs_peak_mb", "floor_seconds", "floor_peak_mb", "time_ratio", "memory_ratio"):
        assert figures[field] > 0, field
    assert abs(figures["time_ratio"] - figures["mkdocs_seconds"] / figures["floor_seconds"]) < 0.02
    # what each part held at the peak, adding up to it; only the publish build has a helper process (pages_apart)
    for build in ("mkdocs", "floor"):
        parts = figures[f"{build}_peak_parts_mb"]
        assert "main" in parts and abs(sum(parts.values()) - figures[f"{build}_peak_mb"]) < 1, parts
        assert set(parts) <= {"main", "helper", "workers"}
    assert set(figures["floor_peak_parts_mb"]) <= {"main", "workers"}
    floor_pages = {p.parent.relative_to(tmp_path / "floor-site") for p in (tmp_path / "floor-site").rglob("index.html")}
    assert {p.parent.relative_to(tmp_path / "site") for p in (tmp_path / "site/articles").rglob("index.html")} <= floor_pages
    assert not (tmp_path / "floor-site" / "pagefind").exists()  # the floor indexes nothing
    # mkdocs serve --dirty: its first build, then an edit of one page file shown by the server
    assert figures["serve_first_build_seconds"] > 0 and figures["serve_edit_seconds"] > 0
    assert serve_edit.ADDED in (tmp_path / "pages" / sorted(p.name for p in (tmp_path / "pages").glob("*.txt"))[0]
                                ).read_text(encoding="utf-8")


def test_bench_without_mkdocs_times_the_builder_only():
    result = subprocess.run([sys.executable, "-m", "builder", "bench", "--articles", "12", "--no-mkdocs"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout)
    assert figures["articles"] == 12 and "mkdocs_seconds" not in figures
