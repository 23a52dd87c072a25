"""A page's text as the index reads it (``site/page_text.py``): its body only, without the
parts marked ignored or left out by Pagefind, sentences parted as Pagefind parts them."""
from __future__ import annotations

from builder.site.page_text import read_page
from builder.site.search import FIELD_MARK

PAGE = f"""<!DOCTYPE html><html lang="zh"><head><title>站名</title>
<script>if (a < b) {{ document.write("<p>不是正文</p>") }}</script></head>
<body><nav><h1>导航</h1></nav>
<div data-pagefind-body markdown>
<p hidden data-digest-terms>{FIELD_MARK} abcdef / ghijkl {FIELD_MARK}</p>
<h1 id="t">衡阳高新区 &amp; 5G</h1>
<p>第一段<br/>第二行</p>
<dl data-pagefind-ignore><dt>原版</dt><dd><div>不读</div></dd></dl>
<div hidden data-pagefind-sort="date:2024-06-17"></div>
<p>结尾。</p>
</div>
<footer>页脚</footer></body></html>"""


def test_only_the_body_is_read_without_ignored_parts_scripts_or_navigation():
    page = read_page(PAGE)
    assert "导航" not in page.text and "不读" not in page.text and "不是正文" not in page.text
    assert "页脚" not in page.text and "站名" not in page.text


def test_the_title_is_the_bodys_first_heading_with_entities_read():
    assert read_page(PAGE).title == "衡阳高新区 & 5G"


def test_a_paragraph_ending_in_a_letter_gets_a_full_stop_and_a_line_break_parts_words():
    assert read_page(PAGE).text == "衡阳高新区 & 5G. 第一段 第二行. 结尾。"


def test_the_field_is_cut_out_and_its_words_keep_their_positions():
    page = read_page(PAGE)
    assert page.field == (FIELD_MARK, "abcdef", "/", "ghijkl", FIELD_MARK) and page.field_at == 0
    assert page.sorts == (("date", "2024-06-17"),)


def test_a_page_without_a_marked_body_is_read_whole():
    page = read_page('<html><body><h1>标题</h1><p>正文</p><div data-pagefind-ignore>不读</div></body></html>')
    assert page.text == "标题. 正文." and page.title == "标题" and page.field == ()
