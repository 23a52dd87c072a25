"""Pages where a tool joined the printed lines until a sentence ended (tests/samples/segment/joined_*):
a headline glued to the front of its first sentence, several headlines (and the byline that
closed the article before) glued on one line, captions, credits, notices and furniture glued into
the text (inside a sentence, between printed spaces or with none; before a paragraph's end printed again).
Each is split off again by the signs segment/joined.py weighs, and the placement note says which."""
from __future__ import annotations

from segment_helpers import assert_every_line_placed, body, build, first_sentence, last_sentence, sample, vocab  # noqa: F401 (vocab is a fixture)

from builder.segment.joined import line_joined
from builder.vocab.rule_files import rules_for


def test_headline_glued_to_its_first_sentence_is_split_off(vocab):
    page = sample("joined_headline_first_sentence.txt", vocab)
    assert_every_line_placed(page)
    ningbo, weihai, hengyang, wuzhen = page.articles
    # a news opening follows the headline
    assert ningbo.title == "宁波高新区：数据知识产权质押融资落地"
    assert first_sentence(ningbo) == "近日，宁波高新区首单数据知识产权质押融资落地，授信金额达1000万元。"
    # no byline, no lead, no news opening: the space, the headline's form and its words in the body decide
    assert weihai.title == "威海高新区：智能网联汽车测试里程突破百万公里"
    assert first_sentence(weihai).startswith("一辆没有方向盘的无人驾驶小巴")
    assert "plain sentence" in page.placements[3].note and "space" in page.placements[3].note
    # kicker and headline glued together, then the names of a bare byline
    assert (hengyang.kicker, hengyang.title) == ("“五向”发力“四链”融合", "衡阳高新区打造“数智工匠”摇篮")
    assert hengyang.authors == ("邓小山", "彭彬")
    assert first_sentence(hengyang) == "近日，衡阳市域产教联合体在衡阳智造谷揭牌。"
    # nothing printed between the pieces: a person's name glued between headline and text
    assert wuzhen.title == "桐乡乌镇：“红色引擎”激发产业动能"
    assert wuzhen.authors == ("陆俊杰",)
    assert first_sentence(wuzhen) == "桐乡乌镇是世界互联网大会永久举办地。"


def test_several_headlines_glued_on_one_line_are_each_matched_to_their_body(vocab):
    page = sample("joined_headline_cluster.txt", vocab)
    assert_every_line_placed(page)
    changzhou, chenzhou, yichang, hengyang, xiangtan = page.articles
    # the article cut at the page edge keeps its sentence left open, and nothing of the headlines after it
    assert last_sentence(changzhou).startswith("常州高新区负责人表示") and "宜昌" not in body(changzhou)
    # two headlines glued before a lead: the one whose words its text uses heads it, the other heads the
    # article printed further down with no headline of its own
    assert chenzhou.title == "郴州高新区：有色金属精深加工项目投产" and chenzhou.authors == ("刘强",)
    assert first_sentence(chenzhou) == "日前，郴州高新区一家企业的高纯铟生产线投产，年产高纯铟50吨。"
    assert yichang.title == "宜昌高新区：生物医药产业园开园"
    assert first_sentence(yichang).startswith("近日，宜昌高新区生物医药产业园正式开园")
    assert "headlines glued together" in page.placements[2].note
    # the names that closed an article, then a headline alone at the end of the line
    assert yichang.authors == ("钱悦",)
    assert hengyang.title == "衡阳高新区：“数智工匠”培养基地揭牌"
    assert first_sentence(hengyang) == "衡阳高新区“数智工匠”培养基地日前揭牌，首期招收学员300名。"
    # the names that closed an article glued to the next one's lead
    assert hengyang.authors == ("王力", "李敏")
    assert first_sentence(xiangtan) == "近日，湘潭高新区储能电池产业园首期投产，年产储能电池10吉瓦时。"
    assert "lead" in page.placements[10].note


def test_captions_credits_notices_and_furniture_glued_into_the_text_leave_it(vocab):
    page = sample("joined_captions_furniture.txt", vocab)
    assert_every_line_placed(page)
    weifang, xianyang = page.articles
    assert page.issue_date == "2024-09-02"
    # the caption and the credit that cut a sentence are taken out and the sentence joined again
    assert "一家功率半导体企业负责人介绍，企业的设计团队和制造基地相距不到10公里，新产品从流片到封装只需四周左右，" \
           "比过去缩短了一半以上。" in weifang.paragraphs
    assert "图为" not in body(weifang) and "摄" not in body(weifang)
    # a notice glued after the closing byline is no part of the article; the byline still closes it
    assert weifang.authors == ("钱悦",) and "更正" not in body(weifang)
    assert last_sentence(weifang) == "潍坊高新区有关负责人表示，将继续延链补链，建设具有全国影响力的集成电路产业高地。"
    assert "notice glued after the text left out" in page.placements[4].note
    # a caption glued between the byline and the first sentence
    assert xianyang.authors == ("乔卫东",) and "全景图" not in body(xianyang)
    assert first_sentence(xianyang).startswith("今年前8个月，咸阳高新区")
    # the continuation marker and the editors' line glued after the last (open) sentence
    assert last_sentence(xianyang).endswith("研发投入同比增长")
    assert "下转" not in body(xianyang) and "编辑" not in body(xianyang)
    assert "glued to the end left out" in page.placements[8].note


def test_the_end_of_a_paragraph_printed_again_behind_glued_captions_is_read_once(vocab):
    # the captions of a photo glued before the sentence's tail printed again after it: the front is
    # a caption, the copy is read once
    page = sample("joined_repeat_behind_captions.txt", vocab)
    assert_every_line_placed(page)
    ningbo, quzhou = page.articles
    assert body(ningbo).count("项目推进跑出了“加速度”") == 1 and "软件园项目加快推进" not in body(ningbo)
    assert ningbo.captions == ("软件园项目加快推进工业软件研发中心",)
    assert "text printed before at line 2" in page.placements[2].note
    assert len(ningbo.paragraphs) == 4 and len(quzhou.paragraphs) == 4


def test_a_caption_set_between_printed_spaces_inside_a_sentence_leaves_it(vocab):
    # a piece between two printed spaces ending with a word that ends captions (全景图); one ending
    # in another word (版图) is text
    page = sample("joined_caption_between_spaces.txt", vocab)
    assert_every_line_placed(page)
    ningbo, quzhou = page.articles
    assert "推动园区企业的技术进步和产品升级，实现软件产业集群式发展。" in body(ningbo)
    assert ningbo.captions == ("宁波高新区软件产业园全景图",)
    assert "开拓了新材料产业发展的全新版图推动产业向高端延伸。" in body(quzhou) and quzhou.captions == ()


def test_a_caption_naming_the_headlines_subject_glued_inside_a_sentence_with_no_space_leaves_it(vocab):
    # no space printed anywhere: the caption runs from the subject a headline names
    # (浙江大学宁波研究院：…) to the word that ends captions (全景图), the sentence going on after it
    page = sample("joined_caption_naming_subject.txt", vocab)
    assert_every_line_placed(page)
    institute, quzhou = page.articles
    assert institute.title == "浙江大学宁波研究院：聚焦科技创新赋能产业升级"
    assert "推动企业的技术进步和产品升级，实现创新资源共享。" in body(institute)
    assert institute.captions == ("浙江大学宁波研究院园区全景图",)
    assert quzhou.captions == () and len(quzhou.paragraphs) == 4


def test_bylines_glued_to_what_follows_them_close_their_article(vocab):
    """Bylines glued to a sentence, a notice or a heading's mark, a credit's source glued to the text,
    and a headline glued with nothing to show its end but the article closed on the line before."""
    page = sample("joined_bylines_glued.txt", vocab)
    assert_every_line_placed(page)
    quzhou, jiaxing, taizhou, weifang, capital = page.articles
    # a name with no common surname glued to the first sentence ends the byline there
    assert quzhou.authors[:2] == ("刘洋", "帕提古丽")
    assert first_sentence(quzhou).startswith("今年以来，新疆的新能源装备企业")
    # the source after a credit's label runs up to where a sentence opens (为了…)
    assert "党群工作部" not in body(quzhou) and quzhou.paragraphs[1].startswith("为了让企业安心投产")
    # the byline that closed an article, glued after its last sentence with the next article's text
    assert quzhou.authors[2:] == ("赵一鸣", "孙晓彤") and first_sentence(jiaxing).startswith("嘉兴高新区的一家传感器企业")
    assert "next paragraph glued after a paragraph" in page.placements[3].note
    # a byline with a heading's mark glued after it: the marked rest opens with a headline
    assert jiaxing.authors == ("吴建华",) and taizhou.title == "台州高新区模具产业集群迈向高端"
    assert first_sentence(taizhou).startswith("台州高新区一家精密模具企业")
    assert "marked as a heading" in page.placements[7].note
    # a notice glued after the closing byline is no part of any article
    assert taizhou.authors == ("周明",) and weifang.title == "潍坊高新区：动力电池产业链持续壮大"
    assert not any("征订" in body(a) for a in page.articles)
    # no space, no form: the closing statement on the line before and the name after the headline decide
    assert capital.title == "让“耐心资本”陪伴科技企业成长" and capital.authors == ("沈立新",)
    assert first_sentence(capital).startswith("科技型企业从实验室走向市场")
    assert "closes an article" in page.placements[14].note


def test_a_subject_headline_glued_with_no_space_runs_on_as_far_as_the_signs_hold(vocab):
    """No space, no byline, no opening: the headline's form, its words in the body and the closing
    statement on the line before say a headline opens the line; it ends where they hold last, not
    at the first place they do (突破|百万公里), and not on 一 and a measure word (公里一辆|)."""
    page = sample("joined_plain_front.txt", vocab)
    assert_every_line_placed(page)
    yulin, baiyin = page.articles
    assert baiyin.title == "白银高新区：无人驾驶公交运营里程突破百万公里"
    assert first_sentence(baiyin).startswith("一辆没有方向盘的无人驾驶公交车")
    assert "closes an article" in page.placements[3].note
    assert last_sentence(yulin).startswith("榆林高新区有关负责人表示")


def test_a_page_as_printed_is_not_taken_for_a_line_joined_one(vocab):
    """The page's own line shape decides: a page that sets its headlines on lines of their own is not
    line-joined, whatever its paragraphs look like."""
    rules = rules_for()
    joined = sample("joined_headline_first_sentence.txt", vocab)
    assert line_joined(joined.page and tuple(_lines(joined.page.text, vocab)), rules)
    printed = "宁波高新区：数据知识产权质押融资落地\n" + "\n".join(
        f"宁波高新区第{i}家企业获得数据知识产权质押授信，金额达{i}00万元。" for i in range(1, 21))
    assert not line_joined(tuple(_lines(printed, vocab)), rules)
    art, = build(printed, vocab).articles
    assert art.title == "宁波高新区：数据知识产权质押融资落地"


def _lines(text: str, vocab):
    from builder.model import Page
    from builder.repair import repair_page
    return repair_page(Page("p.txt", text), vocab).lines


def test_a_marked_headline_glued_to_the_rest_of_a_sentence_begun_on_another_page_is_split_off(vocab):
    """# …在咸阳高新区投产胶囊等12个产品…, # …指数发布298家，…: no space, no form, no opening; the line is
    marked as a heading and the text goes on a sentence begun elsewhere (a list ending in 等, a figure
    with its measure word, a lone character no sentence opens with), at the last place it can in the
    first clause."""
    page = sample("joined_marked_headline_mid_sentence.txt", vocab)
    assert_every_line_placed(page)
    xianyang, changzhou, liaocheng = page.articles
    assert xianyang.title == "一批生物药项目在咸阳高新区投产"
    assert first_sentence(xianyang) == "胶囊等12个产品将于11月正式上市销售。"
    assert changzhou.title == "常州高新区工业互联网指数发布"
    assert first_sentence(changzhou).startswith("298家，企业研发经费")
    assert "a sentence begun on another page" in page.placements[0].note
    # no surer sign: a lone first character that seldom opens a sentence (鲁银行 for 齐鲁银行)
    assert liaocheng.title == "聊城高新区金融服务为企业“精准输血”" and liaocheng.authors == ()
    assert first_sentence(liaocheng) == "鲁银行及两家城商行组成的银团签约12亿元。"
