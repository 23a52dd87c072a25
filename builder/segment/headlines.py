"""Match headlines to article bodies by content, wherever the page prints them.

A headline candidate is a heading that stands between articles: above a body,
after one, or in a cluster at the page end. Each is scored against every body
by the share of its words (jieba tokens with the zone names kept whole, and
numbers) that the body uses, words found in fewer bodies weighing more; a
small bonus goes to the body right below it, a smaller one to the body right
above it, and one to a body whose zone it names. The best pairs are taken first, one headline per body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..vocab.rule_files import Rules
from ..textmatch.wordcut import Cutter
from ..textmatch.trie import WordFinder
from ..textmatch.cjk import CJK_CHAR

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CJK_WORD = CJK_CHAR

# Bonuses for where a headline stands relative to a body (see module docstring),
# and for naming the zone the body names (headlines name their zone; kickers
# and captions seldom do).
ABOVE = 0.15
ZONE = 0.2
ABOVE_EARLIER = 0.1
BELOW = 0.1
# A heading in a headline's own form (marked #, or 宜昌高新区：… ) over a kicker beside it.
FORM = 0.15
# A heading with fewer content words than this counts its share of them at (words + 1) / FEW_WORDS.
FEW_WORDS = 4
# A headline whose words the body hardly uses is not taken.
MIN_SCORE = 0.35


@lru_cache(maxsize=8192)
def words(text: str, tok: Cutter, stop: frozenset[str]) -> frozenset[str]:
    """The content words of a text: tokens of two or more characters, and numbers.

    Cached: a body is compared with every headline and caption of its page.
    """
    found = {w for w in tok.cut(text, hmm=True) if len(w) >= 2 and _CJK_WORD.search(w) and w not in stop}
    found.update(_NUMBER.findall(text))
    return frozenset(found)


@dataclass(frozen=True)
class Candidate:
    """A heading that may be an article's headline.

    Arguments:
        key: its index among the page's candidates
        text: the heading text
        above: the body it stands directly above (index), or None
        below: the body it stands directly below, or None
        last_above: it is the heading nearest the body below it
        anywhere: it may go to any body (a heading in a cluster, or printed apart);
            otherwise only to the body below or above it
        form: it has a headline's own form (marked as a first-level heading, or subject：headline)
        signed: it stands right above the byline that opens the body below it, or right under a column label
    """
    key: int
    text: str
    above: int | None
    below: int | None
    last_above: bool = True
    anywhere: bool = True
    form: bool = False
    signed: bool = False


def score(cand_words: frozenset[str], body: frozenset[str] | str, weight: dict[str, float]) -> float:
    """The weighted share of a heading's words that a body uses.

    Arguments:
        body: the body's words, or its text (then a word counts when the text contains it,
            so long bodies need not be tokenized)
    """
    total = sum(weight.get(w, 1.0) for w in cand_words)
    if not total:
        return 0.0
    return sum(weight.get(w, 1.0) for w in cand_words if w in body) / total


def _weights(cand_words: list[frozenset[str]], bodies: list[str]) -> dict[str, float]:
    """1 / the number of bodies that use a word: a word every body uses tells little."""
    weight = {}
    for cw in cand_words:
        for w in cw:
            if w not in weight:
                weight[w] = 1.0 / max(1, sum(w in b for b in bodies))
    return weight


def match(cands: list[Candidate], bodies: list[str], tok: Cutter,
          stop: frozenset[str], zones: WordFinder | None = None) -> dict[int, tuple[int, float]]:
    """Give each body at most one headline.

    Arguments:
        zones: the zone names of the gazetteer

    Returns:
        {body index: (candidate key, score)} for the bodies that got one.
    """
    cand_words = [words(c.text, tok, stop) for c in cands]
    weight = _weights(cand_words, bodies)
    pairs = []

    def zones_of(text: str) -> set[str]:
        return {z for _, z in zones.everywhere(text)} if zones else set()
    body_zones = [zones_of(b) for b in bodies]
    # A share of one or two words is weak evidence (a kicker's one word found in a body), unless
    # the heading names a zone or is a headline's subject (宜昌高新区：), whose headline goes on below it.
    few = {c.key: 1.0 if zones_of(c.text) or c.text.rstrip().endswith(("：", ":"))
           else min(1.0, (len(cw) + 1) / FEW_WORDS) for c, cw in zip(cands, cand_words)}
    for c, cw in zip(cands, cand_words):
        cz = zones_of(c.text)
        for b, bw in enumerate(bodies):
            if not c.anywhere and b not in (c.above, c.below):
                continue
            s = score(cw, bw, weight) * few[c.key]
            if c.above == b:
                s += ABOVE if c.last_above else ABOVE_EARLIER
            elif c.below == b:
                s += BELOW
            if cz & body_zones[b]:
                s += ZONE
            if c.form:
                s += FORM
            pairs.append((s, -abs((c.above if c.above is not None else c.below or 0) - b), c.key, b))
    pairs.sort(key=lambda p: (-p[0], -p[1], p[2], p[3]))
    taken: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for s, _, key, b in pairs:
        if s < MIN_SCORE or b in taken or key in used:
            continue
        taken[b] = (key, round(s, 2))
        used.add(key)
    _by_place(cands, taken, used)
    return taken


def _by_place(cands: list[Candidate], taken: dict[int, tuple[int, float]], used: set[int]) -> None:
    """A body no headline's words matched takes the heading right above the byline that opens it:
    a headline by its place (a commentary's headline seldom repeats its text's words). Only then,
    so a kicker left above a byline never beats a headline printed apart."""
    for c in cands:
        if c.signed and c.above is not None and c.above not in taken and c.key not in used:
            taken[c.above] = (c.key, 0.0)
            used.add(c.key)


def best_body(text: str, bodies: list[str], tok: Cutter, stop: frozenset[str]) -> tuple[int | None, float]:
    """The body whose words a caption or credit uses most, and the score (for captions)."""
    cw = words(text, tok, stop)
    best, best_s = None, 0.0
    for b, body in enumerate(bodies):
        s = score(cw, body, {})
        if s > best_s:
            best, best_s = b, s
    return best, best_s


def caption_scores(text: str, bodies: list[str], tok: Cutter, stop: frozenset[str]) -> list[float]:
    """How much each body uses a caption's words, words found in fewer bodies weighing more."""
    cw = words(text, tok, stop)
    weight = _weights([cw], bodies)
    return [score(cw, body, weight) for body in bodies]


def title_from_lead(lead: str, rules: Rules) -> str:
    """A short title made from an article's first sentence, for a page that prints none."""
    text = lead
    changed = True
    while changed:
        changed = False
        for w in rules.lead_time_words:
            if text.startswith(w):
                text = text[len(w):].lstrip("，,、 ")
                changed = True
    sentence = re.split(f"[{re.escape(rules.sentence_end)}]", text, maxsplit=1)[0]
    limit = rules.generated_title_max_chars
    if len(sentence) <= limit:
        return sentence.strip("，、：")
    # Cut at the last clause end within the limit, else at the limit.
    clauses = re.split(r"(?<=[，、：])", sentence)
    title = ""
    for clause in clauses:
        if len(title) + len(clause) > limit:
            break
        title += clause
    return (title or sentence[:limit]).strip("，、：")
