"""Stable article ids.

An id depends only on the page file's name and the article's machine-made title
(before editors' corrections), never on other pages: adding a page or retitling
an article keeps every existing id and URL.
"""
from __future__ import annotations

import hashlib

from .model import Article
from .slugs import slugify


def article_id(article: Article) -> str:
    tag = hashlib.sha1(f"{article.page}\n{article.title}".encode("utf-8")).hexdigest()[:6]
    return f"{slugify(article.title, 40)}-{tag}"


def assign_ids(articles: list[Article]) -> list[tuple[str, Article]]:
    """Pair each article with its id; a repeated id (same title twice on one page) gets a suffix."""
    seen: dict[str, int] = {}
    out = []
    for article in articles:
        base = article_id(article)
        n = seen.get(base, 0) + 1
        seen[base] = n
        out.append((base if n == 1 else f"{base}-{n}", article))
    return out
