"""Bylines printed where and as another page prints them, and page furniture read between two
paragraphs, each on a small page (tests/samples/segment/): the damage the relayout families
``bylines_in_other_forms`` and ``captions_and_furniture_inserted`` found."""
from __future__ import annotations

from segment_helpers import assert_every_line_placed, body, lines_with_role, sample, vocab  # noqa: F401 (vocab is a fixture)


def test_bylines_after_the_last_paragraph_and_headlines_with_no_byline_under_them(vocab):
    page = sample("bylines_moved_to_the_end.txt", vocab)
    assert_every_line_placed(page)
    titanium, cars, commentary, town, institute = page.articles
    # (本报记者 甲 乙) in half-width brackets after a paragraph: a byline, its spaces kept between the names
    assert titanium.authors == ("郝建军", "乔卫东") and cars.title.startswith("柳州高新区")
    # a headline naming no zone after an article signed on top, over text its own names close: an
    # article of its own, its author's note with it
    assert (commentary.title, commentary.authors) == ("以“耐心资本”涵养科技企业成长沃土", ("顾文涛",))
    assert cars.authors == ("韦丽娟",) and "耐心资本" not in body(cars)
    assert lines_with_role(page, "byline") == [4, 6, 12, 13]
    # a headline in a headline's own form (研究院：…) with no byline under it is no subhead
    assert town.authors == ("陆俊杰",) and "台州" not in body(town)
    assert (institute.title, institute.authors) == ("浙江大学台州研究院：聚焦科技创新，赋能高质量发展", ("罗亚妮", "杨怡"))


def test_page_furniture_between_two_paragraphs_leaves_the_article_whole(vocab):
    page = sample("furniture_between_paragraphs.txt", vocab)
    assert_every_line_placed(page)
    factory, display = page.articles
    # the section name (园区·动态, 区域·观察: after a caption too), an e-mail line over a caption, a
    # date line: furniture, and the paragraphs around them one article's
    assert lines_with_role(page, "furniture") == [7, 10, 12, 14]
    assert factory.paragraphs[-1].startswith("佛山高新区有关负责人表示") and len(factory.paragraphs) == 4
    assert not any(w in body(factory) for w in ("动态", "观察", "邮箱", "星期"))
    assert factory.captions and display.title.startswith("惠州仲恺高新区")


def test_a_cluster_of_headlines_over_a_body_with_no_byline_under_its_headline(vocab):
    page = sample("headline_cluster_over_unsigned_body.txt", vocab)
    assert_every_line_placed(page)
    nanjing, tianjin, chengde, weifang = page.articles
    # two headlines in a headline's form in a row, the last one's body signed at its end: a cluster
    # printed apart from its bodies, not subheads of the article above
    assert nanjing.title == "南京高新区：新型研发机构成为创新“策源地”" and not nanjing.title_generated
    assert tianjin.title == "天津滨海高新区：信创产业营收增长超两成"
    assert "策源地" not in body(chengde) and not chengde.captions
    assert nanjing.captions and weifang.authors == ("高洁", "王希冉")
    assert lines_with_role(page, "subhead") == []
