"""MkDocs' Markdown conversion on both cores, and the search index made from it.

Converting each page's Markdown is most of what MkDocs does (about four fifths of its
own time at 2,000 articles; the templates are the rest), and it does it on one core,
page by page. Here the hook (``on_nav``) does that part itself before MkDocs' loop,
with a forked helper: both take the next page not yet taken (a shared table of claims)
and run on it what MkDocs' ``_populate_page`` runs between its events — ``read_source``,
the ``on_page_markdown`` events, ``render`` — so a page converts exactly as MkDocs would
convert it. The helper sends each page's result back; MkDocs' own loop then finds every
page converted (:func:`_install` stands in for its ``read_source`` and ``render``), and
the log lines a conversion made are logged again there, in MkDocs' order.

The helper also writes the search index (``site/index_write.py``): it reads the pages
it converted, and the pages this process converted are sent to it. Pages enter the index
in MkDocs' order whoever converted them, so the index does not depend on the split.

This process never waits to write (its pipe to the helper is non-blocking, what does
not fit waits in a buffer) and reads whatever the helper sends whenever it waits, so
neither side can stall the other for good. A page whose conversion failed is left to
MkDocs, which converts it again and reports the error as it always does.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import select
import time
from dataclasses import dataclass
from pathlib import Path

from ..runtime.apart import freeze_before_fork
from ..runtime.workers import _start_worker
from ..site import search
from ..site.index_write import IndexWriter

HELPER_PROCESS = "digest-pages"  # the name ps and the bench give the helper (bench/floor.py)
_PIPE_BYTES = 1 << 20  # a larger pipe: the helper rarely waits for this process to read
_READ_BYTES = 1 << 20
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


class _Held(logging.Handler):
    """The log lines of one conversion, held to be logged in MkDocs' order."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def convert(page, config, files) -> Converted | None:
    """What ``_populate_page`` does to a page between ``on_pre_page`` and ``on_page_content``;
    None when it raised (MkDocs then converts the page again and reports the error)."""
    root = logging.getLogger("mkdocs")
    held, kept = _Held(), root.handlers
    root.handlers = [held]
    config._current_page = page
    try:
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
    except Exception:  # noqa: BLE001 - MkDocs' own loop raises it again, with its message
        return None
    finally:
        root.handlers = kept
        config._current_page = None
    links = None if page.links_to_anchors is None else \
        {f.src_uri: dict(v) for f, v in page.links_to_anchors.items()}
    return Converted(page.meta, page.content, page.toc, page._title_from_render,
                     page.present_anchor_ids, links, tuple(held.records))


def _install(page, done: Converted, files) -> None:
    """MkDocs' ``read_source`` and ``render`` of the page, replaced by what ``done`` holds."""
    def read_source(config) -> None:
        page.markdown = ""  # not sent: nothing reads it after the conversion (builder_apart.let_go)
        page.meta = done.meta

    def render(config, files_) -> None:
        page.content, page.toc, page._title_from_render = done.content, done.toc, done.title
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
    import html
    return f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8"></head>' \
           f"<body>{content}</body></html>"


class _Claims:
    """Which process converts each page: the first to take it."""

    def __init__(self, n: int):
        context = multiprocessing.get_context("fork")
        self._table = context.RawArray("b", n)
        self._lock = context.Lock()

    def take(self, k: int, who: int) -> bool:
        """Whether page ``k`` is ``who``'s: taken now, or by ``who`` before."""
        with self._lock:
            if not self._table[k]:
                self._table[k] = who
            return self._table[k] == who


def _frame(message) -> bytes:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(8, "big") + data


class _Frames:
    """Messages cut from the bytes read from a pipe."""

    def __init__(self, fd: int):
        self.fd, self._buffer = fd, bytearray()

    def read(self) -> list:
        data = os.read(self.fd, _READ_BYTES)
        if not data:
            raise EOFError("the pages' helper process ended")
        self._buffer += data
        messages = []
        while len(self._buffer) >= 8:
            size = int.from_bytes(self._buffer[:8], "big")
            if len(self._buffer) < 8 + size:
                break
            messages.append(pickle.loads(bytes(self._buffer[8:8 + size])))
            del self._buffer[:8 + size]
        return messages


def _pipe() -> tuple[int, int]:
    read, write = os.pipe()
    try:
        import fcntl
        fcntl.fcntl(write, 1031, _PIPE_BYTES)  # F_SETPIPE_SZ (Linux)
    except (ImportError, OSError):
        pass
    return read, write


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

    def __init__(self, config, files):
        self.config, self.files = config, files
        self.pages = pages_in_order(files, config)
        self.lang = config.theme.get("language") or "en"
        self.searched = [search.is_searched(p.file.src_uri, p.file.generated_by is not None) for p in self.pages]
        self.claims = _Claims(len(self.pages))
        to_helper, self._to_helper = _pipe()
        self._from_helper, from_main = _pipe()
        context = multiprocessing.get_context("fork")
        freeze_before_fork()
        self._child = context.Process(target=self._helper, args=(os.getpid(), to_helper, from_main), daemon=False)
        self._child.start()
        os.close(to_helper)
        os.close(from_main)
        os.set_blocking(self._to_helper, False)
        self._frames = _Frames(self._from_helper)
        self._out = bytearray()
        self._helper_done: dict | None = None
        self._last = None  # the helper's final message: the index, or its error
        self.here = 0

    # -- this process
    def convert_all(self) -> tuple[int, int]:
        """Convert the pages with the helper; returns (converted here, converted by the helper)."""
        for k, page in enumerate(self.pages):
            if self.claims.take(k, _MAIN):
                done = convert(page, self.config, self.files)
                if done is not None:
                    _install(page, done, self.files)
                    self.here += 1
                if self.searched[k]:
                    self._out += _frame((k, None if done is None else done.content))
            self._pump(block=False)
        while self._helper_done is None or self._out:
            self._pump(block=True)
        self._send_now(_frame(None))  # nothing more comes from here
        return self.here, self._helper_done["converted"]

    def _send_now(self, data: bytes) -> None:
        self._out += data
        while self._out:
            self._pump(block=True)

    def _pump(self, block: bool) -> None:
        writing = [self._to_helper] if self._out else []
        readable, writable, _ = select.select([self._from_helper], writing, [], None if block else 0)
        if writable:
            try:
                sent = os.write(self._to_helper, self._out[:_PIPE_BYTES])
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
        elif kind == "converted":
            self._helper_done = value
        else:  # "indexed" or "error": the helper's last word
            self._last = message

    def index_result(self) -> tuple[int, float]:
        """Wait for the index: (pages with words, seconds the helper took to finish it)."""
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

    cancel = close

    # -- the helper
    def _helper(self, parent: int, incoming: int, outgoing: int) -> None:
        _start_worker(parent, None)
        _name_process(HELPER_PROCESS)
        os.close(self._to_helper)
        os.close(self._from_helper)
        send = _Sender(outgoing)
        try:
            count, seconds = self._helper_work(_Frames(incoming), send)
            send(("indexed", (count, seconds)))
        except BaseException as err:  # noqa: BLE001 - every failure goes back to the parent
            send(("error", f"{type(err).__name__}: {err}"))
        os._exit(0)

    def _helper_work(self, incoming: _Frames, send) -> tuple[int, float]:
        writer = IndexWriter(Path(self.config.site_dir) / "pagefind", self.lang)
        sent: dict[int, str | None] = {}  # the pages this process converted, as they come
        ready: dict[int, str | None] = {}  # this helper's converted pages not yet indexed
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
                    content = ready.pop(k)
                elif k in sent:
                    content = sent.pop(k)
                elif not block:
                    return
                elif ended:
                    raise RuntimeError(f"no page {self.pages[k].file.src_uri} came to be indexed")
                else:
                    take_incoming(block=True)
                    continue
                if content is not None:
                    writer.add("/" + self.pages[k].file.url.lstrip("/"), page_html(content, self.lang))
                front += 1

        try:
            for k, page in enumerate(self.pages):
                if self.claims.take(k, _HELPER):
                    done = convert(page, self.config, self.files)
                    send(("page", (k, done)))
                    converted += 1
                    if self.searched[k]:
                        ready[k] = None if done is None else done.content
                    page.content = None
                take_incoming(block=False)
                index_front(block=False)
            send(("converted", {"converted": converted}))
            index_front(block=True)
            start = time.perf_counter()
            return writer.finish(), time.perf_counter() - start
        finally:
            writer.close()


class _Sender:
    def __init__(self, fd: int):
        self.fd = fd

    def __call__(self, message) -> None:
        data = memoryview(_frame(message))
        while data:
            data = data[os.write(self.fd, data):]


def _name_process(name: str) -> None:
    try:
        Path("/proc/self/comm").write_text(name)
    except OSError:  # no /proc: the name is only for reading figures
        pass


def start(config, files) -> PagesApart | None:
    """The helper started, or None when a fork is not safe here (``runtime/apart.can_fork``)."""
    from ..runtime.apart import can_fork

    return PagesApart(config, files) if can_fork() else None
