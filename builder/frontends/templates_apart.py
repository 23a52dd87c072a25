"""MkDocs' page templates on both cores.

Once every page is converted (``pages_apart``), MkDocs renders each page's template and
writes it, one page after the other: about a fifth of its time. At ``on_env`` the hook
forks a helper that takes pages from the same list; each process renders a page only if
it took it first (a shared table of claims, as ``pages_apart``). The helper runs MkDocs'
own ``_build_page`` on its pages, so they are written exactly as MkDocs writes them; here
a page the helper took gets an empty template (:data:`SKIP`) and so writes nothing
(MkDocs skips an empty page; its line saying so is not logged). MkDocs asks a page's
``meta`` for its template first thing, before any event, so the claim is made there
(:class:`_Claimed`). What the helper logged is logged here when it is done.
"""
from __future__ import annotations

import logging

import jinja2

from .pages_apart import _HELPER, _MAIN, _Claims, _Held, _name_process

SKIP = "digest-skip-page.html"  # a template of nothing: the helper writes this page
HELPER_PROCESS = "digest-templates"
_in_helper = False


class TemplatesApart:
    """The helper rendering pages' templates beside MkDocs' loop (started by :func:`start`)."""

    def __init__(self, config, files, nav, env, dirty: bool):
        from mkdocs.structure.files import InclusionLevel

        from ..runtime.apart import Apart, freeze_before_fork

        self.doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        self.claims = _Claims(len(self.doc_files))
        self.skipped: set[str] = set()
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({SKIP: ""}), env.loader])
        freeze_before_fork()
        self._job = Apart(_render_taken, self, config, nav, env, dirty)
        for k, file in enumerate(self.doc_files):  # here only: the helper's pages keep their own
            file.page.meta = _Claimed(file.page.meta, self, k)

    def takes_here(self, k: int, uri: str) -> bool:
        """Whether this process renders page ``k`` (else its template is :data:`SKIP`)."""
        if self.claims.take(k, _MAIN):
            return True
        self.skipped.add(uri)
        return False

    def result(self) -> int:
        """Wait for the helper; log what it logged; the pages it wrote."""
        written, records = self._job.result()
        for name, level, message in records:
            logging.getLogger(name).log(level, message)
        return written

    def cancel(self) -> None:
        self._job.cancel()


class _Claimed(dict):
    """A page's ``meta`` whose template is asked for when MkDocs starts the page: the page is
    claimed then, and a page the helper took renders :data:`SKIP`."""

    def __init__(self, meta: dict, job: TemplatesApart, k: int):
        super().__init__(meta)
        self._job, self._k = job, k

    def get(self, key, default=None):
        if key == "template" and not self._job.takes_here(self._k, self._uri()):
            return SKIP
        return super().get(key, default)

    def _uri(self) -> str:
        return self._job.doc_files[self._k].src_uri


def _render_taken(job: TemplatesApart, config, nav, env, dirty: bool) -> tuple[int, list]:
    from mkdocs.commands.build import _build_page

    global _in_helper
    _in_helper = True
    _name_process(HELPER_PROCESS)
    root = logging.getLogger("mkdocs")
    held = _Held()
    root.handlers = [held]
    written = 0
    for k, file in enumerate(job.doc_files):
        if job.claims.take(k, _HELPER):
            _build_page(file.page, config, job.doc_files, nav, env, dirty, excluded=file.inclusion.is_excluded())
            written += 1
    return written, held.records


def in_helper() -> bool:
    """Whether this is the helper (the hook's events then leave the page alone)."""
    return _in_helper


class QuietSkips(logging.Filter):
    """MkDocs' "Page skipped" line, for the pages the helper wrote."""

    def __init__(self, job: TemplatesApart):
        super().__init__()
        self.job = job

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message.split("'")[1] in self.job.skipped)


def start(config, files, nav, env, dirty: bool) -> TemplatesApart | None:
    """The helper started, or None when a fork is not safe here."""
    from ..runtime.apart import can_fork

    return TemplatesApart(config, files, nav, env, dirty) if can_fork() else None
