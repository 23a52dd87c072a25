"""Pagefind's fragments without the hidden field of codes.

Pagefind keeps a copy of every page's text in the page's *fragment*
(``pagefind/fragment/*.pf_fragment``), which the search box fetches for each result
it shows: the title, the address and the text the excerpt is cut from. Every word
Pagefind indexes is in that copy, so the hidden field of token codes
(``search.terms_field``) was too: two thirds of each fragment's bytes, fetched five
times by a reader's first search, and read by nobody. The box finds where a page holds
the query from the word positions in the index chunks, not from the fragment, and
builds excerpts from the real text.

So once the index is written the field is taken out of each fragment's text, between
its two :data:`search.FIELD_MARK`. The index keeps the codes and their positions: the
field is indexed as before, only no longer downloaded with every result. The anchors'
positions (headings, Pagefind's sub-results) are moved back by the field's length so
that they still count words of the text that is left. A fragment keeps its file name
(Pagefind's page list names it), and is written gzipped as Pagefind writes it, with no
time stamp, so the same pages give the same bytes.
"""
from __future__ import annotations

import gzip
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .search import FIELD_MARK
from .write import atomic_write

SIGNATURE = b"pagefind_dcd"  # opens every decompressed Pagefind file; its script checks it
LEVEL = 6  # gzip's default: a tenth the time of 9 for a few bytes more


def without_field(fragment: dict) -> bool:
    """The fragment (Pagefind's JSON) with the hidden field cut out of its text;
    False when it has none."""
    content = fragment.get("content") or ""
    start = content.find(FIELD_MARK)
    end = content.find(FIELD_MARK, start + 1) if start >= 0 else -1
    if end < 0:
        return False
    # Pagefind counts a position for every whitespace-separated word, the marks included.
    positions = len(content[start:end + 1].split())
    fragment["content"] = content[:start] + content[end + 1:].lstrip(" \u200b")
    for anchor in fragment.get("anchors") or ():
        if isinstance(anchor.get("location"), int) and anchor["location"] >= positions:
            anchor["location"] -= positions
    return True


def trim_file(path: Path) -> int:
    """Rewrites one fragment file without the field; the bytes saved (0: left as it was)."""
    raw = path.read_bytes()
    data = gzip.decompress(raw)
    if not data.startswith(SIGNATURE):
        return 0
    fragment = json.loads(data[len(SIGNATURE):])
    if not without_field(fragment):
        return 0
    text = json.dumps(fragment, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out = gzip.compress(SIGNATURE + text, LEVEL, mtime=0)
    atomic_write(path, out)  # a killed build leaves the fragment as Pagefind wrote it, never half
    return len(raw) - len(out)


def trim_fragments(index_dir: Path) -> int:
    """Every fragment of the index at ``index_dir`` (``site/pagefind``) without the field;
    the bytes saved on disk."""
    folder = Path(index_dir) / "fragment"
    files = sorted(folder.glob("*.pf_fragment")) if folder.is_dir() else []
    # zlib lets go of the interpreter while it works: threads use every core (no fork, which
    # the build's threads rule out)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return sum(pool.map(trim_file, files))
