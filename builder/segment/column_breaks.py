"""A paragraph joined across the column edge where a column of another article begins.

A column of article B set inside article A breaks one of A's sentences off; B's
column often opens with the end of a sentence begun elsewhere (``insets``: a
short closed fragment between A's broken sentence and B's text). When A's last
line before the break reaches the column edge by chance, ``unwrap`` reads it as
cut there and joins B's first lines to it (…在这里，新机型 / 20吉瓦时，…): A's
sentence looks closed by B's fragment, and B's whole column stays in A. When it
closes a sentence at the edge by chance, the rest of A's broken sentence below it
reads as a subhead (“…成本。” / 德智新材料董事长柴 / “黄金布耕”。).

The signs weighed, on the paragraph right before the first one naming another
zone than its article's: it was joined from printed lines at the column edge;
cut before one of them, it leaves an open sentence above and a closed fragment
below; nothing runs across that cut (no word of the dictionary, no number and
its measure word, no mark or word that leaves a sentence open); the fragment
ends a sentence of B's begun on the page (B's text before broke off mid-sentence)
or, B's text not begun on the page, it is a few characters long (B's text before
closing its sentences: no fragment of B's); and, cut there, the run reads as an
article with another one's column inside it, going on after it
(``split_threads``). The line below the cut then opens a paragraph of its own (or
the subhead goes on from the line above), and the page is read again
(``segment_page``); the line's placement says so.
"""
from __future__ import annotations

from typing import NamedTuple

from .insets import SHORT, split_threads, thread_signs
from .joins import certain_join, number_across
from .runs import Run
from .unwrap import Edges, Unwrapped, at_edge, column_width
from ..model import Line
from ..textmatch.trie import WordFinder
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules

BREAK_NOTE = "opens a column of another article: the line above reached the column edge by chance"
CONTINUED_NOTE = "the end of the paragraph above, broken off by another article's column (the line above closed a " \
                 "sentence at the column edge by chance)"


class _Page(NamedTuple):
    """The page as ``unwrap`` cut it: the printed lines each joined line holds, the column's width,
    the printed lines by number."""
    groups: dict[int, tuple[int, ...]]
    width: int
    printed: dict[int, Line]


def _other_zone(zones: frozenset[str], home: frozenset[str]) -> bool:
    """The paragraph names a zone, and none by a form of the home zone's names (仲恺高新区 for 惠州仲恺高新区)."""
    return bool(zones) and not any(a in b or b in a for a in zones for b in home)


def column_breaks(runs: list[Run], cut: Unwrapped, printed: tuple[Line, ...], names: WordFinder, rules: Rules,
                  tok: Cutter) -> Edges:
    """Where another article's column begins inside a paragraph whose last line before it reached
    the column edge by chance, as ``unwrap`` should read the edge there.

    Arguments:
        cut: the page as ``unwrap`` read it (the printed lines each joined line holds)
        printed: the page's printed lines
    """
    opened, continued = set(), set()
    width = column_width(printed, rules) if cut.groups else None
    page = _Page(cut.groups, width or 0, {ln.no: ln for ln in printed})
    tools = (names, rules, tok)
    named: frozenset[str] = frozenset()  # the zones the runs so far name
    broken: frozenset[str] = frozenset()  # those of the runs that break off mid-sentence
    for run in runs if width is not None else ():
        if not run.paras:
            continue
        signs = thread_signs(run, names, rules)
        zones, texts, open_end, home, _ = signs
        before, named = named, named | names.contained("".join(texts))
        broken |= names.contained("".join(texts)) if open_end[-1] else frozenset()
        if not home or split_threads(*signs) is not None:
            continue
        first = next((i for i, z in enumerate(zones) if _other_zone(z, home)), None)
        if not first or open_end[first - 1] or (zones[first] & before and not zones[first] & broken):
            continue  # (the other article's text before closed its sentences: no fragment of one)
        # The fragment ends a sentence begun on the page, or on another page (then a few characters).
        longest = len(texts[first - 1]) if zones[first] & broken else SHORT
        if (no := _opened(run, first - 1, signs, page, longest, tools)) is not None:
            opened.add(no)
        elif (no := _continued(run, first - 1, signs, page, longest, tools)) is not None:
            continued.add(no)
    return Edges(frozenset(opened), frozenset(continued))


def _resumed(signs: tuple, k: int, pieces: list[tuple[str, bool]], names: WordFinder, rules: Rules) -> bool:
    """With paragraph k read as the given pieces (text, open at its end), the run reads as an article
    with another's column set inside it, the article going on after the column (``split_threads``)."""
    zones, texts, open_end, home, closing = signs
    thread = split_threads(zones[:k] + [names.contained(t) for t, _ in pieces] + zones[k + 1:],
                           texts[:k] + [t for t, _ in pieces] + texts[k + 1:],
                           open_end[:k] + [o for _, o in pieces] + open_end[k + 1:], home,
                           closing[:k] + [any(rx.search(t) for rx in rules.closing_statements) for t, _ in pieces]
                           + closing[k + 1:])
    return thread is not None and 0 in thread[k + len(pieces):]


def _opened(run: Run, k: int, signs: tuple, page: _Page, longest: int,
            tools: tuple[WordFinder, Rules, Cutter]) -> int | None:
    """The printed line where the other article's column begins inside paragraph k, closed by that
    column's first fragment (…在这里，新机型 / 20吉瓦时，…提供配套。)."""
    names, rules, tok = tools
    text = signs[1][k]
    held = page.groups.get(run.paras[k].lines[-1], ())
    for j in range(1, len(held)):  # the longest fragment first: it begins at the break
        tail = "".join(page.printed[no].text for no in held[j:])
        if not tail or not text.endswith(tail) or len(tail) == len(text) or len(tail) > longest:
            continue
        head = text[:-len(tail)]
        if rules.ends_sentence(head) or certain_join(head, tail, rules, tok) or number_across(head, tail, rules):
            continue
        if _resumed(signs, k, [(head, True), (tail, False)], names, rules):
            return held[j]
    return None


def _continued(run: Run, k: int, signs: tuple, page: _Page, longest: int,
               tools: tuple[WordFinder, Rules, Cutter]) -> int | None:
    """A subhead between paragraph k, the other article's first fragment, and the paragraph before,
    whose last line closed a sentence at the column edge: the end of that paragraph, broken off
    by the column (“…成本。” / 德智新材料董事长柴 / “黄金布耕”。)."""
    names, rules, _ = tools
    at = run.body.index(run.paras[k])
    if k < 1 or at < 2 or len(signs[1][k]) > longest:
        return None
    head, above = run.body[at - 1], run.body[at - 2]
    last = page.groups.get(above.lines[-1], above.lines[-1:])[-1]
    if head.kind != "heading" or above is not run.paras[k - 1] or rules.ends_sentence(head.text) \
            or not at_edge(page.printed[last], page.width, rules):
        return None
    joined = [(signs[1][k - 1] + head.text, True)]
    return head.lines[0] if _resumed(signs, k - 1, joined, names, rules) else None
