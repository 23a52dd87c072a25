"""The publish build's page rendering (``frontends/page_render.py``) against MkDocs' own
``Page.render``: the same HTML, table of contents, title, anchors and links, on every page of
the seeds' site and of a synthetic archive, and on pages drawn from the shapes the shortcut
has to read right (raw HTML blocks, inline tags, Markdown characters) and from the ones it
has to leave alone (comments, blocks closed mid-line, loose tags, Markdown inside HTML)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import get_yaml_loader

from builder.bench.synthetic import make_archive, read_material
from builder.frontends import page_render
from builder.vocab import load_vocabulary
from conftest import ROOT, mkdocs_env


def _config(docs: Path, work: Path):
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        site = yaml.load(f, Loader=get_yaml_loader())  # noqa: S506 - MkDocs' own loader (!ENV tags)
    settings_ = {"site_name": "t", "docs_dir": str(docs), "markdown_extensions": site["markdown_extensions"]}
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings_, allow_unicode=True), encoding="utf-8")
    config = load_config(str(path))
    config.plugins.on_startup(command="build", dirty=False)
    return config


def _rendered(page) -> tuple:
    toc = []

    def walk(items, out):
        for item in items:
            children: list = []
            walk(item.children, children)
            out.append((item.level, item.id, item.title, children))
    walk(page.toc, toc)
    links = {f.src_uri: dict(v) for f, v in (page.links_to_anchors or {}).items()}
    return page.content, toc, page._title_from_render, page.present_anchor_ids, links


def _both(page, config, files) -> tuple[tuple, tuple]:
    """Each way's result, or the type of error it raised (Python's HTML parser gives up on
    some text, ``<![`` alone: the shortcut must fail alike, for MkDocs to report it)."""
    page.read_source(config)
    results = []
    for render in (lambda: page.render(config, files), lambda: page_render.render(page, config, files)):
        try:
            render()
            results.append(_rendered(page))
        except Exception as err:  # noqa: BLE001 - compared, not handled
            results.append(type(err))
    return results[0], results[1]


def _docs(seeds: Path, out: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "builder", "docs", "--seeds", str(seeds), "--out", str(out),
                           "--no-cache", "--quiet"], cwd=ROOT, env=mkdocs_env(), capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def archive_docs(tmp_path_factory) -> Path:
    """The docs folder of the seeds and of a synthetic archive, marked for search as the hook marks them."""
    work = tmp_path_factory.mktemp("render")
    pages = work / "pages"
    make_archive(read_material(ROOT / "seeds", load_vocabulary()), pages, 60, 0)
    for seed in (ROOT / "seeds").glob("*.txt"):
        (pages / seed.name).write_bytes(seed.read_bytes())
    return _docs(pages, work / "docs")


def test_every_page_of_an_archive_renders_as_mkdocs_renders_it(archive_docs, tmp_path):
    config = _config(archive_docs, tmp_path)
    files = get_files(config)
    pages = [Page(None, f, config) for f in files.documentation_pages()]
    assert len(pages) > 150
    for page in pages:
        plain, fast = _both(page, config, files)
        assert fast == plain, page.file.src_uri


def test_the_generated_pages_blocks_are_set_aside(archive_docs):
    """The shortcut is taken where it matters: the facts list and key figures of every
    article, the table of every source view (not silently lost to a template's change)."""
    md = markdown.Markdown(extensions=["md_in_html", "attr_list"])
    for kind, least in (("articles", 2), ("sources", 2)):
        for path in [p for p in sorted((archive_docs / kind).glob("*.md")) if p.name != "index.md"][:40]:
            _, blocks, _, _ = page_render.set_aside(path.read_text(encoding="utf-8"), md.is_block_level)
            assert len(blocks) >= least, path.name


def test_the_plain_text_shortcut_knows_the_installed_markdown(tmp_path):
    """Every inline pattern of the site's Markdown is one the shortcut knows, with the pattern it
    was written for; a Markdown that changed them turns the shortcut off, and this fails."""
    (tmp_path / "docs").mkdir()
    config = _config(tmp_path / "docs", tmp_path)
    md, _ = page_render._engine(config)
    assert "_InlineProcessor__handleInline" in vars(md.treeprocessors["inline"])


# --- pages drawn from shapes -------------------------------------------------------------

_PIECES = [*"高新区园企业 abcxyz019.,;:!?-+#()[]{}*_`\\<>&\"'/", "  \n", "\n", "&amp;", "&#12354;", "&amp ", "3\\.5"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
_ATTR = st.sampled_from(['', ' class="a"', ' id="x1"', ' id="y&amp;z"', ' hidden', ' id', " id='q'",
                         ' data-v="1>2"', ' title=x', ' name="n"', ' class="b" id="x2"'])
_INLINE = st.sampled_from(["span", "a", "mark", "small", "em", "strong"])
_BLOCK = st.sampled_from(["div", "dl", "ul", "ol", "p", "table", "section", "figure", "DIV", "li", "span", "a"])


@st.composite
def _element(draw, depth: int = 0):
    tag = draw(_BLOCK if depth == 0 else st.one_of(_INLINE, _BLOCK))
    inner = draw(st.lists(st.one_of(_TEXT, st.just("<br>"), st.just("<br />"), st.just("\n"),
                                    _element(depth + 1) if depth < 2 else _TEXT), max_size=4))
    close = draw(st.sampled_from([f"</{tag}>"] * 6 + ["", f"</{tag}> tail", f"</{tag}>\ntext", "</other>"]))
    return f"<{tag}{draw(_ATTR)}>" + "".join(inner) + close


_CHUNK = st.one_of(
    _TEXT,
    _element(),
    st.builds(lambda t: f"## {t}", _TEXT),
    st.builds(lambda t, s: f"- [{t}](other.md)  \n  <span class=\"digest-sub\">{s}</span>", _TEXT, _TEXT),
    st.sampled_from(["<div\nclass=\"a\">x</div>", "<DIV>x</div>", "<div><div>a</div>\n</div>", "<div title=\"<b>\">x</div>",
                     "<br/>", "<p>open\n<div>x</div>", "<li>x</li>", "\t<div>x</div>", "<div>a</div><div>b</div>",
                     "<table><tr><td>1</td></tr></table>", "<div>x</div >", "<div>&#x41;&copy;</div>", "&#\n", "<"]),
    st.sampled_from(["<!-- note -->", "<div markdown>\n\n**b**\n\n</div>", "   <div>x</div>", "<hr>", "<div/>",
                     "<script>x</script>", "\x02", "<p hidden data-digest-terms>abc / def</p>",
                     '<dl class="digest-facts" data-pagefind-ignore>\n<div><dt>日期</dt><dd>不详</dd></div>\n</dl>']),
)


@pytest.fixture(scope="module")
def drawn_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("drawn")
    docs = work / "docs"
    docs.mkdir()
    (docs / "other.md").write_text("# other\n", encoding="utf-8")
    (docs / "page.md").write_text("", encoding="utf-8")
    config = _config(docs, work)
    site = str(work / "site")
    files = Files([File("page.md", str(docs), site, False), File("other.md", str(docs), site, False)])
    return config, files, docs / "page.md"


# DRAWN=6000 in the environment: a longer search, run by hand.
@settings(max_examples=int(os.environ.get("DRAWN", 400)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_CHUNK, st.sampled_from(["\n\n", "\n", "\n\n\n"])), min_size=1, max_size=8))
def test_drawn_pages_render_as_mkdocs_renders_them(drawn_site, chunks):
    config, files, path = drawn_site
    text = "".join(chunk + sep for chunk, sep in chunks)
    path.write_text(text, encoding="utf-8")
    page = Page(None, files.get_file_from_path("page.md"), config)
    plain, fast = _both(page, config, files)
    assert fast == plain, text
