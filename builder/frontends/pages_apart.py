"""MkDocs' Markdown conversion on both cores, and the search index made from it.

Converting each page's Markdown is most of what MkDocs does (about four fifths of its
own time at 2,000 articles; the templates are the rest), and it does it on one core,
page by page. Here the hook (``on_nav``) does that part itself before MkDocs' loop,
with a forked helper: both take the next page not yet taken (a shared table of claims)
and run on it what MkDocs' ``_populate_page`` runs between its events — ``read_source``,
the ``on_page_markdown`` events, ``render`` (``page_render.py``: the same HTML with less
work) — so a page converts exactly as MkDocs would convert it. The helper sends each
page's result back; MkDocs' own loop then finds every page converted (:func:`_install`
stands in for its ``read_source`` and ``render``), and the log lines a conversion made
are logged again there, in MkDocs' order.

The helper also writes the search index (``site/index_write.py``). Whoever converts a page
reads it for the index too (``index_write.prepare``: its text, words and positions, the
most of the work); the helper takes them in MkDocs' order (``commit``: the page's number,
its file names), so the index does not depend on who converted what.

This process never waits to write (its pipe to the helper is non-blocking, what does
not fit waits in a buffer) and reads whatever the helper sends whenever it waits, so
neither side can stall the other for good. A page whose conversion failed is left to
MkDocs, which converts it again and reports the error as it always does.
"""
from __future__ import annotations

import html
import logging
import multiprocessing
import os
import select
from dataclasses import dataclass, replace
from pathlib import Path

from ..runtime.streams import PIPE_BYTES, Claims, Frames, Sender, frame, name_process, pipe
from ..runtime.workers import _start_worker
from ..site import search
from . import page_render, templates_apart
from ..site.index_write import IndexWriter, Prepared, prepare

HELPER_PROCESS = "digest-pages"  # the name ps and the bench give the helper (bench/floor.py)
_MAIN, _HELPER = 1, 2


@dataclass(frozen=True)
class Converted:
    """What MkDocs' ``read_source`` and ``render`` leave on a page, and what they logged."""
    meta: dict
    content: str | None
    toc: object
    title: str | None
    anchors: set | None
    links: dict[str, dict[str, str]] | None  # links to anchors, by the linked file's path
    records: tuple[tuple[str, int, str], ...]  # (logger, level, message)
    written: bool = False  # the helper wrote the page too (templates_apart); its content is not sent


class _Held(logging.Handler):
    """The log lines of one conversion, held to be logged in MkDocs' order."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def convert(page, config, files, write=None) -> Converted | None:
    """What ``_populate_page`` does to a page between ``on_pre_page`` and ``on_page_content``;
    None when it raised (MkDocs then converts the page again and reports the error).
    ``write``: given (the helper's ``templates_apart.Writer``), the page is written too."""
    root = logging.getLogger("mkdocs")
    held, kept = _Held(), root.handlers
    root.handlers = [held]
    config._current_page = page
    written = False
    try:
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page_render.render(page, config, files)  # MkDocs' Page.render, with less work
        meta, content = dict(page.meta), page.content  # as converted: writing the page lets go of it
        if write is not None:
            before = len(held.records)
            try:
                write(page)
                written = True
            except Exception:  # noqa: BLE001 - MkDocs' own loop writes it again, and says why not
                del held.records[before:]
    except Exception:  # noqa: BLE001 - MkDocs' own loop raises it again, with its message
        return None
    finally:
        root.handlers = kept
        config._current_page = None
    links = None if page.links_to_anchors is None else \
        {f.src_uri: dict(v) for f, v in page.links_to_anchors.items()}
    return Converted(meta, content, page.toc, page._title_from_render,
                     page.present_anchor_ids, links, tuple(held.records), written)


def _install(page, done: Converted, files) -> None:
    """MkDocs' ``read_source`` and ``render`` of the page, replaced by what ``done`` holds."""
    def read_source(config) -> None:
        page.markdown = ""  # not sent: nothing reads it after the conversion (builder_apart.let_go)
        page.meta = templates_apart.Written(done.meta) if done.written else done.meta

    def render(config, files_) -> None:
        content = "" if done.content is None else done.content  # a page the helper wrote: not sent
        page.content, page.toc, page._title_from_render = content, done.toc, done.title
        page.present_anchor_ids = done.anchors
        if done.links is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in done.links.items()}
        for name, level, message in done.records:
            logging.getLogger(name).log(level, message)
        del page.read_source, page.render  # the class's own again

    page.read_source, page.render = read_source, render
    page.digest_converted = True


def is_converted(page) -> bool:
    """Whether the page's conversion was done here (the hook's ``on_page_markdown`` ran then)."""
    return getattr(page, "digest_converted", False)


def page_html(content: str, lang: str) -> str:
    """The page as the index reads it: what Pagefind reads is the converted Markdown."""
    return f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8"></head>' \
           f"<body>{content}</body></html>"


def pages_in_order(files, config) -> list:
    """The pages MkDocs' loop converts, in its order; a page outside the navigation gets its
    ``Page`` here, as that loop would give it one."""
    from mkdocs.structure.files import InclusionLevel
    from mkdocs.structure.pages import Page

    pages = []
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
        if file.page is not None:
            pages.append(file.page)
    return pages


class PagesApart:
    """Every page converted on two processes (started by :func:`start`); :meth:`convert_all`
    here, then :meth:`index_result` once MkDocs is done."""

    def __init__(self, config, files, nav, dirty: bool = False):
        self.config, self.files, self.nav, self.dirty = config, files, nav, dirty
        self.pages = pages_in_order(files, config)
        self.lang = config.theme.get("language") or "en"
        self.searched = [search.is_searched(p.file.src_uri, p.file.generated_by is not None) for p in self.pages]
        self.claims = Claims(len(self.pages))
        self.written: set[str] = set()  # the pages the helper wrote as it converted them (templates_apart)
        self._out = bytearray()
        self.here = 0
        # Every template shows the navigation: its pages are converted before the fork, so
        # the helper writes pages with the navigation as MkDocs' loop will have it.
        in_nav = {id(p) for p in nav.pages}
        for k, page in enumerate(self.pages):
            if id(page) in in_nav:
                self.claims.take(k, _MAIN)
                self._convert_here(k, page)
        self._write = None if dirty else templates_apart.Writer(config, files, nav)
        to_helper, self._to_helper = pipe()
        self._from_helper, from_main = pipe()
        context = multiprocessing.get_context("fork")
        self._child = context.Process(target=self._helper, args=(os.getpid(), to_helper, from_main), daemon=False)
        self._child.start()
        os.close(to_helper)
        os.close(from_main)
        os.set_blocking(self._to_helper, False)
        self._frames = Frames(self._from_helper)
        self._helper_converted: int | None = None  # how many pages the helper converted, once it is done
        self._last = None  # the helper's final message: the index, or its error

    # -- this process
    def convert_all(self) -> tuple[int, int]:
        """Convert the pages with the helper; returns (converted here, converted by the helper)."""
        for k, page in enumerate(self.pages):
            if not is_converted(page) and self.claims.take(k, _MAIN):
                self._convert_here(k, page)
            self._pump(block=False)
        while self._helper_converted is None or self._out:
            self._pump(block=True)
        self._out += frame(None)  # nothing more comes from here
        while self._out:
            self._pump(block=True)
        return self.here, self._helper_converted

    def _convert_here(self, k: int, page) -> None:
        # Its template waits for MkDocs' loop: see templates_apart.
        done = convert(page, self.config, self.files)
        if self.searched[k]:  # to the helper, ready for the index
            self._out += frame((k, self._prepared(k, done)))
        if done is not None:
            _install(page, done, self.files)
            self.here += 1

    def _prepared(self, k: int, done: Converted | None):
        """The page's share of the index's work, done by whoever converted it."""
        if done is None or done.content is None:
            return None
        return prepare("/" + self.pages[k].file.url.lstrip("/"), page_html(done.content, self.lang))

    def _pump(self, block: bool) -> None:
        writing = [self._to_helper] if self._out else []
        readable, writable, _ = select.select([self._from_helper], writing, [], None if block else 0)
        if writable:
            try:
                sent = os.write(self._to_helper, self._out[:PIPE_BYTES])
            except BlockingIOError:
                sent = 0
            del self._out[:sent]
        if readable:
            for message in self._frames.read():
                self._receive(message)

    def _receive(self, message) -> None:
        kind, value = message
        if kind == "page":
            k, done = value
            if done is not None:
                _install(self.pages[k], done, self.files)
                if done.written:
                    self.written.add(self.pages[k].file.src_uri)
        elif kind == "converted":
            self._helper_converted = value
        else:  # "indexed" or "error": the helper's last word
            self._last = message

    def index_result(self) -> int:
        """Wait for the index: the pages with words."""
        try:
            while self._last is None:
                self._pump(block=True)
        finally:
            self.close()
        kind, value = self._last
        if kind == "error":
            raise RuntimeError(f"the search index could not be written: {value}")
        return value

    def close(self) -> None:
        for fd in (self._to_helper, self._from_helper):
            try:
                os.close(fd)
            except OSError:
                pass
        if self._child.is_alive() and self._last is None:
            self._child.kill()
        self._child.join()

    # -- the helper
    def _helper(self, parent: int, incoming: int, outgoing: int) -> None:
        _start_worker(parent, None)
        name_process(HELPER_PROCESS)
        os.close(self._to_helper)
        os.close(self._from_helper)
        send = Sender(outgoing)
        try:
            send(("indexed", self._helper_work(Frames(incoming), send)))
        except BaseException as err:  # noqa: BLE001 - every failure goes back to the parent
            send(("error", f"{type(err).__name__}: {err}"))
        os._exit(0)

    def _helper_work(self, incoming: Frames, send) -> int:
        writer = IndexWriter(Path(self.config.site_dir) / "pagefind", self.lang)
        sent: dict[int, Prepared | None] = {}  # the pages the main process converted, as they come
        ready: dict[int, Prepared | None] = {}  # this helper's converted pages not yet indexed
        front, converted, ended = 0, 0, False
        order = [k for k, s in enumerate(self.searched) if s]

        def take_incoming(block: bool) -> None:
            nonlocal ended
            while not ended and (block or select.select([incoming.fd], [], [], 0)[0]):
                for message in incoming.read():
                    if message is None:
                        ended = True
                    else:
                        sent[message[0]] = message[1]
                block = False

        def index_front(block: bool) -> None:
            nonlocal front
            while front < len(order):
                k = order[front]
                if k in ready:
                    prepared = ready.pop(k)
                elif k in sent:
                    prepared = sent.pop(k)
                elif not block:
                    return
                elif ended:
                    raise RuntimeError(f"no page {self.pages[k].file.src_uri} came to be indexed")
                else:
                    take_incoming(block=True)
                    continue
                if prepared is not None:
                    writer.commit(prepared)
                front += 1

        templates_apart.mark_helper()
        write = self._write
        try:
            for k, page in enumerate(self.pages):
                if self.claims.take(k, _HELPER):
                    done = convert(page, self.config, self.files, write)
                    if self.searched[k]:
                        ready[k] = self._prepared(k, done)
                    if done is not None and done.written:
                        done = replace(done, content=None)  # this process wrote it: not needed there
                    send(("page", (k, done)))
                    converted += 1
                    page.content = None
                take_incoming(block=False)
                index_front(block=False)
            send(("converted", converted))
            index_front(block=True)
            return writer.finish()
        finally:
            writer.close()


def start(config, files, nav, dirty: bool = False) -> PagesApart | None:
    """The helper started, or None when a fork is not safe here (``runtime/apart.can_fork``)."""
    from ..runtime.apart import can_fork

    return PagesApart(config, files, nav, dirty) if can_fork() else None
