"""The search index written page by page in Pagefind's own files, in bounded memory.

Pagefind's indexer holds every page's words until it writes the index, then builds every
word's page list at once: 0.85 MB an article at its peak (8.4 GB at 10,000 articles), for
an index of 7 kB an article on disk. This writer makes the same files (Pagefind's script and
WebAssembly read them, and so does the search box, ``digest-search-index.js``) holding at
most one page and one part of the word list at a time:

- a page's fragment (its address, title and text) is written as soon as the page comes;
- its words and their positions are appended to one of many part files, by the words'
  first two letters, so that the parts, taken in order, hold the words in Pagefind's order;
- at the end each part is read alone, its words sorted, and the index chunks are cut as
  Pagefind cuts them (a chunk ends once it holds 20,000 positions and pages), with the word
  list (``pf_meta``) naming each chunk by its first and last word.

The words are the code words of the hidden field (``search.terms_field``), at the positions
Pagefind gave them, and every Chinese character of the text on its own, which a search for a
lone character asks for. File names are SHA-1 hashes of the contents, shortened as Pagefind
shortens them, so the same pages give the same files. Pagefind's script and WebAssembly come
from the Pagefind program itself (``index_assets``), so their version is the one installed.
Everything is written in a folder beside the index and put in its place whole at the end: a
build that stops half way leaves the last index as it was.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import marshal
import os
import re
import shutil
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import cbor
from .index_assets import assets
from .page_text import read_page
from .search import CJK, FIELD_MARK, RUN_BREAK

SIGNATURE = b"pagefind_dcd"  # opens every decompressed Pagefind file; its script checks it
LEVEL = 6  # gzip's default: a tenth of the time of 9, for a few bytes more
CHUNK_POSITIONS = 20_000  # Pagefind's chunk size: positions and pages held by one chunk
PLAIN = 24  # the weight of a word of plain text in Pagefind 1.5; its reader starts at 25, so
# every page's list opens with the change to it (-25)
FLUSH_WORDS = 150_000  # (word, page) pairs held before they go to their part files (about 30 MB)
PART_MEMO = 500_000  # words whose part is remembered (about 50 MB at most)
SHORT = 7  # hex digits of a file's name; more where two files would share one
_LONE = re.compile(f"[{CJK}]")
_LANG = re.compile(r"<html[^>]*\blang=\"([^\"]+)\"", re.I)
_NOT_WORDS = frozenset((FIELD_MARK, RUN_BREAK))


def part_of(word: str) -> int:
    """The part file of a word: the parts in number order hold the words in sorted order (by
    code point, as Pagefind sorts them). Code words, six lowercase letters, spread over 26 × 28
    parts by their first two letters; anything else by its first character."""
    first = word[0]
    if len(word) == 6 and word.isalpha() and word.isascii() and word.islower():  # a code word: the usual case
        return (ord(first) - 97) * 28 + ord(word[1]) - 95
    if "a" <= first <= "z":
        second = word[1] if len(word) > 1 else ""
        sub = ord(second) - 96 if "a" <= second <= "z" else (0 if second < "a" else 27)
        return 1 + (ord(first) - 97) * 28 + sub
    if first < "a":
        return 0
    return 729 + (ord(first) >> 8)


def _short_name(names: dict[str, str], lang: str, full: str) -> str:
    """``lang_`` and the first hex digits of ``full`` not naming another file (the same contents
    share a name)."""
    for length in range(SHORT, len(full) + 1):
        name = f"{lang}_{full[:length]}"
        if names.get(name, full) == full:
            names[name] = full
            return name
    raise ValueError(f"two different files hash alike: {full}")


def _packed(data: bytes) -> bytes:
    return gzip.compress(SIGNATURE + data, LEVEL, mtime=0)


_WEIGHT = bytes(cbor.encode(-PLAIN - 1))
_NONE = bytes(cbor.encode([]))
_PAGE = bytes(cbor.array_head(3))  # [page number step, locations, meta locations]
_WORD = bytes(cbor.array_head(3))  # [word, pages, variants]
_CHUNK = bytes(cbor.array_head(1))  # [words]
_ONE = cbor.array_head(2) + _WEIGHT  # most words stand once in a page


def locations(positions: list[int]) -> tuple[int, bytes]:
    """A page's positions of a word as Pagefind writes them (the weight first: plain text; then
    each position as its step from the one before), CBOR-encoded; and how many items they are."""
    if len(positions) == 1:
        return 2, _ONE + cbor.uint(positions[0])
    steps = [b - a for a, b in zip([0, *positions], positions)]
    return len(steps) + 1, cbor.array_head(len(steps) + 1) + _WEIGHT + b"".join(map(cbor.uint, steps))


@dataclass(frozen=True)
class Prepared:
    """A page ready for :meth:`IndexWriter.commit`: its fragment (compressed) and the SHA-1
    of its contents, its word count and sort values, and each word's (part, word, count,
    encoded locations)."""
    lang: str | None
    digest: str
    fragment: bytes
    count: int
    sorts: tuple[tuple[str, str], ...]
    words: list[tuple[int, str, int, bytes]]


_parts: dict[str, int] = {}  # part_of, remembered: the same words come page after page


def prepare(url: str, html: str) -> Prepared:
    """The work of indexing one page that does not depend on the pages before it: done in
    whichever process has the page (``frontends/pages_apart.py``)."""
    found = _LANG.search(html)
    page = read_page(html)
    words: dict[str, list[int]] = {}
    for i, word in enumerate(page.field):
        if word not in _NOT_WORDS:
            words.setdefault(word, []).append(page.field_at + i)
    start = page.field_at + len(page.field)
    for match in _LONE.finditer(page.text):
        words.setdefault(match.group(), []).append(start + match.start())
    count = start + len(page.text) if words else 0
    fragment = {"url": url, "content": page.text, "word_count": count, "filters": {},
                "meta": {"title": page.title}, "anchors": []}
    data = json.dumps(fragment, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    parts, held = _parts, []
    for word, positions in words.items():
        part = parts.get(word)
        if part is None:
            part = parts[word] = part_of(word)
        if len(positions) == 1:  # most words: what locations() gives, without the call
            held.append((part, word, 2, _ONE + cbor.uint(positions[0])))
        else:
            held.append((part, word, *locations(positions)))
    if len(parts) > PART_MEMO:
        parts.clear()
    return Prepared(found.group(1).lower() if found else None, hashlib.sha1(data).hexdigest(),
                    _packed(data), count, page.sorts, held)


class IndexWriter:
    """Pagefind's index of the pages given to :meth:`add`, written to ``output`` by :meth:`finish`.

    Arguments:
        output: the index folder (``site/pagefind``)
        lang: the pages' language (``zh``); None: read from the first page's ``<html lang>``
    """

    def __init__(self, output: Path, lang: str | None = None):
        self.output = Path(output)
        self.lang = lang
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self._work = self.output.with_name(f".{self.output.name}-{os.getpid()}-new")
        shutil.rmtree(self._work, ignore_errors=True)
        (self._work / "fragment").mkdir(parents=True)
        (self._work / "parts").mkdir()
        self._pages: list[tuple[str, int]] = []  # (fragment name, word count), by page number
        self._names: dict[str, str] = {}
        self._sorts: dict[str, list[tuple[str, int]]] = {}
        self._held: dict[int, list[tuple]] = defaultdict(list)  # (word, count, page entry) by part
        self._held_count = 0
        self._last: dict[str, int] = {}  # each word's last page number

    # -- pages
    def add(self, url: str, html: str) -> int:
        """Index one page (its address from the site's root, ``/articles/x/``, and its HTML);
        returns the number of its words' positions (0: nothing of it is searchable)."""
        return self.commit(prepare(url, html))

    def commit(self, page: "Prepared") -> int:
        """Index a page :func:`prepare` made ready (anywhere: only this step's order counts)."""
        if self.lang is None:
            self.lang = page.lang or "unknown"
        number = len(self._pages)
        name = _short_name(self._names, self.lang, page.digest)
        path = self._work / "fragment" / f"{name}.pf_fragment"
        if not path.exists():
            path.write_bytes(page.fragment)
        self._pages.append((name, page.count))
        for key, value in page.sorts:
            self._sorts.setdefault(key, []).append((value, number))
        # Each word's entry for this page is encoded whole here, beside the build (its page
        # number as the step from the word's page before), so that finish() only joins them.
        held, last = self._held, self._last
        for part, word, count, data in page.words:
            held[part].append((word, count, _PAGE + cbor.uint(number - last.get(word, 0)) + data + _NONE))
            last[word] = number
        self._held_count += len(page.words)
        if self._held_count > FLUSH_WORDS:
            self._flush()
        return page.count

    def _flush(self) -> None:
        # Each part's words go out as one compressed block of marshalled tuples (its length
        # first): read back by C code, with no text to parse.
        for part, items in self._held.items():
            block = zlib.compress(marshal.dumps(items), 1)
            with open(self._work / "parts" / f"{part:04d}", "ab") as f:
                f.write(len(block).to_bytes(4, "big") + block)
        self._held.clear()
        self._held_count = 0

    # -- the index
    def _words_in_order(self):
        """(word, [(location count, encoded page entry)]) for every word, in Pagefind's order,
        one part in memory."""
        self._flush()
        self._last.clear()
        for path in sorted((self._work / "parts").iterdir()):
            words: dict[str, list[tuple[int, bytes]]] = defaultdict(list)
            for word, count, entry in _held_in(path):
                words[word].append((count, entry))
            for word in sorted(words):
                yield word, words.pop(word)

    def _write_chunks(self) -> list[list[str]]:
        """The index chunks, each encoded as ``cbor.encode`` would encode its words (a test
        decodes and encodes them again), from parts already encoded."""
        chunks: list[list[str]] = []
        chunk: list[tuple[str, bytes]] = []
        size = 0
        folder = self._work / "index"
        folder.mkdir()

        def write() -> None:
            data = _CHUNK + cbor.array_head(len(chunk)) + b"".join(encoded for _, encoded in chunk)
            name = _short_name(self._names, self.lang, hashlib.sha1(data).hexdigest())
            (folder / f"{name}.pf_index").write_bytes(_packed(data))
            chunks.append([chunk[0][0], chunk[-1][0], name])

        for word, pages in self._words_in_order():
            size += sum(count for count, _ in pages) + len(pages)
            chunk.append((word, _WORD + cbor.text(word) + cbor.array_head(len(pages))
                          + b"".join(entry for _, entry in pages) + _NONE))
            if size >= CHUNK_POSITIONS:
                write()
                chunk, size = [], 0
        if chunk:
            write()
        for before, after in zip(chunks, chunks[1:]):  # boundaries cut to their shortest, as Pagefind does
            before[1], after[0] = _prefixes(before[1], after[0])
        return chunks

    def _sort_orders(self) -> list:
        orders = []
        for key in sorted(self._sorts):
            values = self._sorts[key]
            if all(_number(v) is not None for v, _ in values):
                values = sorted(values, key=lambda item: _number(item[0]))
            else:
                values = sorted(values, key=lambda item: item[0])
            orders.append([key, [n for _, n in values]])
        return orders

    def finish(self) -> int:
        """Write the index into ``output`` (replacing what was there); the pages with words."""
        try:
            version, entry, files = assets(self.lang or "unknown")
            chunks = self._write_chunks()
            meta = [version, [list(p) for p in self._pages], chunks, [], self._sort_orders(), ["title"]]
            data = bytes(cbor.encode(meta))
            meta_name = f"{self.lang}_{hashlib.sha1(data).hexdigest()[:len(self.lang) + 8]}"
            (self._work / f"pagefind.{meta_name}.pf_meta").write_bytes(_packed(data))
            entry["languages"] = {self.lang: {**entry["languages"].get(self.lang, {"wasm": None}),
                                              "hash": meta_name, "page_count": len(self._pages)}}
            (self._work / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            for name, content in files.items():
                (self._work / name).write_bytes(content)
            shutil.rmtree(self._work / "parts")
            self._put_in_place()
            return sum(1 for _, count in self._pages if count)
        finally:
            self.close()

    def _put_in_place(self) -> None:
        old = self.output.with_name(f".{self.output.name}-{os.getpid()}-old")
        shutil.rmtree(old, ignore_errors=True)
        if self.output.exists():
            os.replace(self.output, old)
        os.replace(self._work, self.output)
        shutil.rmtree(old, ignore_errors=True)

    def close(self) -> None:
        """Let go of what :meth:`finish` did not put in place."""
        shutil.rmtree(self._work, ignore_errors=True)


def _held_in(path: Path):
    """The (word, location count, encoded page entry) of a part file, block after block."""
    with open(path, "rb") as f:
        while size := f.read(4):
            yield from marshal.loads(zlib.decompress(f.read(int.from_bytes(size, "big"))))


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _prefixes(a: str, b: str) -> tuple[str, str]:
    """Two neighbouring chunks' last and first words cut to one character past what they share."""
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return a[:common + 1], b[:common + 1]
