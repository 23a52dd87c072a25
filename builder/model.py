"""The data model: frozen dataclasses handed from one stage to the next.

Each stage returns new objects and never changes the ones it was given, so a
stage can be tested on its own and the whole build is a pure function of the
input files.
"""
from __future__ import annotations

from dataclasses import dataclass, field


# --- sources ---------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    """One printed page as read from its file.

    Arguments:
        name: the file name (``000_e871fc29704ad4c6.txt``), used as the key everywhere
        text: the decoded text, line ends normalised to ``\\n``
        encoding: the encoding it was decoded with
        digest: sha256 of the file's bytes, for caching
    """
    name: str
    text: str
    encoding: str = "utf-8"
    digest: str = ""

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(self.text.split("\n"))


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input, reported by file name and reason.

    ``kind`` says what was left out: a page file ("page") or a correction
    ("corrections"); both fail a ``--strict`` build.
    """
    file: str
    reason: str
    line: int | None = None
    kind: str = "page"

    @property
    def message(self) -> str:
        """The line printed by the command line and logged by the MkDocs hook."""
        lead = "correction not applied:" if self.kind == "corrections" else "skipped page file"
        return f"{lead} {self}"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


# --- repair ----------------------------------------------------------------

@dataclass(frozen=True)
class Fix:
    """One change the repair stage made: what kind, on which line, before and after."""
    kind: str
    line: int
    before: str
    after: str


@dataclass(frozen=True)
class Line:
    """A line of the page after repair.

    Arguments:
        no: the 1-based line number in the page file
        raw: the line as printed
        text: the repaired text ("" when nothing is left)
        debris: the kind of debris when the whole line is debris (blank, markup), else None
        heading_level: the Markdown heading level the line was marked with (``#`` is 1), else 0
        spaced: the repaired text before spaces were removed ("" when the same as text);
            a heading's parts are told apart by its spaces
    """
    no: int
    raw: str
    text: str
    debris: str | None = None
    heading_level: int = 0
    spaced: str = ""


@dataclass(frozen=True)
class RepairedPage:
    page: Page
    lines: tuple[Line, ...]
    fixes: tuple[Fix, ...] = ()


# --- segment ---------------------------------------------------------------

# Every line of a page gets exactly one of these roles (see DESIGN "Nothing lost").
ARTICLE_ROLES = ("headline", "kicker", "subhead", "byline", "body", "caption", "credit")
# "removed" and "dropped" are set by editors' corrections (corrections/apply.py).
# "furniture" (date line, page number, editors, continuation marker) and "notice"
# (notices and advertisements) are what the page prints besides its articles.
DEBRIS_ROLES = ("blank", "duplicate", "markup", "unplaced", "removed", "dropped", "furniture", "notice")


@dataclass(frozen=True)
class Placement:
    """Where one line of the page went: its role and, for article roles, which article.

    ``article`` is the article's ``number`` on the page (1-based), or None for debris.
    """
    line: int
    role: str
    article: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Article:
    """One article as a reader sees it, before enrichment.

    Arguments:
        page: the page file name
        number: 1-based position on the page, in reading order
        title: the headline, or one made from the lead when the page prints none
        title_generated: True when the page printed no headline
        kicker: the 引题 above the headline, or None
        authors: names from the byline, in printed order
        paragraphs: the cleaned body, one string per paragraph
        subheads: indexes into paragraphs of the paragraphs that are subheads
        captions: photo captions and credits that belonged to the article
        lines: first and last line numbers of the article on the page
        truncated: the article starts or ends mid-sentence at the page edge
        notes: the least certain decisions taken for it, for the build report
    """
    page: str
    number: int
    title: str
    paragraphs: tuple[str, ...]
    title_generated: bool = False
    kicker: str | None = None
    authors: tuple[str, ...] = ()
    subheads: tuple[int, ...] = ()
    captions: tuple[str, ...] = ()
    lines: tuple[int, int] = (0, 0)
    truncated: bool = False
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SegmentedPage:
    page: Page
    articles: tuple[Article, ...]
    placements: tuple[Placement, ...]
    fixes: tuple[Fix, ...] = ()
    issue_date: str | None = None  # the date the page's furniture prints (ISO)

    @property
    def unplaced(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.role == "unplaced")


# --- enrich ----------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    """A key figure: 计划总投资 35.8亿元, with the sentence it came from."""
    label: str
    value: str
    unit: str
    sentence: str


@dataclass(frozen=True)
class ThemeMatch:
    """A theme given to an article, with the score and the terms that earned it."""
    theme: str
    score: float
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """An article with everything the site shows about it.

    Arguments:
        id: stable ASCII id; the same input gives the same id
        article: the segmented article (after editors' corrections)
        zone, province, city: where it is mainly about, or None
        mentions: other zones it names
        themes: one to three themes, best first
        tags: keywords for the tags plugin
        figures: key figures with their sentences
        related: ids of related entries
        zone_key: the zone's canonical (gazetteer) name, for grouping: 杭州高新区 for 杭州高新区(滨江)
        zone_kind: national, new_area, ftz_area, dev_zone, town, city or county
        term_weights: the article's heaviest terms (L2-normalised TF-IDF), for related articles
    """
    id: str
    article: Article
    zone: str | None = None
    province: str | None = None
    city: str | None = None
    mentions: tuple[str, ...] = ()
    themes: tuple[ThemeMatch, ...] = ()
    tags: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    related: tuple[str, ...] = ()
    zone_key: str | None = None
    zone_kind: str | None = None
    term_weights: tuple[tuple[str, float], ...] = ()

    @property
    def url(self) -> str:
        return f"articles/{self.id}/"

    @property
    def title(self) -> str:
        return self.article.title

    def theme_match(self, theme: str) -> ThemeMatch | None:
        """This article's match for ``theme`` (the terms that earned it), None if it has not that theme."""
        return next((t for t in self.themes if t.theme == theme), None)


@dataclass(frozen=True)
class Digest:
    """Everything one build knows: the entries, the pages they came from, what went wrong."""
    entries: tuple[Entry, ...]
    pages: tuple[SegmentedPage, ...]
    problems: tuple[Problem, ...] = ()
    corrections: tuple[str, ...] = field(default=())
