"""A complete docs folder: the hand-written pages of ``content/`` and the generated ones,
every Markdown page with its search markers, so ``mkdocs build`` (or any tool that reads
``mkdocs.yml`` and runs no hooks) makes the site from it alone.

A hand-written page wins over a generated one of the same path, as in the hook's build.
The folder is made whole each time: files a previous run wrote and this one does not are
removed (its manifest lists them), which is why it refuses a non-empty folder it did not make.
"""
from __future__ import annotations

from pathlib import Path

from .search_marks import mark_page, terms_of_page
from .write import write_files

def docs_files(files: dict[str, str], content: Path) -> dict[str, str | bytes]:
    """Path → text (or bytes) of the docs folder: ``content`` marked for search, then ``files``."""
    out: dict[str, str | bytes] = {}
    for path in sorted(p for p in Path(content).rglob("*") if p.is_file()):
        rel = path.relative_to(content).as_posix()
        if path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            out[rel] = mark_page(text, terms_of_page(text))  # hand-written pages are searched
        else:
            out[rel] = path.read_bytes()
    for rel, text in files.items():
        out.setdefault(rel, text)
    return out


def write_docs_folder(folder: Path, files: dict[str, str | bytes]) -> int:
    """Write the docs folder, removing what an earlier run left that is no longer part of it
    (the folder's manifest says what a run wrote, see ``write.py``).

    Raises:
        NotOurFolder: the folder holds files no run wrote; nothing is written then.
    """
    return write_files(Path(folder), files)
