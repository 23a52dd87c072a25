"""Punctuation repair on single lines: widths follow the context, parentheses stay paired."""
from builder.rules import rules_for
from builder.textfix import fullwidth_punct


def test_parentheses_take_the_width_of_their_pair():
    rules = rules_for()
    assert fullwidth_punct("杭州高新区(滨江)", rules) == "杭州高新区（滨江）"
    assert fullwidth_punct("5G(第五代)技术", rules) == "5G（第五代）技术"
    # Code or Latin text inside a Chinese sentence keeps both of its half-width marks.
    assert fullwidth_punct("执行 alert(2) 的脚本", rules) == "执行 alert(2) 的脚本"
    assert fullwidth_punct("规模(亿元):10.5", rules) == "规模（亿元）：10.5"
