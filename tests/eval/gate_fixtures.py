"""The gate's corpora (tests/eval/floors.json), each built once for the session: fixtures to
import into the test modules (``from gate_fixtures import gate, built``)."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest

from builder.evaluation import build_records
from builder.evaluation.gate import load_gate

FLOORS = Path(__file__).resolve().parent / "floors.json"


@functools.cache
def _built() -> dict[str, list[dict]]:
    return {name: build_records(p.corpus.pages) for name, p in load_gate(FLOORS).items()}


@pytest.fixture
def gate():
    return load_gate(FLOORS)


@pytest.fixture
def built() -> dict[str, list[dict]]:
    """Corpus name -> the articles its pages build to (data/articles.json's records)."""
    return _built()
