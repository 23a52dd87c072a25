"""Narrow columns and stray spaces: one small page per kind of damage (tests/samples/segment/),
each read as a reader reads it, and the rule that decided recorded in the line's placement."""
from __future__ import annotations

from segment_helpers import assert_every_line_placed, body, lines_with_role, sample, vocab  # noqa: F401 (vocab is a fixture)


def placement(page, line: int):
    return next(p for p in page.placements if p.line == line)


def test_wide_wrapped_lines_join_though_heading_shaped(vocab):
    """Wrapped at 40 characters (wider than a newspaper column): a line with no sentence end
    after an open line is its rest, not a caption before the next headline."""
    page = sample("narrow_wide_columns.txt", vocab)
    assert_every_line_placed(page)
    ningbo, yichang = page.articles
    assert body(ningbo).endswith("目前，宁波高新区有效发明专利达5854件，商标有效注册量达2.7579万件，"
                                 "每万人高价值发明专利128件，持续位居宁波市")
    assert yichang.title == "宜昌高新区：一季度两项指标增速全市第一"
    assert (placement(page, 10).role, placement(page, 10).article) == ("body", 1)


def test_full_width_line_before_the_short_last_line_is_body(vocab):
    """A blank after every line: a full line with a sentence's commas, then the paragraph's
    short last line and a continuation marker."""
    page = sample("narrow_full_line_before_short.txt", vocab)
    (art,) = page.articles
    assert art.paragraphs[-1] == "与此同时，园区对企业新建研发中心给予最高500万元补助，带动区内医疗器械企业研发投入同比增长"
    assert lines_with_role(page, "caption") == []


def test_names_after_the_last_sentence_wrapped_onto_the_next_line(vocab):
    page = sample("narrow_names_wrapped.txt", vocab)
    assert_every_line_placed(page)
    lanzhou, weifang = page.articles
    assert lanzhou.authors == ("何俊鹏",)
    assert body(lanzhou).endswith("让更多实验室成果在兰州“长大成人”。")
    assert placement(page, 21).role == "byline"
    assert "wrapped onto the next line" in placement(page, 21).note
    # a name cut at the column edge runs on with no space (曾 / 永洪)
    assert weifang.authors == ("李晓兰", "曾永洪")
    assert body(weifang).endswith("共促发展。")


def test_text_repeated_around_a_caption_read_once(vocab):
    page = sample("narrow_repeat_around_caption.txt", vocab)
    (art,) = page.articles
    assert body(art).count("还帮助企业对接投资机构和下游客户") == 1
    assert art.paragraphs[0].endswith("还帮助企业对接投资机构和下游客户，企业成立第二年就拿到了第一笔订单。")
    assert art.captions == ("图为研究院科研人员在调试激光设备。", "图为中试车间。")
    # the repeat over two lines after the caption, and the rest of the paragraph joined on
    assert art.paragraphs[1] == ("研究院的中试车间向园区企业开放，企业可以借用中试线验证新工艺，"
                                 "不用自己投入大笔资金购买设备和仪器，今年已有18家企业借用中试线。")


def test_misread_place_name_wrapped_across_a_line_break(vocab):
    page = sample("narrow_place_name_wrapped.txt", vocab)
    (art,) = page.articles
    """The name cut (潍 / 南高新区) or its suffix cut (潍南高 / 新区) at the column edge."""
    assert "2019年，淮南高新区与这家企业结缘" in body(art)
    assert "园区所在的淮南高新区已集聚大数据企业80余家" in body(art)
    assert "潍" not in body(art)
    assert {(f.line, f.after[-3:]) for f in page.fixes if f.kind == "place-name"} == {(4, "年，淮"), (6, "淮南高")}


def test_notice_in_a_narrow_column_is_no_article(vocab):
    page = sample("narrow_notice.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.title == "聊城高新区：科创中心投入使用"
    assert lines_with_role(page, "notice") == [7, *range(9, 22)]


def test_marks_alone_on_a_line_end_the_sentence_before(vocab):
    page = sample("narrow_marks_alone.txt", vocab)
    (art,) = page.articles
    assert art.paragraphs[0].endswith("新能源装备产业产值年均增长超过20%。")
    assert art.paragraphs[1].startswith("园区将继续推进产业链延链补链")


def test_stray_spaces_inside_words_are_no_subhead_and_no_break(vocab):
    """Spaces inside words (今 年, 平 稳): no subhead of spaced parts, misreadings mended across
    them (成功 人选), names after the last sentence read whole (梁思 敏)."""
    page = sample("stray_spaces_in_words.txt", vocab)
    assert_every_line_placed(page)
    weihai, xiangtan = page.articles
    assert weihai.subheads == ()
    assert "这是今年以来从这里下线的第37架大型工业无人机。园区已有3家企业成功入选国家级专精特新名单。" in weihai.paragraphs
    assert weihai.authors == ("罗丹", "梁思敏")
    assert body(weihai).endswith("园区将继续壮大无人机产业集群。")
    assert "strays" in placement(page, 5).note
    assert xiangtan.title == "湘潭高新区：新材料产业园开园"
    # a stray space inside a name after the last sentence: 陈雨 萌 is one name
    assert xiangtan.authors == ("赵志高", "陈雨萌")


def test_column_label_inside_an_open_sentence_is_a_line_of_it(vocab):
    """怀化学院·高新产业 reads as a column label (园区·区域) but stands tight inside a sentence."""
    page = sample("narrow_label_in_sentence.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert "携手打造的怀化学院·高新产业研究院，更是开创了产学研一体化的新篇章。" in body(art)
    assert lines_with_role(page, "furniture") == []


def test_headline_less_article_after_a_wide_gap_is_no_caption(vocab):
    """Wrapped at 30: the first line of a headline-less article after a wide gap runs to the
    column edge and goes on; a caption would not."""
    page = sample("narrow_headlineless_after_gap.txt", vocab)
    hangzhou, baiyin = page.articles
    assert hangzhou.title == "杭州高新区：第二季度重大项目集中开工"
    assert baiyin.title_generated
    assert body(baiyin).startswith("近日，白银高新区组织重点企业参加兰州交通大学能源化工、生物类校园专场招聘活动。")
    assert lines_with_role(page, "caption") == []


def test_latin_misreading_wrapped_across_a_line_break(vocab):
    """and / or read for 和 / 或 between Chinese characters, the column edge between them."""
    page = sample("narrow_latin_wrapped.txt", vocab)
    (art,) = page.articles
    assert "加强产业前瞻布局和核心技术创新，深化技术攻关、成果转化或人才培养等院地合作。" in body(art)
    assert [f.line for f in page.fixes if f.kind == "misreading"] == [4, 5]


def test_short_sentence_end_printed_twice_is_no_copy(vocab):
    """破300亿元。 ends a sentence in two articles of a narrow column: the line above runs on into
    it (突 / 破), so it is no copy of a caption."""
    page = sample("narrow_short_tail_twice.txt", vocab)
    xiaogan, jingdezhen = page.articles
    assert body(xiaogan).endswith("力争到2026年光电子产业产值突破300亿元。")
    assert body(jingdezhen).endswith("2023年航空产业产值突破300亿元。")
    assert lines_with_role(page, "duplicate") == []


def test_wrapped_words_that_look_like_names_are_no_byline(vocab):
    """游客户， (a comma ends it), 成立于 (a word that needs more) and 江门 高新区 (a place) after a
    line break or a sentence end are no names: the sentence goes on."""
    page = sample("narrow_no_byline.txt", vocab)
    (art,) = page.articles
    assert art.authors == ()
    assert "还帮助企业对接投资机构和下游客户，企业成立第二年" in body(art)
    assert "园区内的新材料企业成立于2013年" in body(art)
    assert "备受关注。江门高新区组织企业和科研机构联合开展" in body(art)
    assert lines_with_role(page, "byline") == []


def test_one_article_in_narrow_columns_on_a_wide_page(vocab):
    """The page as a whole is not wrapped (whole paragraphs), but one article is set in a column
    13 characters wide with a blank after every line: its lines are judged by its own width, so
    its first line is no headline and its lines are joined into paragraphs."""
    page = sample("narrow_part_of_a_wide_page.txt", vocab)
    assert_every_line_placed(page)
    xiaogan, leshan = page.articles
    assert leshan.title == "乐山高新区：晶硅光伏产业集群持续壮大"
    assert leshan.paragraphs[0].startswith("今年上半年，乐山高新区晶硅光伏产业实现产值420亿元")
    assert "一家电池组件企业新建的高效电池生产线今年实现满产，电池转换效率达到25%以上。" in leshan.paragraphs[1]
    assert len(leshan.paragraphs) == 5
    assert xiaogan.title == "孝感高新区：光电子产业“追光”前行"


def test_hyphen_wrapped_to_the_line_start_is_no_subtitle(vocab):
    """生物通风 / -气相抽提: one hyphen opening a line is the word's, wrapped; a subtitle opens with a dash."""
    page = sample("narrow_hyphen_at_line_start.txt", vocab)
    (art,) = page.articles
    assert art.paragraphs == ("浙江大学教授谢海建介绍，研究院针对不同气候类型的污染状况，采用层次分析法制定生物通风-气相抽提、"
                              "垂直阻隔、水平覆盖等技术组合方式，对污染场地进行综合管控和修复治理。",)


def test_short_block_whose_sentence_goes_on_is_no_headline(vocab):
    """Two lines set apart by blanks with no sentence end read as a wrapped headline, unless the
    line after the blank goes on with their sentence (…与生物医药 / 等优势产业)."""
    page = sample("narrow_block_goes_on.txt", vocab)
    (art,) = page.articles
    assert art.paragraphs[1].startswith("近年来，威海高新区聚焦电子信息与智能制造、医疗器械与生物医药等优势产业，")
    assert lines_with_role(page, "headline") == [1]


def test_caption_as_wide_as_the_column_and_a_lead_line_printed_twice(vocab):
    """衢州高新区全景图 runs to a ten-character column, but the next line opens a news item's
    sentence (近年来，…): a caption. 本报讯（特约通讯员 opens two articles: a lead, no copy."""
    page = sample("narrow_caption_and_lead_lines.txt", vocab)
    assert_every_line_placed(page)
    quzhou, jining, xiangtan = page.articles
    assert quzhou.title == "衢州高新区：深耕六大主导产业集群"
    assert quzhou.paragraphs[0].startswith("近年来，面对错综复杂的国内外经济形势")
    assert quzhou.captions == ("衢州高新区全景图",)
    assert (jining.authors, xiangtan.authors) == (("曹俐",), ("刘澜",))
    assert body(xiangtan) == "近年来，湘潭高新区引导金融服务创新创业。"
    assert lines_with_role(page, "duplicate") == []


def test_a_ragged_narrow_article_on_a_page_wrapped_wide_is_judged_by_its_own_width(vocab):
    """The page is wrapped at about 28 characters, 绵阳's article below its byline at 14 to 16, ragged:
    今年上半年，绵阳高新区新型显示 is a full line of that column, no headline after the byline."""
    page = sample("narrow_ragged_part_of_a_wrapped_page.txt", vocab)
    assert_every_line_placed(page)
    mianyang = page.articles[-1]
    assert (mianyang.title, mianyang.authors) == ("绵阳高新区：新型显示产业“链”上发力", ("何欣",))
    assert mianyang.paragraphs[0] == "今年上半年，绵阳高新区新型显示产业实现产值120亿元，同比增长18%，面板产量约占全国的十分之一。"
    assert lines_with_role(page, "headline") == [1, 15, 25, 35]


def test_pieces_of_a_narrow_column_cut_again_that_read_as_names_are_no_bylines(vocab):
    """A ragged column cut again every 9 characters leaves short pieces after full lines: 项目，形
    (words of the dictionary), 冷氢 (the sentence above goes on), 和畜 (和 goes on with it): no names."""
    page = sample("narrow_column_cut_again_name_like_pieces.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.authors == ("何欣",)
    assert "等配套项目，形成了较为完整的产业链。" in art.paragraphs[1]
    assert "采用新一代冷氢化和还原技术" in art.paragraphs[2]
    assert "生猪养殖基地和畜牧科技基地" in art.paragraphs[3]
