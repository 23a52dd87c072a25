"""The rule files as typed objects: defaults in one place, a misspelt key an error naming
the file and the key (never a silent default), and the rules files of builder/data all read."""
from __future__ import annotations

import subprocess
import sys

import pytest

from builder.vocab import DATA_DIR, load_vocabulary
from builder.vocab.figure_rules import FigureRules, load_figure_rules
from builder.vocab.rule_files import (RULES_KEYS, PlaceRules, PlaceWeights, RuleFileError, ThemeScoring,
                                      load_place_rules, load_rules, load_theme_scoring, read_yaml)
from conftest import ROOT, copy_project, mkdocs_build, mkdocs_env


def test_every_key_of_the_shipped_rule_files_is_read():
    for name, known in (("repair_rules.yaml", RULES_KEYS), ("places.yaml", PlaceRules.__dataclass_fields__),
                        ("figures.yaml", FigureRules.__dataclass_fields__)):
        assert set(read_yaml(DATA_DIR / name)) <= set(known), name
    assert set(read_yaml(DATA_DIR / "places.yaml")["weights"]) <= set(PlaceWeights.__dataclass_fields__)
    assert set(read_yaml(DATA_DIR / "themes.yaml")["scoring"]) <= set(ThemeScoring.__dataclass_fields__)


def test_shipped_rules_are_read_into_their_fields():
    vocab = load_vocabulary(DATA_DIR)
    places = vocab.place_rules
    assert places.weights.title == read_yaml(DATA_DIR / "places.yaml")["weights"]["title"]
    assert places.weights.kinds["institution"] == 2.0 and places.rules and places.known
    assert all(r.kind and r.pattern for r in places.rules)
    assert "重镇" in places.not_towns
    figures = vocab.figure_rules
    assert figures.max_figures == read_yaml(DATA_DIR / "figures.yaml")["max_figures"]
    assert "亿元" in figures.units["money"]
    assert vocab.theme_scoring.threshold == read_yaml(DATA_DIR / "themes.yaml")["scoring"]["threshold"]


def test_a_key_left_out_takes_the_default_of_its_field(tmp_path):
    (tmp_path / "places.yaml").write_text("weights: {title: 5}\n", encoding="utf-8")
    (tmp_path / "figures.yaml").write_text("max_label: 10\n", encoding="utf-8")
    (tmp_path / "themes.yaml").write_text("scoring: {cap: 2}\nthemes: []\n", encoding="utf-8")
    places = load_place_rules(tmp_path / "places.yaml")
    assert places.weights.title == 5 and places.weights.kicker == PlaceWeights().kicker
    assert places.zone_kinds == PlaceRules().zone_kinds and places.rules == ()
    figures = load_figure_rules(tmp_path / "figures.yaml")
    assert figures.max_label == 10 and figures.max_figures == FigureRules().max_figures and figures.split == ("的",)
    scoring = load_theme_scoring(tmp_path / "themes.yaml")
    assert scoring == ThemeScoring(cap=2)
    assert load_place_rules(tmp_path / "none.yaml").weights == PlaceWeights()


@pytest.mark.parametrize("name, text, key", [
    ("places.yaml", "weights: {titel: 5}\n", "weights.titel"),
    ("places.yaml", "zone_kind: [national]\n", "zone_kind"),
    ("places.yaml", "rules:\n  - {kind: town, pattern: x, need: [镇]}\n", "rules[1].need"),
    ("figures.yaml", "max_labels: 9\n", "max_labels"),
    ("themes.yaml", "scoring: {treshold: 2}\n", "scoring.treshold"),
    ("repair_rules.yaml", "caption_max_char: 30\n", "caption_max_char"),
])
def test_an_unknown_key_is_an_error_naming_the_file_and_the_key(tmp_path, name, text, key):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    load = {"places.yaml": load_place_rules, "figures.yaml": load_figure_rules,
            "themes.yaml": load_theme_scoring, "repair_rules.yaml": load_rules}[name]
    with pytest.raises(RuleFileError) as err:
        load(path)
    assert str(err.value).startswith(f"{name}: unknown key {key} (known: ")


def test_a_rule_without_its_pattern_is_an_error(tmp_path):
    (tmp_path / "places.yaml").write_text("rules:\n  - {kind: town}\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"places.yaml: rules\[1\] has no pattern"):
        load_place_rules(tmp_path / "places.yaml")


def test_both_front_ends_name_a_misspelt_rule_and_stop(tmp_path):
    project = copy_project(tmp_path / "project", sorted((ROOT / "seeds").glob("*.txt"))[:1])
    figures = project / "builder" / "data" / "figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8") + "\nmax_figure: 3\n", encoding="utf-8")
    env = mkdocs_env(PYTHONPATH=str(project))
    cli = subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", "seeds", "--out", "out", "--no-cache"],
                         cwd=project, env=env, capture_output=True, text=True, timeout=300)
    hook = mkdocs_build(tmp_path / "site", project=project, DIGEST_CACHE=str(tmp_path / "cache"))
    for result in (cli, hook):
        assert result.returncode != 0
        assert "figures.yaml: unknown key max_figure (known: max_figures" in result.stderr
        assert "Traceback" not in result.stderr
