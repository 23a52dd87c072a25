"""Rendering: slugs, ids, escaping, safe writing, and the pages made from a small digest."""
from __future__ import annotations

import pytest

from builder.site.escape import md_text, yaml_str
from builder.ids import article_id, assign_ids
from builder.model import Article, Digest, Entry, Page, SegmentedPage, ThemeMatch
from builder.site import render_site
from conftest import ROOT
from builder.ids import slugify, unique_slugs
from builder.vocab import default_vocabulary
from builder.site.write import safe_path, write_files


def test_slugs_are_ascii_pinyin_and_collision_safe():
    assert slugify("衡阳高新区") == "heng-yang-gao-xin-qu"
    assert slugify("重庆") == "chong-qing"
    assert slugify("杭州高新区(滨江)") == "hang-zhou-gao-xin-qu-bin-jiang"
    assert slugify("../../etc") == "etc"
    assert slugify("！！") == "x"
    slugs = unique_slugs(["杭州高新区(滨江)", "杭州高新区（滨江）", "衡阳"])
    assert len(set(slugs.values())) == 3
    assert all(s.isascii() for s in slugs.values())


def _article(title="衡阳高新区打造数智工匠摇篮", page="000.txt", paras=("衡阳高新区培育数智工匠。",)):
    return Article(page=page, number=1, title=title, paragraphs=tuple(paras), lines=(1, 5))


def test_ids_are_stable_ascii_and_depend_only_on_page_and_title():
    a = _article()
    assert article_id(a) == article_id(_article(paras=("别的正文。",)))
    assert article_id(a) != article_id(_article(page="001.txt"))
    assert article_id(a).isascii()
    ids = [i for i, _ in assign_ids([a, a])]
    assert len(set(ids)) == 2


def test_markdown_and_html_in_text_are_escaped():
    assert "<" not in md_text("<script>alert(1)</script>")
    assert md_text("# 标题") == "\\# 标题"
    assert md_text("[点我](javascript:alert(1))").startswith("\\[点我\\]\\(")
    assert yaml_str('a\nb: c') == '"a\\nb: c"'
    # Front matter reaches the page as raw HTML (title, meta description): escaped for both.
    assert yaml_str('"><script>x</script>') == '"&quot;&gt;&lt;script&gt;x&lt;/script&gt;"'


def test_writer_refuses_paths_outside_the_output_folder(tmp_path):
    with pytest.raises(ValueError):
        safe_path(tmp_path, "../../etc/passwd")
    with pytest.raises(ValueError):
        safe_path(tmp_path, "/etc/passwd")
    assert write_files(tmp_path, {"a/b.md": "x"}) == 1
    assert (tmp_path / "a/b.md").read_text() == "x"


def test_article_page_shows_zone_theme_source_and_body():
    art = _article(paras=("衡阳高新区培育数智工匠。", "第二段 <b>粗体</b>。"))
    entry = Entry(id="hengyang-abc123", article=art, zone="衡阳高新区", province="湖南", city="衡阳",
                  themes=(ThemeMatch("人才与产教融合", 3.0, ("工匠",)),), tags=("数智工匠",))
    page = Page(name="000.txt", text="衡阳高新区打造数智工匠摇篮\n")
    digest = Digest(entries=(entry,), pages=(SegmentedPage(page, (art,), ()),))
    files = render_site(digest, default_vocabulary(), ROOT / "site_templates")
    md = files["articles/hengyang-abc123.md"]
    assert "# 衡阳高新区打造数智工匠摇篮" in md
    # The facts list is raw HTML, so its links are already the pages' final URLs.
    assert '<a href="../../zones/heng-yang-gao-xin-qu/">衡阳高新区</a>' in md
    assert "../../themes/" in md and "../../sources/000/#article-1" in md
    assert "&lt;b&gt;粗体&lt;/b&gt;" in md
    # tags link to their own pages (no Material tags plugin listing everything on one page)
    assert '<a href="../../tags/shu-zhi-gong-jiang/">数智工匠</a>' in md and "tags/shu-zhi-gong-jiang.md" in files
    assert "zones/heng-yang-gao-xin-qu.md" in files and "themes/index.md" in files


def test_long_theme_lists_are_paged(monkeypatch):
    import builder.site.listings as listings
    from builder.pipeline import build_digest
    from builder.settings import Settings

    digest = build_digest(Settings.for_seeds(ROOT / "seeds", cache_dir=None))
    monkeypatch.setattr(listings, "PAGE_SIZE", 2)
    files = render_site(digest, default_vocabulary(), ROOT / "site_templates")
    themes = {}
    for e in digest.entries:
        for t in e.themes:
            themes.setdefault(t.theme, []).append(e)
    name, members = max(themes.items(), key=lambda kv: len(kv[1]))
    assert len(members) > 2
    first = next(p for p, text in files.items() if p.startswith("themes/") and p.count("/") == 1
                 and f'title: "{name}"' in text)
    pages = [first] + [f"{first[:-3]}/{n}.md" for n in range(2, (len(members) + 1) // 2 + 1)]
    assert all(p in files for p in pages) and f"{first[:-3]}/{len(pages) + 1}.md" not in files
    for e in members:  # every article of the theme is on exactly one of its pages
        assert sum(f"[{md_text(e.title)}]" in files[p] for p in pages) == 1, e.title
