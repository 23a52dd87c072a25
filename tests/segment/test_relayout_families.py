"""Property: every seed and dev page laid out differently gives the same articles, sentence by sentence.

One test per layout family of ``relayout.py``; hypothesis draws the page and the
random choices (width, which marks, where the spaces go, which furniture). Each
sentence must land in the same article as on the page as printed, with nothing
else in it, and the titles and authors must be equal.

Families the segmenter does not hold yet are marked ``xfail(strict=True)`` with
what goes wrong, so that a fix that makes one hold turns its mark into a
failure to remove. ``python tests/segment/relayout_report.py [EXAMPLES]`` prints, per
family, on which pages it fails.

The examples are bounded (``RELAYOUT_EXAMPLES``, default 100 per family, no
shrinking, derandomized: the same examples every run).
"""
from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from relayout import FAMILIES, differences, load_cases, signature

EXAMPLES = int(os.environ.get("RELAYOUT_EXAMPLES", "100"))
CASES = load_cases()
_ORIGINALS: dict[str, list] = {}

# What goes wrong today, per family that does not hold on every page.
FAILING = {
    "wrap_no_blank_lines": "a headline in its form as wide as the column by chance joined to the body below "
                           "(dp-01: the width does not tell it from a headline glued to its body and cut at the "
                           "edge); a caption set inside a sentence joined into it (002: …实现 / "
                           "浙江大学台州研究院园区图 / 高新化提升)",
    "joined_until_sentence_end": "joined with no space (004): a marked headline ending in a quoted term glued to "
                                 "a sentence begun on another page with no sign of it (…“双招双引”匹配招商项目，…) "
                                 "stays in the body",
    "headlines_at_page_end": "a bare-name byline left between two bodies that signs neither clearly, the page's "
                             "certain bylines too few to tell its habit (dp-03)",
    "bylines_in_other_forms": "on pages where a column of another article is set inside an article, a byline "
                              "moved to the end of either closes the run at the inset: the closing byline "
                              "((本报记者 赵东旭) after 营口's paragraph inside 唐山, dp-07) is given to the host and "
                              "the host's rest becomes an article with a made-up title (dp-07 唐山, dp-04 璧山/自贡, "
                              "004 株洲/厦门, dp-10 江门 with the lead of 专精特新 inside it)",
}


def original(case) -> list:
    if case.name not in _ORIGINALS:
        _ORIGINALS[case.name] = signature(case.text)
    return _ORIGINALS[case.name]


def family_param(name: str):
    if name in FAILING:
        return pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=FAILING[name]))
    return name


@pytest.mark.parametrize("family", [family_param(n) for n in FAMILIES])
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          phases=(Phase.explicit, Phase.generate), suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES), seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_same_articles_sentence_by_sentence(family, case, seed):
    layout = FAMILIES[family](case, random.Random(seed))
    got, expected = signature(layout), original(case)
    assert got == expected, f"{family} of {case.name} (seed {seed}):\n" + differences(expected, got)


def test_every_family_is_tested_and_every_known_failure_names_a_family():
    assert set(FAILING) <= set(FAMILIES)
    assert len(FAMILIES) >= 14


def test_layouts_keep_every_character_of_the_page():
    """The generators only move, cut, join and mark text: apart from the marks they add or take
    away, furniture and whitespace, every character of the page is still there, in order."""
    from relayout import norm, strip_markup

    def plain(text: str) -> str:
        return norm("\n".join(strip_markup(ln) for ln in text.split("\n")))

    for case in CASES:
        printed = plain(case.text)
        for name in ("wrap_blank_after_every_line", "wrap_no_blank_lines", "one_line_per_paragraph",
                     "joined_until_sentence_end", "markup_added", "markup_removed", "punctuation_half_width",
                     "punctuation_full_width", "stray_spaces_in_paragraphs"):
            assert plain(FAMILIES[name](case, random.Random(1))) == printed, (name, case.name)
        for name in ("headlines_at_page_end", "headlines_after_their_body"):
            assert sorted(plain(FAMILIES[name](case, random.Random(1)))) == sorted(printed), (name, case.name)
    moved = plain(FAMILIES["headlines_at_page_end"](CASES[0], random.Random(1)))
    assert moved != plain(CASES[0].text)


def test_bylines_are_printed_again_in_the_forms_the_paper_uses():
    """Every form of the family turns up on some page, and each article's names are all still printed."""
    import re

    from relayout import norm

    forms = {"lead": r"本报讯[（(]记者", "dateline": r"本报[\u4e00-\u9fff]{2,3}\d{1,2}月\d{1,2}日电[（(]记者",
             "boxed": r"(?m)^[□■] ?本报记者", "text and pictures": r"(?m)^文[/／]", "reported": r"(?m)^记者 .+ 报道$",
             "after the last paragraph": r"(?m)^[（(][^）)]{2,30}[）)]$", "own line": r"(?m)^本报记者 "}
    seen = set()
    for case in CASES:
        for seed in range(3):
            layout = FAMILIES["bylines_in_other_forms"](case, random.Random(seed))
            seen |= {name for name, rx in forms.items() if re.search(rx, layout)}
            plain = norm(layout)
            assert all(norm(n) in plain for a in case.built.articles for n in a.authors), case.name
    assert seen == set(forms)


def test_inserted_captions_and_furniture_are_in_no_article():
    """The captions and furniture the family sets between paragraphs are on the page and in no body."""
    from relayout import norm, segmented

    case = next(c for c in CASES if c.name.startswith("dp-01"))
    layout = FAMILIES["captions_and_furniture_inserted"](case, random.Random(3))
    inserted = [ln for ln in layout.split("\n") if ln.startswith(("图为", "▲", "（下转", "(下转", "责任编辑", "投稿邮箱"))]
    assert inserted
    bodies = norm("".join(p for a in segmented(layout).articles for p in a.paragraphs))
    assert not any(norm(ln) in bodies for ln in inserted)
