"""The gate's corpora (tests/eval/floors.json), each built once for the session."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.evaluation import build_records
from builder.evaluation.gate import load_gate

FLOORS = Path(__file__).resolve().parent / "floors.json"


@pytest.fixture(scope="session")
def gate():
    return load_gate(FLOORS)


@pytest.fixture(scope="session")
def built(gate) -> dict[str, list[dict]]:
    """Corpus name -> the articles its pages build to (data/articles.json's records)."""
    return {name: build_records(p.corpus.pages) for name, p in gate.items()}
