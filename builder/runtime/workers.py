"""A large build on every core, with the collector out of the way.

- ``map_pages``: phase one. Pages are independent, so a cold build of a large
  archive hands batches of pages to worker processes. The first batch is
  processed here, which loads the vocabularies and compiles the matchers (about
  a second); then workers are forked and inherit all of it. A page's result does
  not depend on its batch (ids depend only on the page and the headline), so the
  output is the same whatever the number of workers.
- ``map_forked``: rendering pages and finding related articles, where the work
  needs the whole build in memory; forked workers inherit it, only results travel.
- ``fewer_collections``: the garbage collector's young generation runs less often.

Workers die with the build (``_start_worker``), and a worker that dies costs no
build: its work is done in this process instead.

A fork is safe only while this process runs no other thread: inside ``mkdocs
serve`` (which has threads) ``map_pages`` spawns fresh workers that compile their
own matchers and ``map_forked`` works here. Small builds, and rebuilds where the
cache holds most pages, stay in this process.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from ..model import Page

# More processes than this only fight over memory (a typo of DIGEST_WORKERS must not fork thousands).
MAX_WORKERS = 64
# Below this many pages to process, starting workers costs more than it saves.
MIN_PAGES = 100
# Below this many items map_forked works here: a fork of a large build costs a few tenths of a second.
FORK_MIN_ITEMS = 2000
# Pages per batch: small enough to keep every worker busy to the end.
BATCH = 16
# gc thresholds while building: young generation every 100,000 allocations, older ones as usual.
FEWER_COLLECTIONS = (100_000, 10, 10)
T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """The cores this process may use; DIGEST_WORKERS overrides (1 turns workers off)."""
    wanted = os.environ.get("DIGEST_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return min(int(wanted), MAX_WORKERS)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_pages(work: Callable[[list[Page], Path], list[T]], pages: Sequence[Page], data_dir: Path,
              workers: int | None = None, min_pages: int | None = None) -> list[T]:
    """``work(batch, data_dir)`` over the pages in batches, in workers when it pays.

    Arguments:
        work: a module-level function (workers import it by name), one result per page
        workers: processes to use (None: :func:`default_workers`)
        min_pages: fewer pages than this are processed here, without workers (None: MIN_PAGES)
    Returns:
        one result per page, in the pages' order.
    """
    pages = list(pages)
    workers = default_workers() if workers is None else workers
    min_pages = MIN_PAGES if min_pages is None else min_pages
    with fewer_collections():  # forked workers inherit the setting; spawned ones set it themselves
        if workers <= 1 or len(pages) < min_pages:
            return work(pages, data_dir)
        first = work(pages[:BATCH], data_dir)  # warms this process before any fork
        batches = [pages[i:i + BATCH] for i in range(BATCH, len(pages), BATCH)]
        if not batches:
            return first
        try:
            with ProcessPoolExecutor(max_workers=min(workers, len(batches)), mp_context=_start_method(),
                                     initializer=_start_worker, initargs=(os.getpid(), FEWER_COLLECTIONS)) as pool, \
                    no_collections():
                # Here only the workers' results are unpickled: millions of objects, no cycles among them.
                results = pool.map(work, batches, [data_dir] * len(batches))
                return first + [r for batch in results for r in batch]
        except BrokenProcessPool:
            # A worker died (out of memory, killed by hand): the pages are processed here instead.
            return first + [r for batch in batches for r in work(batch, data_dir)]


@contextmanager
def fewer_collections():
    """Run the young-generation garbage collection less often while building.

    A build allocates millions of small objects that live on (lines, articles);
    with Python's default threshold (700) the collector runs tens of thousands
    of times and took about a sixth of the build. Little of what a build makes
    forms cycles, so collecting every 100,000 allocations costs no memory to speak of.
    """
    before = gc.get_threshold()
    gc.set_threshold(*FEWER_COLLECTIONS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def no_collections():
    """No garbage collection at all, for a stretch that makes many objects and no cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# What forked workers of map_forked work on: inherited with the fork, never pickled.
_FORKED: tuple[Callable, Sequence] | None = None


def map_forked(fn: Callable[[T], R], items: Sequence[T], workers: int | None = None,
               min_items: int | None = None) -> list[R]:
    """``[fn(x) for x in items]``, in forked workers when there are many items and a fork is safe.

    Unlike :func:`map_pages`, the function and items need not be picklable (a
    Jinja environment, closures): forked workers inherit them; only results travel.
    """
    global _FORKED
    workers = default_workers() if workers is None else workers
    min_items = FORK_MIN_ITEMS if min_items is None else min_items
    if workers <= 1 or len(items) < min_items or _start_method().get_start_method() != "fork":
        return [fn(x) for x in items]
    step = -(-len(items) // (workers * 16))  # small slices: pages differ in cost
    _FORKED = (fn, items)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_start_method(), initializer=_start_worker,
                                 initargs=(os.getpid(), None)) as pool:
            parts = pool.map(_forked_slice, range(0, len(items), step), [step] * len(range(0, len(items), step)))
            return [r for part in parts for r in part]
    except BrokenProcessPool:
        return [fn(x) for x in items]  # a worker died: the work is done here instead
    finally:
        _FORKED = None


def _forked_slice(start: int, step: int) -> list:
    fn, items = _FORKED
    return [fn(x) for x in items[start:start + step]]


# prctl(2): the signal the kernel sends a process when its parent exits.
PR_SET_PDEATHSIG = 1
# How often a worker where prctl is missing checks that its parent is alive (seconds).
PARENT_POLL = 1.0


def _start_worker(parent: int, thresholds: tuple[int, int, int] | None) -> None:
    """First thing in a worker: die with the build, and collect as the build does.

    A build killed by SIGKILL or SIGTERM runs no clean-up, and its workers would
    wait for work forever. On Linux the kernel kills them (PR_SET_PDEATHSIG);
    elsewhere a thread watches the parent. The parent may have died before
    this line ran: then the worker leaves at once.
    """
    if thresholds:
        gc.set_threshold(*thresholds)
    if not _kill_me_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


def _kill_me_with_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    os._exit(1)


def _start_method():
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
