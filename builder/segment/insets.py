"""Pieces of one article printed inside another (a column of article B set into article A).

The sign of it is a column break: a paragraph of A stops mid-sentence, and the
text that follows is about another zone that A never names. The paragraphs
that name that zone form a thread of their own, an article that began
elsewhere (so it is truncated). Paragraphs that name neither zone are placed
by the layout, not by their words:

- a short closed fragment between A's broken sentence and B's text is B's
  first line (its sentence began on another page);
- a paragraph right before more of B's text, while a sentence of B is still
  open, continues B (B's column resumes);
- when sentences of both are open, the older break resumes first (A's);
- a paragraph whose thread's sentence is still open goes on with it;
- after an article's closing statement (负责人表示，将…) the other article resumes;
- otherwise a paragraph stays with the article before it.
"""
from __future__ import annotations

from ..textmatch.trie import WordFinder
from ..vocab.rule_files import Rules

# A closed fragment this short between a broken-off paragraph and the other
# article's text is the other article's first line.
SHORT = 12


def _fragment(text: str) -> bool:
    """A short closed piece: a few characters, or one sentence of at most two lines' worth."""
    ends = sum(text.count(c) for c in "。！？")
    return len(text) <= SHORT or (ends == 1 and len(text) <= 2 * SHORT + 6)


def _next_named(i: int, zones: list[frozenset[str]], foreign: list[bool], default: int) -> int:
    """The thread of the next paragraph that names a zone (a closed paragraph naming none goes
    with the article the text next names); the default when none follows."""
    for j in range(i + 1, len(zones)):
        if zones[j]:
            return 1 if foreign[j] else 0
    return default


def split_threads(zones: list[frozenset[str]], texts: list[str], open_end: list[bool],
                  home: frozenset[str], closing: list[bool] | None = None) -> list[int] | None:
    """Assign each paragraph of one run of text to thread 0 (home) or thread 1 (inset).

    Arguments:
        zones: the zone names each paragraph names
        texts: the paragraph texts
        open_end: whether each paragraph stops mid-sentence
        home: the zones of the article the run belongs to (from its headline, else the first its text names)
        closing: whether each paragraph is an article's closing statement (负责人表示，将…)
    Returns:
        the thread of each paragraph, or None when nothing was set inside this article.
    """
    n = len(texts)
    closing = closing or [False] * n
    if not home:
        return None
    foreign = [bool(z) and not (z & home) for z in zones]
    first = next((i for i in range(n) if foreign[i]), None)
    if first is None or first == 0:
        return None
    # The column break: the home paragraph before the inset (past one short fragment) stops mid-sentence.
    before = first - 1
    lead_in = before >= 1 and not open_end[before] and _fragment(texts[before]) and open_end[before - 1]
    if not (open_end[before] or lead_in):
        return None
    thread = [0] * n
    # pending[t]: the index of thread t's paragraph whose sentence is still open, or None
    pending: list[int | None] = [None, None]
    for i in range(first):
        pending[0] = i if open_end[i] else None
    if lead_in:
        thread[before] = 1
        pending[0] = before - 1
    for i in range(first, n):
        if foreign[i]:
            t = 1
        elif zones[i] & home:
            t = 0
        elif i + 1 < n and foreign[i + 1] and pending[1] is not None:
            t = 1
        elif pending[0] is not None and pending[1] is not None:
            t = 0 if pending[0] < pending[1] else 1
        elif pending[thread[i - 1]] is not None:
            t = thread[i - 1]  # its sentence is still open: it goes on
        elif closing[i - 1]:
            t = 1 - thread[i - 1]  # the paragraph before closed its article: the other one resumes
        else:
            t = thread[i - 1]
        thread[i] = t
        pending[t] = i if open_end[i] else None
    return thread


def threads_apart(body: list, thread: list[int]) -> tuple[list, list]:
    """A run's items in its two threads: each paragraph in its own (``thread``, in order), a subhead
    in the thread of the paragraph below it (it heads that one, in whichever article's column it is
    set), the other items (bylines) with the home thread."""
    home: list = []
    inset: list = []
    k = 0  # the paragraphs before the item
    for it in body:
        t = thread[min(k, len(thread) - 1)] if it.kind in ("para", "heading") else 0
        (inset if t else home).append(it)
        k += it.kind == "para"
    return home, inset


def thread_signs(run, names: WordFinder, rules: Rules) -> tuple:
    """What ``split_threads`` reads of a run's paragraphs (``runs.Run``): the zones each names, their texts, which
    stop mid-sentence, the run's home zones and which paragraphs close their article."""
    paras = run.paras
    # With no headline above (printed at the page end or after the body), the zone the text names first.
    home = names.contained("".join(h.text for h in run.pre)) or next(
        (z for z in (names.contained(p.text) for p in paras) if z), frozenset())
    return ([names.contained(p.text) for p in paras], [p.text for p in paras], [p.open_end for p in paras], home,
            [any(rx.search(p.text) for rx in rules.closing_statements) for p in paras])
