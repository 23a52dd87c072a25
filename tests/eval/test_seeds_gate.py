"""Evaluation gate on the real seed pages, in the trafilatura style: what must be
in an article's body, and what must not."""
from __future__ import annotations

import re

import pytest

from segment_helpers import SEEDS, assert_every_line_placed, body, build, first_sentence, last_sentence, norm, vocab  # noqa: F401 (vocab is a fixture)

DEBRIS = {
    "space between Chinese characters": re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]"),
    "markup": re.compile(r"</?mark>|\^\{|^#+ ", re.M),
    "doubled punctuation": re.compile(r"，，|。。|：：|、、"),
    "doubled run of characters": re.compile(r"([\u4e00-\u9fff]{4,})\1"),
}


@pytest.fixture(scope="module")
def pages(vocab):
    return {p.name[:3]: build(p.read_text(encoding="utf-8"), vocab, p.name) for p in sorted(SEEDS.glob("*.txt"))}


def article(pages, page, title_part):
    found = [a for a in pages[page].articles if title_part in a.title]
    assert len(found) == 1, f"{title_part} in {[a.title for a in pages[page].articles]}"
    return found[0]


def test_every_line_placed_and_no_debris(pages):
    for page in pages.values():
        assert_every_line_placed(page)
        for a in page.articles:
            text = a.title + "\n" + "\n".join(a.paragraphs)
            for name, rx in DEBRIS.items():
                assert not rx.search(text), (a.title, name, rx.search(text))


def test_article_counts(pages):
    assert {k: len(p.articles) for k, p in pages.items()} == {"000": 6, "001": 6, "002": 2, "003": 7, "004": 6}


def test_no_article_holds_another_ones_headline(pages):
    for page in pages.values():
        titles = [norm(a.title) for a in page.articles if not a.title_generated]
        for a in page.articles:
            for t in titles:
                if t != norm(a.title):
                    assert t not in norm(body(a)), (a.title, t)


def test_000(pages):
    hy = article(pages, "000", "衡阳高新区打造")
    assert hy.kicker == "“五向”发力“四链”融合"
    assert hy.authors == ("邓小山", "廖承雄", "周奕至", "彭彬")
    assert "以湖南高速铁路职业技术学院、湖南财经工业职业技术学院为牵头学校" in body(hy)
    assert "智改数转，“数智工匠”炙手可热" in [hy.paragraphs[i] for i in hy.subheads]
    ks = article(pages, "000", "昆山高新区聚力")
    assert "超全年任务的50%，科创项目招引，不是只看“吨位”，更看重的是“含金量”“含新量”。" in body(ks)
    assert "重点投向数字经济、新材料、新能源" in body(ks)
    by = [a for a in pages["000"].articles if a.title_generated]
    assert len(by) == 1 and "白银高新区" in by[0].title and not by[0].truncated
    nb = article(pages, "000", "首单数据知识产权质押授信落地")
    assert nb.truncated and "<mark>" not in nb.title
    assert "通过深入企业走访" in body(nb) and "成功入选浙江省数据知识产权专业服务机构名单" in body(nb)
    yc = article(pages, "000", "宜昌高新区")
    assert yc.title == "宜昌高新区：一季度两项指标增速全市第一"
    assert "生产周期约为24-25天，在行业内属于第一梯队。”" in body(yc)
    assert "本报讯" not in body(yc)


def test_001(pages):
    qz = article(pages, "001", "衢州高新区")
    assert body(qz).count("围绕六大主导产业，衢州高新区鼓励企业在优势产业领域精耕细作") == 1
    assert body(qz).count("引进35周岁以下大学生") == 1
    assert qz.captions == ("衢州高新区全景图",) and "全景图" not in body(qz)
    assert qz.authors == ("邓淑华",)
    dg = article(pages, "001", "东莞松山湖高新区")
    assert dg.authors == ("冉雪梅",) and "冉雪梅" not in body(dg) and "通讯员" not in body(dg)
    assert "东莞松山湖高新区重点推进东莞市数字产业集群试点园区" in body(dg)
    assert "数字经济人才培养基地签约仪式" in dg.captions
    assert article(pages, "001", "榆林").authors == ("魏伟",)
    assert "是一种基于定量评价、非传统财政金融的新型政策工具" in body(article(pages, "001", "榆林"))
    assert article(pages, "001", "威海").authors == ("张蕃", "唐凯", "夏树刚")
    assert last_sentence(article(pages, "001", "湘潭")).endswith("创业板上市企业1家的新格局。")


def test_002(pages):
    wz, tz = pages["002"].articles
    assert wz.authors == ("陆俊杰",) and tz.authors == ("罗亚妮", "杨怡")
    assert body(wz).count("精密科技公司副总经理神文浩说") == 1
    assert "服务不停歇" in wz.captions and "服务不停歇" not in body(wz)
    assert "推动仙居医疗器械产业的技术进步和结构调整，实现高新化提升。" in body(tz)
    assert "园区图" not in body(tz) and "浙江大学台州研究院园区图" in tz.captions
    assert "加强产业前瞻布局和核心技术创新" in body(tz) and " and " not in body(tz)
    assert "院区内的入驻企业" in body(tz)
    assert "永宁凤凰学院开展培训" in tz.captions


def test_003(pages):
    qt = article(pages, "003", "钱塘创业创新主战场")
    assert qt.kicker == "双创建设" and qt.authors == ("许莉莎", "竹滢艳")
    assert first_sentence(qt).startswith("近日，浙江省推进“四大建设”工作联席会议办公室公布首批浙江省高能级战略平台培育名单")
    assert last_sentence(qt) == "钱塘新区立足区政合一体制机制优势，已启动编制《钱塘区数字经济三年行动计划2022-2024》，" \
        "计划在场景建设、技术改造等方面对数字经济产业加强扶持力度，为全区高质量发展释放数字经济的澎湃动能。"
    assert "杭州沃镭智能科技股份有限公司生产车间" in qt.captions
    cz = article(pages, "003", "郴州高新区")
    assert cz.authors == ("廖祥",) and "廖祥" not in body(cz)
    assert "郴州市委书记刘志仁指出" in body(cz) and "彬州" not in body(cz)
    hh = article(pages, "003", "怀化高新区")
    assert hh.authors == ("赵志高", "陈雨萌") and "赵志高" not in body(hh)
    assert "寒冬" not in body(hh)
    tz = article(pages, "003", "泰州医药高新区")
    assert first_sentence(tz) == "寒冬挡不住项目建设的热情。"
    assert set(tz.authors) in ({"王馨凤", "李敏"}, {"李东华", "张桃"})
    hn = article(pages, "003", "淮南高新区")
    assert set(hn.authors) in ({"王馨凤", "李敏"}, {"李东华", "张桃"}) and set(hn.authors) != set(tz.authors)
    assert "淮南高新区与灰熊科技公司结缘" in body(hn) and "潍南" not in body(hn)
    assert first_sentence(hn).startswith("“我们公司入驻高新区以后")
    yx = article(pages, "003", "玉溪市制造业")
    assert yx.authors == ("李晓兰", "曾永洪") and "我们公司入驻" not in body(yx)
    my = article(pages, "003", "绵阳高新区")
    assert my.title == "绵阳高新区：工业级智能无人系统联合实验室成立" and my.authors == ("高欣",)
    fixes = pages["003"].fixes
    assert any(f.kind == "place-name" and "彬州" in f.before for f in fixes)
    assert any(f.kind == "place-name" and "潍南" in f.before for f in fixes)
    assert any(f.kind == "doubled" for f in fixes)


def test_004(pages):
    zz = article(pages, "004", "株洲高新区")
    assert zz.authors == ("谢嘉", "李媛") and not zz.truncated
    assert "厦门" not in body(zz) and "石墨烯" not in body(zz)
    assert "德智新材料董事长柴攀称，公司刚入园时" in body(zz)
    assert "15名博士或高层次人才。中国动力谷自主创新园大胆创新" in body(zz)
    assert body(zz).count("全国首个无障碍创新创业平台落户园区") == 1
    assert "图片来源：株洲高新区" in zz.captions
    xm = [a for a in pages["004"].articles if a.title_generated]
    assert len(xm) == 1
    xm = xm[0]
    assert xm.truncated and xm.authors == ("郭伟", "李幼君")
    assert "完善管理及运行机制，完善创新网络平台、加强产业政策梳理及引导" in body(xm)
    assert "中国动力谷" not in body(xm)
    orphan = [p for p in pages["004"].placements if p.role == "unplaced"]
    assert [p.line for p in orphan] == [35]
    for part in ("聊城高新区创新金融", "孙思邈", "智汇营商大脑", "常州高新区工业互联网"):
        a = article(pages, "004", part)
        assert a.truncated and not a.authors
    cz = article(pages, "004", "常州高新区工业互联网")
    assert body(cz).count("另外，该报告还显示") == 1
    assert body(cz).count("值得一提的是") == 1
