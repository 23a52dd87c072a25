"""Enrichment: where each article is (zone, province, city), what it is about, its tags and figures."""
from __future__ import annotations

from .model import Article, Entry, ThemeMatch
from .tokens import keyword_extractor
from .vocab import Vocabulary


def find_place(text: str, title: str, vocab: Vocabulary) -> tuple[str | None, str | None, str | None, tuple[str, ...]]:
    """The zone named most (the title counts triple), and the other zones named."""
    counts = {}
    for zone in vocab.gazetteer.zones:
        n = sum(text.count(name) + 3 * title.count(name) for name in set(zone.names))
        if n:
            counts[zone] = n
    if not counts:
        return None, None, None, ()
    ranked = sorted(counts, key=lambda z: (-counts[z], z.name))
    best = ranked[0]
    return best.name, best.province, best.city, tuple(z.name for z in ranked[1:])


def find_themes(text: str, vocab: Vocabulary) -> tuple[ThemeMatch, ...]:
    scored = []
    for theme in vocab.themes:
        hits = tuple(t for t in theme.terms if t in text)
        score = float(sum(text.count(t) for t in hits))
        if score:
            scored.append(ThemeMatch(theme.name, score, hits))
    scored.sort(key=lambda m: (-m.score, m.theme))
    return tuple(scored[:3])


def find_tags(text: str, vocab: Vocabulary) -> tuple[str, ...]:
    extractor = keyword_extractor(tuple(vocab.user_dictionary()))
    tags = []
    for word in extractor.extract_tags(text, topK=20):
        if word in vocab.stopwords or len(word) < 2 or word.isdigit():
            continue
        tags.append(word)
        if len(tags) == 6:
            break
    return tuple(tags)


def enrich_articles(pairs: list[tuple[str, Article]], vocab: Vocabulary) -> tuple[Entry, ...]:
    entries = []
    for id_, article in pairs:
        text = "\n".join(article.paragraphs)
        zone, province, city, mentions = find_place(text, article.title, vocab)
        entries.append(Entry(
            id=id_, article=article, zone=zone, province=province, city=city, mentions=mentions,
            themes=find_themes(article.title + "\n" + text, vocab), tags=find_tags(text, vocab),
        ))
    return tuple(entries)


def link_related(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Related articles by shared tags, zone and themes (phase two: needs every entry)."""
    from dataclasses import replace
    out = []
    for e in entries:
        def score(o: Entry) -> tuple:
            shared = len(set(e.tags) & set(o.tags)) + len({t.theme for t in e.themes} & {t.theme for t in o.themes})
            return (-(shared + (2 if e.zone and e.zone == o.zone else 0)), o.id)
        others = sorted((o for o in entries if o.id != e.id), key=score)
        out.append(replace(e, related=tuple(o.id for o in others[:4] if score(o)[0] < 0)))
    return tuple(out)
