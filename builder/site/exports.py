"""The machine-readable files published beside the pages: JSON, CSV, RSS."""
from __future__ import annotations

import csv
import datetime
import io
import json

from .escape import xml_text
from .listings import newest_date, newest_first
from ..model import Entry


def entry_record(e: Entry) -> dict:
    """One article in the ``data/articles.json`` contract (DESIGN.md)."""
    a = e.article
    return {
        "id": e.id,
        "url": "/" + e.url,
        "title": a.title,
        "title_generated": a.title_generated,
        "kicker": a.kicker,
        "zone": e.zone,
        "province": e.province,
        "city": e.city,
        "mentions": list(e.mentions),
        "themes": [t.theme for t in e.themes],
        "tags": list(e.tags),
        "authors": list(a.authors),
        "truncated": a.truncated,
        "continued_from": a.continued_from or None,
        "continued_to": a.continued_to or None,
        "date": e.date,
        "source": {"file": a.page, "lines": list(a.lines)},
        "paragraphs": list(a.paragraphs),
        "captions": list(a.captions),
        "figures": [{"label": f.label, "value": f.value, "unit": f.unit, "kind": f.kind, "sentence": f.sentence}
                    for f in e.figures],
        "related": list(e.related),
    }


def articles_json(records: list[dict]) -> str:
    """``{"articles": [...]}`` with one article per line: readable, and written by json's fast
    encoder (an indented dump goes through its pure-Python one, seconds at 10,000 articles)."""
    return '{"articles": [\n' + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]}\n"


CSV_FIELDS = ("id", "url", "title", "kicker", "date", "zone", "province", "city", "themes", "tags", "authors",
              "truncated", "source_file", "first_line", "last_line", "characters")


def articles_csv(records: list[dict]) -> str:
    """A spreadsheet-friendly export of the same records; lists are joined with ``;``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in records:
        writer.writerow([
            r["id"], r["url"], r["title"], r["kicker"] or "", r["date"] or "", r["zone"] or "", r["province"] or "",
            r["city"] or "", ";".join(r["themes"]), ";".join(r["tags"]), ";".join(r["authors"]),
            "yes" if r["truncated"] else "no", r["source"]["file"], r["source"]["lines"][0],
            r["source"]["lines"][1], sum(len(p) for p in r["paragraphs"]),
        ])
    return out.getvalue()


def rfc822(iso: str) -> str:
    """An issue date as RSS wants it: ``Mon, 17 Jun 2024 00:00:00 +0800`` (the paper's time zone).

    Written without the locale (``strftime`` would name days in the reader's language)."""
    d = datetime.date.fromisoformat(iso)
    day = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[d.weekday()]
    month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[d.month - 1]
    return f"{day}, {d.day:02d} {month} {d.year} 00:00:00 +0800"


def rss_feed(entries, site_url: str, path: str, name: str | None = None, limit: int = 50) -> str:
    """RSS 2.0 of the latest articles of ``entries`` (newest issue date first).

    Arguments:
        entries: the articles the feed is about (the whole site's, or one zone's)
        site_url: the public address; links are absolute from it. Without it they are
            paths from the site root (the build report says so): still a valid feed.
        path: where the feed is published in the site (``feed.xml``, ``zones/x/feed.xml``)
        name: the zone's name for a zone's feed
    Returns:
        the feed's text; ``lastBuildDate`` is the newest issue date, so the same input
        gives the same feed on any day.
    """
    base = site_url.rstrip("/") + "/" if site_url else "/"
    latest = newest_first(entries)[:limit]
    items = []
    for e in latest:
        lead = e.article.paragraphs[0] if e.article.paragraphs else ""
        items.append(
            "<item>"
            f"<title>{xml_text(e.title)}</title>"
            f"<link>{xml_text(base + e.url)}</link>"
            f"<guid isPermaLink=\"false\">{xml_text(e.id)}</guid>"
            + (f"<pubDate>{rfc822(e.date)}</pubDate>" if e.date else "")
            + f"<description>{xml_text(lead[:200])}</description>"
            + "".join(f"<category>{xml_text(t.theme)}</category>" for t in e.themes)
            + "</item>"
        )
    newest = newest_date(latest)
    title = f"{name} · 高新区文摘" if name else "高新区文摘"
    about = f"{name}的最新文章" if name else "国家高新区新闻的整理与检索"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"<title>{xml_text(title)}</title>"
        f"<link>{xml_text(base)}</link>"
        f"<description>{xml_text(about)}</description>"
        "<language>zh-cn</language>"
        + (f"<lastBuildDate>{rfc822(newest)}</lastBuildDate>" if newest else "")
        + f'<atom:link href="{xml_text(base + path).replace(chr(34), "&quot;")}" rel="self" type="application/rss+xml"/>'
        + "".join(items)
        + "</channel></rss>\n"
    )
