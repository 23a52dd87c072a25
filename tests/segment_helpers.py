"""Helpers for the repair and segment tests: a vocabulary with the small test gazetteer
(a fixture: import it into the test module), and functions to segment a page."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from builder.model import ARTICLE_ROLES, DEBRIS_ROLES, Page, SegmentedPage
from builder.repair import repair_page
from builder.segment import segment_page
from builder.vocab import DATA_DIR, Vocabulary, load_gazetteer, load_vocabulary

SAMPLES = Path(__file__).parent / "samples" / "segment"
SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    """The builder's vocabularies with the small test gazetteer: the samples name only its zones."""
    return replace(load_vocabulary(DATA_DIR), gazetteer=load_gazetteer(SAMPLES / "gazetteer.yaml"))


def build(text: str, vocab: Vocabulary, name: str = "sample.txt") -> SegmentedPage:
    return segment_page(repair_page(Page(name, text), vocab), vocab)


def sample(name: str, vocab: Vocabulary) -> SegmentedPage:
    return build((SAMPLES / name).read_text(encoding="utf-8"), vocab, name)


def norm(text: str) -> str:
    """Compare text as the checker does: NFKC, no punctuation, no spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"[^\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9]", "", text)


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？])(?![”’])|(?<=[。！？][”’])", paragraph) if s.strip()]


def body(article) -> str:
    return "\n".join(article.paragraphs)


def first_sentence(article) -> str:
    return sentences(article.paragraphs[0])[0]


def last_sentence(article) -> str:
    return sentences(article.paragraphs[-1])[-1]


def lines_with_role(page: SegmentedPage, role) -> list[int]:
    """The page's line numbers placed with ``role``."""
    return [p.line for p in page.placements if p.role == role]


def assert_every_line_placed(page: SegmentedPage) -> None:
    numbers = [p.line for p in page.placements]
    assert numbers == list(range(1, len(page.page.lines) + 1)), "one placement per line, in order"
    for p in page.placements:
        assert p.role in ARTICLE_ROLES + DEBRIS_ROLES
        if p.role in ARTICLE_ROLES:
            assert p.article is not None
        else:
            assert p.article is None
