"""Related articles: three to five per article, by text similarity, with zone and themes breaking ties.

Similarity is the cosine of the articles' term vectors (TF-IDF over jieba nouns,
``keywords.term_vector``, at most ``VECTOR_SIZE`` terms each, L2-normalised). A
shared zone adds ``ZONE_BONUS`` and each shared theme ``THEME_BONUS``, so among
texts about equally close, the same zone and subject come first.

Cost: an inverted index maps each term to the articles that have it, keeping for
each term only the ``MAX_POSTING`` articles where it weighs most (a "champion
list"); an article looks up only its ``QUERY_TERMS`` heaviest terms. So with n
articles the work is O(n · QUERY_TERMS · MAX_POSTING) additions, not O(n²): at
10,000 articles at most 10,000 × 15 × 40 = 6M additions, a few seconds in Python.
Bonuses are added only while they could still lift a text into the top five.
Ordering is by (score descending, id), so the result is deterministic and does
not depend on the input order.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import replace
from operator import itemgetter

from .model import Entry
from .parallel import map_forked

MIN_RELATED, MAX_RELATED = 3, 5
MAX_POSTING = 40
QUERY_TERMS = 15
ZONE_BONUS = 0.05
THEME_BONUS = 0.02
MIN_SCORE = 0.03  # below this a text is not related, unless needed to reach MIN_RELATED
_similarity = itemgetter(1)


def related_ids(entries: tuple[Entry, ...]) -> dict[str, tuple[str, ...]]:
    """For each entry id, the ids of its related entries, best first."""
    ids = [e.id for e in entries]
    zones = [e.zone_key or e.zone for e in entries]
    themes = [frozenset(t.theme for t in e.themes) for e in entries]
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, e in enumerate(entries):
        for term, w in e.term_weights:
            postings[term].append((i, w))
    for term, plist in postings.items():  # champion lists: the articles where the term weighs most
        if len(plist) > MAX_POSTING:
            postings[term] = heapq.nsmallest(MAX_POSTING, plist, key=lambda p: (-p[1], ids[p[0]]))
    by_zone: dict[str, list[int]] = defaultdict(list)
    for i, zone in enumerate(zones):
        if zone:
            by_zone[zone].append(i)

    def related_to(i: int) -> tuple[str, ...]:
        e = entries[i]
        scores: dict[int, float] = defaultdict(float)
        for term, w in e.term_weights[:QUERY_TERMS]:
            for j, wj in postings[term]:
                scores[j] += w * wj
        scores.pop(i, None)
        zone, mine = zones[i], themes[i]
        for j in by_zone.get(zone, ())[:MAX_POSTING] if zone else ():
            if j != i:
                scores.setdefault(j, 0.0)  # same zone: a candidate even with no shared term
        # Texts in order of similarity; once even the largest bonus cannot lift the next one
        # above the fifth best score so far, none after it can either.
        most_bonus = (ZONE_BONUS if zone else 0.0) + THEME_BONUS * len(mine)
        pool, fifth = [], []  # fifth: the MAX_RELATED best scores so far (a heap, the lowest on top)
        for j, sim in sorted(scores.items(), key=_similarity, reverse=True):
            if len(fifth) == MAX_RELATED and sim + most_bonus < fifth[0] - 1e-9:
                break
            score = round(sim + (ZONE_BONUS if zone and zone == zones[j] else 0.0) + THEME_BONUS * len(mine & themes[j]), 9)
            pool.append((-score, ids[j]))
            if len(fifth) < MAX_RELATED:
                heapq.heappush(fifth, score)
            elif score > fifth[0]:
                heapq.heapreplace(fifth, score)
        ranked = heapq.nsmallest(MAX_RELATED, pool)
        chosen = [oid for neg, oid in ranked if -neg >= MIN_SCORE]
        if len(chosen) < MIN_RELATED:
            chosen = [oid for neg, oid in ranked[:MIN_RELATED] if -neg > 0]
        return tuple(chosen)

    # Each article's list is independent of the others': a large archive uses every core.
    return dict(zip(ids, map_forked(related_to, range(len(entries)))))


def link_related(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Phase two: every entry with its related ids."""
    ids = related_ids(entries)
    return tuple(replace(e, related=ids[e.id]) for e in entries)
