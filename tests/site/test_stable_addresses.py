"""An address once published never moves to make room: adding a page file or a correction
that names a new zone leaves every existing page where it was."""
from __future__ import annotations

import shutil

from conftest import ROOT, SAMPLES

from builder.ids import page_slug, stable_slugs
from builder.pipeline import build_digest
from builder.settings import Settings
from builder.site.catalog import build_catalog
from builder.vocab import load_vocabulary

SEED = "002_728af0c55fdcc69f.txt"


def catalog(seeds):
    vocab = load_vocabulary()
    return build_catalog(build_digest(Settings.for_seeds(seeds, workers=1)), vocab)


def test_a_page_whose_name_slugs_the_same_does_not_move_the_existing_source_view(tmp_path):
    shutil.copy(ROOT / "seeds" / SEED, tmp_path / SEED)
    before = catalog(tmp_path).source_paths[SEED]
    other = (ROOT / "seeds" / SEED).read_text(encoding="utf-8") + "\n（下转第6版）\n"  # not the same bytes
    (tmp_path / SEED.replace("_", "-")).write_text(other, encoding="utf-8")
    after = catalog(tmp_path).source_paths
    assert after[SEED] == before == "sources/002-728af0c55fdcc69f.md"
    assert after[SEED.replace("_", "-")] not in (before, "sources/002-728af0c55fdcc69f-2.md")


def test_a_page_slug_depends_on_its_name_alone_in_either_order():
    # Whichever of two colliding names came first, each keeps the slug it has alone.
    assert page_slug("002_728af0c55fdcc69f") == "002-728af0c55fdcc69f"
    hyphen = page_slug("002-728af0c55fdcc69f")
    assert hyphen.startswith("002-728af0c55fdcc69f--") and hyphen == page_slug("002-728af0c55fdcc69f")
    names = ["a_b", "a-b", "A_B", "a.b", "a b", "甲乙", "index", "x--y"]
    slugs = [page_slug(n) for n in names]
    assert len(set(slugs)) == len(names)
    assert page_slug("index") != "index"  # sources/index.md is the list of pages


def test_a_page_named_index_does_not_overwrite_the_list_of_pages(tmp_path):
    shutil.copy(ROOT / "seeds" / SEED, tmp_path / "index.txt")
    assert catalog(tmp_path).source_paths["index.txt"] != "sources/index.md"


def test_a_correction_naming_a_new_zone_does_not_move_an_existing_zone_page(tmp_path):
    page = "corrections_page.txt"
    (tmp_path / page).write_bytes((SAMPLES / page).read_bytes())
    before = catalog(tmp_path)
    hengyang = before.zone_paths["衡阳高新区"]
    assert hengyang == "zones/heng-yang-gao-xin-qu.md"
    zhuzhou = next(e.id for e in before.entries if e.title.startswith("株洲"))
    # 恒阳 reads heng-yang as 衡阳 does, and sorts before it.
    (tmp_path / "corrections.yaml").write_text(
        f"{zhuzhou}:\n  rezone: {{zone: 恒阳高新区, province: 湖南}}\n", encoding="utf-8")
    after = catalog(tmp_path)
    assert after.zone_paths["衡阳高新区"] == hengyang
    assert after.zone_paths["恒阳高新区"] not in (hengyang, "zones/heng-yang-gao-xin-qu-2.md")


def test_among_names_the_vocabulary_does_not_know_the_first_printed_keeps_the_plain_slug():
    first = stable_slugs(["渔溪", "玉溪"], known=[])  # 渔溪 printed first
    assert first["渔溪"] == "yu-xi" and first["玉溪"].startswith("yu-xi--")
    later = stable_slugs(["玉溪", "渔溪"], known=[])
    assert later["玉溪"] == "yu-xi"
    assert stable_slugs(["玉溪"], known=["雨溪"])["玉溪"].startswith("yu-xi--")  # the vocabulary's name wins
