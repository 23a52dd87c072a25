"""Pieces of one article printed inside another (a column of article B set into article A).

The sign of it is a column break: a paragraph of A stops mid-sentence, and the
text that follows is about another zone that A never names. Those paragraphs,
and the ones without a zone that read more like them than like A, form a
thread of their own: an article that began elsewhere (so it is truncated).
"""
from __future__ import annotations

from .headlines import score

# A weak paragraph goes to the other thread only when it reads clearly more like it.
MARGIN = 0.05
# A closed fragment this short between a broken-off paragraph and the other
# article's text is the other article's first line (its sentence began elsewhere).
SHORT = 12


def split_threads(zones: list[frozenset[str]], texts: list[str], open_end: list[bool],
                  words, home: frozenset[str]) -> list[int] | None:
    """Assign each paragraph of one run of text to thread 0 (home) or thread 1 (inset).

    Arguments:
        zones: the zone names each paragraph names
        texts: the paragraph texts
        open_end: whether each paragraph stops mid-sentence
        words: a function giving the content words of a text (called only when needed)
        home: the zones of the article the run belongs to (from its headline or lead)
    Returns:
        the thread of each paragraph, or None when nothing was set inside this article.
    """
    n = len(texts)
    if not home:
        return None
    foreign = [bool(z) and not (z & home) for z in zones]
    first = next((i for i in range(n) if foreign[i]), None)
    if first is None or first == 0:
        return None
    # The column break: the home paragraph before the inset (past one short fragment) stops mid-sentence.
    before = first - 1
    lead_in = before >= 1 and not open_end[before] and len(texts[before]) <= SHORT and open_end[before - 1]
    if not (open_end[before] or lead_in):
        return None
    thread = [0] * n
    if lead_in:
        thread[before] = 1
    words = [words(t) for t in texts]
    home_words: set[str] = set()
    inset_words: set[str] = set()
    for i in range(n):
        if i < first and not (lead_in and i == before):
            home_words |= words[i]
        elif foreign[i]:
            inset_words |= words[i]
    for i in range(first, n):
        if foreign[i]:
            thread[i] = 1
        elif zones[i] & home:
            thread[i] = 0
        else:
            s_home = score(words[i], frozenset(home_words), {})
            s_inset = score(words[i], frozenset(inset_words), {})
            if abs(s_home - s_inset) < MARGIN:
                thread[i] = thread[i - 1]
            else:
                thread[i] = 1 if s_inset > s_home else 0
        (inset_words if thread[i] else home_words).update(words[i])
    return thread
