"""Text printed more than once (a paragraph, a block, a tail fragment, a caption) is kept once.

The first printing is kept; later ones are placed as ``duplicate``. Comparison
ignores punctuation and spaces, so a copy with other punctuation still counts.
"""
from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import replace
from typing import Callable

from .items import Item
from ..model import Line
from ..textmatch.cjk import CJK_PUNCT

# A line or paragraph shorter than this may repeat by chance (a short subhead);
# only exact copies of a caption-sized line count then.
MIN_CHARS = 20
# A tail fragment (ending a sentence) this long or longer that repeats part of an
# earlier line is a copy too (…加快引进一批龙头企业和配套项目。).
MIN_FRAGMENT = 12
_SENTENCE_END = "。！？”"
# A line this long that repeats the end of a line printed just before it (past a caption set
# inside the sentence, RECENT lines at most) is that line's end printed again.
MIN_TAIL = 8
RECENT = 4
# A line that repeats itself whole (泉州高新区：…新图景泉州高新区：…新图景) is a copy when each half is this long.
MIN_HEADLINE_COPY = 6


_NOT_WORD = re.compile(r"[^\w]+")
# Marks and spaces that stay non-word characters once normalized (，。“ ( ...): dropped
# first, since normalizing a line with full-width marks is slow and they go anyway.
_MARKS = "".join(c for c in string.punctuation + string.whitespace + "\u3000" + CJK_PUNCT
                 + "".join(map(chr, range(0xFF01, 0xFF66)))  # full-width forms of ASCII marks
                 if not re.search(r"\w", c + unicodedata.normalize("NFKC", c)))
_DROP_FIRST = re.compile("[" + re.escape(_MARKS) + "]+")


def norm(text: str) -> str:
    """The text as compared: compatibility forms unified (ＡＢ１ as AB1), marks and spaces left out."""
    text = unicodedata.normalize("NFKC", _DROP_FIRST.sub("", text))
    return text if text.isalnum() else _NOT_WORD.sub("", text)  # most lines: nothing else to drop


def duplicate_lines(lines: tuple[Line, ...], wrapped: bool, exempt: frozenset[int] = frozenset(),
                    runs_on: Callable[[str, str], bool] | None = None) -> dict[int, int]:
    """Lines whose text was printed before on the page.

    In narrow-column pages a line is only a piece of a paragraph and a short
    piece may recur by chance, so only lines of MIN_CHARS or more count there;
    short lines count when they repeat a short line exactly (a caption).

    Arguments:
        exempt: line numbers never counted as copies (bylines: the same reporters sign twice)
        runs_on: whether a word runs across the break between two lines (突 / 破300亿元。,
            泰州医 / 药高新区（高港区）): a short line the line above runs on into is a piece of
            its sentence, no copy
    Returns:
        {line number of the copy: line number of the first printing}
    """
    blob = ""
    seen_at: list[tuple[int, int, int]] = []  # (start offset, end offset, line no)
    exact: dict[str, int] = {}
    offset = 0
    found: dict[int, int] = {}
    above, prev_copy = "", False
    for line in lines:
        if line.debris:
            continue
        # The line above, unless it is itself a copy (then this one goes on the copied text).
        before, above = ("" if prev_copy else above), line.text
        prev_copy = False
        key = norm(line.text)
        if not key:
            continue
        # An exempt line is never a copy, but a later line may copy it (the end of a lead's line).
        first = None if line.no in exempt else _copy_of(line, key, before, wrapped, blob, seen_at, exact, runs_on)
        if first is not None:
            found[line.no] = first
            prev_copy = True
            continue
        exact.setdefault(key, line.no)
        blob += key  # no break between lines: a copy of a paragraph cut in two is found across them
        seen_at.append((offset, offset + len(key), line.no))
        offset += len(key)
    return found


def _copy_of(line: Line, key: str, before: str, wrapped: bool, blob: str, seen_at: list[tuple[int, int, int]],
             exact: dict[str, int], runs_on: Callable[[str, str], bool] | None) -> int | None:
    """The line that ``line`` (normalised: ``key``) prints again, or None."""
    fragment = len(key) >= MIN_FRAGMENT and line.text.rstrip()[-1:] in _SENTENCE_END
    if (len(key) >= MIN_CHARS or fragment) and not wrapped:
        pos = blob.find(key)
        if pos >= 0:
            return next((no for start, end, no in seen_at if start <= pos < end), seen_at[0][2])
    elif len(key) < MIN_CHARS and key in exact and len(key) >= 4 \
            and not (runs_on is not None and before and runs_on(before, line.text)):
        return exact[key]
    return _tail_of(key, blob, seen_at[-RECENT:])


def _tail_of(key: str, blob: str, recent: list[tuple[int, int, int]]) -> int | None:
    """The recent line whose end this line repeats (a longer line: the line itself is not the
    whole of it), or None."""
    if len(key) < MIN_TAIL:
        return None
    return next((no for start, end, no in reversed(recent)
                 if end - start > len(key) and blob[start:end].endswith(key)), None)


def duplicate_paragraphs(texts: list[str]) -> dict[int, int]:
    """Paragraphs (by index) that repeat an earlier paragraph or a part of one, or that are two
    copies glued (``_pieced_copy``).

    Returns:
        {index of the copy: index of the first printing}
    """
    keys = [norm(t) for t in texts]
    found: dict[int, int] = {}
    for i, key in enumerate(keys):
        fragment = len(key) >= MIN_FRAGMENT and texts[i].rstrip()[-1:] in _SENTENCE_END
        if len(key) < MIN_CHARS and not fragment:
            continue
        first = next((j for j in range(i) if j not in found and key in keys[j]), None)
        if first is None and len(key) >= 2 * MIN_CHARS:
            first = _pieced_copy(keys, i, found)
        if first is not None:
            found[i] = first
    return found


def _pieced_copy(keys: list[str], i: int, found: dict[int, int]) -> int | None:
    """Paragraph i is two copies glued (a line-joined page joins a paragraph cut at the column edge to
    a copy of another's end: …工业互|网建设…提升等。): its end printed in an earlier paragraph and its
    front in another one, each MIN_CHARS long at least. The earlier paragraph's index, or None."""
    key = keys[i]
    others = [j for j in range(len(keys)) if j != i and j not in found]
    # the shortest end printed before (a shorter end of a printed end is printed too), then the front
    ends = [(p, j) for j in others if j < i for p in [_first_end_in(key, keys[j])] if p is not None]
    if not ends:
        return None
    p, j = min(ends)
    front = key[:p]
    if len(front) < MIN_CHARS or not any(front in keys[m] for m in others if m != j):
        return None
    return j


def _first_end_in(key: str, other: str) -> int | None:
    """The smallest p with key[p:] in ``other`` and at least MIN_CHARS long, else None (binary search:
    every end of a piece found is found too)."""
    lo, hi = 1, len(key) - MIN_CHARS
    if hi < lo or key[hi:] not in other:
        return None
    while lo < hi:
        mid = (lo + hi) // 2
        if key[mid:] in other:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _front_before_copy(texts: list[str], keys: list[str], i: int, found: dict[int, int], max_front: int,
                       sentence_end: str) -> tuple[int, int] | None:
    """Paragraph i ends with a sentence's tail printed again (an earlier paragraph holds it) behind a
    short front that ends no sentence (captions glued before it on a line-joined page): (the first
    printing's index, the front's length in the text), or None."""
    key, text = keys[i], texts[i].rstrip()
    if text[-1:] not in _SENTENCE_END:
        return None
    for p in range(1, min(max_front, len(key) - MIN_CHARS) + 1):
        tail = key[p:]
        j = next((j for j in range(i) if j not in found and tail in keys[j]), None)
        if j is None:
            continue
        n, cut = 0, 0
        while cut < len(text) and n < p:  # where the front ends in the text as printed
            n += len(norm(text[cut]))
            cut += 1
        return None if any(c in sentence_end for c in text[:cut]) else (j, cut)
    return None


def paragraph_copies(items: list[Item], max_front: int, sentence_end: str) -> tuple[list[Item], dict[int, int]]:
    """The items with paragraphs printed before left out (``duplicate_paragraphs``), and a copy behind
    a short glued front read as that front alone, a caption (``_front_before_copy``).

    Returns:
        (the items, {line number of a copy: line number of its first printing})
    """
    para_idx = [i for i, it in enumerate(items) if it.kind == "para"]
    texts = [items[i].text for i in para_idx]
    found = duplicate_paragraphs(texts)
    copied = {no: items[para_idx[first]].lines[0] for k, first in found.items() for no in items[para_idx[k]].lines}
    out = [it for i, it in enumerate(items) if i not in {para_idx[k] for k in found}]
    keys = [norm(t) for t in texts]
    for k, i in enumerate(para_idx):
        got = None if k in found else _front_before_copy(texts, keys, k, found, max_front, sentence_end)
        if got is None:
            continue
        it, first = items[i], items[para_idx[got[0]]].lines[0]
        front = Item("caption", it.lines, it.text[:got[1]].strip(), gap=it.gap, gap_before=it.gap_before,
                     note=f"a caption glued before text printed before at line {first}; the copy read once")
        out[out.index(it)] = front
    return out, copied


def doubled_line(text: str) -> str | None:
    """A line that is one text printed twice in a row (a bold headline read twice): the text once, else None."""
    n = len(text)
    half = n // 2
    if n % 2 or half < MIN_HEADLINE_COPY or text[:half] != text[half:]:
        return None
    return text[:half]


def read_once_over(line: Line, notes: dict[int, str]) -> Line:
    """A line printed twice over on itself (a bold headline read twice) read once."""
    once = doubled_line(line.text) if not line.debris else None
    if once is None:
        return line
    notes[line.no] = "printed twice on one line; read once"
    return replace(line, text=once, spaced="")
