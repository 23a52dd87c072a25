"""The floor's measuring: a process tree's memory counts every process in it."""
from __future__ import annotations

import os
import sys

from builder.bench.floor import floor_config, measure, tree_rss_kb
from conftest import ROOT


def test_peak_memory_counts_a_child_process_with_its_parent(tmp_path):
    # A parent holding ~60 MB starts a child holding ~60 MB: the tree's peak holds both.
    code = ("import subprocess, sys, time; a = bytearray(60 << 20); "
            "subprocess.run([sys.executable, '-c', 'import time; b = bytearray(60 << 20); time.sleep(1.5)'])")
    run, result = measure([sys.executable, "-c", code], tmp_path, dict(os.environ))
    assert result.returncode == 0, result.stderr
    assert run.peak_mb >= 120 and run.seconds >= 1.5


def test_tree_memory_of_this_process_is_at_least_its_own():
    assert tree_rss_kb(os.getpid()) > 1000


def test_the_floor_config_is_plain_material_without_hooks_or_plugins(tmp_path):
    config = floor_config(ROOT, tmp_path / "docs")
    assert config["plugins"] == [] and "hooks" not in config
    assert config["theme"] == {"name": "material", "language": "zh", "font": False}
    assert config["docs_dir"] == str(tmp_path / "docs") and config["nav"]
