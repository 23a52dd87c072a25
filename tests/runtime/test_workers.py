"""Work spread over processes gives exactly what one process gives."""
from __future__ import annotations

import os
import subprocess
import sys
import threading

from builder.runtime import workers as parallel
from builder.pipeline import analyse_batch, build_digest
from builder.site import render_site
from builder.settings import ROOT, Settings
from builder.sources import read_pages
from builder.vocab import load_vocabulary

DATA = ROOT / "builder" / "data"


def test_phase_one_in_workers_equals_phase_one_here():
    pages, _ = read_pages(ROOT / "seeds")
    here = parallel.map_pages(analyse_batch, pages, DATA, workers=1)
    # batches of one page: every page but the first goes to a worker
    old = parallel.BATCH
    parallel.BATCH = 1
    try:
        spread = parallel.map_pages(analyse_batch, pages, DATA, workers=2, min_pages=1)
    finally:
        parallel.BATCH = old
    assert spread == here
    assert [s.page.name for s, _ in spread] == [p.name for p in pages]


def test_map_forked_runs_in_other_processes_and_keeps_order():
    # In a fresh interpreter: this test process may be running threads (servers of
    # other tests), and then map_forked rightly refuses to fork.
    script = """
import os
from builder.runtime import workers as parallel
squares = {}  # a closure over local state: nothing here could be pickled to a spawned worker
items = list(range(50))
out = parallel.map_forked(lambda x: (squares.get(x, x * x), os.getpid()), items, workers=2, min_items=1)
assert [v for v, _ in out] == [x * x for x in items], out
assert {pid for _, pid in out} - {os.getpid()}, "no item was done in a worker"
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_few_items_stay_in_this_process():
    out = parallel.map_forked(lambda x: os.getpid(), range(3), workers=2, min_items=10)
    assert set(out) == {os.getpid()}


def test_digest_and_site_are_the_same_with_workers(monkeypatch):
    settings = Settings.for_seeds(ROOT / "seeds")
    vocab = load_vocabulary(settings.data_dir)
    monkeypatch.setenv("DIGEST_WORKERS", "1")
    digest = build_digest(settings)
    files = render_site(digest, vocab, settings.templates)
    # every parallel path taken, even for the five seed pages
    monkeypatch.setenv("DIGEST_WORKERS", "2")
    monkeypatch.setattr(parallel, "MIN_PAGES", 1)
    monkeypatch.setattr(parallel, "FORK_MIN_ITEMS", 1)
    monkeypatch.setattr(parallel, "BATCH", 1)
    pools = []

    class CountedPool(parallel.ProcessPoolExecutor):
        def __init__(self, *a, **k):
            pools.append(k.get("mp_context"))
            super().__init__(*a, **k)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", CountedPool)
    digest2 = build_digest(settings)
    assert pools, "phase one did not use workers"
    assert digest2 == digest
    assert render_site(digest2, vocab, settings.templates) == files
    if threading.active_count() == 1:  # related articles and pages went to forked workers too
        assert len(pools) >= 3


def test_collector_setting_is_restored():
    import gc

    before = gc.get_threshold()
    with parallel.fewer_collections():
        assert gc.get_threshold() == parallel.FEWER_COLLECTIONS
    assert gc.get_threshold() == before


def test_no_fork_while_another_thread_runs():
    # mkdocs serve has threads: a fork would copy them mid-work, so the work stays here.
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        out = parallel.map_forked(lambda x: os.getpid(), range(20), workers=2, min_items=1)
    finally:
        stop.set()
        thread.join()
    assert set(out) == {os.getpid()}
