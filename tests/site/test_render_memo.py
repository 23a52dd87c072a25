"""A preview's rebuild takes from the memo the pages whose inputs did not change
(``site/render_memo.py``): after any edit, every file equals the one a full render makes."""
from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from builder.bench.synthetic import make_archive, read_material
from builder.pipeline import Remembered, build_digest, build_site
from builder.settings import Settings
from builder.site.render import render_site
from builder.site.render_memo import RenderMemo
from builder.site.render_reads import Reads, wrap
from builder.vocab import load_vocabulary
from conftest import ROOT, copy_seeds

VOCAB = load_vocabulary()


def _settings(seeds: Path, cache: Path) -> Settings:
    return Settings.for_site(ROOT, seeds, site_url="", cache_dir=cache)


def _both(settings: Settings, memo: RenderMemo) -> tuple[dict, dict]:
    digest = build_digest(settings)
    full = render_site(digest, VOCAB, settings.templates, "", search_markers=True)
    fast = render_site(digest, VOCAB, settings.templates, "", search_markers=True, memo=memo)
    return full, fast


def _differ(full: dict, fast: dict) -> list[str]:
    return sorted(p for p in full.keys() | fast.keys() if full.get(p) != fast.get(p))


# Edits an editor makes to a page file, each a function of the page's text and a random source.
def add_sentence(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    i = rnd.randrange(len(lines))
    lines[i] = lines[i] + "编辑在这里补充了一句话。" if lines[i].strip() else lines[i]
    return "\n".join(lines)


def cut_page(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    return "\n".join(lines[: rnd.randrange(len(lines) // 3, len(lines))])


def drop_line(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    del lines[rnd.randrange(len(lines))]
    return "\n".join(lines)


def rename_zone(text: str, rnd: random.Random) -> str:
    return text.replace("高新区", "高新技术产业开发区", 1)


EDITS = (add_sentence, cut_page, drop_line, rename_zone)


@dataclass
class Project:
    seeds: Path
    settings: Settings


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Project:
    """The seeds and a small generated archive: several pages a zone, tags, themes, months."""
    root = tmp_path_factory.mktemp("memo")
    seeds = copy_seeds(root / "pages")
    shutil.copy(ROOT / "seeds" / "corrections.yaml", seeds / "corrections.yaml")
    make_archive(read_material(ROOT / "seeds", VOCAB), seeds, 60, seed=5)
    return Project(seeds, _settings(seeds, root / "cache"))


def _copy_built(archive: Project, folder: Path) -> tuple[Path, Settings, RenderMemo]:
    """A copy of the archive's pages, its settings, and a memo that has rendered it once."""
    seeds = folder / "pages"
    shutil.copytree(archive.seeds, seeds)
    settings_ = _settings(seeds, archive.settings.cache_dir)
    memo = RenderMemo()
    _both(settings_, memo)
    return seeds, settings_, memo


def test_an_unchanged_archive_is_taken_whole_from_the_memo(archive):
    memo = RenderMemo()
    full, fast = _both(archive.settings, memo)
    assert _differ(full, fast) == [] and memo.hits == 0
    pages = memo.misses
    full, fast = _both(archive.settings, memo)
    assert _differ(full, fast) == []
    # Only the pages that read the digest itself (home, report) or the province map are rendered again.
    assert memo.misses <= 4 and memo.hits + memo.misses == pages


@settings(max_examples=6, deadline=None, derandomize=True, database=None,
          phases=(Phase.explicit, Phase.generate), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 10**6)), min_size=1, max_size=3))
def test_after_edits_of_page_files_every_file_is_as_a_full_render_makes_it(archive, tmp_path_factory, edits):
    seeds, settings_, memo = _copy_built(archive, tmp_path_factory.mktemp("edited"))
    pages = sorted(seeds.glob("*.txt"))
    for edit, n in edits:
        rnd = random.Random(n)
        page = pages[rnd.randrange(len(pages))]
        page.write_text(edit(page.read_text(encoding="utf-8"), rnd), encoding="utf-8")
        full, fast = _both(settings_, memo)
        assert _differ(full, fast) == [], f"{edit.__name__} of {page.name}"
        # An edit does not make the whole site again (how much it makes depends on the edit:
        # a zone renamed or a page cut changes lists and related articles everywhere).
        assert memo.hits > 0


def test_a_page_file_removed_or_added_and_a_correction_changed(archive, tmp_path):
    seeds, settings_, memo = _copy_built(archive, tmp_path)
    pages = sorted(seeds.glob("*.txt"))
    pages[-1].unlink()
    assert _differ(*_both(settings_, memo)) == []
    shutil.copy(pages[0], seeds / "900_copy.txt")
    assert _differ(*_both(settings_, memo)) == []
    corrections = seeds / "corrections.yaml"
    corrections.write_text(corrections.read_text(encoding="utf-8").replace("title:", "title: 改", 1), encoding="utf-8")
    assert _differ(*_both(settings_, memo)) == []


def test_a_changed_template_renders_every_page_again(archive, tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "site_templates", templates)
    digest = build_digest(archive.settings)
    memo = RenderMemo()
    render_site(digest, VOCAB, templates, "", memo=memo)
    article = templates / "article.md.j2"
    article.write_text(article.read_text(encoding="utf-8") + "\n<!-- 改 -->\n", encoding="utf-8")
    fast = render_site(digest, VOCAB, templates, "", memo=memo)
    assert memo.hits == 0
    assert fast == render_site(digest, VOCAB, templates, "")


def test_the_serve_build_keeps_its_memory_and_makes_the_same_site(archive):
    remembered = Remembered()
    first = build_site(archive.settings, search_markers=True, memo=remembered)
    again = build_site(archive.settings, search_markers=True, memo=remembered)
    assert again.files == first.files == build_site(archive.settings, search_markers=True).files
    assert len(remembered.pages) == len(list(archive.seeds.glob("*.txt")))


@dataclass(frozen=True)
class _Item:
    name: str
    parts: tuple
    table: dict  # not a plain value: read field by field


@dataclass(frozen=True)
class _Holder:
    item: _Item
    items: tuple
    table: dict


def test_wrappers_note_what_is_read_and_keep_identity():
    item = _Item("甲", ("x", "y"), {})
    holder = _Holder(_Item("乙", (), {}), (item, item), {"k": item})
    reads = Reads()
    seen = wrap(holder, (("[]", "h"),), reads)
    assert seen.items[0] is seen.items[1]  # one object, one wrapper: `is` in templates holds
    assert seen.table.get("k").name == "甲" and "z" not in seen.table
    assert len(seen.items) == 2
    with pytest.raises(AttributeError):
        seen.nothing  # noqa: B018 - noted as missing, then raised as Python would
    paths = set(reads.values)
    assert (("[]", "h"), (".", "table"), ("in", "z")) in paths
    assert (("[]", "h"), (".", "items"), ("len",)) in paths
    assert (("[]", "h"), (".", "nothing")) in paths
    # A tuple or record of plain values is compared whole: one read, not one per field.
    # The item was first reached as items[0]: what is read of it is noted by that path.
    assert reads.values[(("[]", "h"), (".", "items"), ("[]", 0), (".", "name"))] == "甲"
    assert seen.items[0].parts == ("x", "y") and reads.values[(("[]", "h"), (".", "items"), ("[]", 0), (".", "parts"))] == ("x", "y")
    plain = _Holder(None, (("a", 1), ("b", 2)), {})
    assert wrap(plain, (("[]", "p"),), reads).items[0] == ("a", 1)
    assert reads.values[(("[]", "p"), (".", "items"))] == (("a", 1), ("b", 2))
