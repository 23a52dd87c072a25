"""The publish build's builder stage, apart from MkDocs' process.

``mkdocs build`` of a large archive used to hold, to its end, what the builder stage
left in MkDocs' process (the digest's objects, the rendered Markdown twice: in each
``File`` and in each page) while Pagefind wrote its index beside it. Here the stage
runs in a forked process (``runtime/apart.py``) that writes the rendered files into a
staging folder and exits; MkDocs reads each page from that folder when it renders it
(``File.generated`` with ``abs_src_path``), as the floor reads its docs folder, and
:func:`let_go` drops a page's Markdown and HTML once the page is written.

The staging folder lives for one build: :func:`clean_staging` removes it after the
build (or its error), and at the latest when the process exits. ``mkdocs serve`` keeps
one folder for its session (:func:`build_for_serve`).
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import File

from ..runtime.apart import run_apart
from ..settings import Settings

_staging: list[Path] = []
_serve_folder: Path | None = None  # the pages of a ``mkdocs serve`` session, kept between rebuilds
_serve_memo = None  # what its builds keep for the next (``pipeline.Remembered``)
_serve_written: dict[str, str | bytes] = {}  # what is in the session's folder, by path


@dataclass(frozen=True)
class Built:
    """What MkDocs needs of a build: the notices and problems to log, the files (in the
    staging ``folder``), and the search box's tables to write beside the index (``search.tables``)."""
    notices: tuple[str, ...]
    problems: tuple[str, ...]
    paths: tuple[str, ...]
    search_tables: dict[str, str]
    folder: Path

    @classmethod
    def of(cls, site, settings: Settings, folder: Path, paths=None, tables: bool = True) -> "Built":
        """``tables``: made only for a build that writes the search index."""
        from ..site import search
        from ..vocab import load_vocabulary

        digest = site.digest
        tables = search.tables(load_vocabulary(settings.data_dir).gazetteer,
                               search.articles_of(site.files.get("data/articles.json"))) if tables else {}
        return cls(tuple(digest.notices), tuple(p.message for p in digest.problems),
                   tuple(sorted(site.files if paths is None else paths)), tables, folder)

    def file(self, config, path: str) -> File:
        return File.generated(config, path, abs_src_path=str(self.folder / path))


def build_for_serve(settings: Settings, search: bool = False) -> Built:
    """The site built in this process (``mkdocs serve`` runs threads: no fork), its files in
    one staging folder for the whole session, each rewritten only when its text changed: with
    ``mkdocs serve --dirty`` MkDocs then renders again only the pages an edit changed (it
    compares each source's time with its output's). Phase one's results and the rendered
    pages stay in memory for the next build (``pipeline.Remembered``), so an edit renders
    again only the pages it changed. ``search``: the preview builds the search index too."""
    from ..pipeline import Remembered, build_site

    global _serve_folder, _serve_memo
    if _serve_folder is None:
        _serve_folder = Path(tempfile.mkdtemp(prefix="digest-serve-"))
    if _serve_memo is None:
        _serve_memo = Remembered()
    site = build_site(settings, search_markers=True, memo=_serve_memo)
    _write_changed(_serve_folder, site.files)
    return Built.of(site, settings, _serve_folder, tables=search)


def _write_changed(folder: Path, files: dict[str, str | bytes]) -> None:
    """The session's folder holding ``files``: a file written (whole: beside it, then renamed)
    only when it differs from what the last build wrote, and the files no longer made removed.
    Nothing is read back or synced: the folder is the session's own, and temporary."""
    from ..site.write import atomic_write, safe_path

    for path, content in files.items():
        old = _serve_written.get(path)
        if old is content or old == content:  # a page from the memo is the very same text
            continue
        target = safe_path(folder, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, content.encode("utf-8") if isinstance(content, str) else content)
        _serve_written[path] = content
    for path in set(_serve_written) - set(files):
        (folder / path).unlink(missing_ok=True)
        del _serve_written[path]


def build_staged(settings: Settings) -> Built:
    """The site built in a process of its own, its files written into a new staging folder."""
    clean_staging()
    folder = Path(tempfile.mkdtemp(prefix="digest-pages-"))
    _staging.append(folder)
    return run_apart(_build_into, settings, folder)


def _build_into(settings: Settings, folder: Path) -> Built:
    """Each page written as soon as it is rendered (``render_site``'s sink): the process holds
    the digest and one page, never the whole site (a third of its peak at 10,000 articles)."""
    from ..pipeline import build_site  # imported in the child: MkDocs' process need not load the builder

    made: set[Path] = set()
    written: list[str] = []

    def write(path: str, content: str | bytes) -> None:
        target = folder / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="")
        written.append(path)

    site = build_site(settings, search_markers=True, sink=write)
    for path, content in site.files.items():
        write(path, content)
    return Built.of(site, settings, folder, written)


def let_go(page) -> None:
    """Drop a written page's Markdown and HTML (MkDocs keeps every page to the end of the
    build; nothing after ``on_post_page`` reads them: links were checked while rendering).

    The Markdown becomes "" rather than None: a page's title, which the navigation of
    later pages shows, is None without Markdown, and comes from the front matter or the
    rendered headline otherwise (``mkdocs.structure.pages.Page.title``), both kept."""
    page.markdown = ""
    page.content = None


def clean_staging() -> None:
    while _staging:
        shutil.rmtree(_staging.pop(), ignore_errors=True)


def _clean_all() -> None:
    clean_staging()
    if _serve_folder is not None:
        shutil.rmtree(_serve_folder, ignore_errors=True)


atexit.register(_clean_all)
