"""Print conventions of the paper, each on a small page (tests/samples/segment/): a kicker set
tight over its headline, a caption with its credit on one line, the label over a column of
briefs, bylines of many forms with notices after the articles."""
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


def test_bylines_of_many_forms_and_the_notices_after_the_articles(vocab):
    page = sample("bylines_of_many_forms_and_notices.txt", vocab)
    assert_every_line_placed(page)
    continued, *signed = page.articles
    # the rest of an article from page 1: no headline, no byline, an article of its own
    assert continued.paragraphs[0].startswith("在此基础上") and not continued.authors
    # ■ 本报记者 … 通讯员 …, 文/… 图/…, 本报天津4月3日电（记者 …）
    assert [a.authors for a in signed] == [("钱进", "吴敏"), ("林峰", "郑雪"), ("冯涛",)]
    assert [a.title for a in signed[:2]] == ["苏州工业园区生物医药产业加速集聚", "深圳高新区打造人工智能先导区"]
    assert "图为" not in body(signed[1]) and any(c.startswith("图为") for c in signed[1].captions)
    # a correction notice and an advertisement are no articles, nor part of one
    assert len(page.articles) == 4
    assert not any("更正" in body(a) or "招聘" in body(a) for a in page.articles)
    assert lines_with_role(page, "furniture")[:3] == [1, 2, 4]  # date line, column and page, 上接第1版


def test_a_continuation_marker_closing_a_paragraph_leaves_the_body(vocab):
    # （下转第6版） after a sentence that breaks off, or after a whole one: the page's furniture, never text
    page = sample("continued_on_another_page.txt", vocab)
    assert_every_line_placed(page)
    cut, whole = page.articles
    assert "下转" not in body(cut) and "下转" not in body(whole)
    assert cut.paragraphs[-1].endswith("力争三年内") and cut.truncated
    assert whole.paragraphs[-1].endswith("专精特新企业。") and not whole.truncated
    notes = [p.note for p in page.placements if p.line in (7, 15)]
    assert all("下转第" in n for n in notes), notes


def test_dateline_leads_leave_the_body_and_subheads_stay_in_their_article(vocab):
    page = sample("dateline_leads_and_subheads.txt", vocab)
    assert_every_line_placed(page)
    feature, brief = page.articles
    # 本报北京6月1日讯 and 本报聊城5月30日电: the dateline is the lead's marker, not the text
    assert feature.paragraphs[0].startswith("记者日前从咸阳高新区获悉")
    assert brief.paragraphs[0].startswith("5月以来，聊城高新区")
    # subheads marked ## inside the feature stay in it, the article is one
    assert feature.title == "咸阳高新区：硬科技产业集群加速成势"
    assert any(p.startswith("光子产业") for p in feature.paragraphs + feature.subheads)
    assert feature.authors == ("周明",) and brief.authors == ("黄磊", "孙悦")
