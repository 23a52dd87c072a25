"""Themes and tags on real seed-article text; no tag is a stop word, a number or a zone name."""
from __future__ import annotations

import re

import pytest

from builder.enrich import enrich_articles
from builder.ids import assign_ids
from enrich_samples import article, sample_vocabulary, seed_articles


@pytest.fixture(scope="module")
def vocab(tmp_path_factory):
    return sample_vocabulary(tmp_path_factory.mktemp("vocab"))


@pytest.fixture(scope="module")
def entries(vocab):
    """All 27 seed articles enriched together, as one build would."""
    arts = [article(s, i + 1) for i, s in enumerate(seed_articles())]
    arts = [a if a.title else a.__class__(**{**a.__dict__, "title": a.paragraphs[0][:20]}) for a in arts]
    return dict(zip((s["title"] or s["zone"] for s in seed_articles()), enrich_articles(assign_ids(arts), vocab)))


def entry(entries, start):
    return next(e for key, e in entries.items() if key.startswith(start))


def themes(e):
    return [t.theme for t in e.themes]


def test_every_article_naming_a_theme_term_gets_one_to_three_themes(entries):
    for e in entries.values():
        assert 1 <= len(e.themes) <= 3, e.title
        assert all(t.terms for t in e.themes)
        assert [t.score for t in e.themes] == sorted((t.score for t in e.themes), reverse=True)


def test_themes_on_seed_articles_say_why(entries):
    hengyang = entry(entries, "衡阳高新区")
    assert themes(hengyang)[0] == "人才与产教融合"
    assert "数智工匠" in hengyang.themes[0].terms
    ningbo = entry(entries, "宁波高新区")
    assert themes(ningbo)[0] == "知识产权" and "数据知识产权" in ningbo.themes[0].terms
    assert "科技金融" in themes(ningbo)
    assert themes(entry(entries, "宜昌高新区"))[0] == "经济运行"
    assert themes(entry(entries, "桐乡乌镇"))[0] == "党建引领"
    assert themes(entry(entries, "湘潭高新区"))[0] == "科技金融"
    assert themes(entry(entries, "怀化高新区"))[0] == "招商引资与重大项目"


def test_a_zone_name_is_not_a_subject(entries):
    # 泰州医药高新区 names 医药 but the article is about an electronics plant
    assert "生物医药与大健康" not in themes(entry(entries, "泰州医药高新区"))


def test_tags_on_seed_articles(entries):
    assert {"数智工匠", "市域产教联合体"} <= set(entry(entries, "衡阳高新区").tags)
    assert "数据知识产权" in entry(entries, "宁波高新区").tags
    assert "石墨烯" in entries["厦门火炬高新区"].tags
    assert "工业互联网" in entry(entries, "常州高新区").tags


def test_tags_are_one_to_eight_words_never_stop_words_numbers_or_zone_names(entries, vocab):
    # (fewer than three when the article has few words another article or a name shares: tag_words.py)
    zone_names = {n for z in vocab.gazetteer.zones for n in z.names}
    for e in entries.values():
        assert 1 <= len(e.tags) <= 8, (e.title, e.tags)
        for tag in e.tags:
            assert tag not in vocab.stopwords, tag
            assert len(tag) >= 2, tag
            assert not re.fullmatch(r"[\d.,%％+\-]+", tag), tag
            assert not re.search(r"\d", tag), tag
            assert tag not in zone_names, tag
        assert len(set(e.tags)) == len(e.tags)


def test_no_tag_is_common_to_most_articles(entries):
    counts = {}
    for e in entries.values():
        for tag in e.tags:
            counts[tag] = counts.get(tag, 0) + 1
    assert max(counts.values()) <= len(entries) // 2
    for word in ("高新区", "企业", "发展", "创新", "产业"):
        assert word not in counts


def test_words_used_by_most_articles_are_left_out_of_tags(vocab):
    common = "园区数字经济快速发展。"
    arts = [article({"page": "p.txt", "title": f"第{i}篇", "kicker": None,
                     "paragraphs": [common * 3 + f"石墨烯{i}号材料" + "，新型显示面板。" * (i % 2)]}, i + 1)
            for i in range(8)]
    for e in enrich_articles(assign_ids(arts), vocab):
        assert "数字经济" not in e.tags


def test_idf_table_is_jiebas_own():
    import jieba.analyse

    from builder.textmatch.wordcut import idf_table
    jieba_tfidf = jieba.analyse.TFIDF()
    idf, median = idf_table()
    assert idf == jieba_tfidf.idf_freq and median == jieba_tfidf.median_idf
    assert len(idf) > 100_000
