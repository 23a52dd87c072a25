"""Links between generated pages: relative paths for Markdown, final URLs for raw HTML.

Markdown links (``[x](../zones/a.md)``) are checked and rewritten by MkDocs;
links inside raw HTML (the SVG map, the source view's table) are not, so they
must already be the final URL. The site uses MkDocs' default directory URLs
(``zones/a.md`` is served at ``zones/a/``).
"""
from __future__ import annotations


def relpath(dest: str, start: str) -> str:
    """``posixpath.relpath`` for clean paths ('a/b', '/a/b/', '.'), without its
    ``abspath`` calls: the renderer makes tens of thousands of links."""
    d = [p for p in dest.split("/") if p and p != "."]
    s = [p for p in start.split("/") if p and p != "."]
    n = 0
    while n < len(d) and n < len(s) and d[n] == s[n]:
        n += 1
    return "/".join([".."] * (len(s) - n) + d[n:]) or "."


def page_url(md_path: str) -> str:
    """The directory URL of a Markdown file, relative to the site root ('' for the home page)."""
    stem = md_path[:-3] if md_path.endswith(".md") else md_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return stem + "/"


def html_link(src: str, dest: str) -> str:
    """A relative URL from the page made from ``src`` to the page made from ``dest``.

    Arguments:
        src, dest: Markdown paths inside the docs folder; ``dest`` may carry a ``#fragment``
    Returns:
        e.g. ``../../provinces/hu-nan/`` from ``zones/x.md``; ``./`` for the same page
    """
    dest, _, fragment = dest.partition("#")
    rel = relpath(page_url(dest), page_url(src))
    return ("./" if rel == "." else rel + "/") + ("#" + fragment if fragment else "")
