"""A paragraph's line that reaches the column edge with its sentence closed (or a byline's names set
apart) may end the paragraph or not: on a page cut every N characters the width alone cannot say.
Other signs do (segment/unwrap.py ``goes_on``), each on a small page (tests/samples/segment/column_edge_*):
the page's own way of marking paragraphs (an indent, a blank between them), a semicolon, a quote
still open, a space in the column's last place; and a line saying who spoke the quote just closed
stays with it (segment/assemble.py)."""
from __future__ import annotations

from segment_helpers import assert_every_line_placed, sample, vocab  # noqa: F401 (vocab is a fixture)


def test_on_a_page_that_indents_paragraphs_a_line_without_indent_goes_on(vocab):
    page = sample("column_edge_indents_and_quotes.txt", vocab)
    assert_every_line_placed(page)
    first, second = page.articles
    # …企业入围。 ends at the edge; 其中，… below it has no indent: the same paragraph
    assert len(first.paragraphs) == 2 and "入围。其中，注册在国家高新区" in first.paragraphs[0]
    # a headline as wide as the column by chance runs into no indented lead
    assert first.title == "国家高新区小巨人企业数量稳步增长"
    # the caption below a paragraph ending at the edge stays a caption
    assert second.captions and second.captions[0].startswith("▲") and "▲" not in "".join(second.paragraphs)


def test_who_spoke_a_quote_closed_at_the_edge_stays_with_it(vocab):
    page = sample("column_edge_indents_and_quotes.txt", vocab)
    second = page.articles[1]
    # ……供应商。” / 张明说。 and ……越拉越长。 / ”李强说。: neither is an orphan fragment
    assert second.paragraphs[1].endswith("供应商。”张明说。")
    assert second.paragraphs[2].endswith("越拉越长。”李强说。")
    assert not [p for p in page.placements if p.role == "unplaced"]


def test_on_a_page_with_a_blank_between_paragraphs_no_blank_means_the_same_paragraph(vocab):
    page = sample("column_edge_blank_between_paragraphs.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    # …优化； at the edge: a paragraph seldom ends on a semicolon
    assert "产业结构逐步优化；园区多方协同" in art.paragraphs[1]
    # …发布指数报告。 at the edge with the next line right below it: one paragraph
    assert "发布指数报告。各项指标稳步提升" in art.paragraphs[3]
    assert len(art.paragraphs) == 5


def test_a_space_in_the_column_last_place_says_the_names_go_on(vocab):
    # a line-joined page cut every 10 characters: 本报通讯员 叶建平　 / 郑晓雯在乐清市…
    page = sample("column_edge_space_names_wrapped.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.authors == ("叶建平", "郑晓雯")
    assert art.paragraphs[0].startswith("在乐清市柳市镇")


def test_a_paragraph_printed_again_whole_after_its_cut_printing_is_a_copy(vocab):
    # the first printing cut at the edge after a full stop (two paragraphs), the copy on one line
    page = sample("repeat_of_paragraph_cut_at_edge.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert sum(p.count("零碳产业园是") for p in art.paragraphs) == 1
    assert [p.role for p in page.placements if p.line == 17] == ["duplicate"]


def test_a_kicker_as_wide_as_the_column_stays_apart_from_the_headline_subject_below(vocab):
    # 生态优势变发展优势 fills a column of 9; 桂林高新区： below it opens the headline
    page = sample("column_edge_kicker_over_subject.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert (art.kicker, art.title) == ("生态优势变发展优势", "桂林高新区：山水之城崛起电子信息产业带")


def test_a_paragraph_cut_at_the_edge_and_continued_elsewhere_is_no_caption(vocab):
    # 为了进一步提升…，呼 / …乳业科技 / 产业园，计划引进 / （下转第4版）: cut at the edge, with a
    # sentence's marks, it ends no sentence and is as short as a heading; a paragraph all the same
    page = sample("column_edge_paragraph_continued_elsewhere.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.paragraphs[-1].endswith("计划引进") and not art.captions
    assert {p.role for p in page.placements if p.line in (19, 21, 23)} == {"body"}


def test_a_line_wider_than_the_column_is_no_piece_of_the_paragraph_cut_above_it(vocab):
    # …协同推进工业互 reaches the edge; below it an OCR copy of an earlier paragraph, printed whole:
    # set across the column, it is no piece cut at its edge, and the paragraph goes on after it (联网建设…)
    page = sample("column_edge_before_a_copy_printed_whole.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert [p.role for p in page.placements if p.line == 19] == ["duplicate"]
    assert "推进工业互联网建设" in art.paragraphs[2]
    assert sum(p.count("报告显示，园区网络") for p in art.paragraphs) == 1


def test_marks_cut_off_past_the_edge_widen_no_gap(vocab):
    # …能耗下降了18 / %。: the marks go back on their line, and are no gap before the subhead below
    page = sample("column_edge_marks_cut_off.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.paragraphs[1].endswith("下降了18%。")
    assert "创新平台引来“最强大脑”" in art.paragraphs and not art.captions
    assert [p.role for p in page.placements if p.line in (10, 12)] == ["body", "subhead"]


def test_a_caption_as_wide_as_the_column_stays_off_the_sentence_opening_below(vocab):
    # 衢州高新区全景图 fills a column of 8, no sentence's marks in it; 近年来，… below opens a sentence
    page = sample("column_edge_caption_before_opening.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert list(art.captions) == ["衢州高新区全景图"]
    assert art.paragraphs[0].startswith("近年来，")


def test_a_latin_misreading_cut_inside_its_word_is_mended_once_the_line_is_whole(vocab):
    # 布局 a / nd 核心: and for 和, cut inside the word; joined back, its printed spaces set it off
    page = sample("column_edge_latin_misreading_cut.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert "前瞻布局和核心技术创新" in art.paragraphs[1]
    assert any(f.after.endswith("布局和核心技术创新，深化技术攻关。") for f in page.fixes if f.kind == "misreading")


def test_a_headline_as_wide_as_the_column_is_not_joined_to_the_heading_below_by_the_width(vocab):
    # 宁波高新区：数据知识产权质押融资 fills the column of 16; 威海高新区 智能网联汽车测试 below it is
    # heading-shaped too: the width does not join them (the headings' rules read them, as on any page)
    from pathlib import Path

    from builder.model import Page
    from builder.repair import repair_page
    from builder.segment.unwrap import column_width, unwrap
    from builder.vocab.rule_files import rules_for

    path = Path(__file__).resolve().parents[2] / "tests/samples/segment/column_edge_headline_cluster.txt"
    lines = repair_page(Page(path.name, path.read_text("utf-8")), vocab).lines
    rules = rules_for(vocab.data_dir)
    assert column_width(lines, rules) == 16
    _, groups, _, _ = unwrap(lines, rules)
    heads = [ln.no for ln in lines if ln.text.startswith(("宁波高新区：数据", "威海高新区"))]
    assert len(heads) == 2 and not any(no in g for g in groups.values() for no in heads)
    assert groups  # the paragraphs above are joined back


def test_a_word_after_a_full_stop_at_the_edge_is_no_name_setting_the_line_apart(vocab):
    # …发展动力。 项目 / 既要引得来…: 项目 opens the next sentence; the dictionary reads it as a word, no name
    page = sample("column_edge_word_after_sentence_end.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert not art.authors
    assert "发展动力。项目既要引得来" in art.paragraphs[0]


def test_a_headline_as_wide_as_the_column_runs_into_no_sentence_opening_of_a_narrower_column(vocab):
    # 湘潭高新区：…“大产业” fills the column of 22; 在湘潭高新区，… below it opens the article's first
    # sentence in a narrower column
    page = sample("column_edge_headline_over_sentence_opening.txt", vocab)
    assert_every_line_placed(page)
    second = page.articles[1]
    assert second.title == "湘潭高新区：兽药产业“小切口”做成“大产业”"
    assert second.paragraphs[0].startswith("在湘潭高新区，一家动物疫苗企业")


def test_a_headline_with_its_lead_glued_on_runs_into_the_lead_sentence(vocab):
    # a line-joined page cut every 34 characters: …集中投产本报讯（记者 范卓然） / 近日，…: the
    # headline in its form is no line of its own here, its lead's sentence goes on below it
    page = sample("column_edge_glued_headline_and_lead.txt", vocab)
    assert_every_line_placed(page)
    second = page.articles[1]
    assert (second.title, second.authors) == ("新乡高新区：电池产业链5个“补链”项目集中投产", ("范卓然",))
    assert second.paragraphs[0].startswith("近日，新乡高新区电池隔膜")


def test_on_a_page_with_blanks_between_paragraphs_a_short_line_right_below_the_edge_is_no_subhead(vocab):
    # …大量的时间。” at the edge, 德智新材料董事长柴 right below it: the same block, the paragraph's
    # sentence broken off there (it goes on below: 攀称，…), whatever the line's shape
    page = sample("column_edge_no_blank_below_the_edge.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert not art.subheads
    assert "时间。”德智新材料董事长柴攀称，公司刚入园时" in art.paragraphs[1]


def test_a_bold_line_read_twice_as_wide_as_the_column_runs_into_nothing(vocab):
    # 园区智造园区智造再添动能再添动能 fills the column of 16: read once it is half of it, a bold
    # headline's line (here the kicker over 湘潭高新区智能工厂扩容), no piece of a cut paragraph
    page = sample("column_edge_bold_headline_read_twice.txt", vocab)
    assert_every_line_placed(page)
    second = page.articles[1]
    assert (second.kicker, second.title) == ("园区智造再添动能", "湘潭高新区智能工厂扩容")


def test_a_column_of_another_article_after_a_line_full_by_chance_is_cut_off_again(vocab):
    # …在这里，一台新设备 fills the column of 14 by chance; below it 潍坊's column resumes with the rest
    # of its broken sentence (15吉瓦时，…配套。), then its text, then 湘潭's sentence goes on (从下单到…)
    page = sample("column_edge_inset_after_full_line.txt", vocab)
    assert_every_line_placed(page)
    weifang, xiangtan = page.articles
    assert weifang.paragraphs[1].endswith("年产能将达到15吉瓦时，可为20万辆汽车配套。")
    assert xiangtan.paragraphs[1].endswith("在这里，一台新设备从下单到交付的时间缩短了一半。")
    assert not any("潍坊" in p for p in xiangtan.paragraphs)
    assert "opens a column of another article" in next(p.note for p in page.placements if p.line == 18)


def test_the_rest_of_a_paragraph_closed_at_the_edge_by_chance_before_another_column_stays_with_it(vocab):
    # “…节约了大量时间。” fills the column of 16; 公司董事长李 below it is the paragraph's broken end
    # (it goes on after 厦门火炬's column: 明称，…), not a subhead; “一站式”服务。 opens that column
    page = sample("column_edge_inset_after_closed_full_line.txt", vocab)
    assert_every_line_placed(page)
    zhuzhou, xiamen = page.articles
    assert not zhuzhou.subheads
    assert "大量时间。”公司董事长李明称，公司刚入园时" in zhuzhou.paragraphs[1]
    assert xiamen.paragraphs[0] == "“一站式”服务。"


def test_a_bare_headline_as_wide_as_the_column_after_a_byline_is_not_joined_to_the_body(vocab):
    # …共促发展。 张华 刘洋 closes an article; 淮南高新区项目建设跑出加速度 fills the column of 14 by
    # chance, no word running on into “我们公司…: the next headline, as the heading rules read it
    page = sample("column_edge_bare_headline_after_byline.txt", vocab)
    assert_every_line_placed(page)
    first, second = page.articles
    assert first.authors == ("张华", "刘洋")
    assert second.title == "淮南高新区项目建设跑出加速度"
    assert second.paragraphs[0].startswith("“我们公司入驻园区以后")


def test_a_headline_in_its_form_as_wide_as_the_column_below_an_open_full_line_stands_apart(vocab):
    # …计划引进研发机构和中试基地 fills the column of 16, its article broken off at the column's end;
    # 衡阳高新区：电子信息产业营收增长 below it is as wide, nothing running across into it: a headline
    page = sample("column_edge_headline_below_a_full_open_line.txt", vocab)
    assert_every_line_placed(page)
    weihai, hengyang = page.articles
    assert weihai.paragraphs[-1].endswith("计划引进研发机构和中试基地")
    assert hengyang.title == "衡阳高新区：电子信息产业营收增长"
    assert hengyang.paragraphs[0].startswith("今年上半年，衡阳高新区")


def test_the_next_sentence_opening_after_a_full_stop_at_the_edge_is_no_names(vocab):
    # …信心更足。 曾经的 fills the column of 12: 曾经的 opens with a word of the dictionary (曾经), the
    # next sentence's opening (老厂房如今… below), not names signing the article
    page = sample("column_edge_sentence_opening_read_as_names.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert art.authors == ()
    assert "信心更足。曾经的老厂房如今变成了孵化器" in art.paragraphs[1]


def test_page_furniture_glued_to_a_headline_and_cut_at_the_edge_stays_furniture(vocab):
    # a line-joined page cut every 13 characters: …园区动态　　第 / 3版衡阳高新区：… (the spaced-out
    # furniture is no line printed twice, 第 leaves its line open): the headline keeps no 3版
    page = sample("column_edge_furniture_glued_to_headline.txt", vocab)
    assert_every_line_placed(page)
    hengyang, xiangtan = page.articles
    assert (hengyang.title, hengyang.authors) == ("衡阳高新区：电子信息产业营收增长两成", ("刘澜",))
    assert hengyang.paragraphs[0].startswith("今年以来，衡阳高新区")
    assert xiangtan.authors == ("叶建平", "郑晓雯")


def test_a_byline_marker_cut_at_the_edge_joins_the_line_below(vocab):
    # a line-joined page cut every 11 characters: …勃勃生机本报 / 通讯员 张明华　李晓雯 / 在常州高新区，…:
    # 本报通讯员 runs across the edge, the names' line a piece of the line-joined line, cut as any
    page = sample("column_edge_byline_marker_cut.txt", vocab)
    assert_every_line_placed(page)
    (art,) = page.articles
    assert (art.title, art.authors) == ("常州高新区：智能制造老产业焕发出勃勃生机", ("张明华", "李晓雯"))
    assert art.paragraphs[0].startswith("在常州高新区，一家电气企业")
