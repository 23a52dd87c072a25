"""Write rendered files into a folder, never outside it."""
from __future__ import annotations

from pathlib import Path, PurePosixPath


def safe_path(root: Path, rel: str) -> Path:
    """Resolve ``rel`` inside ``root``; refuse absolute paths and ``..``."""
    parts = PurePosixPath(rel).parts
    if not parts or PurePosixPath(rel).is_absolute() or ".." in parts:
        raise ValueError(f"refusing to write outside the output folder: {rel!r}")
    path = (root / Path(*parts)).resolve()
    if root.resolve() not in path.parents:
        raise ValueError(f"refusing to write outside the output folder: {rel!r}")
    return path


def write_files(root: Path, files: dict[str, str]) -> int:
    """Write every file, only when its content changed (keeps mtimes for watchers)."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, text in sorted(files.items()):
        path = safe_path(root, rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    return len(files)
