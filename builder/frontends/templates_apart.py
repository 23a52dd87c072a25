"""MkDocs' page templates on both cores: the helper writes the pages it converts.

Once every page is converted, MkDocs renders each page's template and writes it, one page
after the other: about a fifth of its time. The helper of ``pages_apart`` renders and
writes each page as soon as it has converted it, with MkDocs' own ``_build_page`` (the page
is written exactly as MkDocs writes it), and lets go of its HTML. A page's template reads
the page itself and the navigation, whose pages are converted first, before the helper is
forked, and written by MkDocs' loop as usual (``pages_apart.PagesApart``); so a page
written early shows what it would show written last (a test compares the whole site with
plain MkDocs' of the same pages). This process leaves its own pages to MkDocs' loop: while
it writes them, the helper finishes the search index on the other core (measured: writing
them here too, as they were converted, left this process waiting for the index at the end).

MkDocs' loop must then leave the helper's pages alone. It asks a page's ``meta`` for its
template before any event, so a page the helper wrote gets a ``meta`` that answers
:data:`SKIP`, an empty template: MkDocs writes nothing for an empty page (its line saying it
skipped the page is not logged, :class:`QuietSkips`).

Not under ``mkdocs build --dirty``: MkDocs then writes only the pages whose source changed.
"""
from __future__ import annotations

import logging

import jinja2

SKIP = "digest-skip-page.html"  # a template of nothing: the helper wrote this page
_in_helper = False


class Writer:
    """The helper's page writer: MkDocs' ``_build_page`` with an environment of its own."""

    def __init__(self, config, files, nav):
        from mkdocs.structure.files import InclusionLevel

        self.config, self.nav = config, nav
        self.doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        self.env = config.theme.get_env()  # what MkDocs' own is: no plugin here changes it (on_env)

    def __call__(self, page) -> None:
        from mkdocs.commands.build import _build_page

        _build_page(page, self.config, self.doc_files, self.nav, self.env, False,
                    excluded=page.file.inclusion.is_excluded())


def mark_helper() -> None:
    global _in_helper
    _in_helper = True


def in_helper() -> bool:
    """Whether this is the helper (the hook's ``on_post_page`` then leaves the page alone)."""
    return _in_helper


class Written(dict):
    """The ``meta`` of a page the helper wrote: its template is :data:`SKIP`."""

    def get(self, key, default=None):
        return SKIP if key == "template" else super().get(key, default)


def add_skip_template(env: jinja2.Environment) -> None:
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({SKIP: ""}), env.loader])


class QuietSkips(logging.Filter):
    """MkDocs' "Page skipped" line, for the pages the helper wrote."""

    def __init__(self, written: set[str]):
        super().__init__()
        self.written = written

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message.split("'")[1] in self.written)
