"""Enrichment: where each article is, what it is about, its tags, key figures and related articles.

Each job is its own module, with its rules in a data file:

- ``places``: zone, province, city and mentions (``gazetteer.yaml``, ``places.yaml``)
- ``themes``: one to three themes with the terms that earned them (``themes.yaml``)
- ``keywords``: tags and the term vectors for similarity (``domain_terms.txt``, ``stopwords.txt``)
- ``figures``: key figures with their sentences (``figures.yaml``)
- ``related``: related articles (phase two, needs every entry)

``analyse_articles`` looks at one article at a time (cached per page); ``choose_all_tags``
and ``link_related`` need every article of the build (phase two).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .figures import figure_finder
from .keywords import ArticleTerms, choose_tags, document_frequency, keyword_model, term_vector
from ..model import Entry, IdentifiedArticle
from .places import place_finder
from .related import link_related
from .tag_words import tag_words
from .themes import theme_scorer
from ..vocab import Vocabulary

__all__ = ["analyse_articles", "choose_all_tags", "enrich_articles", "link_related"]


def analyse_articles(articles: list[IdentifiedArticle], vocab: Vocabulary) -> tuple[Entry, ...]:
    """Phase one: every article with its place, themes, figures and term vector.

    Each article is analysed on its own, so the result can be cached per page;
    tags need every article's terms and are chosen in phase two (:func:`choose_all_tags`).

    Arguments:
        articles: every article of the build, with its id
        vocab: the vocabularies
    Returns:
        one Entry per pair, in the same order; ``tags`` and ``related`` are left empty.
    """
    places = place_finder(vocab)
    themes = theme_scorer(vocab)
    figures = figure_finder(vocab)
    keywords = keyword_model(vocab)
    body_of = {id_: "\n".join(article.paragraphs) for id_, article in articles}
    terms = [keywords.terms(article.title, body_of[id_]) for id_, article in articles]
    entries = []
    for (id_, article), article_terms in zip(articles, terms):
        body = body_of[id_]
        place = places.find(article.title, article.paragraphs, article.kicker)
        head = "\n".join(filter(None, [article.title, article.kicker]))
        # zone names are places, not subjects (泰州医药高新区 is not about 医药)
        entries.append(Entry(
            id=id_, article=article,
            zone=place.zone, province=place.province, city=place.city, mentions=place.mentions,
            zone_key=place.zone_key, zone_kind=place.zone_kind,
            themes=themes.choose(places.zone_rx.sub("□", head), places.zone_rx.sub("□", body)),
            figures=figures.find(article.title, article.paragraphs),
            term_weights=term_vector(article_terms),
        ))
    return tuple(entries)


def choose_all_tags(entries: tuple[Entry, ...], vocab: Vocabulary) -> tuple[Entry, ...]:
    """Phase two: tags for every entry, leaving out words common to most articles of the build,
    and words only one article carries unless they are names (a page listing one article
    under a common word is a dead end for a reader)."""
    terms = [ArticleTerms(e.term_weights) for e in entries]
    df = document_frequency(terms)
    names = tag_words(vocab)
    chosen = [choose_tags(t, df, len(entries), names.is_name) for t in terms]
    used = Counter(tag for tags in chosen for tag in tags)
    keep = {tag for tag, n in used.items() if n > 1 or names.is_name(tag)}
    return tuple(replace(e, tags=tuple(t for t in tags if t in keep)) for e, tags in zip(entries, chosen))


def enrich_articles(articles: list[IdentifiedArticle], vocab: Vocabulary) -> tuple[Entry, ...]:
    """Both phases but related articles, for a whole build at once."""
    return choose_all_tags(analyse_articles(articles, vocab), vocab)
