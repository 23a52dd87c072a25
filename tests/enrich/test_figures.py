"""Key figures from sentences of the seed pages: the measured thing, the value, the unit, the sentence."""
from __future__ import annotations

import pytest

from builder.enrich.figures import find_figures
from enrich_samples import sample, sample_vocabulary


@pytest.fixture(scope="module")
def vocab(tmp_path_factory):
    return sample_vocabulary(tmp_path_factory.mktemp("vocab"))


def figures(text, vocab, title=""):
    return [(f.label, f.value, f.unit) for f in find_figures(title, [text], vocab)]


def test_planned_investment(vocab):
    text = "据了解，此次集中开工活动的项目共有7个，计划总投资额35.8亿元。"
    got = figures(text, vocab)
    assert ("计划总投资额", "35.8", "亿元") in got
    assert find_figures("", [text], vocab)[-1].sentence == text


def test_growth_rate_label_drops_time_and_zone(vocab):
    text = "本报讯 近日获悉，今年一季度， 宜昌高新区规模以上工业总产值同比增长28.78%，规模以上工业增加值增长23.9%。"
    got = figures(text, vocab)
    assert got[:2] == [("规模以上工业总产值同比增长", "28.78", "%"), ("规模以上工业增加值增长", "23.9", "%")]


def test_count_takes_the_noun_after_the_unit_when_a_verb_precedes(vocab):
    text = "其中，山东省电子竞技威海基地项目总投资4亿元，计划建设5万平方米电竞综合体及配套基础设施。"
    got = figures(text, vocab)
    assert ("电竞综合体", "5", "万平方米") in got
    assert any(v == "4" and u == "亿元" and label.endswith("总投资") for label, v, u in got)


def test_change_word_takes_the_label_before_it(vocab):
    text = "2023年，宜昌高新区实施技改项目52个，投资额达36亿元，同比增长66%。"
    got = figures(text, vocab)
    assert ("投资额", "36", "亿元") in got
    assert ("投资额同比增长", "66", "%") in got


def test_durations_ranks_and_spaced_numbers(vocab):
    got = figures("抢抓风口和机遇，东昱欣晟公司3个月完成产值6.18亿元。", vocab)
    assert got == [("产值", "6.18", "亿元")]
    assert figures("衢州高新区在全国600余家化工园区综合评价中位列第24位。", vocab)[0][1:] == ("600", "家")
    assert all(v != "24" for _, v, _ in figures("衢州高新区位列第24位。", vocab))
    # 003 prints spaces inside numbers and units
    assert ("总投资", "10.2", "亿元") in figures("6 个项目集中签约，总投资 10.2 亿元，实现了新年开门红。", vocab)


def test_at_most_eight_figures_in_text_order(vocab):
    s = sample("杭州高新区")
    found = find_figures(s["title"], s["paragraphs"], vocab)
    assert 3 <= len(found) <= 8
    text = "\n".join(s["paragraphs"])
    positions = [text.find(f.value + f.unit) for f in found]
    assert positions == sorted(positions)
    assert all(f.sentence and f.value + f.unit in f.sentence.replace(" ", "") for f in found)
