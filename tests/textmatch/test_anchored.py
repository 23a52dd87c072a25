"""A rule tried only near its needs words finds what a scan of the whole text finds."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.textmatch.anchored import AnchoredRule
from builder.textmatch.regex_facts import longest_match, required_text
from builder.enrich.places import place_finder
from builder.vocab import load_vocabulary
from enrich_samples import seed_articles

ROOT = Path(__file__).resolve().parents[2]


def spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


def texts() -> list[str]:
    """Every seed article, every seed page and every damage sample, whole."""
    out = ["\n".join([a["title"] or "", a["kicker"] or "", *a["paragraphs"]]) for a in seed_articles()]
    for folder in (ROOT / "seeds", ROOT / "tests" / "samples" / "segment"):
        out += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return out


@pytest.fixture(scope="module")
def rules():
    return place_finder(load_vocabulary()).rules


def test_every_place_rule_finds_the_same_matches_as_a_whole_scan(rules):
    found = 0
    for kind, rule, _ in rules:
        assert rule.reach is not None, f"{kind} rule is scanned whole: its longest match is unknown"
        for text in texts():
            expected = spans(rule.pattern.finditer(text))
            assert spans(rule.finditer(text)) == expected, (kind, text[:40])
            found += len(expected)
    assert found > 20  # the seeds name zones, towns and institutions these rules find


@pytest.mark.parametrize("text", [
    "甲乙高新区丙丁高新区",          # matches side by side
    "甲乙高新高新区",                # the anchor a few characters after the start
    "高新区甲乙高新区高新区",         # anchors inside and right after a match
    "甲乙丙丁戊己庚高新区",           # the name farther back than the match may reach
    "甲乙经开发区甲乙经开区",         # overlapping needs words
    "",
])
def test_windows_at_the_edges(text):
    rule = AnchoredRule(re.compile("(?:甲乙|丙丁)[\u4e00-\u9fff]{0,2}?(?:高新区|开发区|经开区)"),
                        ("高新区", "开发区", "经开区"))
    assert rule.reach == 7
    assert spans(rule.finditer(text)) == spans(rule.pattern.finditer(text))


def test_an_unbounded_rule_is_scanned_whole_when_a_needs_word_is_printed():
    rule = AnchoredRule(re.compile("甲.*?高新区"), ("高新区",))
    assert longest_match(rule.pattern) is None and rule.reach is None
    assert spans(rule.finditer("甲" + "乙" * 500 + "高新区")) == [(0, 504, "甲" + "乙" * 500 + "高新区")]
    assert spans(rule.finditer("甲" + "乙" * 500)) == []


def test_a_rule_without_needs_words_is_scanned_whole():
    rule = AnchoredRule(re.compile("高新区"))
    assert spans(rule.finditer("甲高新区乙高新区")) == [(1, 4, "高新区"), (5, 8, "高新区")]


@pytest.mark.parametrize("pattern, required", [
    ("人孵", "人孵"),
    ("(?<=成功|获得)人选", "人选"),          # a lookbehind is not part of the match
    ("</?mark>", "mark>"),                  # the longest plain run
    (r"(?<=[\u3400-\u9fff])\s*\band\b\s*", "and"),
    (r"^#{1,6}\s*", ""),                    # nothing plain at the top level
    ("甲|乙", ""),                           # one of two: neither is required
    ("(?i)and", ""),                        # case-insensitive: the text may differ in case
])
def test_required_text_is_in_every_match(pattern, required):
    assert required_text(re.compile(pattern)) == required
