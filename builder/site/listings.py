"""Lists of articles by issue date and by tag: the archive's months and the tag pages.

Every list is newest first (``newest_first``); a list is cut into pages of
``PAGE_SIZE`` like the theme pages, so no page grows with the archive.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..ids import unique_slugs
from ..model import Entry

PAGE_SIZE = 100  # articles on one page of a list (themes, tags, months)
UNDATED = "日期不详"


def newest_first(entries) -> tuple[Entry, ...]:
    """By issue date, newest first; on one date (or among the undated, which come last) the later
    page file and the later article on the page first (page files are named in printing order)."""
    return tuple(sorted(entries, key=lambda e: (e.date or "", e.article.page, e.article.number), reverse=True))


def newest_date(entries) -> str | None:
    return max((e.date for e in entries if e.date), default=None)


@dataclass(frozen=True)
class Listing:
    """One list page (a tag, a month, the undated articles) and its place in the site.

    Arguments:
        name: what it lists (数字经济, 2024-06, 日期不详)
        title: the page's heading (数字经济, 2024 年 6 月)
        path: its Markdown file; further pages are ``<path without .md>/<n>.md``
        entries: newest first
        trail: the breadcrumb trail, (name, Markdown path) pairs
        intro: a sentence under the heading, or ""
    """
    name: str
    title: str
    path: str
    entries: tuple[Entry, ...]
    trail: tuple[tuple[str, str], ...] = ()
    intro: str = ""

    @property
    def updated(self) -> str | None:
        """The newest issue date listed (the page's date in the sitemap)."""
        return newest_date(self.entries)


def page_chunks(path: str, entries) -> list[tuple[str, tuple]]:
    """(Markdown path, entries) of each page of a list: ``x.md``, ``x/2.md``, ``x/3.md`` …"""
    chunks = [tuple(entries[i:i + PAGE_SIZE]) for i in range(0, len(entries), PAGE_SIZE)] or [()]
    paths = [path] + [f"{path[:-3]}/{n}.md" for n in range(2, len(chunks) + 1)]
    return list(zip(paths, chunks))


@dataclass(frozen=True)
class Archive:
    """The archive by issue date.

    Arguments:
        months: every month with articles, newest first (``archive/2024/06.md``)
        years: (year, its months newest first), newest year first
        year_paths: each year's page (``archive/2024/index.md``)
        undated: the articles of pages with no date (``archive/undated.md``)
    """
    months: tuple[Listing, ...]
    years: tuple[tuple[str, tuple[Listing, ...]], ...]
    year_paths: dict[str, str]
    undated: Listing
    month_of: dict[str, str] = field(default_factory=dict)  # "2024-06" -> its Markdown path


ARCHIVE_TRAIL = (("首页", "index.md"), ("按日期浏览", "archive/index.md"))


def build_archive(entries) -> Archive:
    by_month: dict[str, list[Entry]] = {}
    undated = []
    for e in entries:
        if e.date:
            by_month.setdefault(e.date[:7], []).append(e)
        else:
            undated.append(e)
    months = tuple(
        Listing(ym, f"{ym[:4]} 年 {int(ym[5:])} 月", f"archive/{ym[:4]}/{ym[5:]}.md", newest_first(members),
                ARCHIVE_TRAIL + ((f"{ym[:4]} 年", f"archive/{ym[:4]}/index.md"),))
        for ym, members in sorted(by_month.items(), reverse=True))
    years: dict[str, list[Listing]] = {}
    for m in months:
        years.setdefault(m.name[:4], []).append(m)
    return Archive(
        months=months, years=tuple((y, tuple(ms)) for y, ms in years.items()),
        year_paths={y: f"archive/{y}/index.md" for y in years},
        undated=Listing(UNDATED, UNDATED, "archive/undated.md", newest_first(undated), ARCHIVE_TRAIL,
                        "这些文章所在的版面没有印出日期，文件名中也没有日期。编辑可以在 seeds/pages.yaml 中补上。"),
        month_of={m.name: m.path for m in months},
    )


def build_tags(entries) -> tuple[tuple[Listing, ...], dict[str, str]]:
    """One Listing per tag, most used first, and each tag's page path (``tags/<pinyin>.md``)."""
    members: dict[str, list[Entry]] = {}
    for e in entries:
        for tag in e.tags:
            members.setdefault(tag, []).append(e)
    slugs = unique_slugs(list(members))
    paths = {tag: f"tags/{slugs[tag]}.md" for tag in members}
    trail = (("首页", "index.md"), ("标签", "tags/index.md"))
    listings = tuple(
        Listing(tag, tag, paths[tag], newest_first(es), trail, f"带有标签「{tag}」的文章。")
        for tag, es in sorted(members.items(), key=lambda kv: (-len(kv[1]), paths[kv[0]])))
    return listings, paths
