"""The evaluation gate: every corpus of tests/eval/floors.json scores at or above its pinned floors.

When a change raises a figure, re-pin (``python -m builder eval --pin``) so that it cannot fall
back; when the corpus files change, the floors must be re-pinned too (the hash test says so).
"""
from __future__ import annotations

from dataclasses import replace

import json
import shutil
from pathlib import Path

import pytest

from gate_fixtures import built, gate  # noqa: F401 (fixtures)
from builder.evaluation import COUNTS, METRICS, score
from builder.evaluation.command import main as eval_command
from builder.evaluation.gate import load_gate, pinned_entry, round_down, write_gate

CORPORA = ("seeds", "dev")
FOLDER_DEV = Path(__file__).resolve().parent / "corpus" / "dev"


def test_the_gate_pins_both_corpora_and_every_figure(gate):
    assert set(gate) == set(CORPORA)
    for p in gate.values():
        assert set(p.floors) == set(METRICS) and set(p.ceilings) == set(COUNTS), p.name
        assert all(0 <= v <= 1 for v in p.floors.values()), p.name


@pytest.mark.parametrize("name", CORPORA)
def test_corpus_files_are_those_the_floors_were_pinned_with(name, gate):
    p = gate[name]
    assert p.corpus.digest() == p.digest, (
        f"{name}: the corpus changed since its floors were pinned; check the figures, then "
        "`python -m builder eval --pin`")


@pytest.mark.parametrize("name", CORPORA)
def test_no_figure_below_its_pinned_floor(name, gate, built):
    p = gate[name]
    figures = score(p.corpus.golds(), built[name], p.corpus.page_map()).figures
    failures = [f for f in p.failures(figures, p.digest)]
    assert not failures, "\n".join(failures)


def test_floors_are_measured_figures_rounded_down():
    assert round_down(0.9052) == 0.90
    assert round_down(0.969) == 0.96
    assert round_down(1.0) == 1.0
    assert round_down(0.29) == 0.29  # 0.29 * 100 is 28.999…: not 0.28


def test_a_figure_below_its_floor_or_a_count_above_its_ceiling_fails(gate):
    p = gate["seeds"]
    figures = {**{m: p.floors[m] for m in METRICS}, **{c: p.ceilings[c] for c in COUNTS}}
    assert p.failures(figures, p.digest) == []
    lower = {**figures, "pure": p.floors["pure"] - 0.01, "extra": p.ceilings["extra"] + 1}
    failures = p.failures(lower, p.digest)
    assert len(failures) == 2 and "pure" in failures[0] and "extra" in failures[1]
    assert "re-pin" in p.failures(figures, "sha256:other")[0]


def test_pinning_refuses_to_lower_a_floor_unless_allowed(gate):
    # A floor of 0.9 for authors, whatever is pinned today, so that 0.987 raises it.
    p = replace(gate["dev"], floors={**gate["dev"].floors, "authors": 0.9})
    figures = {**{m: p.floors[m] for m in METRICS}, **{c: p.ceilings[c] for c in COUNTS}}
    worse = {**figures, "authors": max(p.floors["authors"] - 0.1, 0), "noise": p.ceilings["noise"] + 2}
    _, refused = pinned_entry(p, worse, p.digest, allow_lower=False)
    assert len(refused) == 2 and "authors" in refused[0] and "noise" in refused[1]
    entry, refused = pinned_entry(p, worse, p.digest, allow_lower=True)
    assert not refused and entry["floors"]["authors"] == round_down(worse["authors"])
    better = {**figures, "authors": 0.987}
    entry, refused = pinned_entry(p, better, "sha256:new", allow_lower=False)
    assert not refused and entry["floors"]["authors"] == 0.98 and entry["hash"] == "sha256:new"


def test_pin_command_raises_floors_and_refuses_to_lower_them(tmp_path, gate, capsys):
    """`eval --pin` on a copy of the floors file: a ceiling below what can be measured (no count is
    below 0) is kept and the file left alone; with --allow-lower it is set to the measured count."""
    p = gate["seeds"]
    floors = tmp_path / "floors.json"
    entry = {**{k: str(getattr(p.corpus, k).resolve()) for k in ("pages", "gold", "manifest")},
             "hash": p.digest, "floors": dict(p.floors), "ceilings": {**p.ceilings, "extra": -1}}
    write_gate(floors, {"seeds": entry})
    before = floors.read_text(encoding="utf-8")
    assert eval_command(["--floors", str(floors), "--pin"]) == 1
    assert "extra would go up from -1" in capsys.readouterr().err
    assert floors.read_text(encoding="utf-8") == before
    assert eval_command(["--floors", str(floors), "--pin", "--allow-lower"]) == 0
    pinned = json.loads(floors.read_text(encoding="utf-8"))["corpora"]["seeds"]
    assert pinned["ceilings"]["extra"] == p.ceilings["extra"] and pinned["floors"] == p.floors
    assert load_gate(floors)["seeds"].failures(
        score(p.corpus.golds(), [], p.corpus.page_map()).figures, p.digest)  # an empty build fails


def test_eval_command_prints_the_table_for_a_corpus_folder(capsys):
    from builder.frontends.cli import main

    assert main(["eval", str(FOLDER_DEV), "--pages"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "| pages | segF1 | complete | pure | title | zone | authors | extra | noise |"
    assert sum(line.startswith("| dev/dp-") for line in out) == 10
    assert out[-1].startswith("| dev (") and "/49 found)" in out[-1]


def test_eval_command_names_a_missing_gold_folder(tmp_path, capsys):
    from builder.frontends.cli import main

    (tmp_path / "pages").mkdir()
    assert main(["eval", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert str(tmp_path / "gold") in err and "does not exist" in err


def test_eval_command_names_a_page_file_it_could_not_read_and_scores_the_rest(tmp_path, capsys):
    from builder.frontends.cli import main

    (tmp_path / "pages").mkdir()
    (tmp_path / "gold").mkdir()
    for stem in ("dp-01", "dp-02"):
        shutil.copy(FOLDER_DEV / "gold" / f"{stem}.yaml", tmp_path / "gold")
    shutil.copy(FOLDER_DEV / "pages" / "dp-01.txt", tmp_path / "pages")
    (tmp_path / "pages" / "dp-02.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    assert main(["eval", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "dp-02.txt" in err and "skipped" in err
    assert "/10 found)" in out.splitlines()[-1]  # both gold pages count, the unread one found nowhere
