"""A lead marker printed on a line of its own is part of the next article, never an article."""
from segment_helpers import sample, vocab  # noqa: F401  (vocab is a fixture)


def test_lead_marker_alone_goes_with_the_next_article(vocab):  # noqa: F811
    page = sample("lead_marker_alone.txt", vocab)
    assert [a.title for a in page.articles] == ["衡阳高新区：网络安全宣传周走进园区企业"]
    art = page.articles[0]
    assert art.paragraphs[0].startswith("9月12日") and art.paragraphs[-1].endswith("覆盖企业300余家。")
    assert art.authors == ("邓小山",)
    first = page.placements[0]
    assert (first.line, first.role, first.article) == (1, "byline", 1)
    assert art.lines == (1, 9)
