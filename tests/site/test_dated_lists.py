"""Lists newest first by issue date, dates in the exports, and feeds that are valid RSS."""
from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from builder.pipeline import build_digest
from builder.settings import Settings
from conftest import ROOT
from builder.site import render_site
from builder.vocab import default_vocabulary

# The seeds print no date: the editors date three of them, 002 stays 日期不详.
PAGES_YAML = ("000_e871fc29704ad4c6.txt: {date: 2024-05-06}\n001_988cf84a0f11c8ac.txt: {date: 2024-06-17}\n"
              "003_2050d129c00b4608.txt: {date: 2023-12-25}\n004_a0c3287a342c85db.txt: {date: 2024-06-17}\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    for page in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(page, seeds / page.name)
    (seeds / "pages.yaml").write_text(PAGES_YAML, encoding="utf-8")
    digest = build_digest(Settings.for_seeds(seeds, cache_dir=None))
    return digest, render_site(digest, default_vocabulary(), ROOT / "site_templates")


def order_key(e):
    return (e.date or "", e.article.page, e.article.number)


def test_json_and_csv_carry_the_iso_date_or_null(site):
    digest, files = site
    records = json.loads(files["data/articles.json"])["articles"]
    by_page = {r["source"]["file"]: r["date"] for r in records}
    assert by_page["001_988cf84a0f11c8ac.txt"] == "2024-06-17" and by_page["002_728af0c55fdcc69f.txt"] is None
    rows = list(csv.DictReader(io.StringIO(files["data/articles.csv"])))
    assert {r["date"] for r in rows} == {"2024-05-06", "2024-06-17", "2023-12-25", ""}


def test_home_zone_and_archive_lists_are_newest_first(site):
    digest, files = site
    by_id = {e.id: e for e in digest.entries}

    def listed(md):  # the article ids a page lists, in order
        return [i for i in (line.split("](")[1].split(")")[0].rsplit("/", 1)[-1][:-3]
                            for line in md.splitlines() if line.startswith("- [")) if i in by_id]

    home = listed(files["index.md"].split("## 最新文章", 1)[1].split("##", 1)[0])
    complete = [by_id[i] for i in home if not by_id[i].article.truncated]
    assert complete and [order_key(e) for e in complete] == sorted(map(order_key, complete), reverse=True)
    assert by_id[home[0]].date == "2024-06-17"
    june = listed(files["archive/2024/06.md"])
    assert {by_id[i].article.page for i in june} == {"001_988cf84a0f11c8ac.txt", "004_a0c3287a342c85db.txt"}
    assert [order_key(by_id[i]) for i in june] == sorted((order_key(by_id[i]) for i in june), reverse=True)
    assert "archive/2023/12.md" in files and "archive/2024/index.md" in files


def test_a_feed_without_site_url_is_still_valid_rss_newest_first(site):
    digest, files = site
    rss = ET.fromstring(files["feed.xml"])
    items = rss.find("channel").findall("item")
    dates = [i.findtext("pubDate") for i in items]
    assert dates[0] == "Mon, 17 Jun 2024 00:00:00 +0800"
    assert all(i.findtext("link").startswith("/articles/") for i in items)
    undated = [i for i in items if i.find("pubDate") is None]
    assert undated and items.index(undated[0]) > max(n for n, d in enumerate(dates) if d)


def test_related_articles_of_equal_score_come_newest_first(site):
    from builder.enrich.related import link_related
    from dataclasses import replace
    digest, _ = site
    base = digest.entries[0]
    twins = [replace(base, id=f"twin-{d}", date=d, zone=None, zone_key=None, themes=())
             for d in ("2023-01-01", "2024-03-01", None, "2024-01-01")]
    linked = {e.id: e for e in link_related(tuple(twins))}
    assert linked["twin-2023-01-01"].related[:3] == ("twin-2024-03-01", "twin-2024-01-01", "twin-None")
