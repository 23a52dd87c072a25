"""Editors' corrections (seeds/corrections.yaml): each kind, and each way a correction can be wrong.

Built on ``samples/corrections_page.txt``: three articles whose headlines,
bylines and paragraphs are plain, so the tests find them by headline rather
than by id (ids come from the segmenter's headlines).
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from builder.model import Digest, Entry
from builder.pipeline import build_digest
from builder.site import render_site
from builder.settings import Settings
from builder.vocab import load_vocabulary
from conftest import ROOT, SAMPLES, mkdocs_build

PAGE = "corrections_page.txt"


def build(tmp_path, corrections: str | None = None) -> Digest:
    seeds = tmp_path / "pages"
    seeds.mkdir(exist_ok=True)
    (seeds / PAGE).write_bytes((SAMPLES / PAGE).read_bytes())
    target = seeds / "corrections.yaml"
    if corrections is None:
        target.unlink(missing_ok=True)
    else:
        target.write_text(corrections, encoding="utf-8")
    return build_digest(Settings.for_seeds(seeds))


def entry(digest: Digest, words: str) -> Entry:
    found = [e for e in digest.entries if words in e.title]
    assert len(found) == 1, [e.title for e in digest.entries]
    return found[0]


@pytest.fixture
def ids(tmp_path) -> dict[str, str]:
    """The machine's ids of the sample's three articles, by the zone in their headline."""
    digest = build(tmp_path)
    return {zone: entry(digest, zone).id for zone in ("衡阳", "株洲", "湘潭")}


def page_line(text: str) -> int:
    """The 1-based line of the sample page that starts with ``text``."""
    lines = (SAMPLES / PAGE).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(text))


# --- each kind ---------------------------------------------------------------

def test_retitle_keeps_the_id_and_url(tmp_path, ids):
    digest = build(tmp_path, f"{ids['衡阳']}:\n  retitle: 衡阳高新区共建职业教育实训基地\n")
    e = entry(digest, "共建职业教育实训基地")
    assert e.id == ids["衡阳"] and e.url == f"articles/{ids['衡阳']}/"
    assert not e.article.title_generated
    assert not digest.problems
    assert digest.corrections == (f"corrections.yaml:2: retitled {e.id}: 衡阳高新区：职业院校与企业共建实训基地 "
                                  "→ 衡阳高新区共建职业教育实训基地",)


def test_rezone_takes_province_and_city_from_the_gazetteer(tmp_path, ids):
    digest = build(tmp_path, f"{ids['株洲']}:\n  rezone: 衡阳高新区\n")
    e = entry(digest, "株洲")
    assert (e.zone, e.province, e.city) == ("衡阳高新区", "湖南", "衡阳")
    assert not digest.problems


def test_rezone_with_explicit_fields_or_to_no_zone(tmp_path, ids):
    digest = build(tmp_path, f"{ids['湘潭']}:\n  rezone: {{zone: 湘潭高新区, province: 湖南}}\n"
                             f"{ids['衡阳']}:\n  rezone: null\n")
    assert (entry(digest, "湘潭").zone, entry(digest, "湘潭").province) == ("湘潭高新区", "湖南")
    hy = entry(digest, "衡阳")
    assert (hy.zone, hy.province, hy.city) == (None, None, None)
    assert not digest.problems


def test_themes_and_tags_replace_what_the_machine_found(tmp_path, ids):
    theme = load_vocabulary().themes[-1].name
    digest = build(tmp_path, f"{ids['湘潭']}:\n  themes: [{theme}]\n  tags: [新能源装备, 营商环境]\n")
    e = entry(digest, "湘潭")
    assert [t.theme for t in e.themes] == [theme]
    assert e.tags == ("新能源装备", "营商环境")
    assert not digest.problems


def test_merge_appends_the_other_articles_in_order(tmp_path, ids):
    digest = build(tmp_path, f"{ids['株洲']}:\n  merge: [{ids['湘潭']}]\n")
    assert [e.id for e in digest.entries] == [ids["衡阳"], ids["株洲"]]
    merged = entry(digest, "株洲").article
    assert merged.paragraphs[0].startswith("4月10日") and merged.paragraphs[-1].startswith("园区负责人")
    assert merged.authors == ("王芳", "李明")
    assert merged.lines == (page_line("株洲高新区"), page_line("园区负责人"))
    # On the source view, the merged article's lines now belong to it.
    owners = {p.line: p.article for p in digest.pages[0].placements}
    assert owners[page_line("今年以来")] == merged.number


def test_split_at_a_paragraph_number_or_text_gives_a_stable_derived_id(tmp_path, ids):
    by_number = build(tmp_path, f"{ids['衡阳']}:\n  split: 3\n")
    by_text = build(tmp_path, f"{ids['衡阳']}:\n  split: 近年来\n")
    for digest in (by_number, by_text):
        first, second = digest.entries[0], digest.entries[1]
        assert first.id == ids["衡阳"] and len(first.article.paragraphs) == 2
        assert second.id == f"{ids['衡阳']}-part-2"
        assert second.article.paragraphs == ("近年来，衡阳高新区累计培养技能人才1.2万人，其中高级工以上人才3000余人。",)
        assert second.title == "近年来，衡阳高新区累计培养技能人才1.2万人" and second.article.title_generated
        assert second.article.lines == (page_line("近年来"), page_line("近年来"))
        assert [e.article.number for e in digest.entries] == [1, 2, 3, 4]
    # The new article can be corrected by its derived id.
    digest = build(tmp_path, f"{ids['衡阳']}:\n  split: 3\n{ids['衡阳']}-part-2:\n  retitle: 衡阳高新区培养技能人才1.2万人\n")
    assert entry(digest, "培养技能人才").id == f"{ids['衡阳']}-part-2"


def test_debris_by_paragraph_removes_it_from_the_article(tmp_path, ids):
    digest = build(tmp_path, f"{ids['衡阳']}:\n  debris: [基地首批]\n")
    paras = entry(digest, "衡阳").article.paragraphs
    assert len(paras) == 2 and not any(p.startswith("基地首批") for p in paras)
    roles = {p.line: p.role for p in digest.pages[0].placements}
    assert roles[page_line("基地首批")] == "removed"


def test_debris_by_page_line_removes_the_line_from_its_article(tmp_path, ids):
    line = page_line("签约项目涵盖")
    digest = build(tmp_path, f"{PAGE}:\n  debris: [{line}]\n")
    assert entry(digest, "株洲").article.paragraphs == (
        "4月10日，株洲高新区举行重大项目集中签约仪式，签约项目12个，总投资35.8亿元。",)
    placement = next(p for p in digest.pages[0].placements if p.line == line)
    assert (placement.role, placement.article) == ("removed", None)
    assert "corrections.yaml 第 2 行" in placement.note
    assert digest.corrections == (f"corrections.yaml:2: {PAGE} line {line} marked as debris (removed from {ids['株洲']})",)


def test_drop_removes_the_article_and_its_lines_are_named(tmp_path, ids):
    digest = build(tmp_path, f"{ids['湘潭']}:\n  drop: 重复刊登\n")
    assert ids["湘潭"] not in {e.id for e in digest.entries}
    roles = {p.line: (p.role, p.note) for p in digest.pages[0].placements}
    assert roles[page_line("今年以来")] == ("dropped", "编辑删除（corrections.yaml 第 2 行）：重复刊登")
    assert len(digest.pages[0].articles) == 2


def test_applied_corrections_are_on_the_build_report(tmp_path, ids):
    digest = build(tmp_path, f"{ids['衡阳']}:\n  retitle: 新标题衡阳\n{ids['湘潭']}:\n  drop: true\n")
    report = render_site(digest, load_vocabulary(), ROOT / "site_templates")["report.md"]
    assert f"corrections\\.yaml:2: retitled {ids['衡阳']}".replace("-", "\\-") in report
    assert f"dropped {ids['湘潭']}".replace("-", "\\-") in report


# --- what goes wrong -----------------------------------------------------------

BAD = [
    # (case, corrections.yaml, line, reason); {hy} is the id of the 衡阳 article
    ("unknown-id", "gone-article-abc123:\n  retitle: 新标题\n", 2,
     "gone-article-abc123: retitle: no article with id gone-article-abc123 in this build (an id changes only "
     "when its page file is renamed or the machine reads a different headline: find its new id on "
     "its page's source view and move the correction)"),
    ("unknown-kind", "{hy}:\n  retitel: 新标题\n", 2,
     "{hy}: unknown correction 'retitel' for an article (known: split, merge, debris, drop, retitle, rezone, themes, tags)"),
    ("wrong-type", "{hy}:\n  tags: [数智工匠]\n  retitle: [一, 二]\n", 3, "{hy}: retitle: the new headline must be text"),
    ("unknown-zone", "{hy}:\n  rezone: 火星高新区\n", 2,
     "{hy}: rezone: unknown zone '火星高新区': add it to builder/data/gazetteer.yaml, or give `zone:`, `province:` and `city:`"),
    ("unknown-theme", "{hy}:\n  themes: [不存在的主题]\n", 2, "{hy}: themes: unknown theme '不存在的主题' (themes.yaml has: {themes})"),
    ("paragraph-out-of-range", "{hy}:\n  split: 9\n", 2, "{hy}: split: paragraph 9: the article has 3 paragraph(s)"),
    ("no-such-paragraph-text", "{hy}:\n  debris: 没有这段\n", 2, "{hy}: debris: no paragraph of the article starts with '没有这段'"),
    ("merge-with-itself", "{hy}:\n  merge: {hy}\n", 2, "{hy}: merge: an article cannot be merged with itself"),
    ("drop-false", "{hy}:\n  drop: false\n", 2, "{hy}: drop: write `drop: true`, or the reason (`drop: 重复刊登`)"),
    ("id-twice", "{hy}:\n  tags: [x]\n{hy}:\n  retitle: x\n", 3, "{hy} appears twice (first at line 1); put all its corrections under one key"),
    ("not-a-mapping", "{hy}: 新标题\n", 1, "{hy}: expected its corrections below it, e.g. `retitle: 新标题`"),
    ("bad-yaml", "{hy}:\n  retitle: [unclosed\n", 2, "not valid YAML: expected ',' or ']', but got '<stream end>'"),
    ("page-kind", PAGE + ":\n  retitle: x\n", 2, PAGE + ": unknown correction 'retitle' for a page file (known: debris)"),
    ("page-line-out-of-range", PAGE + ":\n  debris: [999]\n", 2, PAGE + ": debris: line 999: " + PAGE + " has 26 lines"),
]


@pytest.mark.parametrize("case, text, line, reason", BAD, ids=[b[0] for b in BAD])
def test_a_wrong_correction_names_the_file_the_line_and_the_reason(tmp_path, ids, case, text, line, reason):
    themes = ", ".join(t.name for t in load_vocabulary().themes)
    fill = dict(hy=ids["衡阳"], themes=themes)
    digest = build(tmp_path, text.format(**fill) if "{hy}" in text else text)
    problems = [p for p in digest.problems if p.kind == "corrections"]
    assert [(p.file, p.line, p.reason) for p in problems] == [("corrections.yaml", line, reason.format(**fill))]
    assert len(digest.entries) >= 3, "the pages still build"


def test_the_valid_corrections_still_apply_beside_a_wrong_one(tmp_path, ids):
    digest = build(tmp_path, f"{ids['衡阳']}:\n  retitle: 衡阳高新区新标题\n  rezone: 火星高新区\n")
    assert entry(digest, "新标题").id == ids["衡阳"]
    assert [p.line for p in digest.problems] == [3]


def test_an_unknown_id_names_the_closest_ids_of_the_build(tmp_path, ids):
    typo = ids["衡阳"][:-2]  # a shortened id, as copied from a truncated address
    digest = build(tmp_path, f"{typo}:\n  retitle: 新标题\n")
    assert f"(did you mean {ids['衡阳']}" in digest.problems[0].reason


@pytest.mark.parametrize("broken, line", [
    ("{zz}:\n  retitle: [未闭合\n", 8),              # an unclosed bracket: its line, not the end of the file
    ("{zz}:\n  retitle: \"未闭合\n", 8),             # an unclosed quote
    ("{zz}:\n\tretitle: 制表符\n", 8),               # a tab
    ("{zz}\n  retitle: 冒号\n", 7),                  # a missing colon: the key's line
])
def test_a_yaml_syntax_error_names_its_line_and_the_corrections_above_it_apply(tmp_path, ids, broken, line):
    text = (f"# corrections\n{ids['衡阳']}:\n  retitle: 衡阳高新区新标题\n\n{ids['湘潭']}:\n  drop: true\n"
            + broken.format(zz=ids["株洲"]))
    digest = build(tmp_path, text)
    assert [(p.line, p.kind) for p in digest.problems] == [(line, "corrections")], digest.problems
    assert "YAML" in digest.problems[0].reason
    assert entry(digest, "新标题").id == ids["衡阳"]
    assert ids["湘潭"] not in {e.id for e in digest.entries}


def test_a_merged_or_dropped_article_cannot_be_corrected_again(tmp_path, ids):
    digest = build(tmp_path, f"{ids['株洲']}:\n  merge: {ids['湘潭']}\n{ids['湘潭']}:\n  tags: [x]\n")
    assert [p.reason for p in digest.problems] == [
        f"{ids['湘潭']}: tags: article {ids['湘潭']} is no longer in the build: it was merged into {ids['株洲']} by line 2"]


# --- through the front ends ------------------------------------------------------

def run_cli(seeds, out, *extra):
    return subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", str(seeds), "--out", str(out), *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_command_line_applies_corrections_and_strict_fails_on_a_wrong_one(tmp_path, ids):
    seeds = tmp_path / "pages"
    (seeds / "corrections.yaml").write_text(f"{ids['衡阳']}:\n  retitle: 衡阳高新区新标题\nno-such-article:\n  drop: true\n",
                                            encoding="utf-8")
    result = run_cli(seeds, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "corrections applied: 1" in result.stdout
    assert "correction not applied: corrections.yaml:4: no-such-article: drop: no article with id no-such-article" \
        in result.stderr
    assert "衡阳高新区新标题" in (tmp_path / "out/articles" / f"{ids['衡阳']}.md").read_text(encoding="utf-8")
    strict = run_cli(seeds, tmp_path / "strict", "--strict")
    assert strict.returncode == 1
    assert "corrections.yaml:4" in strict.stderr
    # --corrections points at a file elsewhere.
    other = tmp_path / "fixes.yaml"
    other.write_text(f"{ids['衡阳']}:\n  retitle: 衡阳高新区另一个标题\n", encoding="utf-8")
    elsewhere = run_cli(seeds, tmp_path / "other", "--corrections", str(other), "--strict")
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert "衡阳高新区另一个标题" in (tmp_path / "other/articles" / f"{ids['衡阳']}.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_mkdocs_strict_build_fails_on_a_wrong_correction_and_reports_it(tmp_path, ids):
    seeds = tmp_path / "pages"
    (seeds / "corrections.yaml").write_text(f"{ids['衡阳']}:\n  rezone: 火星高新区\n", encoding="utf-8")
    strict = mkdocs_build(tmp_path / "strict", DIGEST_SEEDS=str(seeds))
    assert strict.returncode != 0
    assert f"correction not applied: corrections.yaml:2: {ids['衡阳']}: rezone: unknown zone '火星高新区'" in strict.stderr
    lenient = mkdocs_build(tmp_path / "site", strict=False, DIGEST_SEEDS=str(seeds))
    assert lenient.returncode == 0, lenient.stderr
    report = (tmp_path / "site/report/index.html").read_text(encoding="utf-8")
    assert "corrections.yaml:2" in report and "火星高新区" in report


def test_the_articles_whose_text_changed_are_named_for_fresh_enrichment(tmp_path, ids):
    from builder.corrections.apply import apply_to_articles
    from builder.corrections.check import load_corrections
    from builder.ids import assign_ids

    digest = build(tmp_path)
    path = tmp_path / "c.yaml"
    path.write_text(f"{ids['衡阳']}:\n  split: 3\n{ids['株洲']}:\n  merge: {ids['湘潭']}\n", encoding="utf-8")
    amended = apply_to_articles(load_corrections(path, load_vocabulary()), digest.pages,
                                assign_ids([a for p in digest.pages for a in p.articles]))
    assert amended.changed == {ids["衡阳"], f"{ids['衡阳']}-part-2", ids["株洲"]}
    assert amended.gone == {ids["湘潭"]: f"merged into {ids['株洲']} by line 4"}


def test_placements_follow_the_renumbered_articles(tmp_path, ids):
    """``Placement.article`` is the article's number on its page; dropping one renumbers the rest."""
    from builder.corrections.apply import apply_to_articles
    from builder.corrections.check import load_corrections
    from builder.ids import assign_ids

    page = build(tmp_path).pages[0]
    path = tmp_path / "c.yaml"
    path.write_text(f"{ids['衡阳']}:\n  drop: true\n", encoding="utf-8")
    amended = apply_to_articles(load_corrections(path, load_vocabulary()), (page,), assign_ids(list(page.articles)))
    owner = {p.line: p.article for p in amended.pages[0].placements}
    assert owner[page_line("株洲高新区")] == 1, "株洲 is now the page's first article"
    assert owner[page_line("今年以来")] == 2
    assert owner[page_line("3月5日")] is None


def test_pages_no_correction_touches_are_kept_and_a_retitle_reaches_its_page(tmp_path, ids):
    """Only the pages corrections touch are rebuilt; a retitle changes no line, yet its page shows the new title."""
    from builder.corrections.apply import apply_to_articles
    from builder.corrections.check import load_corrections
    from builder.ids import assign_ids

    page = build(tmp_path).pages[0]
    pairs = assign_ids(list(page.articles))
    path = tmp_path / "c.yaml"
    path.write_text("gone-article-abc123:\n  retitle: 新标题\n", encoding="utf-8")
    untouched = apply_to_articles(load_corrections(path, load_vocabulary()), (page,), pairs)
    assert untouched.pages[0] is page and untouched.problems
    path.write_text(f"{ids['株洲']}:\n  retitle: 株洲高新区新标题\n", encoding="utf-8")
    retitled = apply_to_articles(load_corrections(path, load_vocabulary()), (page,), pairs)
    assert [a.title for a in retitled.pages[0].articles] == [
        "株洲高新区新标题" if id_ == ids["株洲"] else a.title for id_, a in pairs]
    assert retitled.pages[0].placements == page.placements
