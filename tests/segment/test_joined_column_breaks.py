"""A column of one article set inside another, on a page where a tool joined the printed lines
until a sentence ended (tests/samples/segment/joined_column_break_*): the column's first piece is
glued to the sentence the article broke off, and the article's rest to the column's last sentence.
segment/glued_breaks.py finds each break inside its sentence again by weighing signs, and the
column goes back to its own article. Also on such pages: a paragraph glued from two copies, a
caption between printed spaces before a credit inside a sentence; and on a wrapped page, the
short first line of a paragraph in a narrower column set tight over the rest."""
from __future__ import annotations

from segment_helpers import assert_every_line_placed, body, sample, sentences, vocab  # noqa: F401 (vocab is a fixture)


def test_the_columns_first_piece_glued_to_the_sentence_it_cut_goes_back_to_its_article(vocab):
    """…新产品15万吨，可为…原料。: the rest of 榆林's sentence broken off at the 济宁 headline, no space
    printed; its words are the column's and it goes on …年产能将达到 (a verb, then a figure)."""
    page = sample("joined_column_break_into_inset.txt", vocab)
    assert_every_line_placed(page)
    yulin, jining = page.articles
    assert "年产能将达到15万吨，可为下游化工企业提供原料。" in body(yulin)
    assert "榆林高新区有关负责人表示" in body(yulin) and "就近取料" in body(yulin)
    # the 济宁 sentence the column cut is whole again, and nothing of 榆林 is left in it
    assert "在这里，新产品从设计定型到批量生产的时间可以缩短一半以上。" in body(jining)
    assert "榆林" not in body(jining) and "15万吨" not in body(jining)
    assert jining.title == "济宁高新区：工业机器人产业集群加速成形"


def test_where_the_article_resumes_after_the_column_a_name_cut_at_the_edge_is_whole_again(vocab):
    """…董事长柴 “黄金十年”。 (a space, an opening quote: the column begins) and …完善创新 攀称，…
    (a space, the rest of the name 柴攀, the article's own words: the article resumes)."""
    page = sample("joined_column_break_name_cut.txt", vocab)
    assert_every_line_placed(page)
    zhuzhou, xiamen = page.articles
    assert "这家新材料公司董事长柴攀称，公司刚入园时，" in body(zhuzhou)
    assert "黄金十年" not in body(zhuzhou) and "厦门" not in body(zhuzhou)
    assert sentences(body(xiamen))[0] == "“黄金十年”。"
    assert body(xiamen).endswith("面向海西地区，完善创新")


def test_with_no_space_printed_the_name_cut_at_the_column_and_resumed_after_it_finds_both_breaks(vocab):
    """…董事长柴“黄金十年”。 and …完善创新攀称，…: a lone surname after a word, an opening quote after it,
    and the rest of the name (柴攀) where the column ends, past the column's own words: one finding."""
    page = sample("joined_column_break_name_cut_no_space.txt", vocab)
    zhuzhou, xiamen = page.articles
    assert "这家新材料公司董事长柴攀称，公司刚入园时，" in body(zhuzhou)
    assert "黄金十年" not in body(zhuzhou) and "厦门" not in body(zhuzhou)
    assert body(xiamen).endswith("面向海西地区，完善创新")


def test_a_paragraph_glued_from_two_copies_is_read_once(vocab):
    """The paragraph cut at the column edge (…协同推进工业互) joined to a copy of an earlier paragraph's
    end (网络建设和设备上云…): both its parts are printed elsewhere, so it is a copy."""
    page = sample("joined_paragraph_of_two_copies.txt", vocab)
    assert_every_line_placed(page)
    changzhou = page.articles[0]
    assert body(changzhou).count("另外，报告还显示") == 1
    assert body(changzhou).count("网络建设和设备上云成为亮点") == 1
    assert "协同推进工业互联（创新驱动高质量发展）的评价视角" in body(changzhou)
    assert page.placements[3].role == "duplicate"


def test_a_caption_between_printed_spaces_before_a_credit_leaves_the_sentence_whole(vocab):
    page = sample("joined_caption_before_credit.txt", vocab)
    assert_every_line_placed(page)
    ningbo = page.articles[0]
    assert "15名博士或高层次人才。" in body(ningbo)
    assert "全景" not in body(ningbo) and "图片来源" not in body(ningbo)
    assert any("全景" in c for c in ningbo.captions)


def test_a_short_first_line_set_tight_over_its_column_opens_the_paragraph(vocab):
    """为保障项目落地，威海高新区实行 (a clause mark, three quarters as wide as the line below, no blank
    between): the first line of a paragraph set narrower than the page's columns, no subhead; the
    subhead set apart by blank lines stays one."""
    page = sample("narrow_first_line_set_tight.txt", vocab)
    assert_every_line_placed(page)
    weihai = page.articles[0]
    assert "为保障项目落地，威海高新区实行“项目管家”服务制度，从项目签约、" in body(weihai)
    roles = {p.line: p.role for p in page.placements}
    assert roles[24] == "body" and roles[17] == "subhead"


def test_a_caption_and_credit_glued_inside_a_sentence_with_no_space_leave_it_whole(vocab):
    """…高层次软件产业园研发大楼图片来源：宁波高新区人才。: the credit's source is a zone's name, the caption
    before it names what the text names right after; the sentence reads on past them."""
    page = sample("joined_caption_credit_no_space.txt", vocab)
    assert_every_line_placed(page)
    ningbo = page.articles[0]
    assert "15名博士或高层次人才。软件产业园研发大楼已入驻企业60余家。" in body(ningbo)
    assert "图片来源" not in body(ningbo)
    assert any("研发大楼" in c for c in ningbo.captions)
