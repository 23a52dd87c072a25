"""Text is data: HTML, javascript: links, Markdown and Jinja syntax in page text appear as
the characters they are and never run or change the page; path-like names stay inside the output.

``samples/hostile_text.txt`` is a news page about a security week whose text
quotes attacks. Every payload sets ``window.__pwned`` or opens a dialog if it runs.
"""
from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from conftest import ROOT, SAMPLES, mkdocs_build

HOSTILE = "hostile_text.txt"
# A file name is page data too: legal on Linux, shown on the source view and the report.
HOSTILE_NAME = '"><img src=x onerror="window.__pwned=6">.txt'

# Each must be visible, character for character, on the site.
LITERALS = [
    '"><script>window.__pwned=5</script>',
    '<img src=x onerror="window.__pwned=2;alert(2)">',
    "<script>window.__pwned=1;alert(1)</script>",
    "[点此领取补贴](javascript:window.__pwned=3)",
    '<a href="javascript:window.__pwned=3">这样的链接</a>',
    "{{ config.site_name }}",
    '{% include "base.html" %}',
    "--- 和 title: 被篡改",
    "&lt;b&gt;粗体&lt;/b&gt;",
    "#网络安全#",
    "</title><script>__pwned=4</script>",
]


class _Page(HTMLParser):
    """The visible text of a page, its scripts, and every attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self._in = []

    def handle_starttag(self, tag, attrs):
        self._in.append(tag)
        for k, v in attrs:
            self.attrs.append((tag, k, v or ""))
        if tag == "script":
            self.scripts.append(dict(attrs).get("src") or "")

    def handle_endtag(self, tag):
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data):
        if self._in and self._in[-1] == "script":
            self.scripts.append(data)
        elif not (self._in and self._in[-1] == "style"):
            self.text.append(data)


def parse(path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("hostile_seeds")
    (seeds / HOSTILE).write_bytes((SAMPLES / HOSTILE).read_bytes())
    # Not the same bytes (a second copy of a page is read once): the name is what is tested here.
    (seeds / HOSTILE_NAME).write_bytes((SAMPLES / HOSTILE).read_bytes() + "\n（完）\n".encode("utf-8"))
    site = tmp_path_factory.mktemp("hostile_site")
    result = mkdocs_build(site, DIGEST_SEEDS=str(seeds))
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def _text_pages(site):
    data = json.loads((site / "data/articles.json").read_text(encoding="utf-8"))
    return [site / a["url"].strip("/") / "index.html" for a in data["articles"]] + \
        [p / "index.html" for p in (site / "sources").iterdir() if p.is_dir()]


@pytest.mark.slow
def test_page_text_appears_as_characters_in_the_built_html(hostile_site):
    pages = _text_pages(hostile_site)
    articles = "".join("".join(parse(p).text) for p in pages if "/articles/" in p.as_posix())
    sources = "".join("".join(parse(p).text) for p in pages if "/sources/" in p.as_posix())
    # The source view shows the page as printed; the article shows the repaired text
    # (quotes and punctuation made Chinese), which must still carry every payload.
    for literal in LITERALS:
        assert literal in sources, literal
    data = json.loads((hostile_site / "data/articles.json").read_text(encoding="utf-8"))
    paragraphs = [p for a in data["articles"] for p in a["paragraphs"]]
    for payload in ("<script>window.__pwned=1", "<img src=x onerror=", "[点此领取补贴]", "javascript:window","{{ config.site_name }}",
                    "{% include", "&lt;b", "#网络安全#", "</title><script>"):
        assert payload in "".join(paragraphs), payload
    for paragraph in paragraphs:
        assert paragraph in articles, paragraph
    assert HOSTILE_NAME in articles and HOSTILE_NAME in sources
    assert HOSTILE_NAME in "".join(parse(hostile_site / "report/index.html").text)


@pytest.mark.slow
def test_no_script_link_or_handler_from_page_text_in_any_built_file(hostile_site):
    for path in sorted(hostile_site.rglob("*.html")):
        page = parse(path)
        assert not [s for s in page.scripts if "pwned" in s or "alert" in s], path
        for tag, name, value in page.attrs:
            assert not name.startswith("on"), (path, tag, name, value)
            assert not value.strip().lower().startswith("javascript:"), (path, tag, name, value)
            assert not (tag == "img" and value == "x"), path
    # Material's search index (when it is the search in use) holds the text escaped.
    index = hostile_site / "search/search_index.json"
    if index.exists():
        text = index.read_text(encoding="utf-8")
        assert "<script>" not in text and "<img" not in text


@pytest.mark.slow
@pytest.mark.browser
def test_no_dialog_opens_and_no_script_from_page_text_runs_in_the_browser(hostile_site, serve, browser):
    base = serve(hostile_site)
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for path in _text_pages(hostile_site):
            page.goto(base + path.parent.relative_to(hostile_site).as_posix() + "/")
            page.wait_for_load_state("networkidle")
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            body = page.locator("article").first.inner_text()
            assert "__pwned=" in body, "the payload is shown as text"
    finally:
        context.close()
    assert dialogs == []


@pytest.mark.slow
@pytest.mark.browser
def test_search_results_show_page_text_as_text(hostile_site, serve, browser):
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(serve(hostile_site))
        page.wait_for_load_state("networkidle")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator("input.md-search__input").fill("脚本")
        page.keyboard.press("End")  # a key press makes Material search once its index is loaded
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        results = page.locator(".md-search-result").inner_text().replace("\u200b", "")
        assert "<script>window.__pwned=1" in results, "the result shows the payload as text"
        assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        context.close()
    assert dialogs == []


def test_a_path_like_title_or_zone_cannot_write_outside_the_output_folder(tmp_path):
    seeds = tmp_path / "pages"
    seeds.mkdir()
    (seeds / HOSTILE).write_bytes((SAMPLES / HOSTILE).read_bytes())
    out = tmp_path / "deep" / "out"

    def run():
        return subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", str(seeds), "--out", str(out),
                               "--strict"], cwd=ROOT, capture_output=True, text=True, timeout=300)

    first = run()
    assert first.returncode == 0, first.stderr
    article = json.loads((out / "data/articles.json").read_text(encoding="utf-8"))["articles"][0]
    (seeds / "corrections.yaml").write_text(
        f"{article['id']}:\n  retitle: ../../etc\n  rezone: {{zone: ../../etc/passwd, province: 湖南}}\n"
        f"  tags: [../../tags]\n", encoding="utf-8")
    before = {p for p in tmp_path.rglob("*") if not p.is_relative_to(out)}
    second = run()
    assert second.returncode == 0, second.stderr
    assert {p for p in tmp_path.rglob("*") if not p.is_relative_to(out)} == before
    assert not (tmp_path / "etc").exists() and not (tmp_path / "deep" / "etc").exists()
    data = json.loads((out / "data/articles.json").read_text(encoding="utf-8"))["articles"][0]
    assert (data["id"], data["title"], data["zone"]) == (article["id"], "../../etc", "../../etc/passwd")
    zone_page = out / "zones" / "etc-passwd.md"
    assert zone_page.is_file() and "\\.\\./\\.\\./etc/passwd" in zone_page.read_text(encoding="utf-8")
    assert "# \\.\\./\\.\\./etc" in (out / "articles" / f"{article['id']}.md").read_text(encoding="utf-8")
