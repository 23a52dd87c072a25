"""The search markers of a page, written into its Markdown so MkDocs needs no hook for them.

- Every page: ``search: {exclude: true}`` in the front matter. Material's search box stays
  (header, overlay) but Pagefind answers it, so Material's own index is left empty.
- A searched page (an article, or a hand-written page, see ``search.is_searched``):
  ``pagefind_body: true`` in the front matter, so the theme (``overrides/main.html``) puts the
  page's content inside ``<div data-pagefind-body>`` and Pagefind indexes only that; the body
  opens with the hidden field of token codes (``search.terms_field``). The mark is on the
  HTML the theme writes rather than a ``<div markdown>`` round the Markdown, which would make
  ``md_in_html`` read and write again every tag of the page (a third of its conversion).

The MkDocs hook marks hand-written pages with the same functions as it reads them
(``mark_body_markdown``); the docs folder written by ``python -m builder docs`` holds them marked.
"""
from __future__ import annotations

from mkdocs.utils import get_markdown_title
from mkdocs.utils.meta import YAML_RE, get_data

from . import search

EXCLUDE = "search:\n  exclude: true\n"
BODY_KEY = "pagefind_body"  # front matter: the theme marks the page's content as Pagefind's body
BODY = f"{BODY_KEY}: true\n"


def exclude_from_material_index(markdown: str, searched: bool = False, generated: bool = False) -> str:
    """The page with ``search: {exclude: true}`` in its front matter (added when it has none),
    and ``pagefind_body: true`` when it is ``searched``. ``generated``: a page of the site's
    templates, whose front matter holds neither key (not read again: a YAML parse a page)."""
    match = YAML_RE.match(markdown)
    if not match:
        return f"---\n{EXCLUDE}{BODY if searched else ''}---\n\n{markdown}"
    meta = {} if generated else get_data(markdown)[1]
    added = ("" if "search" in meta else EXCLUDE) + (BODY if searched and BODY_KEY not in meta else "")
    return markdown[:match.end(1)] + added + markdown[match.end(1):]


def mark_body_markdown(body: str, field: str) -> str:
    """A searched page's Markdown body (no front matter), the hidden terms field first (the
    search box finds a match's position in the headline by it, see ``search.terms_field``)."""
    hidden = f"<p hidden data-digest-terms>{field}</p>\n\n" if field else ""
    return hidden + body


def mark_page(markdown: str, field: str | None, generated: bool = False) -> str:
    """A whole page (front matter and body) with its markers; ``field`` None: not searched."""
    markdown = exclude_from_material_index(markdown, searched=field is not None, generated=generated)
    if field is None:
        return markdown
    match = YAML_RE.match(markdown) if generated else None
    body = markdown[match.end():].lstrip("\n") if match else get_data(markdown)[0]  # as get_data parts it
    return markdown[:len(markdown) - len(body)] + mark_body_markdown(body, field)


def page_title_and_text(markdown: str) -> tuple[str, str]:
    """What a hand-written page's terms field is made of, as MkDocs reads the page:
    the front matter's title (else the first heading), and the Markdown after the front matter."""
    body, meta = get_data(markdown)
    return str(meta.get("title") or get_markdown_title(body) or ""), body


def terms_of_page(markdown: str) -> str:
    title, text = page_title_and_text(markdown)
    return search.terms_field(text, title)


def marked_file(path: str, text: str, texts: dict[str, tuple]) -> str:
    """One rendered file with its markers (a Markdown page), else as it was.

    Arguments:
        texts: path → (title, text, filter values) of the pages whose terms field is made
            from the article itself (its paragraphs: not the related titles listed below it)
    """
    if not path.endswith(".md"):
        return text
    field = None
    if search.is_searched(path, generated=True):
        title, own_text, *filters = texts.get(path) or page_title_and_text(text)
        field = search.terms_field(own_text, title, *filters)
    return mark_page(text, field, generated=True)


def marked_pages(files: dict[str, str], texts: dict[str, tuple]) -> dict[str, str]:
    """Rendered files with the markers in every Markdown page (:func:`marked_file`)."""
    return {path: marked_file(path, text, texts) for path, text in files.items()}
