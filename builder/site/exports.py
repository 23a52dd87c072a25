"""The machine-readable files published beside the pages: JSON, CSV, RSS."""
from __future__ import annotations

import csv
import io
import json

from .catalog import Catalog
from .escape import xml_text
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
        "source": {"file": a.page, "lines": list(a.lines)},
        "paragraphs": list(a.paragraphs),
        "captions": list(a.captions),
        "figures": [{"label": f.label, "value": f.value, "unit": f.unit, "sentence": f.sentence} for f in e.figures],
        "related": list(e.related),
    }


def articles_json(records: list[dict]) -> str:
    """``{"articles": [...]}`` with one article per line: readable, and written by json's fast
    encoder (an indented dump goes through its pure-Python one, seconds at 10,000 articles)."""
    return '{"articles": [\n' + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]}\n"


CSV_FIELDS = ("id", "url", "title", "kicker", "zone", "province", "city", "themes", "tags", "authors",
              "truncated", "source_file", "first_line", "last_line", "characters")


def articles_csv(records: list[dict]) -> str:
    """A spreadsheet-friendly export of the same records; lists are joined with ``;``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in records:
        writer.writerow([
            r["id"], r["url"], r["title"], r["kicker"] or "", r["zone"] or "", r["province"] or "",
            r["city"] or "", ";".join(r["themes"]), ";".join(r["tags"]), ";".join(r["authors"]),
            "yes" if r["truncated"] else "no", r["source"]["file"], r["source"]["lines"][0],
            r["source"]["lines"][1], sum(len(p) for p in r["paragraphs"]),
        ])
    return out.getvalue()


def rss_feed(catalog: Catalog, site_url: str, limit: int = 50) -> str:
    """RSS 2.0 of the latest articles. Links are absolute when the site URL is known."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    items = []
    latest = sorted(catalog.entries, key=lambda e: (e.article.page, e.article.number), reverse=True)[:limit]
    for e in latest:
        lead = e.article.paragraphs[0] if e.article.paragraphs else ""
        items.append(
            "<item>"
            f"<title>{xml_text(e.title)}</title>"
            f"<link>{xml_text(base + e.url)}</link>"
            f"<guid isPermaLink=\"false\">{xml_text(e.id)}</guid>"
            f"<description>{xml_text(lead[:200])}</description>"
            + "".join(f"<category>{xml_text(t.theme)}</category>" for t in e.themes)
            + "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0"><channel>'
        "<title>高新区文摘</title>"
        f"<link>{xml_text(base)}</link>"
        "<description>国家高新区新闻的整理与检索</description>"
        "<language>zh-cn</language>"
        + "".join(items)
        + "</channel></rss>\n"
    )
