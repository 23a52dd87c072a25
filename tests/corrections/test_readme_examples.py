"""The editors' examples of corrections use ids of a build of the seeds, and every one applies.

The examples live in the README (``### Fixing the machine's mistakes``); while they are
drafted apart they are in ``docs-corrections.md``, which is read instead when it exists.
"""
from __future__ import annotations

import re

import pytest
import yaml

from builder.corrections.check import is_page
from builder.pipeline import build_digest
from builder.settings import Settings
from conftest import ROOT

DRAFT = ROOT / "docs-corrections.md"
README = ROOT / "README.md"
_BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)


SECTION = "### Fixing the machine's mistakes"


def examples_text() -> str:
    """The README's section on corrections (other sections show other files, pages.yaml)."""
    text = (DRAFT if DRAFT.exists() else README).read_text(encoding="utf-8")
    if SECTION in text:
        text = text.split(SECTION, 1)[1]
        text = text.split("\n### ", 1)[0]
    return text


def yaml_blocks() -> list[str]:
    """The YAML code blocks that are corrections (article ids or page files as keys)."""
    blocks = []
    for lang, body in _BLOCK.findall(examples_text()):
        if lang != "yaml":
            continue
        data = yaml.safe_load(body)
        if isinstance(data, dict) and data and all(isinstance(k, str) and ("-" in k or is_page(k)) for k in data):
            blocks.append(body)
    return blocks


@pytest.fixture(scope="module")
def seeds_ids(tmp_path_factory) -> set[str]:
    cache = tmp_path_factory.mktemp("cache")
    digest = build_digest(Settings.for_seeds(ROOT / "seeds", corrections=None, cache_dir=cache))
    return {e.id for e in digest.entries}


def test_the_examples_are_there():
    assert len(yaml_blocks()) >= 2


@pytest.mark.parametrize("n", range(len(yaml_blocks())))
def test_each_example_names_articles_of_the_seeds_and_applies_without_a_problem(tmp_path, seeds_ids, n):
    block = yaml_blocks()[n]
    targets = list(yaml.safe_load(block))
    pages = {p.name for p in (ROOT / "seeds").glob("*.txt")}
    assert all(t in seeds_ids or t in pages for t in targets), [t for t in targets if t not in seeds_ids | pages]
    path = tmp_path / "corrections.yaml"
    path.write_text(block, encoding="utf-8")
    digest = build_digest(Settings.for_seeds(ROOT / "seeds", corrections=path, cache_dir=tmp_path / "cache"))
    assert [p for p in digest.problems if p.kind == "corrections"] == []
    assert digest.corrections


def test_the_example_messages_name_real_ids(seeds_ids):
    """The refused corrections shown as terminal output: the id suggested is one of the build."""
    shown = "\n".join(body for lang, body in _BLOCK.findall(examples_text()) if "correction not applied" in body)
    suggested = re.findall(r"did you mean ([\w-]+)\?", shown)
    named = re.findall(r"corrections\.yaml:\d+: ([\w-]+): unknown correction", shown)
    assert suggested or named
    assert set(suggested + named) <= seeds_ids
