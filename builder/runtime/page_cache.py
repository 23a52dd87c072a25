"""A cache of phase one (repair, segment, enrich) per page, keyed by content hash.

A page's entry is found by the sha256 of its name and bytes, inside a folder
named for the *version*: a hash of the builder's code, the vocabulary files and
the versions of the libraries that shape the output (jieba, pypinyin). Change
any of them and the whole cache is stale; change one page and only that page is
processed again.

The cache is disposable, so it never costs a build and never costs a file:

- It owns its folder by a marker (``CACHEDIR.TAG``, the Cache Directory Tagging
  standard, with a line of its own). A folder holding other files and no
  marker (``--cache .``, ``--cache ~/.cache``) is never used, and clean-up
  removes only names the cache writes (version folders, entry files) inside a
  marked folder.
- An entry is the SHA-256 of its payload and the payload, a pickle of the
  frozen dataclasses of ``builder.model``; the hash is checked before the
  pickle is read, and the pickle is read by an unpickler that can make only
  those classes, so a damaged entry is processed again and a crafted one runs
  no code.
- A folder that cannot be made or written (a file, read-only, full) turns the
  cache off with a notice; the build goes on without it.
"""
from __future__ import annotations

import dataclasses
import enum
import hashlib
import io
import os
import pickle
import re
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from ..model import Page, shown

CODE_DIR = Path(__file__).resolve().parent.parent
LIBRARIES = ("jieba", "rjieba", "pypinyin")
MARKER = "CACHEDIR.TAG"
MARKER_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
               "# A cache of zone digest (python -m builder); it removes only what it wrote here.\n")
HEADER = b"zone-digest-cache 1\n"
_VERSION = re.compile(r"[0-9a-f]{20}")
_ENTRY = re.compile(r"[0-9a-f]{64}\.pickle|.*\.tmp")
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


class ModelUnpickler(pickle.Unpickler):
    """Makes only the data model's classes: a crafted pickle cannot call anything else."""

    def find_class(self, module: str, name: str):
        found = getattr(sys.modules.get(module), name, None) if module.startswith("builder.") else None
        if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)):
            return found
        raise pickle.UnpicklingError(f"not a class of the data model: {module}.{name}")


def seal(value) -> bytes:
    """An entry's bytes: header, SHA-256 of the payload, payload."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def unseal(data: bytes):
    """The value of an entry's bytes.

    Raises:
        ValueError: the header or the hash does not match (a damaged entry);
        pickle.UnpicklingError: it names anything but the model's classes.
    """
    head = len(HEADER) + 65
    if not data.startswith(HEADER) or len(data) < head or data[head - 1:head] != b"\n":
        raise ValueError("not an entry of this cache")
    if hashlib.sha256(data[head:]).hexdigest().encode() != data[len(HEADER):head - 1]:
        raise ValueError("its content does not match its hash")
    return ModelUnpickler(io.BytesIO(data[head:])).load()


def is_marked(folder: Path) -> bool:
    try:
        return (folder / MARKER).read_text(encoding="utf-8") == MARKER_TEXT
    except (OSError, UnicodeDecodeError):
        return False


def claim(root: Path) -> str | None:
    """Make ``root`` this cache's own folder, or say why it cannot be.

    A missing or empty folder is made and marked; so is a folder of this
    cache's version folders only (written before caches were marked).
    Returns:
        None when the folder is ours, else the reason for the notice.
    """
    try:
        if not root.exists():
            root.mkdir(parents=True)
        elif not root.is_dir():
            return f"{root} is not a folder"
        if is_marked(root):
            return None
        if any(not (_VERSION.fullmatch(p.name) and p.is_dir()) for p in root.iterdir()):
            return (f"{root} holds other files and is not marked as a zone digest cache ({MARKER}); "
                    "choose a new or empty folder")
        with open(root / MARKER, "x", encoding="utf-8") as f:
            f.write(MARKER_TEXT)
        return None
    except FileExistsError:
        return None if is_marked(root) else f"{root}/{MARKER} is another program's"
    except OSError as err:
        return f"{root} cannot be used: {err.strerror or err}"


def remove_version(folder: Path) -> None:
    """Remove the entries this cache wrote in a version folder, then the folders left empty."""
    for sub in folder.iterdir():
        if sub.is_dir() and not sub.is_symlink() and re.fullmatch(r"[0-9a-f]{2}", sub.name):
            for entry in sub.iterdir():
                if _ENTRY.fullmatch(entry.name) and entry.is_file() and not entry.is_symlink():
                    entry.unlink()
            _rmdir(sub)
    _rmdir(folder)


def _rmdir(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty: something not ours is in it


class PageCache:
    """Arguments:
        folder: where the cache lives (``.cache/digest``); None turns caching off
        version: ``code_version(...)``; each version gets its own subfolder
        memory: a dict kept by a process that builds again and again (``mkdocs serve``): the
            last build's results by page, so a rebuild reads no entry file (a second at
            10,000 articles); it holds the pages of the last build only
    ``notices`` holds what went wrong with the cache (it never stops a build).
    """

    def __init__(self, folder: Path | None, version: str, memory: dict | None = None):
        self.notices: list[str] = []
        self.folder: Path | None = None
        self.memory = memory
        self._version = version
        if not folder:
            return
        root = Path(folder)
        why = claim(root)
        if why:
            self._off(why)
            return
        self.folder = root / version
        try:
            if not self.folder.is_dir():
                # A new version makes every older one useless: drop them.
                for old in root.iterdir():
                    if _VERSION.fullmatch(old.name) and old.is_dir() and not old.is_symlink():
                        remove_version(old)
                self.folder.mkdir(exist_ok=True)
        except OSError as err:
            self._off(f"{self.folder} cannot be made: {err.strerror or err}")

    def _off(self, why: str) -> None:
        self.notices.append(f"page cache off: {why}")
        self.folder = None

    def _path(self, page: Page) -> Path:
        key = hashlib.sha256(f"{page.name}\0{page.digest}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, page: Page):
        if not self.folder or not page.digest:
            return None
        path = self._path(page)
        try:
            data = path.read_bytes()
        except OSError:
            return None  # not cached yet
        try:
            value = unseal(data)
        except (ValueError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, IndexError) as err:
            self.notices.append(f"page cache: the entry of {shown(page.name)} is damaged ({err}); page processed again")
            try:
                path.unlink()
            except OSError:
                pass
            return None
        return value

    def put(self, page: Page, value) -> None:
        if not self.folder or not page.digest:
            return
        path = self._path(page)
        tmp = None
        try:
            path.parent.mkdir(exist_ok=True)
            # Write then rename, so a build that is killed never leaves half a file.
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(seal(value))
            os.replace(tmp, path)
        except OSError as err:
            if tmp:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            self._off(f"{self.folder} cannot be written: {err.strerror or err}")

    def map(self, pages: Sequence[Page], compute: Callable[[list[Page]], list[T]]) -> list[T]:
        """``compute`` over the pages, calling it once with only the pages not cached.

        Returns:
            one result per page, in the pages' order.
        """
        memory = self.memory if self.memory is not None else {}
        keys = [(self._version, p.name, p.digest) for p in pages]
        found = [memory.get(k) if p.digest else None for k, p in zip(keys, pages)]
        found = [r if r is not None else self.get(p) for p, r in zip(pages, found)]
        todo = [p for p, r in zip(pages, found) if r is None]
        fresh = iter(compute(todo) if todo else [])
        out = []
        for page, result in zip(pages, found):
            if result is None:
                result = next(fresh)
                self.put(page, result)
            out.append(result)
        if self.memory is not None:
            self.memory.clear()
            self.memory.update((k, r) for k, p, r in zip(keys, pages, out) if p.digest)
        return out
