"""Key figures a reader can quote: whole-word labels that say what the number measures, and its kind."""
from __future__ import annotations

import pytest

from builder.enrich.figures import find_figures
from builder.model import Figure
from enrich_samples import sample, sample_vocabulary


@pytest.fixture(scope="module")
def vocab(tmp_path_factory):
    return sample_vocabulary(tmp_path_factory.mktemp("vocab"))


def found(text, vocab):
    return {(f.value + f.unit): f for f in find_figures("", [text], vocab)}


def test_label_starts_on_a_whole_word_not_inside_a_place_adjective(vocab):
    got = found("5年来，株洲中国动力谷自主创新园累计引进湖南省级以上创新人才16名，累计申请和在申的知识产权达1563项。", vocab)
    assert got["16名"].label != "级以上创新人才"
    assert got["16名"].label.endswith("级以上创新人才") and got["16名"].label[0] in "省湖"


def test_count_followed_by_its_noun_is_labelled_by_that_noun(vocab):
    got = found("实现地市级经济管理权限、24个部门169项权限一次性授权到位。", vocab)
    assert (got["24个"].label, got["169项"].label) == ("部门", "权限")
    assert found("玉溪市10个全产业链专班启动运行、集中办公。", vocab)["10个"].label == "全产业链专班"


def test_label_without_a_noun_is_no_figure(vocab):
    got = found("符合税收政策规定的，按减50%计入科技人员“工资、薪酬所得”。", vocab)
    assert "50%" not in got


def test_leading_prepositions_and_conjunctions_are_not_part_of_the_label(vocab):
    assert found("以现金99亿元收购台湾地区可成集团持有的股权。", vocab)["99亿元"].label == "现金"
    got = found("累计引进或培养软件技术人才不少于5万人，并给予一定资金支持。", vocab)
    assert not got["5万人"].label.startswith("或") and not got["5万人"].label.endswith("不少于")


@pytest.mark.parametrize("text, value, kind", [
    ("2024年一季度授权发明专利228件，同比增长39.88%。", "39.88%", "change"),
    ("2024年一季度授权发明专利228件，同比增长39.88%。", "228件", "level"),
    ("智能终端产业营收占钱塘新区数字经济核心产业营收的70%左右，集成电路产业占比为21%左右。", "70%", "share"),
    ("智能终端产业营收占钱塘新区数字经济核心产业营收的70%左右，集成电路产业占比为21%左右。", "21%", "share"),
    ("企业研发经费内部支出占营业收入比例由1.96%增长至2.33%。", "2.33%", "share"),
    ("在这里，产业工人从繁重的体力劳动中解脱出来已变为现实，且薪酬提高了30%左右。", "30%", "change"),
    ("从生产成本看，智能化改造后降低人力成本52%，整体运营成本降低20%以上。", "52%", "change"),
])
def test_kind_says_level_change_or_share(vocab, text, value, kind):
    assert found(text, vocab)[value].kind == kind


def test_end_value_of_a_change_is_a_level_not_the_change(vocab):
    got = found("乌镇的数字经济企业数量也从12家增长到1165家。", vocab)
    assert got["1165家"].kind == "level" and not got["1165家"].label.endswith("增长")


def test_seed_figures_have_no_cut_off_labels(vocab):
    bad = {("16", "名", "级以上创新人才"), ("169", "项", "部门"), ("50", "%", "按减")}
    for title in ("株洲高新区", "衢州高新区", "济宁高新区"):
        s = sample(title)
        for f in find_figures(s["title"], s["paragraphs"], vocab):
            assert (f.value, f.unit, f.label) not in bad
            assert f.kind in ("level", "change", "share")


def test_figure_kind_defaults_to_level():
    assert Figure("产值", "6.18", "亿元", "产值6.18亿元。").kind == "level"


def test_a_change_from_one_value_to_another_gives_two_levels_of_one_label(vocab):
    got = found("其中产线前期准备调节时间由原来的2小时，良品率也由原来的70%提升到了90%。", vocab)
    assert (got["70%"].label, got["70%"].kind) == ("良品率", "level")
    assert (got["90%"].label, got["90%"].kind) == ("良品率", "level")
