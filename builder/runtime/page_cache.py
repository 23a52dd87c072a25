"""A cache of phase one (repair, segment, enrich) per page, keyed by content hash.

A page's entry is found by the sha256 of its name and bytes, inside a folder
named for the *version*: a hash of the builder's code, the vocabulary files and
the versions of the libraries that shape the output (jieba, pypinyin). Change
any of them and the whole cache is stale; change one page and only that page is
processed again. Entries are pickles of the frozen dataclasses, so a cached
page is equal (``==``) to a fresh one.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from ..model import Page

CODE_DIR = Path(__file__).parent.parent  # the whole builder package
LIBRARIES = ("jieba", "rjieba", "pypinyin")
T = TypeVar("T")


def _library_versions() -> str:
    out = []
    for name in LIBRARIES:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=?")
    return ";".join(out)


def code_version(data_dir: Path) -> str:
    """A hash of everything besides the page that decides what phase one makes of it."""
    h = hashlib.sha256(_library_versions().encode())
    for folder, pattern in ((CODE_DIR, "*.py"), (Path(data_dir), "*")):
        for path in sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:20]


class PageCache:
    """Arguments:
        folder: where the cache lives (``.cache/digest``); None turns caching off
        version: ``code_version(...)``; each version gets its own subfolder
    """

    def __init__(self, folder: Path | None, version: str):
        self.folder = Path(folder) / version if folder else None
        if self.folder and not self.folder.is_dir():
            # A new version makes every older one useless: drop them.
            for old in self.folder.parent.glob("*"):
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
            self.folder.mkdir(parents=True, exist_ok=True)

    def _path(self, page: Page) -> Path:
        key = hashlib.sha256(f"{page.name}\0{page.digest}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, page: Page):
        if not self.folder or not page.digest:
            return None
        try:
            with open(self._path(page), "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # missing or unreadable: process the page again

    def put(self, page: Page, value) -> None:
        if not self.folder or not page.digest:
            return
        path = self._path(page)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a build that is killed never leaves half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def map(self, pages: Sequence[Page], compute: Callable[[list[Page]], list[T]]) -> list[T]:
        """``compute`` over the pages, calling it once with only the pages not cached.

        Returns:
            one result per page, in the pages' order.
        """
        found = [self.get(p) for p in pages]
        todo = [p for p, r in zip(pages, found) if r is None]
        fresh = iter(compute(todo) if todo else [])
        out = []
        for page, result in zip(pages, found):
            if result is None:
                result = next(fresh)
                self.put(page, result)
            out.append(result)
        return out
