"""Related articles: three to five per article, by text similarity, with zone and themes breaking ties.

Similarity is the cosine of the articles' term vectors (TF-IDF over jieba nouns,
``keywords.term_vector``, at most ``VECTOR_SIZE`` terms each, L2-normalised). A
shared zone adds ``ZONE_BONUS`` and each shared theme ``THEME_BONUS``, so among
texts about equally close, the same zone and subject come first.

Cost: an inverted index maps each term to the articles that have it, keeping for
each term only the ``MAX_POSTING`` articles where it weighs most (a "champion
list"); an article looks up only its ``QUERY_TERMS`` heaviest terms. So with n
articles the work is O(n · QUERY_TERMS · MAX_POSTING) additions, not O(n²).

The index and the scores are numpy arrays: as a Python loop, the 600 additions of
an article read floats scattered over the whole build's memory (about 1 ms per
article at 10,000 articles; now about a quarter of that). ``bincount`` adds in
input order, so each sum is made in the article's term order as the loop made
it, and bonuses are added in the same order too: the scores are the same floats.
Ordering is by (score descending, issue date newest first, id), so the result is
deterministic and does not depend on the input order; undated articles come after
dated ones of the same score.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import replace

import numpy as np

from ..model import Entry
from ..runtime.workers import map_forked

MIN_RELATED, MAX_RELATED = 3, 5
MAX_POSTING = 40
QUERY_TERMS = 15
ZONE_BONUS = 0.05
THEME_BONUS = 0.02
MIN_SCORE = 0.03  # below this a text is not related, unless needed to reach MIN_RELATED


class TermIndex:
    """The champion lists of every term: ``articles[start:end]`` with their ``weights``, heaviest first."""

    def __init__(self, entries: tuple[Entry, ...], ids: list[str]):
        rows: dict[str, int] = {}
        term_of, article_of, weight_of = [], [], []
        for i, e in enumerate(entries):
            for term, w in e.term_weights:
                term_of.append(rows.setdefault(term, len(rows)))
                article_of.append(i)
                weight_of.append(w)
        terms, articles = np.array(term_of, dtype=np.int64), np.array(article_of, dtype=np.int64)
        weights = np.array(weight_of, dtype=np.float64)
        id_rank = np.empty(len(ids), dtype=np.int64)
        id_rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
        # by term, then weight descending, then id: each term's first MAX_POSTING are its champions
        order = np.lexsort((id_rank[articles], -weights, terms))
        terms, articles, weights = terms[order], articles[order], weights[order]
        first = np.searchsorted(terms, terms)  # where each posting's term starts
        keep = np.arange(len(terms)) - first < MAX_POSTING
        self.rows = rows
        self.articles, self.weights = articles[keep], weights[keep]
        self.bounds = np.searchsorted(terms[keep], np.arange(len(rows) + 1)).tolist()

    def similarities(self, query: tuple[tuple[str, float], ...]) -> tuple[np.ndarray, np.ndarray]:
        """The articles sharing a query term (ascending) and each one's dot product with the query."""
        spans = [(self.bounds[r], self.bounds[r + 1]) for r in (self.rows[t] for t, _ in query)]
        if not spans:
            return np.empty(0, dtype=np.int64), np.empty(0)
        found = np.concatenate([self.articles[s:e] for s, e in spans])
        repeated = np.repeat([w for _, w in query], [e - s for s, e in spans])
        products = np.concatenate([self.weights[s:e] for s, e in spans]) * repeated
        # Group by article; a stable sort keeps each article's products in the query's term order.
        order = np.argsort(found, kind="stable")
        found, products = found[order], products[order]
        first = np.empty(len(found), dtype=bool)
        first[0] = True
        np.not_equal(found[1:], found[:-1], out=first[1:])
        return found[first], np.bincount(np.cumsum(first) - 1, weights=products)


class Ranker:
    """The related articles of any one entry of ``entries`` (:meth:`related_to`)."""

    def __init__(self, entries: tuple[Entry, ...]):
        self.entries = entries
        self.ids = ids = [e.id for e in entries]
        self.index = TermIndex(entries, ids)
        # Equal scores: the newer article first (rank 0 is the newest date; undated last).
        self.dates = dates = sorted({e.date for e in entries if e.date}, reverse=True)
        date_rank = {d: n for n, d in enumerate(dates)}
        self.newness = [date_rank.get(e.date, len(dates)) for e in entries]
        zone_of = [e.zone_key or e.zone for e in entries]
        self.zone_codes = zone_codes = {zone: n for n, zone in enumerate(sorted(set(filter(None, zone_of))))}
        self.zones = zones = np.array([zone_codes.get(z, -1) for z in zone_of], dtype=np.int64)  # -1: no zone
        self.themes = themes = [sorted({t.theme for t in e.themes}) for e in entries]
        self.has_theme = {name: np.zeros(len(entries), dtype=np.int64) for name in set().union(*themes)}
        for i, names in enumerate(themes):
            for name in names:
                self.has_theme[name][i] = 1
        by_zone: dict[int, list[int]] = defaultdict(list)
        for i, zone in enumerate(zones.tolist()):
            if zone >= 0 and len(by_zone[zone]) < MAX_POSTING:
                by_zone[zone].append(i)
        self.zone_articles = {zone: np.array(members, dtype=np.int64) for zone, members in by_zone.items()}

    def champions(self, term: str) -> tuple[tuple, tuple]:
        """The articles (positions) of a term's champion list and their weights; empty for a term no article has."""
        row = self.index.rows.get(term)
        if row is None:
            return (), ()
        start, end = self.index.bounds[row], self.index.bounds[row + 1]
        return tuple(self.index.articles[start:end].tolist()), tuple(self.index.weights[start:end].tolist())

    def zone_mates(self, zone: str | None) -> tuple:
        """The articles (positions) every article of ``zone`` takes as candidates."""
        code = self.zone_codes.get(zone)
        return () if code is None else tuple(self.zone_articles[code].tolist())

    def related_to(self, i: int) -> tuple[str, ...]:
        zones, ids, newness = self.zones, self.ids, self.newness
        found, sims = self.index.similarities(self.entries[i].term_weights[:QUERY_TERMS])
        zone = int(zones[i])
        if zone >= 0:  # same zone: a candidate even with no shared term
            mates = self.zone_articles[zone]
            at = np.minimum(np.searchsorted(found, mates), len(found) - 1)
            extra = mates[found[at] != mates] if len(found) else mates
            found, sims = np.concatenate([found, extra]), np.concatenate([sims, np.zeros(len(extra))])
        others = found != i
        found, sims = found[others], sims[others]
        if not len(found):
            return ()
        # The same operations in the same order as sim + zone bonus + theme bonus in Python: the same floats.
        scores = sims + np.where(zones[found] == zone, ZONE_BONUS, 0.0) if zone >= 0 else sims
        if self.themes[i]:
            scores = scores + THEME_BONUS * sum(self.has_theme[name][found] for name in self.themes[i])
        # Rounding moves a score by less than 1e-9: nothing far below the fifth best can reach the top five.
        kth = len(scores) - min(MAX_RELATED, len(scores))
        fifth = np.partition(scores, kth)[kth]
        near = np.flatnonzero(scores >= fifth - 1e-8)
        ranked = heapq.nsmallest(MAX_RELATED, ((-round(score, 9), newness[j], ids[j])
                                               for score, j in zip(scores[near].tolist(), found[near].tolist())))
        chosen = [oid for neg, _, oid in ranked if -neg >= MIN_SCORE]
        if len(chosen) < MIN_RELATED:
            chosen = [oid for neg, _, oid in ranked[:MIN_RELATED] if -neg > 0]
        return tuple(chosen)


def related_ids(entries: tuple[Entry, ...]) -> dict[str, tuple[str, ...]]:
    """For each entry id, the ids of its related entries, best first."""
    ranker = Ranker(entries)
    # Each article's list is independent of the others': a large archive uses every core.
    return dict(zip(ranker.ids, map_forked(ranker.related_to, range(len(entries)))))


def link_related(entries: tuple[Entry, ...], memo=None) -> tuple[Entry, ...]:
    """Phase two: every entry with its related ids; ``memo`` (``related_again.RelatedMemo``):
    a rebuild makes again only the lists an edit can have changed."""
    if memo is None:
        ids = related_ids(entries)
    else:
        from .related_again import related_ids_again
        ids = related_ids_again(entries, memo)
    return tuple(replace(e, related=ids[e.id]) for e in entries)
