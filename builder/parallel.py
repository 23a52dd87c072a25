"""Phase one on every core: pages are independent, so a cold build of a large
archive hands batches of pages to worker processes.

The first batch is processed here, which loads the vocabularies and compiles
the matchers (about a second); then workers are forked and inherit all of it.
A fork is safe only while this process runs no other thread: inside ``mkdocs
serve`` (which has threads) workers are spawned afresh and compile their own.
Small builds, and rebuilds where the cache holds most pages, stay in this
process. A page's result does not depend on its batch (ids depend only on the
page and the headline), so the output is the same whatever the number of workers.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from .model import Page

# Below this many pages to process, starting workers costs more than it saves.
MIN_PAGES = 100
# Pages per batch: small enough to keep every worker busy to the end.
BATCH = 16
T = TypeVar("T")


def default_workers() -> int:
    """The cores this process may use; DIGEST_WORKERS overrides (1 turns workers off)."""
    wanted = os.environ.get("DIGEST_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_pages(work: Callable[[list[Page], Path], list[T]], pages: Sequence[Page], data_dir: Path,
              workers: int | None = None, min_pages: int = MIN_PAGES) -> list[T]:
    """``work(batch, data_dir)`` over the pages in batches, in workers when it pays.

    Arguments:
        work: a module-level function (workers import it by name), one result per page
        workers: processes to use (None: :func:`default_workers`)
        min_pages: fewer pages than this are processed here, without workers
    Returns:
        one result per page, in the pages' order.
    """
    pages = list(pages)
    workers = default_workers() if workers is None else workers
    if workers <= 1 or len(pages) < min_pages:
        return work(pages, data_dir)
    first = work(pages[:BATCH], data_dir)  # warms this process before any fork
    batches = [pages[i:i + BATCH] for i in range(BATCH, len(pages), BATCH)]
    with ProcessPoolExecutor(max_workers=min(workers, len(batches)), mp_context=_start_method()) as pool:
        results = pool.map(work, batches, [data_dir] * len(batches))
        return first + [r for batch in results for r in batch]


def _start_method():
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
