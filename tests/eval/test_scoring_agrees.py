"""The project's scoring gives exactly the figures of the shared checker (``../shared/check/score.py``)
on the same build of the seeds and of the dev pages, to the 2 decimals it prints."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gate_fixtures import built, gate  # noqa: F401 (fixtures)
from builder.site.exports import articles_json
from builder.evaluation import score

ROOT = Path(__file__).resolve().parents[2]
# CI checks the repository out with ../shared beside it; a worktree may sit one level deeper.
CANDIDATES = [Path(os.environ["SHARED_DIR"])] if os.environ.get("SHARED_DIR") else []
CANDIDATES += [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
SCORER = next((c / "check" / "score.py" for c in CANDIDATES if (c / "check" / "score.py").is_file()), None)
SUMMARY = re.compile(r"segF1=(?P<segF1>[\d.]+) found=(?P<found>\d+)/(?P<gold>\d+) complete=(?P<complete>[\d.]+) "
                     r"pure=(?P<pure>[\d.]+) title=(?P<title>[\d.]+) zone=(?P<zone>[\d.]+) "
                     r"authors=(?P<authors>[\d.]+) extra=(?P<extra>\d+) noise=(?P<noise>\d+)")

pytestmark = pytest.mark.skipif(SCORER is None, reason="../shared/check/score.py is absent (the shared "
                                "checker sits beside the clone in CI; set SHARED_DIR to point at it)")


def shared_summary(corpus, records: list[dict], tmp_path: Path) -> dict[str, str]:
    arts = tmp_path / "articles.json"
    arts.write_text(articles_json(records), encoding="utf-8")
    args = [sys.executable, str(SCORER), str(corpus.gold), str(arts)] + ([str(corpus.manifest)] if corpus.manifest else [])
    out = subprocess.run(args, capture_output=True, text=True, timeout=300, check=True).stdout
    m = SUMMARY.search(out.strip().splitlines()[-1])
    assert m, out[-2000:]
    return m.groupdict()


@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_same_figures_as_the_shared_checker(name, gate, built, tmp_path):
    corpus = gate[name].corpus
    ours = score(corpus.golds(), built[name], corpus.page_map())
    figures = ours.figures
    mine = {k: f"{figures[k]:.2f}" for k in ("segF1", "complete", "pure", "title", "zone", "authors")}
    mine.update(found=str(int(ours.total("found"))), gold=str(int(ours.total("gold"))),
                extra=str(figures["extra"]), noise=str(figures["noise"]))
    assert mine == shared_summary(corpus, built[name], tmp_path)


def test_same_figures_on_a_build_that_lumps_and_loses_articles(gate, built, tmp_path):
    """A damaged build (two articles of each page glued together, one title blanked, one zone and
    author list changed) scores the same in both: the one-to-one matching and every figure agree."""
    corpus = gate["dev"].corpus
    damaged, seen = [], set()
    for r in built["dev"]:
        page = r["source"]["file"]
        if page not in seen and damaged and damaged[-1]["source"]["file"] == page:
            seen.add(page)
            damaged[-1] = {**damaged[-1], "paragraphs": damaged[-1]["paragraphs"] + r["paragraphs"]}
            continue
        damaged.append(dict(r))
    damaged[0]["title"], damaged[1]["zone"], damaged[2]["authors"] = "", "别处", ["某人"]
    damaged[3]["paragraphs"] = damaged[3]["paragraphs"] + ["重复的段落不该出现两次。" * 2] * 2
    ours = score(corpus.golds(), damaged, corpus.page_map())
    expected = shared_summary(corpus, damaged, tmp_path)
    assert f"{ours.figures['segF1']:.2f}" == expected["segF1"] and str(ours.figures["noise"]) == expected["noise"]
    assert {k: f"{ours.figures[k]:.2f}" for k in ("complete", "pure", "title", "zone", "authors")} == \
        {k: expected[k] for k in ("complete", "pure", "title", "zone", "authors")}
    assert ours.figures["segF1"] < score(corpus.golds(), built["dev"], corpus.page_map()).figures["segF1"]
