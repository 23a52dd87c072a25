"""The floor: what plain MkDocs + Material needs for the same pages, measured in the same run.

The builder's command line writes the archive's Markdown pages into a docs folder
(with the hand-written pages of ``content/``); plain MkDocs then builds that folder
with the Material theme and nothing else — no hook, no plugins, no theme overrides,
no search index. That is the least any MkDocs site of these pages costs, so the
publish build is judged by its ratio to it, time and peak memory alike.

Peak memory is of the whole process tree (MkDocs and whatever it starts, such as
Pagefind or forked workers), sampled from ``/proc`` while the command runs: two
processes at work at once count together. Each process counts its proportional set
size (PSS): memory a forked worker shares with its parent counts once, split among
them, where resident sizes would count it in every process.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

SAMPLE_SECONDS = 0.1
HELPER_NAMES = ("digest-pages", "pagefind")  # the processes counted as the helper's (pages_apart)
# Settings of the site's mkdocs.yml the floor keeps: what the pages need to render
# the same (links, tables, attribute lists); everything that adds work is left out.
KEPT = ("site_name", "nav", "not_in_nav", "markdown_extensions", "extra_css")


@dataclass(frozen=True)
class Run:
    """One measured command: wall seconds and the peak memory (PSS) of its process tree,
    with what each part of the tree held at that peak (:func:`tree_parts_kb`)."""
    seconds: float
    peak_mb: float
    parts_mb: tuple[tuple[str, float], ...] = ()


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(b")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _memory_kb(pid: int) -> int:
    """A process's proportional set size (its resident size where the kernel has no PSS)."""
    for path, key in ((f"/proc/{pid}/smaps_rollup", b"Pss:"), (f"/proc/{pid}/status", b"VmRSS:")):
        try:
            with open(path, "rb") as f:
                for line in f:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def _name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as f:
            return f.read().strip()
    except OSError:
        return ""


def tree_parts_kb(root: int) -> dict[str, int]:
    """Memory (PSS, kB) of a process tree in three parts: the command's own process
    (``main``), the helper (the process converting and writing pages beside it and writing
    the search index, named ``digest-pages``, or a ``pagefind`` program) and every other
    descendant
    (``workers``: the builder's forked processes, a child builder). Where the peak is made
    decides what to shrink: the floor has only a main process."""
    tree, todo = _children(), [(root, "main")]
    parts = {"main": 0, "helper": 0, "workers": 0}
    while todo:
        pid, part = todo.pop()
        parts[part] += _memory_kb(pid)
        for child in tree.get(pid, []):
            todo.append((child, "helper" if _name(child).startswith(HELPER_NAMES) else "workers"))
    return parts


def tree_memory_kb(root: int) -> int:
    """Memory of a process and all its descendants (PSS), in kB."""
    return sum(tree_parts_kb(root).values())


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[Run, subprocess.CompletedProcess]:
    """Run ``command``, sampling its process tree's memory until it ends."""
    peak: list = [0, {}]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(SAMPLE_SECONDS):
            parts = tree_parts_kb(proc.pid)
            if sum(parts.values()) > peak[0]:
                peak[:] = [sum(parts.values()), parts]

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    parts = tuple((name, round(kb / 1024, 1)) for name, kb in peak[1].items() if kb)
    return Run(seconds, round(peak[0] / 1024, 1), parts), subprocess.CompletedProcess(command, proc.returncode, out, err)


def floor_config(site_root: Path, docs: Path) -> dict:
    """The site's mkdocs.yml reduced to plain MkDocs + Material over ``docs``."""
    from mkdocs.utils.yaml import get_yaml_loader

    with open(site_root / "mkdocs.yml", encoding="utf-8") as f:
        site = yaml.load(f, Loader=get_yaml_loader())  # noqa: S506 - MkDocs' own loader (!ENV tags)
    config = {key: site[key] for key in KEPT if key in site}
    config.update(docs_dir=str(docs), plugins=[], theme={"name": "material", "language": "zh", "font": False})
    return config


def build_floor(site_root: Path, docs: Path, work: Path, env: dict[str, str]) -> Run:
    """Plain ``mkdocs build`` of an already written docs folder; returns its run."""
    config = work / "floor-mkdocs.yml"
    config.write_text(yaml.safe_dump(floor_config(site_root, docs), allow_unicode=True), encoding="utf-8")
    site = work / "floor-site"
    shutil.rmtree(site, ignore_errors=True)
    run, result = measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "--site-dir", str(site)],
                          site_root, env)
    if result.returncode:
        raise RuntimeError(f"the floor's mkdocs build failed:\n{result.stderr[-4000:]}")
    return run


def write_docs(seeds: Path, docs: Path, site_root: Path, env: dict[str, str]) -> None:
    """The archive's pages as the command line writes them, beside the hand-written ones."""
    shutil.rmtree(docs, ignore_errors=True)
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--quiet", "--no-cache",
                             "--seeds", str(seeds), "--out", str(docs)],
                            cwd=site_root, env=env, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"builder build failed:\n{result.stderr[-4000:]}")
    content = site_root / "content"
    for path in content.rglob("*"):
        target = docs / path.relative_to(content)
        if path.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def ratios(project: Run, floor: Run) -> dict:
    return {"time_ratio": round(project.seconds / floor.seconds, 2) if floor.seconds else None,
            "memory_ratio": round(project.peak_mb / floor.peak_mb, 2) if floor.peak_mb else None}
