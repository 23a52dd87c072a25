"""A complete docs folder: the hand-written pages of ``content/`` and the generated ones,
every Markdown page with its search markers, so ``mkdocs build`` (or any tool that reads
``mkdocs.yml`` and runs no hooks) makes the site from it alone.

A hand-written page wins over a generated one of the same path, as in the hook's build.
The folder is made whole each time: files a previous run wrote and this one does not are
removed, which is why it refuses a non-empty folder it did not make.
"""
from __future__ import annotations

from pathlib import Path

from .search_marks import mark_page, terms_of_page
from .write import safe_path, write_files

STAMP = ".zone-digest-docs"  # marks a folder this module made, so it may empty it


def docs_files(files: dict[str, str], content: Path, words: list[str]) -> dict[str, str | bytes]:
    """Path → text (or bytes) of the docs folder: ``content`` marked for search, then ``files``."""
    out: dict[str, str | bytes] = {}
    for path in sorted(p for p in Path(content).rglob("*") if p.is_file()):
        rel = path.relative_to(content).as_posix()
        if path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            out[rel] = mark_page(text, terms_of_page(text, words))  # hand-written pages are searched
        else:
            out[rel] = path.read_bytes()
    for rel, text in files.items():
        out.setdefault(rel, text)
    return out


def write_docs_folder(folder: Path, files: dict[str, str | bytes]) -> int:
    """Write the docs folder, removing what an earlier run left that is no longer part of it."""
    folder = Path(folder)
    if folder.is_dir() and any(folder.iterdir()) and not (folder / STAMP).exists():
        raise ValueError(f"{folder}: not empty and not a docs folder made by `python -m builder docs`; "
                         "give an empty or new folder")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / STAMP).write_text("made by python -m builder docs; emptied by each run\n", encoding="utf-8")
    texts = {rel: data for rel, data in files.items() if isinstance(data, str)}
    write_files(folder, texts)
    for rel, data in files.items():
        if isinstance(data, bytes):
            path = safe_path(folder, rel)
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
    keep = {safe_path(folder, rel) for rel in files} | {(folder / STAMP).resolve()}
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path.resolve() not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return len(files)
