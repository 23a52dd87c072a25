"""Related articles: three to five per article, by text similarity, with zone and themes breaking ties.

Similarity is the cosine of the articles' term vectors (TF-IDF over jieba nouns,
``keywords.term_vector``, at most ``VECTOR_SIZE`` terms each, L2-normalised). A
shared zone adds ``ZONE_BONUS`` and each shared theme ``THEME_BONUS``, so among
texts about equally close, the same zone and subject come first.

Cost: an inverted index maps each term to the articles that have it; an
article's candidates are only the articles sharing a term, and a term held by
more than ``MAX_POSTING`` articles (too common to discriminate) is skipped. So
with n articles of k terms each, the work is O(n · k · MAX_POSTING) rather than
O(n²); at 10,000 articles that is at most 10,000 × 40 × 200 additions, and usually
far less. Ordering is by (score descending, id), so the result is deterministic.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .model import Entry

MIN_RELATED, MAX_RELATED = 3, 5
MAX_POSTING = 200
ZONE_BONUS = 0.05
THEME_BONUS = 0.02
MIN_SCORE = 0.03  # below this a text is not related, unless needed to reach MIN_RELATED


def related_ids(entries: tuple[Entry, ...]) -> dict[str, tuple[str, ...]]:
    """For each entry id, the ids of its related entries, best first."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, e in enumerate(entries):
        for term, w in e.term_weights:
            postings[term].append((i, w))
    themes = [frozenset(t.theme for t in e.themes) for e in entries]
    by_zone: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        if e.zone_key or e.zone:
            by_zone[e.zone_key or e.zone].append(i)
    out: dict[str, tuple[str, ...]] = {}
    for i, e in enumerate(entries):
        scores: dict[int, float] = defaultdict(float)
        for term, w in e.term_weights:
            plist = postings[term]
            if len(plist) > MAX_POSTING:
                continue
            for j, wj in plist:
                if j != i:
                    scores[j] += w * wj
        zone = e.zone_key or e.zone
        for j in by_zone.get(zone, ())[:MAX_POSTING] if zone else ():
            if j != i:
                scores.setdefault(j, 0.0)  # same zone: a candidate even with no shared term
        ranked = []
        for j, sim in scores.items():
            o = entries[j]
            score = sim + (ZONE_BONUS if zone and zone == (o.zone_key or o.zone) else 0.0) \
                + THEME_BONUS * len(themes[i] & themes[j])
            ranked.append((-round(score, 9), o.id))
        ranked.sort()
        chosen = [oid for neg, oid in ranked[:MAX_RELATED] if -neg >= MIN_SCORE]
        if len(chosen) < MIN_RELATED:
            chosen = [oid for neg, oid in ranked[:MIN_RELATED] if -neg > 0]
        out[e.id] = tuple(chosen)
    return out


def link_related(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Phase two: every entry with its related ids."""
    ids = related_ids(entries)
    return tuple(replace(e, related=ids[e.id]) for e in entries)
