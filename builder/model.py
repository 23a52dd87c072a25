"""The data model: frozen dataclasses handed from one stage to the next.

Each stage returns new objects and never changes the ones it was given, so a
stage can be tested on its own and the whole build is a pure function of the
input files.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

# Names of roles and kinds are StrEnums: each member is its string ("body" == Role.BODY),
# so templates, JSON and the cache see the same values as before they had names.


class ProblemKind(StrEnum):
    """What a Problem left out of the build."""
    PAGE = "page"                # a page file that could not be read
    CORRECTIONS = "corrections"  # a correction that could not be applied
    PAGE_DATES = "pages"         # an entry of seeds/pages.yaml that could not be applied


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


class CorrectionKind(StrEnum):
    """What an editor's correction changes (``seeds/corrections.yaml``), in the order applied."""
    SPLIT = "split"
    MERGE = "merge"
    DEBRIS = "debris"
    DROP = "drop"
    RETITLE = "retitle"
    REZONE = "rezone"
    THEMES = "themes"
    TAGS = "tags"


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input, reported by file name and reason.

    ``kind`` says what was left out: a page file or a correction (ProblemKind);
    both fail a ``--strict`` build.
    """
    file: str
    reason: str
    line: int | None = None
    kind: ProblemKind = ProblemKind.PAGE

    @property
    def message(self) -> str:
        """The line printed by the command line and logged by the MkDocs hook."""
        lead = {ProblemKind.CORRECTIONS: "correction not applied:",
                ProblemKind.PAGE_DATES: "page date not applied:"}.get(self.kind, "skipped page file")
        return f"{lead} {self}"

    def __str__(self) -> str:
        # Names and values come from the input: escaped, they never drive the terminal.
        name = shown(self.file)
        where = f"{name}:{self.line}" if self.line else name
        return f"{where}: {shown(self.reason, quote=False)}"


# Control, format, line-separator, surrogate, private and unassigned characters.
_UNSHOWN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def shown(text: str, quote: bool = True) -> str:
    """Text safe to print: characters a terminal acts on or a reader cannot see written as escapes.

    A name holding any is quoted (``'a\\x1b[2J.txt'``), so where it ends is clear;
    printable text, Chinese included, is shown as it is.
    """
    if text.isprintable():
        return text
    out = "".join(_escape(ch) if unicodedata.category(ch) in _UNSHOWN else ch for ch in text)
    return f"'{out}'" if quote and out != text else out


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in "\n\r\t":
        return repr(ch)[1:-1]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


# --- repair ----------------------------------------------------------------

class FixKind(StrEnum):
    """What a repair changed on a line, in the order the steps run."""
    INVISIBLE = "invisible"      # characters a reader cannot see (controls, bidi, zero-width)
    MARKUP = "markup"            # typesetting marks stripped
    DOUBLED = "doubled"          # bold headline characters printed twice
    MISREADING = "misreading"    # a character OCR misreads
    PUNCTUATION = "punctuation"  # marks widened to full width, doubled marks collapsed
    SPACE = "space"              # spaces between Chinese characters
    PLACE_NAME = "place-name"    # a place name misread, mended from the page's own text


@dataclass(frozen=True)
class Fix:
    """One change the repair stage made: what kind, on which line, before and after."""
    kind: FixKind
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
        debris: the role of a line that is all debris (Role.BLANK, Role.MARKUP), else None
        heading_level: the Markdown heading level the line was marked with (``#`` is 1), else 0
        spaced: the repaired text before spaces were removed ("" when the same as text);
            a heading's parts are told apart by its spaces
    """
    no: int
    raw: str
    text: str
    debris: Role | None = None
    heading_level: int = 0
    spaced: str = ""


@dataclass(frozen=True)
class RepairedPage:
    page: Page
    lines: tuple[Line, ...]
    fixes: tuple[Fix, ...] = ()


# --- segment ---------------------------------------------------------------

class Role(StrEnum):
    """Where a line went: every line of a page gets exactly one (see DESIGN "Nothing lost")."""
    HEADLINE = "headline"
    KICKER = "kicker"
    SUBHEAD = "subhead"
    BYLINE = "byline"
    BODY = "body"
    CAPTION = "caption"
    CREDIT = "credit"
    BLANK = "blank"
    DUPLICATE = "duplicate"
    MARKUP = "markup"
    UNPLACED = "unplaced"
    REMOVED = "removed"      # marked as debris by an editor (corrections/apply.py)
    DROPPED = "dropped"      # its article dropped by an editor
    FURNITURE = "furniture"  # what the page prints around its articles: date line, page number,
                             # editors, continuation marker
    NOTICE = "notice"        # notices, correction notices and advertisements


ARTICLE_ROLES = (Role.HEADLINE, Role.KICKER, Role.SUBHEAD, Role.BYLINE, Role.BODY, Role.CAPTION, Role.CREDIT)
DEBRIS_ROLES = (Role.BLANK, Role.DUPLICATE, Role.MARKUP, Role.UNPLACED, Role.REMOVED, Role.DROPPED,
                Role.FURNITURE, Role.NOTICE)


@dataclass(frozen=True)
class Placement:
    """Where one line of the page went: its role and, for article roles, which article.

    ``article`` is the article's ``number`` on the page (1-based), or None for debris.
    """
    line: int
    role: Role
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
        continued_from, continued_to: the page it comes from (（上接第1版）) or goes on to
            (（下转第6版）) as printed (第1版), or ""
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
    continued_from: str = ""
    continued_to: str = ""


class IdentifiedArticle(NamedTuple):
    """An article with its stable id (``ids.assign_ids``); unpacks as ``id_, article``."""
    id: str
    article: Article


@dataclass(frozen=True)
class SegmentedPage:
    page: Page
    articles: tuple[Article, ...]
    placements: tuple[Placement, ...]
    fixes: tuple[Fix, ...] = ()
    issue_date: str | None = None  # the date the page's furniture prints (ISO)

    @property
    def unplaced(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.role == Role.UNPLACED)


# --- enrich ----------------------------------------------------------------

class PlaceKind(StrEnum):
    """Kinds of place the place finder tells apart (``places.yaml`` may add zone kinds of its own)."""
    NATIONAL = "national"        # a national high-tech zone of the gazetteer
    HITECH_ZONE = "hitech_zone"  # another 高新区, found by its shape
    NEW_AREA = "new_area"        # 新区
    FTZ_AREA = "ftz_area"        # 自贸区片区
    DEV_ZONE = "dev_zone"        # 经开区
    TOWN = "town"                # 镇
    INSTITUTION = "institution"  # counts for the place in its name
    CITY = "city"
    COUNTY = "county"
    PROVINCE = "province"


def article_page(id_: str) -> str:
    """The Markdown page of an article in the docs folder (``articles/<id>.md``); the one
    place the rule is written. Its address is the page's directory URL (``Entry.url``)."""
    return f"articles/{id_}.md"


@dataclass(frozen=True)
class Figure:
    """A key figure: 计划总投资 35.8亿元, with the sentence it came from.

    ``kind`` says what the number is: a level (an amount, a count, an end value),
    a change (同比增长39.88%) or a share (占比21%); see ``enrich/figure_labels.py``.
    """
    label: str
    value: str
    unit: str
    sentence: str
    kind: str = "level"


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
        date: the issue date of the article's page (ISO), None when unknown (日期不详)
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
    date: str | None = None

    @property
    def url(self) -> str:
        """The address of its page from the site root (``articles/<id>/``)."""
        return article_page(self.id).removesuffix(".md") + "/"

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
    issues: dict = field(default_factory=dict)  # page file name -> dates.IssueInfo
    moved: dict = field(default_factory=dict)   # a published article id no longer in the build -> its id now
    # What went wrong around the input, not with it (the cache turned off, an entry rebuilt):
    # shown as warnings, never failing a --strict build.
    notices: tuple[str, ...] = ()
