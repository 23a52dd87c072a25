"""Read page files: decode them and report, by name and reason, the ones that cannot be read.

A page is a ``.txt`` file in the seeds folder. Anything else there is either
ignored quietly (the editors' corrections file, hidden files) or reported and
skipped, so that one bad file never stops the good pages.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Page, Problem

# A printed page is a few dozen kB; a file far larger than that is not a page.
MAX_BYTES = 2_000_000
# OCR output has short lines; a line this long is a broken export, not text.
MAX_LINE = 20_000
ENCODINGS = ("utf-8-sig", "gb18030")
QUIET = {"corrections.yaml", "corrections.yml", "pages.yaml", "addresses.yaml", "README.md", ".gitkeep"}


def decode(data: bytes) -> tuple[str, str] | None:
    """Decode page bytes as UTF-8 (with or without BOM) or GB18030.

    Returns:
        (text, encoding) with line ends normalised to ``\\n``, or None when
        neither encoding reads the bytes.
    """
    for enc in ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text, ("utf-8" if enc == "utf-8-sig" else enc)
    return None


def check(name: str, data: bytes) -> tuple[Page | None, Problem | None]:
    """Turn one file's bytes into a Page, or explain why it is not one."""
    if not data:
        return None, Problem(name, "empty file: no text to read")
    if len(data) > MAX_BYTES:
        return None, Problem(name, f"file is {len(data):,} bytes, larger than a printed page ({MAX_BYTES:,} at most)")
    if b"\x00" in data:
        return None, Problem(name, "binary file (contains NUL bytes), not page text")
    decoded = decode(data)
    if decoded is None:
        return None, Problem(name, "bytes are neither UTF-8 nor GB18030")
    text, encoding = decoded
    if not text.strip():
        return None, Problem(name, "blank file: only white space")
    longest = max(len(line) for line in text.split("\n"))
    if longest > MAX_LINE:
        return None, Problem(name, f"a line of {longest:,} characters: not OCR page text")
    digest = hashlib.sha256(data).hexdigest()
    return Page(name=name, text=text, encoding=encoding, digest=digest), None


def read_pages(folder: Path) -> tuple[tuple[Page, ...], tuple[Problem, ...]]:
    """Read every page file in a folder, in file-name order.

    Returns:
        the pages that could be read, and one Problem per file that could not.
    """
    pages: list[Page] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return (), (Problem(str(folder), "seeds folder does not exist"),)
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        name = path.name
        if name.startswith(".") or name in QUIET:
            continue
        if path.is_dir():
            problems.append(Problem(name, "a folder, not a page file"))
            continue
        if path.suffix.lower() != ".txt":
            problems.append(Problem(name, "not a .txt page file"))
            continue
        try:
            data = path.read_bytes()
        except OSError as err:
            problems.append(Problem(name, f"cannot be read: {err.strerror or err}"))
            continue
        page, problem = check(name, data)
        if page:
            pages.append(page)
        if problem:
            problems.append(problem)
    return tuple(pages), tuple(problems)
