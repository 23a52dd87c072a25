"""Issue dates: the date, page number and section of every page file.

Three sources, the first that knows wins:

1. ``seeds/pages.yaml``, written by the editors (``pages_file.py``);
2. the page's furniture: a line holding a date and nothing else but a weekday,
   a page number, a lunar date, the paper's name and a section label
   (``2024年9月30日　星期一　　第6版　园区动态``, ``二〇二四年九月二日　星期一``);
   a date inside a sentence of an article is not the issue date;
3. a date in the file name (``2024-06-17_…txt``, ``20240617-….txt``).

The patterns are data (``data/dates.yaml``). A page none of them dates is
日期不详 (``date`` None), and the build report lists it.
"""
from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..model import Page

FURNITURE, FILE_NAME, EDITORS = "版面日期行", "文件名", "编辑设定"


@dataclass(frozen=True)
class IssueInfo:
    """What is known of the issue a page was printed in.

    Arguments:
        date: ISO date (``2024-09-30``), None when unknown (日期不详)
        page_no: the printed page number (第6版), or None
        section: the page's section label (园区动态), or None
        source: where the date came from (FURNITURE, FILE_NAME, EDITORS), None without a date
        line: the furniture line the date was read from (1-based), or None
    """
    date: str | None = None
    page_no: int | None = None
    section: str | None = None
    source: str | None = None
    line: int | None = None

    @property
    def year_month(self) -> tuple[str, str] | None:
        return (self.date[:4], self.date[5:7]) if self.date else None


@dataclass(frozen=True)
class DateRules:
    dates: tuple[re.Pattern, ...]
    digits: dict
    ten: str
    parts: tuple[re.Pattern, ...]      # stripped from a chunk of a furniture line
    papers: re.Pattern                 # the paper's names (some hold spaces)
    page_number: re.Pattern
    leading_page_number: re.Pattern
    weekday: re.Pattern
    section: re.Pattern
    column_label: re.Pattern           # a section label on its own line, right against the date line
    window: int
    bare_top: int                      # a date alone on its line is furniture only this near the top
    file_name: re.Pattern


@functools.lru_cache(maxsize=4)
def load_date_rules(data_dir: Path) -> DateRules:
    raw = yaml.safe_load((Path(data_dir) / "dates.yaml").read_text(encoding="utf-8"))
    papers = sorted(raw["papers"], key=len, reverse=True)
    paper = "(?:" + "|".join(re.escape(p) for p in papers) + ")"
    return DateRules(
        dates=tuple(re.compile(p) for p in raw["dates"]),
        digits={str(k): int(v) for k, v in raw["digits"].items()}, ten=raw["ten"],
        parts=tuple(re.compile("^(?:" + p + ")") for p in (raw["weekday"], raw["lunar"], raw["page_number"], paper)),
        papers=re.compile(paper), page_number=re.compile(raw["page_number"]), leading_page_number=re.compile(raw["leading_page_number"]),
        weekday=re.compile("^(?:" + raw["weekday"] + ")"), section=re.compile(raw["section"]),
        column_label=re.compile(raw["column_label"]),
        window=int(raw["furniture_window"]), bare_top=int(raw["bare_date_top"]),
        file_name=re.compile(raw["file_name"]),
    )


def chinese_number(text: str, rules: DateRules) -> int | None:
    """``2024``, ``二〇二四``, ``十二``, ``二十一``, ``三十`` as an int; None when not a number."""
    if text.isdigit():
        return int(text)
    if rules.ten in text:  # 十, 十二, 二十, 二十一
        tens, _, units = text.partition(rules.ten)
        t = rules.digits.get(tens, None) if tens else 1
        u = rules.digits.get(units, None) if units else 0
        return None if t is None or u is None else t * 10 + u
    if text and all(c in rules.digits for c in text):  # 二〇二四: digit by digit
        return int("".join(str(rules.digits[c]) for c in text))
    return None


def iso_date(y: str, m: str, d: str, rules: DateRules) -> str | None:
    """The ISO form of a printed year, month and day; None when it is no calendar date."""
    parts = [chinese_number(x, rules) for x in (y, m, d)]
    if None in parts or not 1949 <= parts[0] <= 2100:
        return None
    try:
        return datetime.date(*parts).isoformat()
    except ValueError:
        return None


_SPACES = re.compile(r"[\s\u3000]+")


def _chunks(text: str) -> list[str]:
    return [c for c in _SPACES.split(text) if c]


def _read_chunk(chunk: str, rules: DateRules) -> tuple[bool, int | None, str | None]:
    """One space-separated piece of a furniture line: (is furniture, page number, section).

    Known parts (weekday, lunar date, page number, paper's name) are taken off its start
    one after another; what is left must be empty or a section label.
    """
    page_no = None
    progress = True
    while chunk and progress:
        progress = False
        for part in rules.parts:
            m = part.match(chunk)
            if m:
                if m.groupdict().get("n"):
                    page_no = chinese_number(m.group("n"), rules)
                chunk, progress = chunk[m.end():], True
                break
    if not chunk:
        return True, page_no, None
    if rules.section.match(chunk):
        return True, page_no, chunk
    return False, page_no, None


def read_furniture(text: str, rules: DateRules, *, joined: bool = False) -> tuple[bool, int | None, str | None]:
    """A line (its date taken out) as furniture: (is furniture, page number, section).

    ``joined``: the line starts with the date and a weekday, so it is furniture even
    when a tool glued the first headline to it; its pieces are read up to the first
    that is not furniture.
    """
    page_no = section = None
    text = rules.papers.sub(" ", text)
    m = rules.leading_page_number.match(text.strip())
    if m:
        page_no, text = int(m.group("n")), text.strip()[m.end():]
    for chunk in _chunks(text):
        ok, n, s = _read_chunk(chunk, rules)
        page_no = page_no if n is None else n
        section = section or s
        if not ok:
            if joined:
                break
            return False, None, None
    return True, page_no, section


def date_line(line: str, rules: DateRules) -> tuple[str, int | None, str | None] | None:
    """(ISO date, page number, section) when ``line`` is a furniture date line, else None."""
    text = line.strip().lstrip("\ufeff")
    for pattern in rules.dates:
        m = pattern.search(text)
        if not m:
            continue
        date = iso_date(m.group("y"), m.group("m"), m.group("d"), rules)
        if date is None:
            continue
        rest = text[m.end():]
        # A date at the very start, then a space and a weekday: furniture even if text is glued on.
        joined = m.start() == 0 and rest[:1].isspace() and bool(rules.weekday.match(rest.strip()))
        ok, page_no, section = read_furniture(text[:m.start()] + " " + rest, rules, joined=joined)
        if ok:
            return date, page_no, section
    return None


def _nearby(lines: tuple[str, ...], at: int, rules: DateRules) -> tuple[int | None, str | None]:
    """Page number and section printed on furniture lines next to the date line (第3版　　区域·创新),
    or a column label set right against it, with no blank line between (观察·思考 above the date)."""
    page_no = section = None
    for i in range(max(0, at - rules.window), min(len(lines), at + rules.window + 1)):
        if i == at:
            continue
        if rules.page_number.search(lines[i]):
            ok, n, s = read_furniture(lines[i], rules)
            if ok:
                page_no, section = page_no or n, section or s
        elif abs(i - at) == 1 and rules.column_label.fullmatch(lines[i].strip()):
            section = section or lines[i].strip()
    return page_no, section


def _bare(line: str, rules: DateRules) -> bool:
    text = line.strip().lstrip("\ufeff")
    return any(p.fullmatch(text) for p in rules.dates)


def from_lines(lines: tuple[str, ...], rules: DateRules) -> IssueInfo:
    """The issue date from the page's own furniture: the first date line of the page.

    A date alone on its line, with nothing else of a masthead, is taken only among the
    first lines of the page: further down it is more likely a notice's signature.
    """
    seen = 0
    for i, line in enumerate(lines):
        seen += bool(line.strip())
        found = date_line(line, rules)
        if found and seen > rules.bare_top and _bare(line, rules):
            continue
        if found:
            date, page_no, section = found
            near_no, near_section = _nearby(lines, i, rules)
            return IssueInfo(date, page_no or near_no, section or near_section, FURNITURE, i + 1)
    return IssueInfo()


def from_file_name(name: str, rules: DateRules) -> str | None:
    stem = name.rsplit(".", 1)[0]
    for m in rules.file_name.finditer(stem):
        date = iso_date(m.group("y"), m.group("m"), m.group("d"), rules)
        if date:
            return date
    return None


def issue_info(page: Page, rules: DateRules, editors: dict | None = None, printed: IssueInfo | None = None) -> IssueInfo:
    """Everything known of a page's issue: the editors' entry, then furniture, then the file name.

    Arguments:
        page: the page as read
        rules: the date patterns (:func:`load_date_rules`)
        editors: this page's checked entry of ``seeds/pages.yaml`` (date, page, section), if any
        printed: what its lines print (:func:`from_lines`), when already known
    """
    found = printed if printed is not None else from_lines(page.lines, rules)
    if not found.date:
        named = from_file_name(page.name, rules)
        if named:
            found = IssueInfo(named, found.page_no, found.section, FILE_NAME)
    if editors:
        date = editors.get("date")
        found = IssueInfo(date or found.date, editors.get("page", found.page_no),
                          editors.get("section", found.section),
                          EDITORS if date else found.source, None if date else found.line)
    return found


def issue_dates(pages, data_dir: Path, editors: dict[str, dict], memory: dict | None = None) -> dict[str, IssueInfo]:
    """Every page's IssueInfo by file name.

    Arguments:
        memory: what the pages' lines printed, by (name, text's digest), kept by a process that
            builds again and again (``mkdocs serve``) for the same rules; the last build's pages only
    """
    rules = load_date_rules(Path(data_dir))
    if memory is None:
        return {p.name: issue_info(p, rules, editors.get(p.name)) for p in pages}
    printed = {(p.name, p.digest): memory.get((p.name, p.digest)) or from_lines(p.lines, rules) for p in pages}
    memory.clear()
    memory.update(printed)
    return {p.name: issue_info(p, rules, editors.get(p.name), printed[p.name, p.digest]) for p in pages}
