"""Read page files: only regular files of the seeds folder, size-limited, decoded or explained.

A page is a ``.txt`` file in the seeds folder. Anything else there is either
ignored quietly (hidden files, a README), read by another stage (the editors'
``corrections.yaml`` and ``pages.yaml``), or reported and skipped, so that one
bad file never stops the good pages. How an entry is opened (no links out of
the folder, no pipes or devices, never more than a page's bytes) is in
``safe_read``; how bytes become text in ``decoding``.
"""
from __future__ import annotations

import difflib
import re
import hashlib
import os
from pathlib import Path

from ..model import Page, Problem, shown
from .decoding import Undecodable, decode, decode_page
from .safe_read import Refused, read_limited, resolve_entry, too_large

__all__ = ["EDITOR_FILES", "MAX_BYTES", "MAX_LINE", "QUIET", "check", "decode", "read_pages"]

# A printed page is a few dozen kB; a file far larger than that is not a page.
MAX_BYTES = 2_000_000
# OCR output has short lines; a line this long is a broken export, not text.
MAX_LINE = 20_000
# A printed page is a few hundred lines (the seeds: 800 at most, blank lines included);
# many thousands are several pages in one file, and segmenting one page costs more than linear time.
MAX_LINES = 5_000
# Files the editors write beside the pages, each read by its own stage.
EDITOR_FILES = ("corrections.yaml", "pages.yaml", "addresses.yaml")
QUIET = {*EDITOR_FILES, "README.md", ".gitkeep"}


def check(name: str, data: bytes) -> tuple[Page | None, Problem | None]:
    """Turn one file's bytes into a Page, or explain why it is not one."""
    if not data:
        return None, Problem(name, "empty file: no text to read")
    if len(data) > MAX_BYTES:
        return None, Problem(name, too_large(len(data), MAX_BYTES))
    try:
        text, encoding = decode_page(data)
    except Undecodable as err:
        return None, Problem(name, str(err))
    if not text.strip():
        return None, Problem(name, "blank file: only white space")
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        return None, Problem(name, f"{len(lines):,} lines ({MAX_LINES:,} at most): not one printed page")
    longest = max(len(line) for line in lines)
    if longest > MAX_LINE:
        return None, Problem(name, f"a line of {longest:,} characters: not OCR page text")
    digest = hashlib.sha256(data).hexdigest()
    return Page(name=name, text=text, encoding=encoding, digest=digest), None


def near_miss(name: str) -> str | None:
    """The editors' file a name was probably meant to be (``corrections.yml``), or None."""
    if name in EDITOR_FILES:
        return None
    lower = name.lower()
    stem, _, rest = lower.partition(".")
    if not re.search(r"ya?ml", rest):
        return None  # a page file (or any other file), whatever its name
    for wanted in EDITOR_FILES:
        if difflib.SequenceMatcher(None, stem, wanted.split(".")[0]).ratio() >= 0.8:
            return wanted
    return None


def _printable_name(name: str) -> bool:
    # os.listdir gives bytes that are not UTF-8 as lone surrogates: no page, feed or JSON can hold them.
    return shown(name) == name and not any("\ud800" <= ch <= "\udfff" for ch in name)


def read_pages(folder: Path, link_roots: tuple[Path, ...] = ()) -> tuple[tuple[Page, ...], tuple[Problem, ...]]:
    """Read every page file in a folder, in file-name order.

    Arguments:
        link_roots: folders besides ``folder`` that a symbolic link may lead into
            (a preview's folder of links to the chosen pages)
    Returns:
        the pages that could be read, and one Problem per file that could not.
    """
    pages: list[Page] = []
    problems: list[Problem] = []
    folder = Path(folder)
    if not folder.is_dir():
        why = "is a file, not a folder" if folder.exists() else "does not exist"
        return (), (Problem(str(folder), f"seeds folder {why}"),)
    roots = tuple(Path(os.path.realpath(r)) for r in (folder, *link_roots))
    first: dict[str, str] = {}  # digest -> the first file with those bytes
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        return (), (Problem(str(folder), f"seeds folder cannot be read: {err.strerror or err}"),)
    for path in entries:
        page, problem = _read_entry(path, roots)
        if page and page.digest in first:
            # Every article twice is never what an editor meant; which copy is right is theirs to say.
            page, problem = None, Problem(page.name, f"the same bytes as {shown(first[page.digest])}: "
                                                     "read once, under the first name")
        if page:
            first[page.digest] = page.name
            pages.append(page)
        if problem:
            problems.append(problem)
    return tuple(pages), tuple(problems)


def _read_entry(path: Path, roots: tuple[Path, ...]) -> tuple[Page | None, Problem | None]:
    name = path.name
    if name.startswith(".") or name in QUIET:
        return None, None
    if not _printable_name(name):
        # The name as printed (escaped) is the one kept: the report and the feed never get the raw one.
        return None, Problem(shown(name), "the file name holds control characters or bytes that are not UTF-8: "
                                          "rename it")
    meant = near_miss(name)
    if meant:
        return None, Problem(name, f"looks like the editors' {meant} but is not read: rename it {meant}")
    try:
        target = resolve_entry(path, roots)
        if path.suffix.lower() != ".txt":
            return None, Problem(name, "not a .txt page file")
        data = read_limited(target, MAX_BYTES)
    except Refused as err:
        return None, Problem(name, str(err))
    except OSError as err:
        return None, Problem(name, f"cannot be read: {err.strerror or err}")
    return check(name, data)
