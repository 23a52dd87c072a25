"""Print conventions of the headline group and of a column of briefs, each on a small page
(tests/samples/segment/): a kicker set tight over its headline, a caption with its credit on
one line, and the label over a column of briefs."""
from __future__ import annotations

from segment_helpers import assert_every_line_placed, body, lines_with_role, sample, vocab  # noqa: F401 (vocab is a fixture)


def test_a_kicker_set_tight_over_its_headline_stays_apart_from_it(vocab):
    page = sample("kicker_tight_over_headline.txt", vocab)
    assert_every_line_placed(page)
    first, second = page.articles
    # no blank line between kicker, headline and subtitle: the kicker names no zone, the headline opens with one
    assert (first.kicker, first.title) == ("数字赋能制造业", "湘潭高新区智能工厂扩容至56家")
    assert first.authors == ("周红", "彭飞")
    # a headline printed over two lines with its subject first stays one headline
    assert (second.kicker, second.title) == (None, "株洲高新区：轨道交通装备集群产值再创新高")
    assert second.authors == ("孙涛",)


def test_a_caption_with_its_credit_on_one_line_leaves_the_body(vocab):
    page = sample("caption_with_credit_on_its_line.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert "开园现场" not in body(art) and "摄" not in body(art) and "生产车间" not in body(art)
    assert len(art.paragraphs) == 3
    assert any("开园现场" in c for c in art.captions)
    assert lines_with_role(page, "body") == [3, 7, 11]


def test_the_label_over_a_column_of_briefs_is_no_byline_and_no_headline(vocab):
    page = sample("label_over_briefs.txt", vocab)
    assert_every_line_placed(page)
    signed, *briefs = page.articles
    assert signed.authors == ("何平",)  # 快讯 after its last paragraph is no name
    assert len(briefs) == 2 and all(not b.authors for b in briefs)
    assert "快讯" not in "".join(b.title or "" for b in briefs) and "简讯" not in "".join(b.title or "" for b in briefs)
    assert lines_with_role(page, "furniture") == [9, 13]
