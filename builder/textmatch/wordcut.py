"""Chinese word cutting: one private cutter per vocabulary.

The cutting is jieba's (same dictionary, same maximum-probability route), done
by jieba-rs through ``rjieba``: part-of-speech cutting there is about 18
times faster than jieba's pure-Python ``posseg``, which was most of the
builder's time. jieba itself still gives the IDF table for keyword weights:
its file, read as jieba reads it, without importing ``jieba.analyse`` (a second
of loading models the builder does not use).

jieba's module-level functions share one tokenizer that anybody can change in
place, so the builder never uses them: each vocabulary gets its own Cutter with
the zone names and domain terms added.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import rjieba

from ..vocab import Vocabulary, once_per_vocabulary

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


def cut_through(cutter: Cutter, text: str, start: int, end: int, context: int = 4) -> bool:
    """Whether a word of jieba's runs across an edge of ``text[start:end]``: 和龙 in 院所和龙头企业
    is cut through (和 | 龙头企业), so it is no name there. The words are cut from ``context``
    characters around the span, enough for the words that touch it."""
    lo = max(0, start - context)
    edges, at = {lo}, lo
    for word in cutter.cut(text[lo:end + context]):
        at += len(word)
        edges.add(at)
    return start not in edges or end not in edges


def vocab_cutter(vocab: Vocabulary) -> Cutter:
    """The one Cutter of a vocabulary (zone names and domain terms), built once: segmenter and keywords share it."""
    return once_per_vocabulary(vocab, _new_cutter)


def jieba_idf_path() -> Path:
    """jieba's IDF file, found without importing jieba.analyse (which loads its part-of-speech models: a second)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed (pip install -e .)")
    return Path(spec.submodule_search_locations[0]) / "analyse" / "idf.txt"


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's inverse document frequencies and their median (for words it has not seen), read as jieba reads them."""
    idf: dict[str, float] = {}
    for line in jieba_idf_path().read_bytes().decode("utf-8").splitlines():
        word, freq = line.strip().split(" ")
        idf[word] = float(freq)
    return idf, sorted(idf.values())[len(idf) // 2]
