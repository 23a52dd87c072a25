"""Headlines printed apart from their bodies (after the body, or clustered at the page end), where
that leaves other lines misread: an article cut in two by another's headline, a headline read as a
subhead of the next article, a headline over two lines whose second line reads as a caption, a
second byline given to the article already signed, a misread place in a headline far from its body,
a column set inside an article with no headline above to say its zone, a byline over text begun
elsewhere.
Each sample is written for one of these (tests/samples/segment/); the notes say which rule decided."""
from __future__ import annotations

from segment_helpers import assert_every_line_placed, body, first_sentence, last_sentence, sample, vocab  # noqa: F401 (vocab is a fixture)

from builder.repair.place_misreadings import place_fixes


def note_of(page, line: int) -> str:
    return next(p.note for p in page.placements if p.line == line)


def test_headline_after_its_body_does_not_cut_the_article_its_last_paragraph_stands_in(vocab):
    """The 兰州 article's last paragraph is printed inside the 咸阳 article, its headline right after
    it: the paragraph goes back to 兰州, and the 咸阳 text after the 兰州 headline (no lead, no byline,
    only 咸阳's zone) goes on the 咸阳 article instead of making one with no headline."""
    page = sample("headline_after_body_cuts_next.txt", vocab)
    assert_every_line_placed(page)
    lanzhou, xianyang = page.articles
    assert lanzhou.title == "兰州高新区：镁质新材料产业加快“由粗变精”"
    assert last_sentence(lanzhou).startswith("兰州高新区相关负责人表示")
    assert xianyang.title == "咸阳高新区：特种机器人产业集群加速成长" and xianyang.authors == ("贾楠",)
    assert first_sentence(xianyang).startswith("在咸阳高新区一家特种机器人企业")
    assert last_sentence(xianyang).startswith("咸阳高新区还建设了机器人产业公共服务平台")
    assert any("another article's headline printed after its body" in n for n in xianyang.notes)


def test_headline_after_a_resumed_body_read_as_a_subhead_is_its_headline(vocab):
    """The 常州 article is interrupted by another article's lead and resumed; its headline, printed
    after its last paragraph, stands inside the other article's text: in a headline's form, naming
    常州 and reading like the 常州 body, it is that article's headline, not the other's subhead."""
    page = sample("headline_after_resumed_body.txt", vocab)
    assert_every_line_placed(page)
    changzhou, brief = page.articles
    assert changzhou.title == "常州高新区：新型储能产业集群加速崛起" and not changzhou.title_generated
    assert last_sentence(changzhou).startswith("常州高新区负责人表示")
    assert brief.title == "专精特新“小巨人”企业数量稳步增长" and brief.subheads == ()
    assert "set inside the next article's text" in note_of(page, 13)


def test_headline_of_only_its_subject_goes_on_in_the_line_set_apart_below_it(vocab):
    """A headline printed after its body over two lines, the first only the zone (潍坊高新区), the
    second set apart by the space between articles as a caption is: the second line goes on the
    headline instead of being the article's caption."""
    page = sample("headline_subject_alone_after_body.txt", vocab)
    assert_every_line_placed(page)
    weifang, liaocheng = page.articles
    assert weifang.title == "潍坊高新区新能源汽车配套产业“跑”出加速度"
    assert weifang.captions == () and weifang.authors == ("梁思敏",)
    assert liaocheng.title == "聊城高新区：兽药产业“小切口”做成“大产业”"
    assert "the headline goes on here" in note_of(page, 7)


def test_a_second_byline_after_the_closing_one_signs_another_article(vocab):
    """Two bylines of the same form after the last body (the headlines at the page end): the first
    closes that article, the second is printed apart and goes to the article that has none."""
    page = sample("second_byline_at_end.txt", vocab)
    assert_every_line_placed(page)
    hangzhou, taizhou, huainan = page.articles
    assert hangzhou.authors == ("许莉莎",)
    assert huainan.authors == ("王馨凤", "李敏")
    assert taizhou.authors == ("李东华", "张桃")
    assert "second byline" in note_of(page, 17)


def test_a_column_set_inside_an_article_whose_headline_is_printed_after_its_body(vocab):
    """No headline above the 湘潭 text to say its zone: the zone its text names first is its own, so
    the 衢州 column set inside it (after a sentence that breaks off) is another article; the 衢州
    text after the 湘潭 headline (no headline, no lead of its own) goes on with that column."""
    page = sample("inset_headline_after_body.txt", vocab)
    assert_every_line_placed(page)
    xiangtan, quzhou, changzhou = page.articles
    assert xiangtan.title == "湘潭高新区：智造谷创新园三年引进企业120家" and xiangtan.authors == ()
    assert "衢州" not in body(xiangtan) and "董事长吴刚说，公司刚入园时" in body(xiangtan)
    assert last_sentence(xiangtan).startswith("湘潭高新区相关负责人表示")
    assert "湘潭" not in body(quzhou) and quzhou.authors == ("郭明", "李芳")
    assert first_sentence(quzhou).startswith("为此，越来越多的新材料企业") and quzhou.truncated
    assert "完善创新服务平台" in body(quzhou) and last_sentence(quzhou).startswith("未来，衢州高新区")
    assert any("goes on with the column set inside another article" in n for n in quzhou.notes)
    assert changzhou.title == "常州高新区：智能制造产业园一批新项目开工"


def test_a_byline_between_two_bodies_over_text_begun_elsewhere_signs_the_one_above(vocab):
    """The headlines at the page end, the page's one certain byline on top: a byline between two
    bodies would sign the one below, but that text begins mid-sentence (司等12家…, the rest of a
    sentence begun on another page), and no article begins there."""
    page = sample("byline_over_text_begun_elsewhere.txt", vocab)
    assert_every_line_placed(page)
    ningbo, quzhou, weihai = page.articles
    assert ningbo.authors == ("王强", "赵丽")
    assert quzhou.authors == ("陈军", "刘敏") and weihai.authors == ()
    assert "the text below begins mid-sentence" in note_of(page, 12)


def test_misread_place_far_from_its_body_in_lines_but_not_in_printed_lines(vocab):
    """A headline set at the page end, far below its body on a page with a blank line after every
    line: the right form is near enough counted in printed lines (blank lines say nothing)."""
    top = ["兰州高新区新材料产业园首批项目开工。", "", "兰州高新区负责人表示，将加快建设产业园。"]
    filler = [text for _ in range(45) for text in ("", "园区企业加快发展。")]
    texts = top + filler + ["", "兰川高新区：新材料产业园首批项目开工"]
    assert len(texts) - 3 > 80  # further than the window in lines, blank ones counted
    assert (len(texts) - 1, "兰川", "兰州", "") in place_fixes(texts, vocab)
