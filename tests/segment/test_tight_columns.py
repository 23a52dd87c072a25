"""A page cut every N characters (tests/samples/segment/tight_columns_*): many lines of one width
to a character. Its cut lines are joined back before anything else reads the page
(segment/unwrap.py), so it reads as the page before it was cut, and every printed line is placed."""
from __future__ import annotations

from pathlib import Path

from segment_helpers import assert_every_line_placed, sample, vocab  # noqa: F401 (vocab is a fixture)

from builder.model import Page
from builder.repair import repair_page
from builder.segment.unwrap import column_width, unwrap
from builder.vocab.rule_files import rules_for

ROOT = Path(__file__).resolve().parents[2]


def _articles(page):
    return [(a.title, a.kicker, a.authors, "".join(a.paragraphs)) for a in page.articles]


def test_line_joined_page_cut_at_a_column_reads_as_before_it_was_cut(vocab):
    """Headlines glued to their first sentence by a line-joining tool, the text then cut every 14
    characters: the glued headline cut over two lines is still split off, with its byline."""
    cut = sample("tight_columns_joined.txt", vocab)
    assert_every_line_placed(cut)
    assert _articles(cut) == _articles(sample("joined_headline_first_sentence.txt", vocab))
    hengyang = cut.articles[2]
    assert (hengyang.kicker, hengyang.title, hengyang.authors) == (
        "“五向”发力“四链”融合", "衡阳高新区打造“数智工匠”摇篮", ("邓小山", "彭彬"))
    # the lines of one paragraph placed as the paragraph, its last line the article's too
    assert {p.article for p in cut.placements if 21 <= p.line <= 25} == {3}
    assert hengyang.lines[1] == 31


def test_what_is_cut_and_what_is_not(vocab):
    rules = rules_for(vocab.data_dir)
    lines = _lines(ROOT / "tests/samples/segment/tight_columns_joined.txt", vocab)
    assert column_width(lines, rules) == 14
    joined, groups, _, _ = unwrap(lines, rules)
    # 1000万元。 ends a sentence: the paragraph's last line; 0万公里。 after a line run on over the edge
    assert groups[1] == (1, 2, 3, 4) and groups[15] == (15, 16, 17)
    assert joined[0].text.startswith("宁波高新区：数据知识产权质押融资落地")
    # a page as printed, ragged by a character or two, is not tight: nothing joined
    assert column_width(_lines(ROOT / "tests/eval/corpus/dev/pages/dp-08.txt", vocab), rules) is None


def _lines(path: Path, vocab):
    return repair_page(Page(path.name, path.read_text("utf-8")), vocab).lines
