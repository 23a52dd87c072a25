"""Small sample pages (tests/samples/segment/), one kind of damage each: page furniture, notices,
bylines in the paper's many forms, captions by their words, headlines glued to the first
sentence, headline forms, paragraphs marked only by an indent, and paragraphs printed inside
another article."""
from __future__ import annotations

from segment_helpers import assert_every_line_placed, lines_with_role, body, first_sentence, last_sentence, sample, vocab  # noqa: F401 (vocab is a fixture)


def test_page_furniture_is_its_own_kind_and_gives_the_issue_date(vocab):
    page = sample("furniture.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.title == "榆林高新区：煤化工企业建成二氧化碳捕集装置"
    assert art.authors == ("韩冰",)
    # page number and column label, the date in Chinese numerals, the continuation marker, the editors
    assert lines_with_role(page, "furniture") == [1, 2, 12, 14]
    assert page.issue_date == "2024-06-17"
    text = art.title + body(art)
    for furniture in ("第4版", "星期一", "下转", "责任编辑", "E-mail"):
        assert furniture not in text
    assert last_sentence(art) == "榆林高新区有关负责人表示，园区将推动更多企业开展碳捕集利用示范。"


def test_notices_and_advertisements_are_not_articles(vocab):
    page = sample("notices.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert lines_with_role(page, "notice") == [7, 8, 10, 11, 12]
    assert "更正" not in body(art) and "订阅" not in body(art)
    assert last_sentence(art) == "项目建成后，预计年产值可达35亿元。"


def test_boxed_signed_and_parenthesised_bylines(vocab):
    page = sample("bylines_boxed_signed.txt", vocab)
    assert_every_line_placed(page)
    authors = [a.authors for a in page.articles]
    # ■ marker and names set to three characters' width; 文/… 图/…; … 报道; （甲　乙） after the text
    assert authors == [("彭雪", "罗敏"), ("吴越", "钱程"), ("马骏",), ("孙立", "刘洋")]
    for art in page.articles:
        text = body(art)
        assert not any(w in text for w in ("本报记者", "通讯员", "报道", "文/", "孙立"))
    assert lines_with_role(page, "byline") == [3, 11, 19, 31]


def test_dateline_lead_and_authors_note(vocab):
    page = sample("bylines_dateline_note.txt", vocab)
    assert_every_line_placed(page)
    news, comment = page.articles
    assert news.authors == ("韩冰", "邵阳")
    assert first_sentence(news) == "今年前5个月，济宁高新区工程机械企业新增订单同比增长两成。"
    assert comment.title == "园区发展要算好长远账"
    assert comment.authors == ("郑浩",)
    assert "作者系" not in body(comment)
    note = page.placements[14]
    assert note.role == "byline" and note.article == comment.number


def test_captions_by_their_words_credits_and_subtitles_leave_the_body(vocab):
    page = sample("captions_by_words.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.title == "白银高新区：新材料产业园首期投产"
    assert art.authors == ("魏伟",)
    text = body(art)
    for printed in ("——", "▲", "图为", "供图", "摄"):
        assert printed not in text
    assert len(art.paragraphs) == 3
    subtitle = page.placements[2]
    assert subtitle.role == "headline" and "subtitle" in subtitle.note
    assert lines_with_role(page, "caption") == [9, 15] and lines_with_role(page, "credit") == [11, 17]


def test_headlines_glued_to_the_first_sentence_are_split_off(vocab):
    page = sample("glued_headlines.txt", vocab)
    assert_every_line_placed(page)
    titles = [a.title for a in page.articles]
    assert titles == ["宜昌高新区：生物医药产业园开园", "郴州高新区：有色金属精深加工项目投产",
                      "怀化高新区：中药材加工企业抱团发展"]
    assert [a.authors for a in page.articles] == [("彭程",), ("刘强",), ("钱悦",)]
    assert [first_sentence(a) for a in page.articles] == [
        "近日，宜昌高新区生物医药产业园正式开园，首批12家企业入驻。",
        "日前，郴州高新区一家企业的高纯铟生产线投产，年产高纯铟50吨。",
        "今年以来，怀化高新区中药材加工企业新增订单超过5亿元。"]
    assert page.issue_date == "2024-06-17"  # the furniture glued to the first headline
    first = page.placements[0]
    assert first.role == "body" and "split off" in first.note and "furniture" in first.note
    for art in page.articles:
        assert art.title not in body(art)


def test_headline_forms_kicker_doubled_and_subject_line(vocab):
    page = sample("headline_forms.txt", vocab)
    assert_every_line_placed(page)
    marked, doubled, subject = page.articles
    assert (marked.kicker, marked.title) == ("智能制造看园区", "兰州高新区：机器人产业园投用")
    assert doubled.title == "聊城高新区：轴承产业向高端迈进"  # a bold headline read twice on one line
    assert subject.title == "潍坊高新区声学器件产业集群营收破千亿"  # subject on a line of its own


def test_paragraphs_marked_only_by_an_indent(vocab):
    page = sample("indent_paragraphs.txt", vocab)
    assert_every_line_placed(page)
    first, second = page.articles
    assert second.title == "株洲高新区：轨道交通装备企业拓展海外市场"
    assert len(first.paragraphs) == 3 and len(second.paragraphs) == 2
    assert last_sentence(first) == "园区还建设了电子信息产业人才公寓，吸引工程师落户。"


def test_last_paragraph_printed_inside_the_next_article_goes_back(vocab):
    page = sample("stray_paragraph.txt", vocab)
    assert_every_line_placed(page)
    kunshan, weihai = page.articles
    assert last_sentence(kunshan) == "昆山高新区有关负责人表示，将支持更多设备企业参与国产替代。"
    assert "昆山" not in body(weihai)


def test_lead_of_another_article_printed_inside_one(vocab):
    page = sample("interrupting_lead.txt", vocab)
    assert_every_line_placed(page)
    host, brief = page.articles
    assert last_sentence(host) == "淮南高新区负责人表示，园区将为签约项目提供全程代办服务。"
    assert "这家企业计划在园区建设2万个标准机架，明年上半年投入运营。" in body(host)
    assert brief.title == "全国算力基础设施建设加快推进"  # printed after its lead
    assert first_sentence(brief).startswith("记者从国家发展改革委获悉")
    assert "淮南" not in body(brief)


def test_torn_off_tail_at_a_paragraph_start_is_left_out(vocab):
    page = sample("torn_tail.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert "续园业浆率" not in body(art)
    assert "园区将同步建设人才公寓和配套商业设施，方便企业员工生活。" in art.paragraphs
    assert "torn-off tail" in page.placements[6].note
    # a short sentence that opens with a word is text, not a torn tail
    assert art.paragraphs[-1].startswith("氛围营造。")


def test_brief_without_headline_after_an_article_about_another_zone(vocab):
    page = sample("brief_without_headline.txt", vocab)
    assert_every_line_placed(page)
    xianyang, brief = page.articles
    assert "常州" not in body(xianyang)
    assert first_sentence(brief) == "近日，常州高新区与长三角3家科研院所签约，共建新材料中试平台。"
    assert brief.title_generated


def test_headline_split_over_two_lines_in_a_cluster(vocab):
    page = sample("headline_cluster_split.txt", vocab)
    assert_every_line_placed(page)
    ningbo, quzhou = page.articles
    assert ningbo.title == "宁波高新区：软件产业营收增长近两成"
    assert quzhou.title == "衢州高新区：氟硅企业抱团出海" and quzhou.kicker is None


def test_rest_of_an_article_printed_inside_the_next_one_after_its_headline(vocab):
    page = sample("column_inside_next_article.txt", vocab)
    assert_every_line_placed(page)
    chenzhou, huaihua = page.articles
    assert first_sentence(chenzhou) == "近日，郴州高新区电子信息产业园二期开工建设，计划引进智能终端企业20家，年产值可达80亿元。"
    assert last_sentence(chenzhou) == "郴州高新区负责人表示，将加快建设电子信息产业配套平台。"
    # after the interrupting article's closing statement, the cut sentence resumes
    assert "一家食品企业负责人说，上市辅导让企业的管理更加规范，融资渠道也更宽了。" in body(huaihua)
    assert "郴州" not in body(huaihua) and not chenzhou.truncated


def test_line_joined_page_names_before_a_headline_and_a_headline_before_a_news_opening(vocab):
    page = sample("joined_names_openings.txt", vocab)
    assert_every_line_placed(page)
    yichang, chenzhou = page.articles
    assert yichang.title == "宜昌高新区：生物医药企业新增订单"
    assert first_sentence(yichang) == "近日，宜昌高新区生物医药企业新增订单超过10亿元。"
    assert yichang.authors == ("魏伟",)  # the byline that closed it, glued to the next headline
    assert chenzhou.title == "郴州高新区：电子信息产业园投产"
    assert first_sentence(chenzhou) == "1月8日，郴州高新区电子信息产业园投产，首批入驻企业8家。"
    assert chenzhou.authors == ()


def test_unmarked_headlines_inside_a_run_of_text(vocab):
    page = sample("unmarked_headlines.txt", vocab)
    assert_every_line_placed(page)
    titles = [a.title for a in page.articles]
    # one names a zone the text above did not and the text below does; one is followed by half a sentence
    assert titles == ["聊城高新区：金融服务助企发展", "孙思邈药业在咸阳高新区建成新车间", "智慧招商平台上线运行"]
    assert all(a.truncated for a in page.articles[1:])


def test_headline_and_subtitle_wrapped_at_the_column_edge(vocab):
    page = sample("wrapped_headline.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.title == "兰州高新区：新材料产业园首批项目集中开工"
    assert [p.role for p in page.placements[:5]] == ["headline", "headline", "blank", "headline", "headline"]
    assert "——" not in body(art) and len(art.paragraphs) == 2


def test_furniture_pieces_glued_to_one_another_and_to_a_doubled_headline(vocab):
    page = sample("joined_furniture.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.title == "湘潭高新区：储能电池产业提速"  # read twice in bold, glued to its lead
    assert art.authors == ("刘强",)
    assert first_sentence(art) == "近日，湘潭高新区储能电池产业园首期投产。"
    assert page.issue_date == "2024-10-21"
    assert lines_with_role(page, "furniture") == [3, 4]
    assert "furniture" in page.placements[0].note and page.placements[0].role == "body"


def test_next_article_glued_after_the_last_sentence_of_a_paragraph(vocab):
    page = sample("joined_after_paragraph.txt", vocab)
    assert_every_line_placed(page)
    changzhou, weifang = page.articles
    assert last_sentence(changzhou) == "园区负责人表示，明年将推动更多企业上云用数。"
    assert changzhou.authors == ("吴越", "钱程")
    assert weifang.title == "潍坊高新区：声学器件企业新增订单"
    assert weifang.authors == ("高洁",)
    assert first_sentence(weifang) == "今年以来，潍坊高新区声学器件企业新增订单30亿元。"


def test_wide_line_of_a_paragraph_with_a_blank_after_every_line(vocab):
    page = sample("wide_lines_blank_every_line.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert "为了降低企业用氢成本，榆林高新区建设了输氢管道和加氢站，并对企业购买绿氢给予补贴，企业用氢成本比过去降低了三成左右。" in art.paragraphs
    assert "subhead" not in [p.role for p in page.placements]


def test_headline_cut_in_a_word_at_the_column_edge(vocab):
    page = sample("headline_cut_at_column_edge.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.title == "榆林高新区：推进创新积分与企业培育紧密结合"
    assert first_sentence(art).startswith("近日，榆林高新区发布第一批创新积分榜")
