"""Write rendered files into the output folder: never outside it, atomically, and owning it.

The output folder is the build's own: a manifest (``MANIFEST``) lists every
file the last build wrote, so a rebuild removes the files it no longer makes
(pages of removed page files, dropped articles) and nothing else. A folder
holding files and no manifest was not made by a build: it is refused, unless
it is the output of a build made before manifests (``data/articles.json`` and
``index.md`` in it), which is adopted as it is.

Each file is written to a temporary file beside it and renamed over it, so a
build that is killed leaves every file whole, old or new; the manifest is
written first with the old and the new files (a killed build still knows all
it may have written), and again at the end with the new ones only. One
``os.sync`` at the end makes the files durable (one per file would cost a
second per two thousand files).
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path, PurePosixPath

MANIFEST = ".digest-manifest.json"
_OWNER = "zone digest build output"
# An output folder written before manifests existed holds these.
_OLD_OUTPUT = ("data/articles.json", "index.md")


class NotOurFolder(Exception):
    """An output folder that holds files no build wrote; the message says what to do."""


def safe_path(root: Path, rel: str) -> Path:
    """Resolve ``rel`` inside ``root``; refuse absolute paths and ``..``."""
    parts = PurePosixPath(rel).parts
    if not parts or PurePosixPath(rel).is_absolute() or ".." in parts:
        raise ValueError(f"refusing to write outside the output folder: {rel!r}")
    # The folder is resolved, not the file: a link in its place is replaced, never written through.
    path = (root / Path(*parts)).parent.resolve() / parts[-1]
    if root.resolve() not in path.parents:
        raise ValueError(f"refusing to write outside the output folder: {rel!r}")
    return path


def owned_files(root: Path) -> set[str]:
    """The files a build wrote into ``root`` before (empty for a new or empty folder).

    Raises:
        NotOurFolder: ``root`` is not a folder, or holds files no build wrote.
    """
    if not root.exists():
        return set()
    if not root.is_dir():
        raise NotOurFolder(f"output {str(root)!r} is not a folder")
    manifest = root / MANIFEST
    if manifest.is_file() and not manifest.is_symlink():
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            if data.get("owner") == _OWNER and all(isinstance(f, str) for f in data["files"]):
                return set(data["files"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        raise NotOurFolder(f"output {str(root)!r}: {MANIFEST} is damaged; remove the folder and build again")
    if not any(root.iterdir()) or all((root / f).is_file() for f in _OLD_OUTPUT):
        return set()
    raise NotOurFolder(f"output {str(root)!r} holds files and no {MANIFEST}: it was not written by a build; "
                       "choose a new or empty folder")


def write_manifest(root: Path, files: set[str]) -> None:
    atomic_write(root / MANIFEST, json.dumps({"owner": _OWNER, "files": sorted(files)},
                                              ensure_ascii=False, indent=0).encode("utf-8"))


def atomic_write(path: Path, data: bytes) -> None:
    """``data`` in ``path`` whole or not at all: written beside it, then renamed over it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_files(root: Path, files: dict[str, str | bytes]) -> int:
    """Write every file (only when its content changed: keeps mtimes for watchers), remove stale ones.

    Returns:
        how many files the build has.
    Raises:
        NotOurFolder: see :func:`owned_files`; nothing is written then.
        ValueError: a path outside the folder; nothing is written then.
    """
    root = Path(root)
    before = owned_files(root)
    paths = {rel: safe_path(root, rel) for rel in sorted(files)}
    root.mkdir(parents=True, exist_ok=True)
    write_manifest(root, before | set(files))
    changed = 0
    for rel, path in paths.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        data = files[rel]
        data = data.encode("utf-8") if isinstance(data, str) else data
        if path.is_symlink() or not path.is_file() or path.read_bytes() != data:
            atomic_write(path, data)
            changed += 1
    removed = remove_stale(root, before - set(files))
    write_manifest(root, set(files))
    if changed or removed:
        os.sync()
    return len(files)


def remove_stale(root: Path, stale: set[str]) -> int:
    """Remove files an earlier build wrote and this one does not, and the folders they leave empty."""
    removed = 0
    for rel in sorted(stale):
        try:
            path = safe_path(root, rel)
        except ValueError:
            continue  # a manifest entry pointing outside: never followed
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed += 1
        for folder in path.parents:
            if folder == root.resolve() or root.resolve() not in folder.parents:
                break
            try:
                folder.rmdir()
            except OSError:
                break  # not empty
    return removed
