"""Search with Pagefind: what each page gives the index, and the indexing run itself.

Material's search plugin ships one JSON index that every reader loads whole
(13.8 MB at a thousand articles). Pagefind splits the index into chunks and
fetches only those a query needs. Its *extended* build segments Chinese with a
dictionary when indexing and the browser cuts the query differently, so a
dictionary of words can never find every string a reader types (松山湖高新区
is 松山湖|高新区 in the index, 松山|湖|高|新|区 in the browser).

So Chinese is indexed as Lucene's CJK analyzer does: every two adjacent
characters are one token (衡阳高新区: 衡阳 阳高 高新 新区), and so is every
Latin word or number (``5g``, ``2023``) and each one with the Chinese character
it touches (``2023年``), so that a query of two characters or more is a run of
tokens that the text holds in the same order. Each token is written as an
ASCII code word (:func:`code`: FNV-1a over UTF-16 code units, six letters, which
Pagefind keeps as one word) in a hidden field at the start of the article's body.
The search box (``digest-search.js``) cuts the query the same way, computes the
same codes and looks up where Pagefind's index has them (``digest-search-index.js``
reads its files): the article holds the codes at consecutive positions, so the
query's characters in a row. No table of codes is downloaded. The index also holds
every Chinese character of the text on its own (``index_write``), which a search for a
lone character asks Pagefind's script for.

The field stands between two :data:`FIELD_MARK`, so it is left out of the page
text kept for each result (``index_write``: no reader downloads it), and excerpts
come from the real text only; its first ``TITLE_SLOTS`` positions
hold the headline, so the browser knows from where a code stands whether the
headline holds the query (and lists those first).
"""
from __future__ import annotations

import functools
import json
import re
import time
import unicodedata
from pathlib import Path

from ..textmatch.cjk import SEARCH_CJK_RANGE

# Articles and the hand-written pages are searched; index pages (zones, tags,
# sources…) only repeat article titles and would crowd the results.
SEARCHED_FOLDERS = ("articles/",)
PINYIN_FILE = "pinyin.json"  # in the index folder, read by digest-search.js
FILTERS_FILE = "filters.json"  # the values of each filter, beside it
FIELD_MARK = "\u2042"  # ⁂: opens and closes the hidden field (a mark no page text uses)
RUN_BREAK = "/"  # between runs: a position of the field that holds no word
TITLE_SLOTS = 64  # positions of the field kept for the headline's codes (digest-search.js: TITLE_SLOTS)
LETTERS = 6  # 26**6 codes: two tokens of a 300,000-token archive share one with odds of 1 in 1,000

CJK = SEARCH_CJK_RANGE
_UNIT = re.compile(f"[{CJK}]|[a-z0-9]+")
_SEGMENT = re.compile(f"(?:[{CJK}]|[a-z0-9])+")
_CODES = 26 ** LETTERS


def executable() -> Path:
    """The extended Pagefind binary (Chinese segmentation) from the ``pagefind_bin_extended`` wheel."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as err:  # the plain build would index Chinese without segmenting it
        raise RuntimeError("Pagefind's extended build is missing: pip install 'pagefind[extended]'") from err
    return Path(get_executable())


def is_searched(src_uri: str, generated: bool) -> bool:
    return src_uri.startswith(SEARCHED_FOLDERS) or not generated


@functools.lru_cache(maxsize=200_000)  # pairs repeat across articles; bounded, a few tens of MB
def code(token: str) -> str:
    """The ASCII word standing for a token: FNV-1a (32 bits) over its UTF-16 code units,
    written in base 26 as ``LETTERS`` lowercase letters (no digits: Pagefind keeps a run of
    Latin letters whole on both sides)."""
    h = 0x811C9DC5
    data = token.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | data[i + 1] << 8
        h = (h * 0x01000193) & 0xFFFFFFFF
    h %= _CODES
    letters = []
    for _ in range(LETTERS):
        h, r = divmod(h, 26)
        letters.append(chr(ord("a") + r))
    return "".join(letters)


def _segment_tokens(segment: str) -> list[str]:
    tokens = []
    previous = None
    for unit in _UNIT.findall(segment):
        if previous is not None:
            tokens.append(previous + unit)  # 高新, or 2023年, 5g网: each unit with the one before
        if unit[0].isascii():
            tokens.append(unit)  # a Latin word or number is a token of its own
        previous = unit
    return tokens


def token_runs(text: str) -> list[list[str]]:
    """The tokens of a text, run by run: a run is a stretch of Chinese characters, Latin
    letters and digits (after NFKC, lowercased); anything else ends it. A lone Chinese
    character gives no token."""
    text = unicodedata.normalize("NFKC", text).lower()
    return [tokens for tokens in map(_segment_tokens, _SEGMENT.findall(text)) if tokens]


def _coded(text: str) -> list[str]:
    """The codes of a text's tokens in order, two breaks between runs: the search box asks for
    tokens at most two positions apart, so no two it asks for fall in different runs."""
    words: list[str] = []
    for tokens in token_runs(text):
        if words:
            words += [RUN_BREAK, RUN_BREAK]
        words += map(code, tokens)
    return words


def facet_code(name: str, value: str) -> str:
    """The code of a filter's value (``province``, 湖南): a token no text has (it holds a colon)."""
    return code(f"{name}:{value}")


def facets(entry) -> list[tuple[str, str]]:
    """An article's filter values: its province, zone and themes."""
    pairs = [("province", entry.province), ("zone", entry.zone)]
    pairs += [("theme", t.theme) for t in entry.themes]
    return [(name, value) for name, value in pairs if value]


def terms_field(text: str, title: str, facet_values: list[tuple[str, str]] = ()) -> str:
    """The hidden field of a page, put first in its body: the codes of the headline's tokens
    in positions 1 to ``TITLE_SLOTS - 1`` (breaks fill the rest), then those of the text, then
    those of its filter values (:func:`facets`), the field closed by a second mark. Pagefind
    tells the browser the position of a phrase it finds, so a match below ``TITLE_SLOTS`` is a
    match in the headline. Plain ASCII between the marks, so it can go into any element
    unescaped.

    Filters are code words rather than Pagefind's own filters: those are written in hash-map
    order, so two builds of the same pages would differ (Pagefind's TODO in ``index/mod.rs``).
    """
    head = _coded(title)
    head += [RUN_BREAK] * max(1, TITLE_SLOTS - 1 - len(head))
    tail = [RUN_BREAK, *(facet_code(n, v) for n, v in facet_values)] if facet_values else []
    return " ".join([FIELD_MARK, *head, *_coded(text), *tail, FIELD_MARK])


def _pinyin_keys(name: str) -> set[str]:
    from pypinyin import Style, lazy_pinyin  # 50 MB of tables: only where pinyin is made

    key = "".join(lazy_pinyin(name, style=Style.NORMAL, errors="ignore")).lower()
    if not (key.isascii() and key.isalpha()):
        return set()
    # pypinyin writes ü as v (绿 lv); readers type v or u. Pinyin has no v of its own.
    return {key, key.replace("v", "u")}


def pinyin_table(gazetteer) -> dict[str, list[str]]:
    """Pinyin (syllables run together, no tones) → the place names that read so: provinces,
    cities, counties and zones (their name, and the place in front of 高新区)."""
    names: set[str] = set(gazetteer.provinces) | set(gazetteer.cities) | set(gazetteer.counties)
    for zone in gazetteer.zones:
        names.add(zone.name)
        if zone.name.endswith("高新区") and len(zone.name) > 4:
            names.add(zone.name[:-3])
    table: dict[str, set[str]] = {}
    for name in names:
        for key in _pinyin_keys(name):
            table.setdefault(key, set()).add(name)
    return {k: sorted(v) for k, v in sorted(table.items())}


def filter_values(articles: list[dict]) -> dict[str, list[str]]:
    """Every value of each filter, from ``data/articles.json``'s records, in Chinese collation
    order of their pinyin (the search box lists them)."""
    from pypinyin import lazy_pinyin

    values: dict[str, set[str]] = {"province": set(), "zone": set(), "theme": set()}
    for a in articles:
        values["province"].add(a.get("province"))
        values["zone"].add(a.get("zone"))
        values["theme"].update(a.get("themes") or ())
    return {name: sorted((v for v in vs if v), key=lambda v: (lazy_pinyin(v), v)) for name, vs in values.items()}


def tables(gazetteer, articles: list[dict]) -> dict[str, str]:
    """What the search box reads beside the index, file name → text: place names in pinyin
    (fetched when a query has Latin letters) and the filters' values (read when a reader
    opens the filters); ``articles``: the records of ``data/articles.json``."""
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    return {PINYIN_FILE: json.dumps(pinyin_table(gazetteer), **compact),
            FILTERS_FILE: json.dumps(filter_values(articles), **compact)}


def articles_of(articles_json: str | None) -> list[dict]:
    return json.loads(articles_json)["articles"] if articles_json else []


def write_tables(site_dir: Path, gazetteer) -> None:
    """The tables of :func:`tables` for a built site (``python -m builder index``)."""
    data = Path(site_dir) / "data" / "articles.json"
    write_table_texts(site_dir, tables(gazetteer, articles_of(data.read_text(encoding="utf-8") if data.is_file() else None)))


def write_table_texts(site_dir: Path, texts: dict[str, str]) -> None:
    for name, text in texts.items():
        (Path(site_dir) / "pagefind" / name).write_text(text, encoding="utf-8")


def index_site(site_dir: Path) -> tuple[int, float]:
    """The search index of a built site (``site_dir/pagefind/``), from every page with a
    ``data-pagefind-body``, in the order of their paths (``site/index_write.py``).

    Returns:
        the number of pages indexed and the seconds it took.
    """
    from .index_write import IndexWriter  # it reads this module's marks

    start = time.perf_counter()
    site_dir = Path(site_dir)
    writer = IndexWriter(site_dir / "pagefind")
    try:
        for page in sorted(site_dir.rglob("*.html")):
            if page.is_relative_to(site_dir / "pagefind"):
                continue
            html = page.read_text(encoding="utf-8")
            if "data-pagefind-body" in html:
                address = page.relative_to(site_dir).as_posix()
                address = address[:-len("index.html")] if address.endswith("index.html") else address
                writer.add("/" + address, html)
        pages = writer.finish()
    finally:
        writer.close()
    return pages, time.perf_counter() - start
