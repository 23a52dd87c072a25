"""Keywords: the tags of each article, and the weighted terms used to find related articles.

Each article is cut once, with parts of speech, by a private cutter that knows
the zone names and ``data/domain_terms.txt`` (``textmatch/wordcut.py``). Its candidate words are nouns
(and verbal nouns), at least two Chinese characters, not in ``data/stopwords.txt``,
not a zone name (zones have their own pages); a headline word counts twice. A
word's weight is TF-IDF with jieba's IDF table; domain terms weigh a little more.

Tags are chosen for the whole build at once (phase one sees every article): a word
found in more than ``COMMON_SHARE`` of the articles says nothing about any of them
and is never a tag. Each article gets up to eight tags. A tag is a whole word: a
dictionary word glued to a longer unknown name (比格 of 比格威医疗) is no candidate
there, and a tag only one article carries is kept only when it is a name
(``tag_words.py``, ``data/tags.yaml``).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import repeat

from ..textmatch.cjk import CJK_RANGE
from ..textmatch.wordcut import idf_table, vocab_cutter
from .tag_words import tag_words
from ..vocab import Vocabulary, once_per_vocabulary

# Parts of speech a tag may have (jieba's tag set): nouns, place and organisation
# names, other proper nouns, verbal and adjectival nouns. Person names (nr) are not tags.
TAG_POS = frozenset({"n", "nz", "ns", "nt", "nw", "vn", "an", "ng"})
COMMON_SHARE = 0.5      # in more than half the articles: not a tag
MIN_ARTICLES_FOR_DF = 6  # below this, document frequency says little
MIN_TAGS, MAX_TAGS = 3, 8
TAG_FLOOR = 0.15        # a tag beyond the third must weigh this share of the best
DOMAIN_BOOST = 1.5
VECTOR_SIZE = 40        # terms kept per article for similarity
_WORD = re.compile(rf"^[{CJK_RANGE}]{{2,}}$")
_UNSEEN = object()


@dataclass(frozen=True)
class ArticleTerms:
    """The weighted candidate words of one article, heaviest first."""
    weights: tuple[tuple[str, float], ...]

    def top(self, n: int) -> tuple[tuple[str, float], ...]:
        return self.weights[:n]


class KeywordModel:
    """The tokenizer, IDF table and word lists for one vocabulary. Build once per build."""

    def __init__(self, vocab: Vocabulary):
        zone_names = set(vocab.gazetteer.zone_by_name)
        self.cutter = vocab_cutter(vocab)
        self.whole = tag_words(vocab).whole_words  # pieces of longer unknown names are no candidates
        self.idf, self.median_idf = idf_table()
        self.stopwords = vocab.stopwords
        self.zone_names = frozenset(zone_names)
        self.domain = frozenset(vocab.domain_terms)
        gaz = vocab.gazetteer
        # provinces are shown on every article already; a city is one tag however printed (衡阳市 → 衡阳)
        self.not_tags = frozenset(gaz.provinces) | frozenset(gaz.provinces.values())
        self.same = {f"{city}市": city for city in gaz.cities}
        # (word, part of speech) -> _tag_form: words recur from article to article
        self._decided: dict[tuple[str, str], str | None] = {}

    def _tag_form(self, word: str, flag: str) -> str | None:
        """The form a word counts under as a candidate tag, or None when it is none."""
        if len(word) > 1 and self.is_candidate(word, flag) and word not in self.not_tags:
            return self.same.get(word, word)
        return None

    def is_candidate(self, word: str, flag: str) -> bool:
        """A word that could be a tag: a noun of two or more Chinese characters, not a stop word or zone name."""
        return (bool(_WORD.match(word)) and word not in self.stopwords and word not in self.zone_names
                and (flag in TAG_POS or word in self.domain))

    def terms(self, title: str, body: str) -> ArticleTerms:
        """Cut the article once and weigh its candidate words by TF-IDF; the VECTOR_SIZE heaviest."""
        title_words, body_words = self.whole(self.cutter.tag(title or "")), self.whole(self.cutter.tag(body))
        total = 2 * len(title_words) + len(body_words)  # a headline word counts twice
        counts = self._forms(body_words)
        for form, n in self._forms(title_words).items():
            counts[form] += 2 * n
        if not counts:
            return ArticleTerms(())
        idf, median = self.idf, self.median_idf
        weights = {word: n / total * idf.get(word, median) for word, n in counts.items()}
        for word in self.domain.intersection(weights):
            weights[word] = weights[word] * DOMAIN_BOOST
        # Only the heaviest VECTOR_SIZE are ever used (the term vector; tags come from it).
        ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:VECTOR_SIZE]
        return ArticleTerms(tuple((w, round(x, 6)) for w, x in ranked))

    def _forms(self, words: list[tuple[str, str]]) -> Counter:
        """How often each candidate form occurs among the (word, part of speech) pairs."""
        decided = self._decided
        # Counted in C (map and Counter); Python looks only at the words new to the build.
        found = Counter(map(decided.get, words, repeat(_UNSEEN)))
        if _UNSEEN in found:
            for pair in words:
                if pair not in decided:
                    decided[pair] = self._tag_form(*pair)
            found = Counter(map(decided.get, words))
        found.pop(None, None)
        return found


def document_frequency(all_terms) -> Counter:
    """In how many articles each word is a candidate."""
    df: Counter = Counter()
    for terms in all_terms:
        df.update(w for w, _ in terms.weights)
    return df


def choose_tags(terms: ArticleTerms, df: Counter, n_articles: int, is_name=None) -> tuple[str, ...]:
    """Up to eight tags: the heaviest words that are not common to most articles.

    A word inside a tag already chosen (工匠 after 数智工匠), or containing one, is skipped;
    so is a word no other article has, unless ``is_name`` says it is a name.
    """
    common = n_articles >= MIN_ARTICLES_FOR_DF
    tags: list[str] = []
    best = None
    for word, weight in terms.weights:
        if common and df[word] > COMMON_SHARE * n_articles:
            continue
        if is_name is not None and df[word] < 2 and not is_name(word):
            continue
        if any(word in t or t in word for t in tags):
            continue
        if best is None:
            best = weight
        if len(tags) >= MIN_TAGS and weight < TAG_FLOOR * best:
            break
        tags.append(word)
        if len(tags) == MAX_TAGS:
            break
    return tuple(tags)


def term_vector(terms: ArticleTerms) -> tuple[tuple[str, float], ...]:
    """The article's heaviest terms, L2-normalised, for cosine similarity."""
    top = terms.top(VECTOR_SIZE)
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return tuple((word, round(w / norm, 6)) for word, w in top)


def keyword_model(vocab: Vocabulary) -> KeywordModel:
    """The KeywordModel for ``vocab``, built once (jieba's dictionary loads once per process)."""
    return once_per_vocabulary(vocab, KeywordModel)
