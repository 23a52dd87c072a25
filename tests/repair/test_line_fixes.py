"""Punctuation repair on single lines: widths follow the context, parentheses stay paired."""
from builder.vocab.rule_files import rules_for
from builder.segment.duplicates import norm
from builder.repair.line_fixes import fix_misreadings, fullwidth_punct, strip_markup, undouble


def test_parentheses_take_the_width_of_their_pair():
    rules = rules_for()
    assert fullwidth_punct("杭州高新区(滨江)", rules) == "杭州高新区（滨江）"
    assert fullwidth_punct("5G(第五代)技术", rules) == "5G（第五代）技术"
    # Code or Latin text inside a Chinese sentence keeps both of its half-width marks.
    assert fullwidth_punct("执行 alert(2) 的脚本", rules) == "执行 alert(2) 的脚本"
    assert fullwidth_punct("规模(亿元):10.5", rules) == "规模（亿元）：10.5"


def test_marks_next_to_spaces_take_the_width_of_the_nearest_characters():
    rules = rules_for()
    assert fullwidth_punct("总投资 , 10.5亿元", rules) == "总投资 ， 10.5亿元"
    assert fullwidth_punct("version 1 , 2", rules) == "version 1 , 2"
    assert fullwidth_punct(" ,", rules) == " ,"


def test_substitutions_after_one_that_made_their_match():
    # The markup list is applied in turn: removing <b> leaves a heading mark the next rule strips.
    rules = rules_for()
    assert strip_markup("<b>## 衡阳高新区</b>", rules) == ("衡阳高新区", 0)
    assert strip_markup("## 衡阳高新区", rules) == ("衡阳高新区", 2)
    assert fix_misreadings("企业人驻园区，布局 and 核心", rules) == "企业入驻园区，布局和核心"
    assert fix_misreadings("个人股与资深人士", rules) == "个人股与资深人士"


def test_repeated_text_is_compared_without_marks_and_with_compatibility_forms_unified():
    assert norm("“数智工匠”，摇篮。") == norm("数智工匠摇篮") == "数智工匠摇篮"
    assert norm("ＡＢ１２３ 项目（一期）") == "AB123项目一期"
    assert norm("室温25℃，面积1000㎡") == "室温25C面积1000m2"  # symbols that normalize to letters keep them
    assert norm("，。！ ,.") == ""


def test_in_a_chinese_line_marks_widen_unless_latin_letters_or_digits_stand_on_both_sides():
    rules = rules_for()
    assert fullwidth_punct("增长10,000元,同比增长5%;a, b", rules) == "增长10,000元，同比增长5%；a, b"
    assert fullwidth_punct("时间10:30,地点:高新区", rules) == "时间10:30，地点：高新区"
    assert fullwidth_punct("a,,b中", rules) == "a，，b中"  # a mark next to a mark is not between Latin words
    assert fullwidth_punct('他说:"好(很好)!"', rules) == "他说：“好（很好）！”"


def test_a_straight_quote_after_a_curly_one_turns_the_other_way():
    rules = rules_for()
    quotes = {'"': True, "'": True}
    assert fullwidth_punct('生产在孝感,"一小时通勤圈”', rules, quotes) == "生产在孝感，“一小时通勤圈”"
    assert fullwidth_punct('从“一个团队"到"一批企业"', rules, quotes) == "从“一个团队”到“一批企业”"
    # a quotation opened with a curly quote and closed straight on the next line
    assert fullwidth_punct("“早上在武汉开完会，中午就能", rules, quotes) == "“早上在武汉开完会，中午就能"
    assert fullwidth_punct('到孝感的车间看样品"。', rules, quotes) == "到孝感的车间看样品”。"


def test_a_doubled_headline_undoubles_when_its_marks_are_printed_in_two_widths():
    widths = rules_for().fullwidth  # the pairs of half- and full-width marks
    assert undouble('孝孝感感高高新新区区：:光光电电子子产产业业“"追追光光””前前行行', widths) == "孝感高新区：光电子产业“追光”前行"
    assert undouble("南京高新区南京高新区,，新型研发机构新型研发机构", widths) == "南京高新区，新型研发机构"
    assert undouble("数字经济，钱塘创业创新主战场", widths) == "数字经济，钱塘创业创新主战场"
    # a label's markup taken off leaves a space beside a mark (^{孝孝感感高高新新区区：} ：光光…)
    assert undouble("孝孝感感高高新新区区： ：光光电电子子", widths) == "孝感高新区：光电子"
