"""Search with Pagefind: what each page gives the index, and the indexing run itself.

Material's search plugin ships one JSON index that every reader loads whole
(13.8 MB at a thousand articles). Pagefind splits the index into chunks and
fetches only those a query needs. Its *extended* build (``pagefind[extended]``
on PyPI) segments Chinese itself, but with two different dictionaries: jieba's
general one when indexing, the browser's (``Intl.Segmenter``) when searching.
They disagree on our words: the browser cuts 松山湖高新区 into 松山|湖|高|新|区,
the index holds 松山湖|高新区, and the article is not found.

So the words of our own dictionary (zone names and domain terms: the jieba
user dictionary) are matched as whole words: each gets an ASCII code word
(``term_code``), every article carries the codes of the words it contains in a
hidden field, and the search box (``digest-search.js``) swaps those words in a
query for their codes, using the table ``terms.json`` written beside the index.
The rest of a query goes to Pagefind's own segmentation.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import time
from pathlib import Path

# Articles and the hand-written pages are searched; index pages (zones, tags,
# sources…) only repeat article titles and would crowd the results.
SEARCHED_FOLDERS = ("articles/",)
TERMS_FILE = "terms.json"  # in the index folder, read by digest-search.js
TITLE_BONUS = 3  # a word in the headline counts as this many more in the body
MOST = 10  # occurrences counted at most, so one long list does not outrank everything


def executable() -> Path:
    """The extended Pagefind binary (Chinese segmentation) from the ``pagefind_bin_extended`` wheel."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as err:  # the plain build would index Chinese without segmenting it
        raise RuntimeError("Pagefind's extended build is missing: pip install 'pagefind[extended]'") from err
    return Path(get_executable())


def is_searched(src_uri: str, generated: bool) -> bool:
    return src_uri.startswith(SEARCHED_FOLDERS) or not generated


def term_code(word: str) -> str:
    """An ASCII word standing for a dictionary word: ``zd`` and eight letters, no digits
    (Pagefind keeps a run of Latin letters whole on both sides)."""
    digest = hashlib.sha1(word.encode("utf-8")).digest()[:8]
    return "zd" + "".join(chr(ord("a") + b % 26) for b in digest)


def term_codes(words: list[str]) -> dict[str, str]:
    return {w: term_code(w) for w in sorted(set(words))}


def terms_field(text: str, title: str, words: list[str]) -> str:
    """The hidden field of an article: one code per occurrence of each dictionary word."""
    codes = []
    for word in sorted(set(words)):
        n = min(MOST, text.count(word)) + (TITLE_BONUS if word in title else 0)
        codes += [term_code(word)] * n
    return " ".join(codes)


def mark_body(content: str, field: str) -> str:
    """Wrap a page's HTML as Pagefind's body, with the hidden field of dictionary codes."""
    hidden = f'<p hidden data-digest-terms>{field}</p>' if field else ""
    return f"<div data-pagefind-body>{content}{hidden}</div>"


def write_terms(site_dir: Path, words: list[str]) -> None:
    """The table word → code that the search box uses to rewrite queries."""
    path = Path(site_dir) / "pagefind" / TERMS_FILE
    path.write_text(json.dumps(term_codes(words), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def index_site(site_dir: Path) -> tuple[int, float]:
    """Run Pagefind over a built site; writes ``site_dir/pagefind/``.

    Returns:
        the number of pages indexed and the seconds it took.
    """
    start = time.perf_counter()
    result = subprocess.run([str(executable()), "--site", str(site_dir), "--output-subdir", "pagefind"],
                            capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise RuntimeError(f"pagefind failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    pages = 0
    for line in result.stdout.splitlines():
        if line.strip().startswith("Indexed") and line.strip().endswith("pages"):
            pages = int(line.split()[1].replace(",", ""))
    return pages, seconds
