"""A long build says what it is doing: each phase with its counts and seconds, on the
command line's stderr and in MkDocs' log; ``--quiet`` keeps the command line silent."""
from __future__ import annotations

import re

import pytest

from conftest import copy_seeds, mkdocs_build, run_build

PHASES = (
    r"page files read: 2 \(1 skipped\) \(\d+\.\d\d s\)",
    r"pages analysed: 2, taken from the cache: 0; articles: \d+ \(\d+\.\d\d s\)",
    r"corrections, tags, dates and related articles: \d+ articles \(\d+\.\d\d s\)",
    r"files rendered: \d+ \(\d+\.\d\d s\)",
)


def _pages(tmp_path):
    seeds = copy_seeds(tmp_path / "pages", ["000_e871fc29704ad4c6.txt", "002_728af0c55fdcc69f.txt"])
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    return seeds


def _build(seeds, out, *extra):
    return run_build(seeds, out, "--no-cache", *extra)


def test_the_command_line_logs_every_phase_with_counts_and_seconds(tmp_path):
    result = _build(_pages(tmp_path), tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for phase in PHASES:
        assert re.search(phase, result.stderr), f"no line like {phase!r} in:\n{result.stderr}"
    assert "pages read: 2" in result.stdout  # the summary stays on stdout


def test_quiet_logs_no_phase(tmp_path):
    result = _build(_pages(tmp_path), tmp_path / "out", "--quiet")
    assert result.returncode == 0
    assert not any(re.search(phase, result.stderr) for phase in PHASES)


@pytest.mark.slow
def test_mkdocs_log_shows_the_phases_and_the_search_index(tmp_path):
    result = mkdocs_build(tmp_path / "site", strict=False, DIGEST_SEEDS=str(_pages(tmp_path)),
                          DIGEST_CACHE=str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr[-3000:]
    for phase in PHASES + (r"pagefind indexed \d+ pages in \d+\.\d\d s",):
        assert re.search(r"INFO\s+-\s+" + phase, result.stderr), f"no line like {phase!r}"
