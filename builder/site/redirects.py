"""Pages that keep old addresses working: a small HTML page at the old address sending the
reader on to the new one (as MkDocs' redirects plugin writes them: a meta refresh, a
canonical link and a script, so it works without JavaScript and tells search engines).

Two kinds of old address are kept: province pages whose slug changed (``shan-xi-2`` is
now ``shaanxi``), and article ids that changed because a headline was corrected in the
page file itself (``seeds/addresses.yaml``, see ``addresses.py``).
"""
from __future__ import annotations

from .escape import html_text
from .links import page_url, relpath


def redirect_page(old_md: str, new_md: str) -> tuple[str, str]:
    """(path of the page to write, its HTML) sending ``old_md``'s address to ``new_md``'s.

    Both are Markdown paths of the docs folder (``provinces/shan-xi-2.md``); the page is
    written as ``provinces/shan-xi-2/index.html``, served at the old address.
    """
    old_url, new_url = page_url(old_md), page_url(new_md)
    target = relpath(new_url, old_url) + "/"
    attr = html_text(target).replace('"', "&quot;")
    html = (
        "<!doctype html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>页面已移动</title>\n<meta name=\"description\" content=\"这个页面已移到新的地址：{attr}\">\n"
        f"<link rel=\"canonical\" href=\"{attr}\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={attr}\">\n<meta name=\"robots\" content=\"noindex\">\n"
        f"<script>location.replace(\"{attr}\" + location.hash)</script>\n</head>\n"
        f"<body><p>这个页面已移到<a href=\"{attr}\">新的地址</a>。</p></body>\n</html>\n"
    )
    return old_url + "index.html", html


def redirect_pages(moves: dict[str, str]) -> dict[str, str]:
    """Every old Markdown path -> new one as files of the docs folder; a move onto itself is none."""
    return dict(redirect_page(old, new) for old, new in sorted(moves.items()) if old != new)
