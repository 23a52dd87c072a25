"""Conventions of the paper's editors, each on a small page (tests/samples/segment/): an editor's
note above a series' kicker and headline, a commentary signed only 本报评论员, picture-news items
under their label, source marks after an article or a dateline, articles continued from or to
another page."""
from __future__ import annotations

from segment_helpers import assert_every_line_placed, body, lines_with_role, sample, vocab  # noqa: F401 (vocab is a fixture)


def test_an_editors_note_above_a_series_kicker_opens_the_article_below(vocab):
    page = sample("editor_note_above_series.txt", vocab)
    assert_every_line_placed(page)
    continued, first, second = page.articles
    # not the tail of the article above, and no article of its own under the kicker as title
    assert "编者按" not in body(continued) and continued.title_generated
    assert (first.kicker, first.title) == ("新质生产力在园区·系列报道之一", "湘潭高新区：能源装备产业链加速成型")
    assert first.paragraphs[0].startswith("编者按：") and first.paragraphs[1].startswith("今年一季度")
    assert first.authors == ("钱进", "吴敏")
    # a bracketed note set apart by blank lines, the second one on the page, goes the same way
    assert (second.kicker, second.title) == ("成果转化一线行", "绵阳高新区：概念验证中心让成果“跨过死亡谷”")
    assert second.paragraphs[0].startswith("【编者按】") and "编者按" not in body(first)[10:]
    assert second.authors == ("李明",)


def test_a_commentary_signed_only_by_the_commentator_is_its_own_article(vocab):
    page = sample("commentary_signed_by_commentator.txt", vocab)
    assert_every_line_placed(page)
    news, commentary, second = page.articles
    assert "评论员" not in body(news) and "实验室" not in body(news)
    # its headline is its title though the text hardly repeats its words; the byline names no one
    assert (commentary.title, commentary.title_generated) == ("让创新成果更快走出实验室", False)
    assert commentary.authors == () and second.authors == ()
    assert second.title == "把服务做在企业开口之前"
    assert lines_with_role(page, "byline") == [2, 7, 12]


def test_a_picture_news_item_is_no_caption_of_the_article_above(vocab):
    page = sample("picture_news_items.txt", vocab)
    assert_every_line_placed(page)
    above, picture, after, titled = page.articles
    assert not above.captions and "图为" not in body(above)
    # the caption is the item's text, the credit its byline; the label is the page's furniture
    assert picture.paragraphs == ("图为5月8日，观众在威海高新区医疗器械博览会上体验新型康复设备。",)
    assert picture.authors == ("王磊",) and picture.title_generated
    assert after.title == "潍坊高新区打造动力装备先导区" and after.authors == ("林峰",) and not after.captions
    # a headline of its own, and two photographers on a credit without brackets
    assert titled.title == "光博会上的“黑科技”" and titled.authors == ("赵刚", "李明")
    assert titled.paragraphs == ("5月10日，观众在常州高新区光电子博览会上体验新型显示产品。",)
    assert lines_with_role(page, "furniture") == [1, 8, 17]


def test_a_source_mark_is_no_author_and_no_text(vocab):
    page = sample("source_marks.txt", vocab)
    assert_every_line_placed(page)
    # （高新） is name-shaped (高 is a surname) but a source mark: neither author nor text
    assert all(a.authors == () for a in page.articles)
    assert not any("（" in body(a) or "（" in a.title for a in page.articles)
    yichang, dateline, liaocheng, lanzhou, jining = page.articles
    assert yichang.paragraphs[-1].endswith("1500家。") and not yichang.truncated
    # after a dateline: not the lead's text, so not the title made from it
    assert dateline.title == "衡阳高新区日前发布新一代信息技术产业扶持政策"
    assert liaocheng.paragraphs[-1].endswith("等产业。") and not liaocheng.truncated  # （…供稿）
    assert lines_with_role(page, "byline") == [15]  # （新华社） on a line of its own
    assert jining.paragraphs == ("济宁高新区生物医药产业园近日投用，首批12家企业入驻。",)  # （完）


def test_an_article_continued_from_or_to_another_page_records_the_page(vocab):
    cut, whole = sample("continued_on_another_page.txt", vocab).articles
    assert (cut.continued_to, whole.continued_to) == ("第6版", "第7版")
    assert cut.continued_from == whole.continued_from == ""
    continued, *rest = sample("editor_note_above_series.txt", vocab).articles
    assert continued.continued_from == "第1版" and continued.paragraphs[0].startswith("在此基础上")
    assert all(not a.continued_from and not a.continued_to for a in rest)
    # the marker under the headline the jump page repeats: that article's, not the next one's
    headed, after = sample("continued_under_its_headline.txt", vocab).articles
    assert (headed.title, headed.continued_from, after.continued_from) == ("株洲高新区：打造世界级轨道交通产业集群", "第1版", "")


def test_a_column_label_ends_the_article_above_and_a_numbered_list_keeps_its_items(vocab):
    page = sample("pieces_under_column_labels.txt", vocab)
    assert_every_line_placed(page)
    news, notebook, measures, comment = page.articles
    # 记者手记 and 短评 over a piece of their own: the label is furniture, the heading its title
    assert "协同" not in body(news) and notebook.title == "产业集群贵在协同" and not notebook.title_generated
    assert (comment.title, comment.authors) == ("让政策红利直达企业", ("何平",))
    assert measures.authors == ("任杰",)  # the commentary's signature is not the news item's
    # 措施主要包括： / 一、…: each item a paragraph, the first not glued to the line above it
    assert measures.paragraphs[0].endswith("措施主要包括：")
    assert [p[:2] for p in measures.paragraphs[1:4]] == ["一、", "二、", "三、"]
    # the 数读 box: one caption, its lines together, no headline and no text
    assert len(measures.captions) == 1 and measures.captions[0].startswith("186亿元")
    assert not any("186亿元" in body(a) for a in page.articles)
    assert lines_with_role(page, "furniture") == [1, 7, 19, 24]


def test_a_byline_set_with_a_bar_an_authors_note_and_a_qr_code_line(vocab):
    page = sample("interview_bar_byline_and_qr_line.txt", vocab)
    assert_every_line_placed(page)
    interview, commentary, brief = page.articles
    # 文｜本报记者 任杰: a byline, so the headline above it stays the headline
    assert (interview.title, interview.authors) == ("以“硬科技”引领园区高质量发展", ("任杰",))
    assert interview.paragraphs[0].startswith("核心提示") and interview.paragraphs[-1].startswith("王建国：")
    # （本文作者系…） after the text: a byline without names, neither text nor caption
    assert commentary.authors == ("张明远",) and not commentary.captions and "作者" not in body(commentary)
    # a line asking to scan a QR code is the page's furniture, no kicker of the next article
    assert brief.kicker is None and brief.authors == ("孙涛", "李明")
    assert lines_with_role(page, "furniture") == [1, 18]


def test_a_headline_over_only_a_photo_and_its_credit_is_a_picture_item(vocab):
    page = sample("picture_item_without_label.txt", vocab)
    assert_every_line_placed(page)
    above, picture, below = page.articles
    # not the caption of the article above (its headline) nor of the one below (its photo)
    assert not above.captions and not below.captions
    assert (picture.title, picture.authors) == ("威海高新区医疗器械博览会开幕", ("王磊",))
    assert picture.paragraphs == ("5月8日，观众在威海高新区医疗器械博览会上体验新型康复设备。",)
    assert below.title == "潍坊高新区打造动力装备先导区" and below.authors == ("林峰",)


def test_the_editors_conventions_hold_on_a_page_wrapped_in_columns(vocab):
    page = sample("editors_conventions_wrapped.txt", vocab)
    assert_every_line_placed(page)
    series, commentary, picture, brief = page.articles
    assert series.kicker == "新质生产力在园区·系列报道之一" and series.paragraphs[0].startswith("编者按：今年以来")
    assert series.paragraphs[0].endswith("敬请关注。") and not series.captions
    assert (commentary.title, commentary.authors) == ("让创新成果更快走出实验室", ())
    # a caption wrapped onto the line of its credit: one paragraph, signed by the photographer
    assert picture.paragraphs == ("5月8日，观众在威海高新区医疗器械博览会上体验新型康复设备。",)
    assert picture.authors == ("王磊",)
    assert brief.paragraphs[-1].endswith("专精特新企业。") and brief.authors == () and not brief.captions


def test_commentators_agencies_and_markers_after_the_names_sign_with_the_names_only(vocab):
    page = sample("bylines_of_agencies_and_commentators.txt", vocab)
    assert_every_line_placed(page)
    commentary, agency, dateline, marked_after, compiled = page.articles
    assert (commentary.title, commentary.authors) == ("让科技成果加速转化为现实生产力", ("张思远",))
    assert agency.authors == ("王晓明", "李华")  # 新华社 is where they work, no name
    assert dateline.authors == ("刘洋",) and dateline.paragraphs[0].startswith("今年前4个月")
    # the markers after the names: 王磊/文 李明/图, （赵敏 整理）
    assert marked_after.authors == ("王磊", "李明") and compiled.authors == ("赵敏",)
    assert compiled.paragraphs[-1].endswith("同比增长8%。")
    assert lines_with_role(page, "byline") == [2, 6, 15]


def test_a_sidebar_after_an_article_is_the_articles_even_after_its_closing_mark(vocab):
    page = sample("sidebars_after_articles.txt", vocab)
    assert_every_line_placed(page)
    first, second, third = page.articles  # no article of its own for 编后, 【链接】 or 延伸阅读
    assert first.paragraphs[-2:] == ("编后", "株洲的经验表明，只有龙头企业与配套企业同频共振，集群才能行稳致远。")
    # after （完）, which closed the article: the label a subhead, its text the article's
    assert second.paragraphs[-2] == "【链接】" and second.paragraphs[-1].startswith("宁波高新区是1999年")
    assert not second.captions and second.authors == ("任杰",)
    assert third.paragraphs[-2] == "延伸阅读"
    assert lines_with_role(page, "subhead") == [6, 12, 17]


def test_a_picture_items_caption_wrapped_over_two_lines_stays_whole(vocab):
    page = sample("picture_item_caption_wrapped.txt", vocab)
    assert_every_line_placed(page)
    above, picture, below = page.articles
    # a headline's two-character end wrapped onto a line of its own is the headline's
    assert above.title == "宁波高新区新材料企业营收增长两成" and not above.captions
    assert "体验" not in body(above) and "博览会" not in body(above)
    assert picture.paragraphs == ("5月8日，观众在威海高新区医疗器械博览会上体验新型康复设备。",)
    assert (picture.title, picture.authors) == ("威海高新区医疗器械博览会开幕", ("王磊",))
    assert below.authors == ("林峰",) and not below.captions


def test_bulleted_briefs_under_a_column_label_are_briefs_of_their_own(vocab):
    page = sample("bulleted_briefs_under_label.txt", vocab)
    assert_every_line_placed(page)
    *briefs, signed = page.articles
    assert [b.paragraphs[0][:4] for b in briefs] == ["近日，淮", "日前，咸", "5月以来"]
    assert not any("■" in b.title or "■" in body(b) for b in briefs) and all(b.title_generated for b in briefs)
    assert signed.authors == ("孙涛",)  # ■ before names is still a byline


def test_a_credit_closed_by_either_credit_word_names_its_photographers():
    from builder.segment.conventions import photographers
    from builder.segment.glued_captions import front_credit
    from builder.vocab.rule_files import DATA_DIR, load_rules

    rules = load_rules(DATA_DIR / "repair_rules.yaml")
    assert photographers("（本报记者 王磊 摄）", rules) == ("王磊",)
    assert photographers("（王磊 李明 摄影）", rules) == ("王磊", "李明")
    assert photographers("（王磊 李明）", rules) == ()
    # glued to the front of the text it stands before: the whole credit word is cut off, not half of it
    text = "杨舒 摄影还帮助企业对接订单。"
    assert text[front_credit(text, text, rules):] == "还帮助企业对接订单。"
