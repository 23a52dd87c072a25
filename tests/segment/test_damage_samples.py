"""One small page per kind of OCR damage (tests/samples/<kind>.txt): the articles a reader sees."""
from __future__ import annotations

import re

from segment_helpers import assert_every_line_placed, lines_with_role, body, build, first_sentence, last_sentence, sample, vocab  # noqa: F401 (vocab is a fixture)

CJK_SPACE = re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]")


def test_hard_wrapped_lines_are_joined(vocab):
    page = sample("hard_wrapped.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.title == "兰州高新区：新材料产业园首批项目开工"
    assert len(art.paragraphs) == 3
    assert "涵盖高性能合金、功能薄膜和锂电材料等领域。" in art.paragraphs[0]
    assert last_sentence(art) == "此次开工的项目中，有3个由园区内企业扩产而来，显示出企业对园区发展前景的信心。"
    assert "本报讯" not in body(art)


def test_blank_after_every_wrapped_line(vocab):
    page = sample("wrapped_blank_every_line.txt", vocab)
    (art,) = page.articles
    assert art.paragraphs == (
        "近日，潍坊高新区与一家光电企业签约，项目计划总投资12亿元，建设高端激光器生产基地。",
        "据介绍，该项目建成后，将补齐潍坊高新区光电产业链上游环节，预计年产值可达20亿元。"
        "园区将为项目提供全程代办服务，确保项目早日投产。",
    )


def test_stray_spaces_removed_latin_spaces_kept(vocab):
    page = sample("stray_spaces.txt", vocab)
    (art,) = page.articles
    text = art.title + body(art)
    assert not CJK_SPACE.search(text)
    assert "常州高新区智能制造产业园迎来一批新项目" in body(art)
    assert "Micro LED" in body(art)
    assert "总投资15亿元" in body(art)
    assert any(f.kind == "space" and f.line == 3 for f in page.fixes)


def test_repeated_paragraphs_and_tail_fragment_kept_once(vocab):
    page = sample("repeated_paragraphs.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert body(art).count("园区已集聚医疗器械企业60余家") == 1
    assert body(art).count("新引进医疗器械项目12个") == 1
    assert body(art).count("加快引进一批龙头企业和配套项目") == 1
    # the first printing stays in place, the copies are placed as duplicates
    assert lines_with_role(page, "duplicate") == [7, 11, 13, 17]
    assert last_sentence(art) == "下一步，园区将聚焦高端影像设备和康复器械，加快引进一批龙头企业和配套项目。"


def test_doubled_bold_headline_undone(vocab):
    page = sample("doubled_headline.txt", vocab)
    (art,) = page.articles
    assert art.title == "智能制造，常州高新区再出发"
    assert art.authors == ("王明", "李华")
    assert any(f.kind == "doubled" and f.line == 1 for f in page.fixes)


def test_markup_debris_stripped_and_heading_levels_used(vocab):
    page = sample("markup_debris.txt", vocab)
    assert_every_line_placed(page)
    first, second = page.articles
    assert first.title == "咸阳高新区：医药产业园再迎新项目"
    assert "<mark>" not in body(first) and "主要生产中药配方颗粒。" in body(first)
    assert second.title == "聊城高新区科创中心投入使用"
    assert second.paragraphs[second.subheads[0]] == "服务升级"
    assert lines_with_role(page, "subhead") == [9]
    assert [f.line for f in page.fixes if f.kind == "markup"] == [1, 3, 5, 9]


def test_headlines_clustered_at_the_end_matched_by_content(vocab):
    page = sample("headlines_at_end.txt", vocab)
    assert_every_line_placed(page)
    mianyang, yichang = page.articles
    assert mianyang.title == "绵阳高新区：12个科技成果转化项目现场签约"
    assert yichang.title == "宜昌高新区：生物医药产业园8家企业集中签约"
    assert mianyang.authors == ("张伟",) and yichang.authors == ("刘洋", "陈静")
    assert "张伟" not in body(mianyang) and "刘洋" not in body(yichang)
    assert lines_with_role(page, "headline") == [9, 11]
    assert any("printed apart" in n for n in mianyang.notes)


def test_headline_split_over_two_lines(vocab):
    page = sample("split_headline.txt", vocab)
    yichang, changzhou = page.articles
    assert yichang.title == "宜昌高新区：生物医药产业集群加速成形"
    assert changzhou.title == "常州高新区工业互联网平台服务企业突破千家"
    assert lines_with_role(page, "headline") == [1, 3, 7, 8]


def test_arrow_bylines(vocab):
    page = sample("bylines_arrow.txt", vocab)
    first, second = page.articles
    assert first.authors == ("赵明",) and second.authors == ("孙丽", "周强")
    assert lines_with_role(page, "byline") == [3, 11]
    assert "本报记者" not in body(first)


def test_bare_name_lines_above_and_below_the_body(vocab):
    page = sample("bylines_bare.txt", vocab)
    first, second = page.articles
    assert first.authors == ("吴刚",)
    assert second.authors == ("郑红", "钱程")
    assert first_sentence(first) == "近日，咸阳高新区召开产业园建设推进会，明确今年将新开工项目30个，完成投资80亿元。"


def test_byline_inside_the_lead(vocab):
    page = sample("bylines_lead.txt", vocab)
    (art,) = page.articles
    assert art.authors == ("何静",)
    assert first_sentence(art) == "近日，绵阳高新区科技型中小企业数量突破1000家，较去年同期增长30%。"
    assert "通讯员" not in body(art) and "何静" not in body(art)


def test_names_trailing_the_last_paragraph(vocab):
    page = sample("bylines_trailing.txt", vocab)
    first, second = page.articles
    assert first.authors == ("马超",)
    assert last_sentence(first) == "项目负责人表示，公司将加大研发投入，持续提升产品竞争力。"
    assert second.authors == ("许峰", "林涛")
    assert last_sentence(second) == "大赛获奖项目将获得最高50万元的创业资助。"


def test_captions_and_credits_leave_the_body(vocab):
    page = sample("captions_credits.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.captions == ("海洋生物医药产业园一期", "图片来源：威海高新区", "智能实验室", "（图片由威海高新区管委会提供）")
    assert not set(art.paragraphs) & set(art.captions)
    assert "图片" not in body(art) and "智能实验室" not in body(art)
    assert len(art.paragraphs) == 3
    assert lines_with_role(page, "caption") == [7, 17] and lines_with_role(page, "credit") == [13, 19]


def test_caption_cutting_a_sentence_is_taken_out_and_the_sentence_joined(vocab):
    page = sample("caption_cuts_sentence.txt", vocab)
    (art,) = page.articles
    assert "园区将围绕大数据、人工智能等方向，推动传统产业数字化转型升级。" in art.paragraphs[0]
    assert art.captions == ("兰州高新区数字经济产业园外景",)
    assert "外景" not in body(art)


def test_fragment_interleaved_in_another_article_moved_back(vocab):
    page = sample("interleaved_fragment.txt", vocab)
    assert_every_line_placed(page)
    liaocheng, weihai, xianyang = page.articles
    assert liaocheng.title == "聊城高新区：打造新材料产业高地"
    assert "威海" not in body(liaocheng)
    # the sentence the inset cut in two is whole again
    assert "并为企业提供从注册登记到投产的全流程代办服务，帮助企业缩短建设周期。" in body(liaocheng)
    assert liaocheng.authors == ("郑凯", "王芳") and not liaocheng.truncated
    assert weihai.title_generated and weihai.truncated
    assert "聊城" not in body(weihai) and "新材料" not in body(weihai)
    assert "今年上半年达到86亿元，海洋经济已成为威海高新区的支柱产业之一。" in body(weihai)
    assert weihai.authors == ("刘洋", "陈静")
    assert any("printed inside another" in n for n in weihai.notes)
    assert xianyang.title == "咸阳高新区：医药产业园新项目签约"


def test_articles_cut_at_the_page_edge_are_truncated(vocab):
    page = sample("truncated_edges.txt", vocab)
    start_cut, end_cut = page.articles
    assert start_cut.truncated and any("starts mid-sentence" in n for n in start_cut.notes)
    assert end_cut.truncated and any("ends mid-sentence" in n for n in end_cut.notes)
    ok = sample("bylines_lead.txt", vocab).articles[0]
    assert not ok.truncated


def test_misreadings_corrected_and_recorded(vocab):
    page = sample("misreadings.txt", vocab)
    (art,) = page.articles
    text = body(art)
    for right in ("新增入孵企业", "成功入选", "深入开展", "项目入驻", "加速和产业化"):
        assert right in text
    for wrong in ("人孵", "人选", "深人", "人驻", " and ", "兰洲"):
        assert wrong not in text
    place = [f for f in page.fixes if f.kind == "place-name"]
    assert len(place) == 1 and "兰洲" in place[0].before and "兰州" in place[0].after
    assert {f.kind for f in page.fixes} >= {"misreading", "place-name"}


def test_real_words_that_look_like_misreadings_are_left(vocab):
    text = "潍坊高新区：人才新政发布\n\n本报讯 潍坊高新区引进人才300人，资深人士和合适人选均可申报。个人股份不受影响。\n"
    (art,) = build(text, vocab).articles
    assert "引进人才" in body(art) and "资深人士" in body(art) and "合适人选" in body(art) and "个人股份" in body(art)


def test_a_real_place_is_left_when_the_page_supports_it(vocab):
    # 彬州 is a county-level city under 咸阳: a page that names 咸阳 keeps it,
    # even beside 郴州 printed three times.
    text = ("咸阳高新区：彬州市企业来访\n\n本报讯 近日，彬州市委书记带队到咸阳高新区考察。"
            "郴州市企业、郴州市商会和郴州市协会也参加了活动。\n")
    page = build(text, vocab)
    assert "彬州市委书记" in body(page.articles[0])
    assert not [f for f in page.fixes if f.kind == "place-name"]


def test_bylines_left_between_bodies_go_to_the_article_they_sign(vocab):
    """Headlines set at the page end leave each top byline between two bodies: the byline signs
    the body below when the one above is signed already and it has the form of the page's top
    byline; names after a last sentence stay with their own article. The placement says why."""
    page = sample("headlines_at_end_bylines.txt", vocab)
    assert_every_line_placed(page)
    lanzhou, xianyang, liaocheng = page.articles
    assert lanzhou.title == "兰州高新区：新材料产业园首批项目开工"
    assert (lanzhou.authors, xianyang.authors, liaocheng.authors) == (("王明",), ("李华", "赵强"), ("孙丽",))
    assert xianyang.title == "咸阳高新区：医药产业园再迎新项目"
    note = next(p.note for p in page.placements if p.line == 7)
    assert note.startswith("byline between two bodies, signs the one below") and "signed already" in note


def test_articles_with_no_cue_between_them_cut_by_headlines_at_the_end(vocab):
    """Two articles follow each other with no lead, byline or gap between them, their headlines
    set at the page end: more headlines than runs of text, and one headline's words (and zone)
    end where the other's begin, so the run is cut there."""
    page = sample("headlines_at_end_no_cue.txt", vocab)
    assert_every_line_placed(page)
    lanzhou, xianyang = page.articles
    assert lanzhou.title == "兰州高新区：新材料产业园首批项目开工"
    assert xianyang.title == "咸阳高新区：医药产业园再迎新项目"
    assert first_sentence(xianyang).startswith("在咸阳高新区医药产业园")
    assert last_sentence(lanzhou).endswith("确保新材料项目早日投产。")
    assert "headline printed apart" in next(p.note for p in page.placements if p.line == 5)


def test_headline_printed_after_its_body_ends_that_article(vocab):
    """A headline in a headline's form after its body, naming the zone of the text above and not
    of the text below, is no subhead of one merged article: the article above ends there and the
    headline is matched to it by its words."""
    page = sample("headline_after_body.txt", vocab)
    assert_every_line_placed(page)
    weifang, changzhou = page.articles
    assert weifang.title == "潍坊高新区：高端激光器项目签约落地"
    assert changzhou.title == "常州高新区：智能制造产业园一批新项目开工"
    assert last_sentence(weifang).endswith("预计年产值可达20亿元。")
    assert first_sentence(changzhou).startswith("在常州高新区智能制造产业园")
    assert "ends the article above" in next(p.note for p in page.placements if p.line == 5)


def test_notice_ends_at_a_reporters_byline(vocab):
    """A notice set tight above an article whose headline is printed at the page end: the notice
    ends at the reporter's byline (no notice is signed so), and the article is read whole."""
    page = sample("notice_before_signed_article.txt", vocab)
    assert_every_line_placed(page)
    assert lines_with_role(page, "notice") == [5, 6, 7]
    quzhou, leshan = page.articles
    assert leshan.title == "乐山高新区：晶硅光伏产业集群持续壮大"
    assert (quzhou.authors, leshan.authors) == (("王明",), ("何欣",))
    assert first_sentence(leshan).startswith("今年上半年，乐山高新区晶硅光伏产业")


def test_headline_after_its_body_with_the_wide_gap_after_it(vocab):
    """A headline printed after its body, the space between articles after it, is set apart as a
    caption would be; naming the article's zone and reading like it, it is the article's headline."""
    page = sample("headline_after_body_wide_gap.txt", vocab)
    assert_every_line_placed(page)
    lanzhou, xianyang = page.articles
    assert lanzhou.title == "兰州高新区新材料产业园首批项目开工" and not lanzhou.title_generated
    assert lanzhou.captions == ()
    assert xianyang.title_generated and xianyang.authors == ("孙丽",)
    assert lines_with_role(page, "headline") == [5]
    assert "headline printed after its body" in next(p.note for p in page.placements if p.line == 5)


def test_kicker_with_one_word_of_the_body_is_no_headline(vocab):
    """A kicker in a cluster of headlines at the page end whose one content word the body uses
    is weaker evidence than a headline most of whose words it uses: the headline heads the article."""
    page = sample("kicker_word_in_cluster.txt", vocab)
    assert_every_line_placed(page)
    lanzhou, xianyang = page.articles
    assert lanzhou.title == "新材料产业园迎来开门红"
    assert xianyang.title == "咸阳高新区：医药产业园再迎新项目"
    assert "看生态" in lanzhou.captions


def test_names_over_two_lines_after_the_last_sentence_stay_together(vocab):
    """Names after the last sentence going on over a second line, the headlines at the page end:
    the second line is the same byline (bare names under names), not the next article's."""
    page = sample("names_over_two_lines.txt", vocab)
    assert_every_line_placed(page)
    lanzhou, xianyang = page.articles
    assert set(lanzhou.authors) == {"赵志高", "陈雨萌"} and xianyang.authors == ()
    assert "bare names going on" in next(p.note for p in page.placements if p.line == 4)


def test_end_of_a_line_reprinted_after_a_caption_kept_once(vocab):
    """A caption set inside a sentence, and the end of the line before it printed again after it
    (one line per paragraph, so the copy is only the end of that line): kept once."""
    page = sample("caption_reprints_line_end.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert lines_with_role(page, "duplicate") == [9]
    assert body(art).count("还帮助企业对接投资机构和下游客户") == 1
    assert last_sentence(art).endswith("还帮助企业对接投资机构和下游客户，企业成立第二年就拿到了第一笔订单。")


def test_mixed_width_marks_read_as_printed(vocab):
    """Half-width colons, commas and quotes beside full-width ones: a doubled headline still
    undoubles, a quotation opened “ and closed " is one, a headline's subject：form stays a headline."""
    page = sample("mixed_width_marks.txt", vocab)
    first, second = page.articles
    assert first.title == "孝感高新区：光电子产业“追光”前行"
    assert first.authors == ("张明",)
    assert "看中的是这里与武汉的“一小时通勤圈”。“早上在武汉开完会，中午就能到孝感的车间看样品”。" in body(first)
    assert "ISO 9001:2015" in body(first) and "5.6亿元" in body(first)
    assert second.title == "景德镇高新区：航空产业为千年瓷都添“翼”"
    assert second.authors == ("李华",)
    assert last_sentence(second) == "园区把“看瓷器、坐飞机”作为城市名片。"


def test_lead_printed_before_its_marked_headline(vocab):
    """A lead with no headline inside another article, its # headline printed after the host's end:
    the lead opens the article under that headline, not an article of its own."""
    page = sample("lead_before_marked_headline.txt", vocab)
    assert_every_line_placed(page)
    host, brief = page.articles
    assert last_sentence(host) == "淮南高新区负责人表示，园区将为签约项目提供全程代办服务。"
    assert brief.title == "全国算力基础设施建设加快推进"
    assert first_sentence(brief).startswith("记者从国家发展改革委获悉")
    assert last_sentence(brief) == "从区域分布看，新建机架主要集中在算力枢纽节点城市。"


def test_label_markup_around_a_misread_place(vocab):
    """^{衢洲高新区：} before a headline: the place is mended in the title, which is read from the
    line's printed spaces, as in its text."""
    page = sample("label_markup_misread_place.txt", vocab)
    (art,) = page.articles
    assert art.title == "衢州高新区：新材料产业“链”出新天地"
    assert art.authors == ("陈亮",)


def test_headline_marked_on_its_second_line_only(vocab):
    """# on the second line of a headline set over two lines: the unmarked first line is its subject
    (a zone and a 片区), no kicker; a kicker set tight above a marked headline stays a kicker."""
    page = sample("headline_marked_on_second_line.txt", vocab)
    assert_every_line_placed(page)
    xianyang, lanzhou = page.articles
    assert xianyang.kicker is None and xianyang.title == "咸阳高新区，彬州片区医药产业园新项目集中签约"
    assert (lanzhou.kicker, lanzhou.title) == ("智能制造看园区", "兰州高新区：机器人产业园投用")


def test_one_line_per_paragraph_with_no_blank_line_and_an_interleaved_column(vocab):
    """The page of interleaved_fragment.txt with its blank lines taken out: an open line followed by
    a line of another article's column is not joined to it, but to the line that goes on with it."""
    page = sample("one_line_paragraphs_no_blank_interleaved.txt", vocab)
    assert_every_line_placed(page)
    liaocheng, weihai, xianyang = page.articles
    assert "并为企业提供从注册登记到投产的全流程代办服务，帮助企业缩短建设周期。" in body(liaocheng)
    assert "威海" not in body(liaocheng) and liaocheng.authors == ("郑凯", "王芳")
    assert "今年上半年达到86亿元，海洋经济已成为威海高新区的支柱产业之一。" in body(weihai)
    assert "聊城" not in body(weihai) and weihai.authors == ("刘洋", "陈静")
    assert xianyang.title == "咸阳高新区：医药产业园新项目签约"


def test_stray_spaces_inside_names_after_the_last_sentence(vocab):
    """（孙庆 华　李　默）: a stray inside a three-character name beside a two-character name set to three
    characters' width; （李军　帕提 古丽）: a stray inside a name with no common surname; and a lead
    whose sentence stray spaces cut into name-sized words is no byline."""
    page = sample("stray_spaces_in_bylines.txt", vocab)
    assert_every_line_placed(page)
    liaocheng, weihai = page.articles
    assert liaocheng.authors == ("孙庆华", "李默")
    assert weihai.authors == ("李军", "帕提古丽")
    assert first_sentence(weihai) == "记者从威海高新区获悉，园区设立海洋产业服务专班，推动海洋生物产业集聚。"


def test_stray_spaces_in_a_byline_glued_to_its_headline_and_first_sentence(vocab):
    """On a line-joined page: 本报 记者 邵 明辉今年以来 (strays inside the marker and the name) and
    本报 通讯员 叶建平　郑晓 雯在… are split where the names end and the sentence begins."""
    page = sample("stray_spaces_joined_byline.txt", vocab)
    assert_every_line_placed(page)
    liaocheng, weihai, xianyang = page.articles
    assert liaocheng.authors == ("邵明辉",) and first_sentence(liaocheng).startswith("今年以来，")
    assert weihai.title == "海洋产业服务专班挂牌成立" and weihai.authors == ("叶建平", "郑晓雯")
    assert first_sentence(weihai).startswith("在威海高新区，")
    assert xianyang.title == "咸阳高新区：医药产业园新项目签约"
