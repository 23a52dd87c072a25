"""The annotated pages are consistent: every gold file names a page of its corpus, and every
``must``, ``must_not`` and ``repeated`` text is printed on that page (read as the builder reads it),
each ``must`` sentence belonging to one article only."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.evaluation import norm
from builder.evaluation.gate import load_gate
from builder.sources import decode

GATE = load_gate(Path(__file__).resolve().parent / "floors.json")
GOLDS = [(name, stem, gold) for name, p in GATE.items() for stem, gold in p.corpus.golds().items()]


@pytest.mark.parametrize("corpus,stem,gold", GOLDS, ids=[f"{n}/{s}" for n, s, _ in GOLDS])
def test_gold_texts_are_printed_on_their_page(corpus, stem, gold):
    pages = GATE[corpus].corpus.pages
    assert gold["seed"] == f"{stem}.txt" and (pages / gold["seed"]).is_file()
    text, _ = decode((pages / gold["seed"]).read_bytes())
    page = norm(text)
    keys = [a["key"] for a in gold["articles"]]
    assert len(keys) == len(set(keys))
    for a in gold["articles"]:
        for field in ("must", "must_not", "repeated"):
            missing = [m for m in a.get(field) or [] if norm(m) not in page]
            assert not missing, (a["key"], field, missing)
        others = "|".join(norm(m) for b in gold["articles"] if b is not a for m in b["must"])
        shared = [m for m in a["must"] if norm(m) in others]
        assert not shared, (a["key"], shared)


def test_every_page_of_a_manifest_has_its_gold():
    for name, p in GATE.items():
        stems = set(p.corpus.golds())
        for page, seed in p.corpus.page_map().items():
            assert (p.corpus.pages / page).is_file(), (name, page)
            assert Path(seed).stem in stems, (name, seed)
