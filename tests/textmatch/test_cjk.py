"""One definition of a Chinese character and of sentence ends (builder/textmatch/cjk.py)."""
from __future__ import annotations

import re

from builder.enrich.keywords import _WORD
from builder.textmatch.cjk import CJK_RUN, SENTENCE_END, is_cjk, is_cjkish, remove_cjk_spaces
from builder.vocab.rule_files import rules_for
from conftest import ROOT

# The evaluation's scoring
# writes the shared scorer's classes character for character, so that its figures equal
# that scorer's (tests/eval/test_scoring_agrees.py): its ranges are the scorer's, not ours.
NOT_YET = ("builder/evaluation/scoring.py",)


def test_extension_a_characters_are_chinese_for_every_stage():
    ext_a = "\u3400\u4dbf"  # 㐀 and the last of Extension A
    assert is_cjk(ext_a[0]) and is_cjk(ext_a[1]) and is_cjk("高")
    assert not is_cjk("A") and not is_cjk("，") and is_cjkish("，")
    assert CJK_RUN.fullmatch("㐀高新区")
    assert _WORD.match("㐀区")  # a tag candidate agrees with a headline word


def test_spaces_go_between_chinese_and_stay_between_latin_words():
    assert remove_cjk_spaces("高 新 区 AI 5G 产业") == "高新区AI 5G产业"
    assert remove_cjk_spaces("Hello world") == "Hello world"


def test_the_rules_default_to_the_one_list_of_sentence_ends():
    assert rules_for().sentence_end == SENTENCE_END


def test_no_module_writes_its_own_range_of_chinese_characters():
    own = re.compile(r"\\u4e00|\\u3400|[\u4e00]-|\u3400-")
    offenders = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "builder").rglob("*.py"))
                 if p.name != "cjk.py" and not p.relative_to(ROOT).as_posix().startswith(NOT_YET)
                 and own.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
