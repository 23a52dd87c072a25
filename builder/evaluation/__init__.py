"""Evaluation: how faithful the built articles are to what a reader expects.

- ``scoring``: the figures of a build against gold annotations;
- ``corpus``: an annotated corpus (pages, gold, manifest), built and hashed;
- ``gate``: floors per figure per corpus, pinned in ``tests/eval/floors.json``;
- ``command``: ``python -m builder eval``.
"""
from .corpus import Corpus, CorpusError, build_records
from .scoring import COUNTS, METRICS, Scores, norm, score

__all__ = ["COUNTS", "METRICS", "Corpus", "CorpusError", "Scores", "build_records", "norm", "score"]
