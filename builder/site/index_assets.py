"""Pagefind's script, WebAssembly and styles, from the Pagefind program itself.

The index files are written by ``index_write``; what a browser runs to read them comes with
Pagefind, whose version must match theirs. So the program indexes a page of one word in the
pages' language in a temporary folder, and its output gives the files to copy (everything but
the index of that page) and its entry file (``pagefind-entry.json``: the version, the language's
WebAssembly, the characters that count as part of a word), which the writer completes.
"""
from __future__ import annotations

import functools
import html
import json
import subprocess
import tempfile
from pathlib import Path

from .search import executable

INDEX_PARTS = ("fragment", "index", "filter")  # folders of the page indexed here, not copied


@functools.lru_cache(maxsize=4)
def _made(lang: str) -> tuple[str, str, tuple[tuple[str, bytes], ...]]:
    with tempfile.TemporaryDirectory(prefix="digest-pagefind-") as temp:
        site = Path(temp) / "site"
        site.mkdir()
        (site / "index.html").write_text(f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head>'
                                         '<meta charset="utf-8"></head><body><p>word</p></body></html>',
                                         encoding="utf-8")
        result = subprocess.run([str(executable()), "--site", str(site), "--output-subdir", "pagefind"],
                                capture_output=True, text=True)
        if result.returncode:
            raise RuntimeError(f"pagefind failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
        out = site / "pagefind"
        entry = (out / "pagefind-entry.json").read_text(encoding="utf-8")
        files = tuple((p.name, p.read_bytes()) for p in sorted(out.iterdir())
                      if p.is_file() and p.name != "pagefind-entry.json" and not p.name.endswith(".pf_meta"))
        extra = [p.name for p in out.iterdir() if p.is_dir() and p.name not in INDEX_PARTS]
        if extra:
            raise RuntimeError(f"Pagefind wrote folders this build does not know: {extra}")
        return json.loads(entry)["version"], entry, files


def assets(lang: str) -> tuple[str, dict, dict[str, bytes]]:
    """(Pagefind's version, its entry file as a dict, file name → bytes of every file to copy)."""
    version, entry, files = _made(lang)
    return version, json.loads(entry), dict(files)
