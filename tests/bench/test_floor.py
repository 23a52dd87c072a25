"""The floor's measuring: a process tree's memory counts every process in it."""
from __future__ import annotations

import os
import sys

from builder.bench.floor import floor_config, measure, tree_memory_kb
from conftest import ROOT


def test_peak_memory_counts_a_child_process_with_its_parent(tmp_path):
    # Memory the child writes is its own (not shared with the parent), so it adds up.
    # A parent holding ~60 MB starts a child holding ~60 MB: the tree's peak holds both.
    code = ("import subprocess, sys, time; a = bytearray(60 << 20); "
            "subprocess.run([sys.executable, '-c', 'import time; b = bytearray(60 << 20); time.sleep(1.5)'])")
    run, result = measure([sys.executable, "-c", code], tmp_path, dict(os.environ))
    assert result.returncode == 0, result.stderr
    assert run.peak_mb >= 120 and run.seconds >= 1.5
    parts = dict(run.parts_mb)
    # the child is a worker (not a pagefind program), the parent the main process
    assert parts["main"] >= 60 and parts["workers"] >= 60 and "helper" not in parts, parts


def test_tree_memory_of_this_process_is_at_least_its_own():
    assert tree_memory_kb(os.getpid()) > 1000


def test_the_floor_config_is_plain_material_without_hooks_or_plugins(tmp_path):
    config = floor_config(ROOT, tmp_path / "docs")
    assert config["plugins"] == [] and "hooks" not in config
    assert config["theme"] == {"name": "material", "language": "zh", "font": False}
    assert config["docs_dir"] == str(tmp_path / "docs") and config["nav"]


def test_memory_a_forked_child_shares_with_its_parent_counts_once(tmp_path):
    # 80 MB written by the parent, then a forked child that only sleeps: resident sizes
    # would count the 80 MB twice, proportional sizes once.
    code = ("import os, time\na = bytearray(80 << 20)\nfor i in range(0, len(a), 4096): a[i] = 1\npid = os.fork()\n"
            "if pid == 0:\n    time.sleep(1.5); os._exit(0)\n"
            "os.waitpid(pid, 0)")
    run, result = measure([sys.executable, "-c", code], tmp_path, dict(os.environ))
    assert result.returncode == 0, result.stderr
    assert 80 <= run.peak_mb < 140
