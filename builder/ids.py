"""Stable article ids, and the ASCII slugs they and the page addresses are made of.

An id depends only on the page file's name and the article's machine-made title
(before editors' corrections), never on other pages: adding a page or retitling
an article keeps every existing id and URL.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from pypinyin import Style, lazy_pinyin

from .model import Article, IdentifiedArticle


def article_id(article: Article) -> str:
    tag = hashlib.sha1(f"{article.page}\n{article.title}".encode("utf-8")).hexdigest()[:6]
    return f"{slugify(article.title, 40)}-{tag}"


def assign_ids(articles: list[Article]) -> list[IdentifiedArticle]:
    """Pair each article with its id; a repeated id (same title twice on one page) gets a suffix."""
    seen: dict[str, int] = {}
    out = []
    for article in articles:
        base = article_id(article)
        n = seen.get(base, 0) + 1
        seen[base] = n
        out.append(IdentifiedArticle(base if n == 1 else f"{base}-{n}", article))
    return out


# Slugs: ASCII from Chinese names, by pinyin (pypinyin). pypinyin knows the readings of
# polyphonic characters in context (重庆 is chongqing, 银行 is yinhang), which a
# hand-made table would get wrong.
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = 60) -> str:
    """``衡阳高新区`` -> ``heng-yang-gao-xin-qu`` style, joined per word-ish run.

    Syllables are joined with ``-``; anything not a letter or digit becomes a
    separator. Never empty: falls back to ``x``.
    """
    text = unicodedata.normalize("NFKC", text or "")
    # errors="default" keeps runs of Latin letters and digits whole (AI, 5G).
    parts = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    slug = _NON_SLUG.sub("-", "-".join(parts).lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] or slug[:max_len]
    return slug or "x"


def unique_slugs(names: list[str], max_len: int = 60) -> dict[str, str]:
    """Slug every name, adding ``-2``, ``-3`` … when two names share one.

    Names are taken in sorted order so the result does not depend on the order
    they were found in.
    """
    taken: set[str] = set()
    out: dict[str, str] = {}
    for name in sorted(set(names)):
        base = slugify(name, max_len)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[name] = slug
    return out


# Slugs the site uses for its own pages (``sources/index.md`` lists the pages).
RESERVED = frozenset({"index"})
# A page file name in the form the archive writes them (``002_728af0c55fdcc69f``):
# lowercase letters and digits in runs joined by single underscores.
_PAGE_FORM = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")


def hashed_slug(name: str, base: str) -> str:
    """``base--1a2b3c4d``: the base and a hash of the whole name. slugify never makes
    ``--``, so this cannot be any name's plain slug."""
    return f"{base}--{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"


def page_slug(stem: str, max_len: int = 60) -> str:
    """The slug of a page file's name, from that name alone.

    A name in the archive's own form (``002_728af0c55fdcc69f``) maps one to one
    onto its slug (``002-728af0c55fdcc69f``); every other spelling of the same
    slug (``002-728…``, capitals, dots, Chinese) gets a hash of its name. So no
    page added later can take an existing page's address, in either order.
    """
    base = slugify(stem, max_len)
    if _PAGE_FORM.fullmatch(stem) and base == stem.replace("_", "-") and base not in RESERVED:
        return base
    return hashed_slug(stem, base)


def stable_slugs(names: list[str], known=(), max_len: int = 60) -> dict[str, str]:
    """Slugs of group names (zones, provinces, themes) that never move to make room.

    Arguments:
        names: the names present, in the order they are first printed (oldest page first)
        known: the names the vocabulary lists
    The vocabulary's names share the plain slugs among themselves (``-2`` for a
    homophone, by sorted order) whatever the articles; a name it does not list
    (a zone named by a correction) gets its plain slug when no vocabulary name
    and no name printed before it holds that slug, else a hash of its name.
    """
    known = list(dict.fromkeys(known))
    out = unique_slugs(known, max_len)
    taken = set(out.values()) | RESERVED
    for name in dict.fromkeys(names):
        if name in out:
            continue
        base = slugify(name, max_len)
        slug = base if base not in taken else hashed_slug(name, base)
        taken.add(slug)
        out[name] = slug
    return out
