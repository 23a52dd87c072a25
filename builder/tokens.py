"""Chinese word cutting: one private cutter per vocabulary.

The cutting is jieba's (same dictionary, same maximum-probability route), done
by jieba-rs through ``rjieba``: part-of-speech cutting there is about 18
times faster than jieba's pure-Python ``posseg``, which was most of the
builder's time. jieba itself still gives the IDF table for keyword weights
(and Material's search plugin uses it).

jieba's module-level functions share one tokenizer that anybody can change in
place, so the builder never uses them: each vocabulary gets its own Cutter with
the zone names and domain terms added.
"""
from __future__ import annotations

from functools import lru_cache

import jieba.analyse
import rjieba

from .vocab import Vocabulary, compiled

# A high frequency makes the cutter keep a user word whole inside longer runs.
USER_WORD_FREQ = 20000


class Cutter:
    """jieba's cutting with a user dictionary (its words are tagged ``nz``, proper nouns).

    Arguments:
        words: the user dictionary (zone names, domain terms)
    """

    def __init__(self, words: tuple[str, ...]):
        self._jieba = rjieba.Jieba()
        for word in words:
            self._jieba.add_word(word, USER_WORD_FREQ, "nz")

    def cut(self, text: str, hmm: bool = False) -> list[str]:
        """The words of ``text``; with ``hmm``, runs of unknown characters are guessed into words."""
        return self._jieba.cut(text, hmm)

    def tag(self, text: str) -> list[tuple[str, str]]:
        """(word, part of speech) for every word, jieba's tag set; no guessing of unknown words."""
        return self._jieba.tag(text, False)


def _new_cutter(vocab: Vocabulary) -> Cutter:
    return Cutter(tuple(vocab.user_dictionary()))


def vocab_cutter(vocab: Vocabulary) -> Cutter:
    """The one Cutter of a vocabulary (zone names and domain terms), built once: segmenter and keywords share it."""
    return compiled(vocab, _new_cutter)


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's inverse document frequencies and their median (for words it has not seen)."""
    extractor = jieba.analyse.TFIDF()
    return extractor.idf_freq, extractor.median_idf
