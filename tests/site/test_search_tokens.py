"""How the builder cuts text into search tokens and writes their codes (builder/site/search.py);
the browser's side is compared with it in tests/site/test_search.py."""
from __future__ import annotations

import re

from builder.site import search
from builder.vocab import load_vocabulary


def test_every_two_adjacent_chinese_characters_are_a_token():
    assert search.token_runs("衡阳高新区") == [["衡阳", "阳高", "高新", "新区"]]


def test_punctuation_and_spaces_end_a_run_and_a_lone_character_gives_nothing():
    assert search.token_runs("高新，区 园") == [["高新"]]


def test_latin_words_and_numbers_are_tokens_with_the_characters_they_touch():
    assert search.token_runs("2023年以来") == [["2023", "2023年", "年以", "以来"]]
    assert search.token_runs("的5G网络") == [["的5g", "5g", "5g网", "网络"]]


def test_full_width_and_capital_letters_are_read_as_the_query_is():
    assert search.token_runs("ＡＩ赋能") == search.token_runs("ai赋能")


def test_a_query_is_a_run_of_the_tokens_of_any_text_holding_it():
    text = "衡阳市开启批量培育“数智工匠”崭新篇章，2022年9月新成立装备制造学院"
    tokens = [t for run in search.token_runs(text) for t in run]
    for query in ("数智工匠", "智工", "批量培育", "2022年9月", "9月新成立"):
        (q,) = search.token_runs(query)
        assert any(tokens[i:i + len(q)] == q for i in range(len(tokens))), query


def test_codes_are_six_letters_and_tell_tokens_apart():
    words = {search.code(a + b) for a in "高新区园科技创业" for b in "高新区园科技创业"}
    assert len(words) == 64 and all(re.fullmatch("[a-z]{6}", w) for w in words)
    assert search.code("𠀀𠀁") != search.code("𠀀𠀂")  # characters beyond the BMP: two UTF-16 units each


def test_field_holds_the_headline_in_its_first_slots_then_the_text_between_two_marks():
    field = search.terms_field("园区发展。", "衡阳高新区").split(" ")
    assert field[0] == field[-1] == search.FIELD_MARK and search.FIELD_MARK not in field[1:-1]
    assert field[1:5] == [search.code(t) for t in ("衡阳", "阳高", "高新", "新区")]
    assert field[search.TITLE_SLOTS:-1] == [search.code(t) for t in ("园区", "区发", "发展")]
    assert set(field[5:search.TITLE_SLOTS]) == {search.RUN_BREAK}
    assert all(w.isascii() for w in field[1:-1])


def test_pinyin_table_reads_place_names_of_the_gazetteer():
    table = search.pinyin_table(load_vocabulary().gazetteer)
    assert table["hengyang"] == ["衡阳"]
    assert {"台州", "泰州"} <= set(table["taizhou"])  # two places read alike: both are searched
    assert table["lvliang"] == table["luliang"] == ["吕梁"]  # ü typed v or u
    assert "松山湖" in table["songshanhu"]
    assert all(re.fullmatch("[a-z]+", k) for k in table)


def test_filter_values_are_codes_after_the_text_that_no_text_token_can_have():
    field = search.terms_field("园区发展", "衡阳", [("province", "湖南")]).split(" ")
    assert field[-3:] == [search.RUN_BREAK, search.facet_code("province", "湖南"), search.FIELD_MARK]
    assert search.facet_code("province", "湖南") == search.code("province:湖南")
    assert all(":" not in t for run in search.token_runs("province:湖南") for t in run)


def test_runs_are_two_positions_apart_so_no_query_spans_two():
    # The box asks for tokens two positions apart (生产 and 基地 for 生产基地): 生产、基地 must not match.
    field = search.terms_field("生产、基地", "").split(" ")
    body = field[search.TITLE_SLOTS:-1]
    assert body == [search.code("生产"), search.RUN_BREAK, search.RUN_BREAK, search.code("基地")]
