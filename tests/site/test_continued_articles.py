"""An article continued from or to another page says so: on its page and in data/articles.json."""
from __future__ import annotations

import json
import shutil

from builder.model import article_page
from builder.pipeline import build_digest
from builder.settings import Settings
from builder.site import render_site
from builder.vocab import default_vocabulary
from conftest import ROOT

SAMPLES = ROOT / "tests" / "samples" / "segment"


def test_the_page_an_article_comes_from_or_goes_on_to_is_shown_and_exported(tmp_path):
    for name in ("continued_on_another_page.txt", "editor_note_above_series.txt"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    digest = build_digest(Settings.for_seeds(tmp_path, cache_dir=None))
    files = render_site(digest, default_vocabulary(), ROOT / "site_templates")
    records = {r["title"]: r for r in json.loads(files["data/articles.json"])["articles"]}
    assert records["株洲高新区轨道交通产业链再延伸"]["continued_to"] == "第6版"
    assert records["株洲高新区轨道交通产业链再延伸"]["continued_from"] is None
    came = next(e for e in digest.entries if e.article.continued_from)
    assert records[came.title]["continued_from"] == "第1版"
    assert "本文上接第1版" in files[article_page(came.id)]
    others = [e for e in digest.entries if not (e.article.continued_from or e.article.continued_to)]
    assert others and not any("转版" in files[article_page(e.id)] for e in others)


def test_a_split_or_merged_article_keeps_where_its_ends_continue(tmp_path):
    shutil.copy(SAMPLES / "continued_on_another_page.txt", tmp_path / "continued_on_another_page.txt")
    cut, whole = build_digest(Settings.for_seeds(tmp_path, cache_dir=None)).entries
    (tmp_path / "corrections.yaml").write_text(f"{cut.id}:\n  split: 2\n", encoding="utf-8")
    first, second, _ = build_digest(Settings.for_seeds(tmp_path, cache_dir=None)).entries
    assert (first.article.continued_to, second.article.continued_to) == ("", "第6版")  # only the last part goes on
    (tmp_path / "corrections.yaml").write_text(f"{cut.id}:\n  merge: [{whole.id}]\n", encoding="utf-8")
    (merged,) = build_digest(Settings.for_seeds(tmp_path, cache_dir=None)).entries
    assert merged.article.continued_to == "第7版"  # where the last piece goes on
