"""One jieba tokenizer per vocabulary, never jieba's global default.

jieba's module-level functions share one tokenizer that anybody can change in
place (Material's search plugin loads its own user dictionary into it), so the
builder keeps a private Tokenizer with the zone names and domain terms added.
Loading jieba's dictionary takes about a second: it is done once per process.
"""
from __future__ import annotations

import logging
from functools import lru_cache

import jieba
import jieba.analyse
import jieba.posseg

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=4)
def tokenizer(words: tuple[str, ...]) -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    for word in words:
        # A high frequency makes jieba keep the word whole inside longer runs.
        tok.add_word(word, freq=20000)
    return tok


@lru_cache(maxsize=4)
def keyword_extractor(words: tuple[str, ...]) -> jieba.analyse.TFIDF:
    extractor = jieba.analyse.TFIDF()
    extractor.tokenizer = tokenizer(words)
    extractor.postokenizer = None  # only plain cut is used
    return extractor


@lru_cache(maxsize=4)
def pos_tokenizer(words: tuple[str, ...], tags: tuple[tuple[str, str], ...] = ()) -> jieba.posseg.POSTokenizer:
    """A private part-of-speech tokenizer sharing :func:`tokenizer`'s dictionary.

    Arguments:
        words: the user dictionary, as for :func:`tokenizer`
        tags: (word, part of speech) for user words, so that 数智工匠 is a noun (nz)
    """
    pos = jieba.posseg.POSTokenizer(tokenizer(words))
    pos.word_tag_tab.update(dict(tags))
    return pos


def idf_table(words: tuple[str, ...]) -> tuple[dict[str, float], float]:
    """jieba's inverse document frequencies and their median (for words it has not seen)."""
    extractor = keyword_extractor(words)
    return extractor.idf_freq, extractor.median_idf
