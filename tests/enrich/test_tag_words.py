"""Tags a reader would click: whole words and names, never a piece of a longer word."""
from __future__ import annotations

from collections import Counter

import pytest

from builder.enrich import enrich_articles
from builder.enrich.tag_words import tag_words
from builder.ids import assign_ids
from builder.pipeline import build_digest
from builder.settings import Settings
from conftest import ROOT
from builder.vocab import default_vocabulary

# Pieces of longer words that the seeds' first build gave as tags (issue 16):
# 南岳电控, 比格威医疗, 科举药业, 大研工业机器人, 量身打造.
FRAGMENTS = ("电控", "比格", "科举", "大研", "量身")


@pytest.fixture(scope="module")
def digest():
    return build_digest(Settings.for_seeds(ROOT / "seeds", cache_dir=None))


def test_no_fragment_of_a_longer_word_is_a_tag_of_the_seeds(digest):
    tags = {t for e in digest.entries for t in e.tags}
    assert not tags & set(FRAGMENTS)
    # and the words they were cut from are still in the articles
    text = "".join(p for e in digest.entries for p in e.article.paragraphs)
    assert all(f in text for f in FRAGMENTS)


def test_a_tag_only_one_article_carries_is_a_name(digest):
    names = tag_words(default_vocabulary())
    used = Counter(t for e in digest.entries for t in e.tags)
    once = [t for t, n in used.items() if n == 1]
    assert once and all(names.is_name(t) for t in once), [t for t in once if not names.is_name(t)]
    # a common word shared by several articles stays a tag
    assert used["数字经济"] >= 2


def test_every_tag_has_its_page_and_the_index_links_them(digest):
    from builder.site import render_site
    files = render_site(digest, default_vocabulary(), ROOT / "site_templates")
    tags = {t for e in digest.entries for t in e.tags}
    pages = [p for p in files if p.startswith("tags/") and p != "tags/index.md"]
    assert len(pages) == len(tags)
    assert all(p.rsplit("/", 1)[1][:-3] + "/" in files["tags/index.md"] for p in pages)


def test_a_word_glued_to_a_single_name_character_is_not_a_candidate():
    vocab = default_vocabulary()
    words = tag_words(vocab).whole_words(
        [("股权投资", "nz"), ("比格", "n"), ("威", "ns"), ("医疗", "n"), ("项目", "n")])
    assert [w for w, _ in words] == ["股权投资", "", "威", "", "项目"]  # 比格 and 医疗 are pieces of 比格威医疗
    words = tag_words(vocab).whole_words([("山东", "ns"), ("科举", "n"), ("药业", "n"), ("有限公司", "n")])
    assert "科举" not in [w for w, _ in words]


def test_a_company_name_piece_is_not_a_tag_on_a_page_nobody_has_seen():
    from builder.model import Article
    text = ("本报讯 园区引进的山东科举药业有限公司今年投产，科举药业的新产线已经试运行。"
            "园区企业比格威医疗完成融资，比格威医疗将扩大研发团队。")
    entries = enrich_articles(assign_ids([Article(page="x.txt", number=1, title="园区新项目投产", paragraphs=(text,))]),
                              default_vocabulary())
    assert not set(entries[0].tags) & {"科举", "比格"}
