"""Issue dates read from a page's furniture, its file name, or the editors' seeds/pages.yaml."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.dates import EDITORS, FILE_NAME, FURNITURE, date_line, from_file_name, issue_dates, load_date_rules
from builder.dates.pages_file import load_pages_file
from conftest import ROOT
from builder.sources import read_pages

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "dates"
DATA = ROOT / "builder" / "data"


@pytest.fixture(scope="module")
def rules():
    return load_date_rules(DATA)


@pytest.fixture(scope="module")
def samples():
    pages, problems = read_pages(SAMPLES)
    assert not problems
    return {p.name: p for p in pages}


def test_masthead_in_chinese_numerals_dates_the_page_with_its_page_number_and_section(samples):
    info = issue_dates([samples["masthead_chinese_numerals.txt"]], DATA, {})["masthead_chinese_numerals.txt"]
    # the article's own 2023年6月17日 is a date in a sentence, not the issue date
    assert (info.date, info.page_no, info.section, info.source, info.line) == ("2024-09-02", 3, "区域·创新", FURNITURE, 3)


def test_masthead_glued_to_the_first_headline_still_dates_the_page(samples):
    info = issue_dates([samples["masthead_glued_to_headline.txt"]], DATA, {})["masthead_glued_to_headline.txt"]
    assert (info.date, info.page_no, info.section) == ("2024-10-14", 10, "地方传真")


def test_dates_inside_sentences_are_not_issue_dates(samples):
    info = issue_dates([samples["dates_in_sentences_only.txt"]], DATA, {})["dates_in_sentences_only.txt"]
    assert info.date is None and info.source is None


def test_a_date_in_the_file_name_dates_a_page_without_furniture(samples):
    info = issue_dates([samples["2024-06-17_dated_file_name.txt"]], DATA, {})["2024-06-17_dated_file_name.txt"]
    assert (info.date, info.source) == ("2024-06-17", FILE_NAME)


@pytest.mark.parametrize("name, date", [
    ("20240617-a.txt", "2024-06-17"), ("page_2024_06_17.txt", "2024-06-17"),
    ("000_e871fc29704ad4c6.txt", None),   # digits inside a hash are no date
    ("2024-13-01_x.txt", None),           # no 13th month
    ("a20240617b.txt", None),
])
def test_file_name_dates(rules, name, date):
    assert from_file_name(name, rules) == date


@pytest.mark.parametrize("line, found", [
    ("2024年9月30日　星期一　　第6版　园区动态", ("2024-09-30", 6, "园区动态")),
    ("04　　综合新闻　　　　2024年9月16日　星期一", ("2024-09-16", 4, "综合新闻")),
    ("2024.9.23　周一　第5版", ("2024-09-23", 5, None)),
    ("2024年10月21日　星期一　农历九月十九", ("2024-10-21", None, None)),
    ("二〇二四年十二月三十一日 星期二 第十二版 要闻", ("2024-12-31", 12, "要闻")),
    ("CHINA HI-TECH INDUSTRY HERALD　2024年9月30日", ("2024-09-30", None, None)),
    ("2024年6月17日，衡阳高新区举行集中签约仪式。", None),
    ("本报9月9日3版刊登的《园区企业研发投入稳步增长》一文", None),
    ("2024年2月30日　星期五", None),
])
def test_date_lines(rules, line, found):
    assert date_line(line, rules) == found


def test_the_seeds_print_no_date_and_are_undated():
    pages, _ = read_pages(ROOT / "seeds")
    assert {i.date for i in issue_dates(pages, DATA, {}).values()} == {None}


def test_editors_pages_file_wins_and_is_checked_key_by_key(tmp_path, samples):
    path = tmp_path / "pages.yaml"
    path.write_text(
        "masthead_chinese_numerals.txt:\n  date: 2024-09-03\n  page: 4\n"
        "dates_in_sentences_only.txt:\n  date: 2024-02-30\n  section: 要闻\n  colour: red\n"
        "missing.txt:\n  date: 2024-01-01\n", encoding="utf-8")
    entries, problems = load_pages_file(path, samples)
    infos = issue_dates(list(samples.values()), DATA, entries)
    first = infos["masthead_chinese_numerals.txt"]
    assert (first.date, first.page_no, first.section, first.source) == ("2024-09-03", 4, "区域·创新", EDITORS)
    # the bad date is refused, the good section of the same entry still applies
    assert (infos["dates_in_sentences_only.txt"].date, infos["dates_in_sentences_only.txt"].section) == (None, "要闻")
    reasons = {(p.line, p.reason) for p in problems}
    assert all(p.file == str(path) for p in problems)
    assert any(line == 5 and "date" in r and "2024-02-30" in r for line, r in reasons)
    assert any(line == 7 and "colour" in r for line, r in reasons)
    assert any("missing.txt" in r for _, r in reasons)


def test_pages_file_syntax_error_names_its_line(tmp_path):
    path = tmp_path / "pages.yaml"
    path.write_text("a.txt:\n  date: 2024-06-17\nb.txt:\n  date: [2024\n", encoding="utf-8")
    entries, problems = load_pages_file(path, ["a.txt", "b.txt"])
    assert entries == {} and len(problems) == 1
    # The line where the broken piece starts (the unclosed bracket), not where the parser gave up.
    assert problems[0].line == 4 and "YAML" in problems[0].reason


def test_a_signature_date_at_the_foot_of_a_notice_is_not_the_issue_date(rules):
    from builder.dates import from_lines
    lines = ("合肥高新区：量子信息产业加速成长", "", "本报讯 合肥高新区举行量子信息产业推进会。", "会议要求各单位抓好落实。",
             "更正说明", "本报日前刊登的报道中，企业名称有误，特此更正。", "本报编辑部", "2024年9月10日")
    assert from_lines(lines, rules).date is None
    # the same bare date at the top of a page is its masthead
    assert from_lines(("2024年9月10日",) + lines[:4], rules).date == "2024-09-10"


def test_a_column_label_right_against_the_date_line_is_the_section(rules):
    from builder.dates import from_lines
    info = from_lines(("观察·思考", "2024.9.23　周一　第5版", "", "佛山高新区：制造业加快数字化转型"), rules)
    assert (info.date, info.page_no, info.section) == ("2024-09-23", 5, "观察·思考")
    # a kicker set apart by a blank line is not a section
    assert from_lines(("双创建设", "", "2024年9月23日　星期一", ""), rules).section is None


def test_a_wrong_pages_file_is_reported_and_the_build_goes_on(tmp_path):
    import shutil
    from builder.pipeline import build_digest
    from builder.settings import Settings
    from builder.site import render_site
    from builder.vocab import default_vocabulary
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLES / "masthead_chinese_numerals.txt", seeds)
    (seeds / "pages.yaml").write_text("masthead_chinese_numerals.txt:\n  date: 2024-9-31\n  colour: red\n",
                                      encoding="utf-8")
    digest = build_digest(Settings.for_seeds(seeds, cache_dir=None))
    problems = [p for p in digest.problems if p.kind == "pages"]
    assert [p.line for p in problems] == [2, 3]
    assert problems[0].message.startswith("page date not applied:") and "pages.yaml:2" in problems[0].message
    assert digest.entries and {e.date for e in digest.entries} == {"2024-09-02"}  # the furniture's date stands
    report = render_site(digest, default_vocabulary(), ROOT / "site_templates")["report.md"]
    assert "未知的键 colour" in report and "date 不是有效日期" in report
