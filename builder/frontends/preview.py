"""Preview a few pages of a large archive: ``python -m builder preview --pages 'seeds/12*.txt'``.

Builds a folder of links to the chosen page files (and the editors'
corrections) and runs ``mkdocs serve`` on it through ``DIGEST_SEEDS``, so the
site has only those pages and rebuilds in seconds however large the archive.
Editing a chosen page in place rebuilds the preview: the links point at it and
its folder is watched.
"""
from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from ..settings import CODE_ROOT, find_site_root
from ..sources import EDITOR_FILES


def choose(patterns: list[str]) -> list[Path]:
    """The page files the glob patterns match, in file-name order, without repeats."""
    found = {Path(p).resolve() for pattern in patterns for p in glob.glob(pattern)}
    return sorted((p for p in found if p.is_file()), key=lambda p: p.name)


def link_pages(pages: list[Path], folder: Path) -> Path:
    """A folder of symbolic links (copies where links are not allowed) to the pages."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = {p.parent for p in pages}
    for page in pages + [d / name for d in sources for name in EDITOR_FILES]:
        if not page.is_file():
            continue
        target = folder / page.name
        try:
            os.symlink(page, target)
        except OSError:
            shutil.copy2(page, target)
    return folder


def preview_pages(patterns: list[str], dev_addr: str | None = None) -> int:
    pages = choose(patterns)
    if not pages:
        print(f"no page files match {' '.join(patterns)}", file=sys.stderr)
        return 2
    folder = link_pages(pages, Path(tempfile.mkdtemp(prefix="digest-preview-")))
    print(f"previewing {len(pages)} page file(s) from {folder}")
    command = [sys.executable, "-m", "mkdocs", "serve"]
    for source in sorted({p.parent for p in pages}):
        command += ["--watch", str(source)]
    if dev_addr:
        command += ["--dev-addr", dev_addr]
    linked = os.pathsep.join(sorted(str(p.parent) for p in pages))
    env = dict(os.environ, DIGEST_SEEDS=str(folder), DIGEST_LINKED_FROM=linked, NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(CODE_ROOT), os.environ.get("PYTHONPATH")])))
    # Stopped by Ctrl-C or a kill: stop mkdocs too and remove the folder of links.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = subprocess.Popen(command, cwd=find_site_root(), env=env)
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)
