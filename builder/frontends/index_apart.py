"""The publish build's search index, made beside MkDocs instead of after it.

Fed from MkDocs' ``on_post_page``, Pagefind had its last page only when MkDocs had
written every page, and then wrote its index (every word's page list, every chunk
compressed) while the build waited: 6.6 s of 27.7 at 1,000 articles, 89.5 s of 286 at
10,000. What Pagefind reads of a page is the part marked ``data-pagefind-body``, and
that part is the page's own Markdown converted with the site's Markdown extensions:
nothing of Material's template is in it. So a forked process (``runtime/apart.py``)
converts the searched pages itself, in MkDocs' page order, and writes the index from
them (``site/index_write.py``, in bounded memory), all while MkDocs renders on the other
core; the hook waits for it after MkDocs' last page (``on_post_build``).

The index is the one MkDocs' written pages give (a test indexes the written pages and
compares every file); MkDocs' own treatment of a page's Markdown (its link rewriting)
changes addresses in the HTML, never the text the index reads.
"""
from __future__ import annotations

import html
import time
from pathlib import Path

from mkdocs.utils.meta import get_data

from ..runtime.apart import Apart, can_fork
from ..site import search
from ..site.index_write import IndexWriter
from ..site.search_marks import mark_body_markdown, page_title_and_text

INDEX_PROCESS = "digest-index"  # the name ps and the bench give this process (bench/floor.py)


def _name_process(name: str) -> None:
    try:
        Path("/proc/self/comm").write_text(name)
    except OSError:  # no /proc: the name is only for reading figures
        pass


def pages_to_index(files) -> list[tuple[str, object]]:
    """(address, file) of every searched page, in the order MkDocs renders them."""
    return [("/" + f.url.lstrip("/"), f) for f in files.documentation_pages()
            if search.is_searched(f.src_uri, f.generated_by is not None)]


def searched_markdown(file) -> str:
    """A page's Markdown as MkDocs converts it: a generated page carries its markers, a
    hand-written one gets them as the hook's ``on_page_markdown`` gives them."""
    body, _ = get_data(file.content_string)
    if file.generated_by is not None:
        return body
    title, text = page_title_and_text(file.content_string)
    return mark_body_markdown(body, search.terms_field(text, title))


def page_html(converter, markdown: str, lang: str) -> str:
    converter.reset()
    return f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8"></head>' \
           f"<body>{converter.convert(markdown)}</body></html>"


def start(files, config, tables: dict[str, str]) -> Apart | None:
    """The index started in a process of its own; None when a fork is not safe here."""
    if not can_fork():
        return None
    options = (list(config.markdown_extensions), dict(config.mdx_configs or {}), config.theme.get("language") or "en")
    return Apart(_index, pages_to_index(files), options, Path(config.site_dir), tables)


def _index(pages: list[tuple[str, object]], options: tuple, site_dir: Path, tables: dict[str, str]) -> tuple[int, float]:
    import markdown

    extensions, configs, lang = options
    _name_process(INDEX_PROCESS)
    converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
    writer = IndexWriter(site_dir / "pagefind", lang)
    try:
        for url, file in pages:
            writer.add(url, page_html(converter, searched_markdown(file), lang))
        start = time.perf_counter()
        indexed = writer.finish()
    finally:
        writer.close()
    search.write_table_texts(site_dir, tables)
    return indexed, time.perf_counter() - start
