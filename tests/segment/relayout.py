"""Random layouts of an annotated page, for the relayout property tests.

A page (a seed or a dev page) is read into *units* in page order: headlines
(the lines the gold names as a title or kicker, and the lines the segmenter
placed as headline or kicker), subheads, paragraphs (the page's own lines joined
back where a line does not end a sentence) and other lines (debris, kept as
printed). A *layout family* sets those units again in one way a paper or an
OCR tool sets a page: narrow columns, one line per paragraph, lines joined until
a sentence end, markup removed or added, punctuation of the other width, stray
spaces, headlines moved, page furniture, another encoding. Every random choice
comes from the ``random.Random`` it is given, so hypothesis drives it and a
failing example is replayed exactly.

The property: the page laid out again gives the same articles as the page as
printed, compared sentence by sentence (:func:`signature`).

``python tests/segment/relayout_report.py`` prints which families hold on which
pages, and the evaluation table of each family's layouts scored against the gold.
"""
from __future__ import annotations

import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # imported by a script
    sys.path.insert(0, str(ROOT))

from builder.model import Page  # noqa: E402
from builder.repair import repair_page  # noqa: E402
from builder.segment import segment_page  # noqa: E402
from builder.sources import decode  # noqa: E402
from builder.vocab import load_vocabulary  # noqa: E402
from relayout_forms import inserted_between, reprinted_bylines  # noqa: E402
from relayout_text import FULL, HALF, add_markup, cut, furniture_line, strip_markup, stray_spaces, swap_widths  # noqa: E402,F401

CORPUS = ROOT / "tests" / "eval" / "corpus"
SENTENCE_END = "。！？!?"
CLOSERS = "”’」』）)"
_ENDS_SENTENCE = re.compile(f"[{SENTENCE_END}][{CLOSERS}]*$")
_SENTENCES = re.compile(f"[^{SENTENCE_END}]*[{SENTENCE_END}]+[{CLOSERS}]*|[^{SENTENCE_END}]+$")
_MARKUP = re.compile(r"^#+\s*|</?mark>|\^\{|(?<=[^\s])\}")


def norm(text: str | None) -> str:
    """Compare text as the checker does: NFKC, then only CJK ideographs and ASCII letters and digits."""
    return re.sub(r"[^\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9]", "", unicodedata.normalize("NFKC", text or ""))


def ends_sentence(text: str) -> bool:
    return bool(_ENDS_SENTENCE.search(text.rstrip()))


# --- the property -------------------------------------------------------------

_VOCAB = []


def vocabulary():
    """The builder's own vocabularies (the full gazetteer: a change of zone is a cue)."""
    if not _VOCAB:
        _VOCAB.append(load_vocabulary())
    return _VOCAB[0]


def segmented(text: str, name: str = "page.txt"):
    vocab = vocabulary()
    return segment_page(repair_page(Page(name, text), vocab), vocab)


def article_signature(article) -> tuple:
    """(title, authors, sentences): the article's body read as one run of sentences, so that
    where its paragraphs break does not matter, but which sentences it holds, in order, does."""
    body = "".join(article.paragraphs)
    sentences = tuple(n for n in (norm(s) for s in _SENTENCES.findall(body)) if n)
    return norm(article.title), tuple(norm(a) for a in article.authors), sentences


def signature(page: str | bytes) -> list[tuple]:
    """The articles of a page (text, or file bytes decoded as the builder reads them), in a fixed order."""
    if isinstance(page, bytes):
        page, _ = decode(page)
    return sorted(article_signature(a) for a in segmented(page).articles)


def differences(expected: list[tuple], got: list[tuple]) -> str:
    """A short account of where two signatures differ: which sentences moved or went, which titles changed."""
    home = {s: (t, i) for i, (t, _, ss) in enumerate(expected) for s in ss}
    there = {s: (t, i) for i, (t, _, ss) in enumerate(got) for s in ss}
    out = [f"{len(expected)} articles expected, {len(got)} built"]
    titles = sorted({t for t, _, _ in expected} ^ {t for t, _, _ in got})
    if titles:
        out.append("titles not in both: " + " | ".join(titles[:6]))
    moved = [s for s in home if s in there and home[s][0] != there[s][0]]
    lost = [s for s in home if s not in there]
    extra = [s for s in there if s not in home]
    for label, items in (("sentences in another article", moved), ("sentences lost", lost),
                         ("sentences not in the original", extra)):
        if items:
            out.append(f"{label} ({len(items)}): " + " | ".join(s[:24] for s in items[:4]))
    authors = [(t, a) for t, a, _ in expected if (t, a) not in {(t2, a2) for t2, a2, _ in got}]
    if authors and not titles:
        out.append("authors differ: " + " | ".join(f"{t[:12]}: {a}" for t, a in authors[:4]))
    return "\n".join(out)


# --- a page read into units ----------------------------------------------------

@dataclass
class Unit:
    """A piece of the page set as one block: a headline line, a subhead, a paragraph, another line.

    ``article`` is the article the unit belongs to (for a headline: the one it heads).
    """
    kind: str          # head, sub, text, other
    text: str
    article: int | None = None
    role: str = ""
    gap: int = 0       # blank lines before it on the page, when more than one (space between articles)


def blank_after_every_line(lines: list[str]) -> bool:
    """A page set in columns with a blank after every line: there a blank ends no paragraph."""
    text_lines = [ln for ln in lines if ln.strip()]
    if not text_lines:
        return False
    blank_after = sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and not b.strip())
    median = sorted(len(ln) for ln in text_lines)[len(text_lines) // 2]
    return median <= 30 and blank_after >= 0.9 * len(text_lines)


@dataclass
class Case:
    """An annotated page: its name, decoded text and gold."""
    name: str
    text: str = field(repr=False)
    gold: dict = field(repr=False)

    def __str__(self) -> str:  # hypothesis prints the example by it
        return self.name

    @cached_property
    def heads(self) -> list[str]:
        """Normalised titles and kickers of the gold articles."""
        return [norm(a.get(k)) for a in self.gold["articles"] for k in ("title", "kicker") if norm(a.get(k))]

    def is_gold_head(self, line: str) -> bool:
        n = norm(_MARKUP.sub("", line))
        return 4 <= len(n) <= 40 and not ends_sentence(line) and any(n in h for h in self.heads)

    @cached_property
    def units(self) -> list[Unit]:
        return self._reading[0]

    @cached_property
    def line_kinds(self) -> dict[int, str]:
        """Line number -> the kind of unit the line is part of (blank lines are not listed);
        a paragraph's lines that are not body (bylines, captions) are ``text/<role>``."""
        return self._reading[1]

    def unit_kind(self, line: str, role: str, article: int | None) -> str:
        """head (gold title or kicker, a line placed as one, a —— subtitle), sub, text or other."""
        if self.is_gold_head(line) or role in ("headline", "kicker") or line.lstrip().startswith("——"):
            return "head"
        if role == "subhead":
            return "sub"
        return "other" if article is None else "text"

    @cached_property
    def built(self):
        """The page as printed, segmented."""
        return segmented(self.text, self.name)

    @cached_property
    def _reading(self) -> tuple[list[Unit], dict[int, str]]:
        placement = {p.line: p for p in self.built.placements}
        lines = self.text.split("\n")
        units: list[Unit] = []
        kinds: dict[int, str] = {}
        every_line, open_paragraph, blanks = blank_after_every_line(lines), False, 0
        for no, line in enumerate(lines, 1):
            if not line.strip():
                open_paragraph, blanks = open_paragraph and every_line, blanks + 1
                continue
            gap, blanks = (blanks if blanks > 1 else 0), 0
            p = placement.get(no)
            role, article = (p.role, p.article) if p else ("unplaced", None)
            kind = self.unit_kind(line, role, article)
            last = units[-1] if units else None
            if (kind == "text" and open_paragraph and not gap and last.kind == "text" and last.article == article
                    and last.role == role and not ends_sentence(last.text)):
                last.text += line.strip()  # the paragraph goes on
            else:
                units.append(Unit(kind, line.rstrip() if kind == "text" else line.strip(),
                                  article if kind in ("text", "sub", "head") else None, role, gap))
            open_paragraph = kind == "text"
            kinds[no] = kind if role == "body" or kind != "text" else f"text/{role}"
        following = None
        for u in reversed(units):
            if u.kind == "head":
                # A headline heads the article the segmenter placed it in (the page as printed gives
                # the gold articles), else the one whose body comes next (a page may print a headline
                # apart from its body already).
                u.article = u.article if u.role in ("headline", "kicker") and u.article is not None else following
            elif u.article is not None:
                following = u.article
        return units, kinds

    def map_lines(self, kinds: tuple[str, ...], change) -> str:
        """The page as printed, with ``change(line, kind)`` applied to the lines of the given kinds of unit."""
        lines = self.text.split("\n")
        kind = self.line_kinds.get
        return "\n".join(change(ln, kind(no)) if kind(no) in kinds else ln for no, ln in enumerate(lines, 1))


def load_cases() -> list[Case]:
    """Every seed and dev page with its gold."""
    cases = []
    for pages, gold in ((ROOT / "seeds", CORPUS / "seeds" / "gold"), (CORPUS / "dev" / "pages", CORPUS / "dev" / "gold")):
        for path in sorted(pages.glob("*.txt")):
            text, _ = decode(path.read_bytes())
            cases.append(Case(path.name, text, yaml.safe_load((gold / f"{path.stem}.yaml").read_text("utf-8"))))
    return cases


# --- setting units again ---------------------------------------------------------

def render(units: list[Unit], width: int | None = None, blanks: str = "paragraph") -> str:
    """Set units as lines. Body paragraphs are cut every ``width`` characters (headlines, subheads,
    bylines and captions span the columns, as in print). ``blanks``: "line" (a blank after every line),
    "paragraph" (after every unit) or "none"."""
    out: list[str] = []
    for u in units:
        if u.gap:
            while out and not out[-1]:
                out.pop()
            out += [""] * u.gap
        pieces = cut(u.text, width) if width and u.kind == "text" and u.role == "body" else [u.text]
        for piece in pieces:
            out.append(piece)
            if blanks == "line":
                out.append("")
        if blanks == "paragraph":
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def moved_heads(units: list[Unit], where: str, rnd: random.Random) -> list[Unit]:
    """Headlines taken out and set at the page end (``end``, the articles in page or reverse order)
    or right after the last paragraph of their article's body (``after``)."""
    heads = [u for u in units if u.kind == "head"]
    rest, gap = [], 0
    for u in units:  # the space before a headline stays where the article begins
        if u.kind == "head":
            gap = max(gap, u.gap)
        else:
            rest.append(Unit(u.kind, u.text, u.article, u.role, max(gap, u.gap)))
            gap = 0
    heads = [Unit(u.kind, u.text, u.article, u.role) for u in heads]
    if where == "end":
        groups: dict = {}
        for u in heads:
            groups.setdefault(u.article, []).append(u)
        order = list(groups)
        if rnd.random() < 0.5:
            order.reverse()
        return rest + [u for a in order for u in groups[a]]
    out = list(rest)
    for article in dict.fromkeys(u.article for u in heads):
        group = [u for u in heads if u.article == article]
        ends = [i for i, u in enumerate(out) if u.article == article and u.kind != "head"]
        # after the body and its closing byline, not after a caption of it printed further on
        ends = [i for i in ends if out[i].role not in ("caption", "credit")] or ends
        at = ends[-1] + 1 if ends else len(out)
        out[at:at] = group
    return out


def join_to_sentence_end(units: list[Unit], glue: str) -> list[Unit]:
    """What a tool that joins lines until a sentence end makes: every unit not ending a sentence
    (headlines, bylines, cut paragraphs) is glued to the front of the next."""
    out: list[Unit] = []
    pending, gap = "", 0
    for u in units:
        text = pending + glue + u.text.strip() if pending else u.text
        gap = gap if pending else u.gap
        if ends_sentence(u.text):
            out.append(Unit("text", text, u.article, u.role, gap))
            pending = ""
        else:
            pending = text
    if pending:
        out.append(Unit("text", pending, None, "joined", gap))
    return out


# --- the layout families ------------------------------------------------------------
# Each takes a case and a Random and returns the page as text (or as file bytes).

def wrap_blank_after_every_line(case: Case, rnd: random.Random) -> str:
    return render(case.units, rnd.randint(8, 40), "line")


def wrap_blank_between_paragraphs(case: Case, rnd: random.Random) -> str:
    return render(case.units, rnd.randint(8, 40), "paragraph")


def wrap_no_blank_lines(case: Case, rnd: random.Random) -> str:
    return render(case.units, rnd.randint(8, 40), "none")


def one_line_per_paragraph(case: Case, rnd: random.Random) -> str:
    return render(case.units, None, rnd.choice(("paragraph", "none")))


def joined_until_sentence_end(case: Case, rnd: random.Random) -> str:
    return render(join_to_sentence_end(case.units, rnd.choice(("", " "))), None, rnd.choice(("paragraph", "none")))


def markup_removed(case: Case, rnd: random.Random) -> str:
    return "\n".join(strip_markup(line) for line in case.text.split("\n"))


def markup_added(case: Case, rnd: random.Random) -> str:
    return case.map_lines(("head", "sub"), lambda line, kind: add_markup(line, rnd, 1 if kind == "head" else 2))


def punctuation_half_width(case: Case, rnd: random.Random) -> str:
    return swap_widths(case.text, HALF, rnd.choice((0.5, 1.0)), rnd)


def punctuation_full_width(case: Case, rnd: random.Random) -> str:
    return swap_widths(case.text, FULL, rnd.choice((0.5, 1.0)), rnd)


def stray_spaces_in_paragraphs(case: Case, rnd: random.Random) -> str:
    share = rnd.uniform(0.02, 0.15)
    return case.map_lines(("text",), lambda line, kind: stray_spaces(line, share, rnd))


def headlines_at_page_end(case: Case, rnd: random.Random) -> str:
    return render(moved_heads(case.units, "end", rnd))


def headlines_after_their_body(case: Case, rnd: random.Random) -> str:
    return render(moved_heads(case.units, "after", rnd))


def furniture_top_and_bottom(case: Case, rnd: random.Random) -> str:
    top = [furniture_line(rnd) for _ in range(rnd.randint(1, 3))]
    bottom = [furniture_line(rnd) for _ in range(rnd.randint(1, 3))]
    sep = rnd.choice(("\n", "\n\n"))
    return sep.join(top) + "\n\n" + case.text.strip("\n") + "\n\n" + sep.join(bottom) + "\n"


def bylines_in_other_forms(case: Case, rnd: random.Random) -> str:
    """Every article's byline printed again in another form of the paper's (see relayout_forms)."""
    return render(reprinted_bylines(case.units, case.built.articles, rnd), None, rnd.choice(("paragraph", "none")))


def captions_and_furniture_inserted(case: Case, rnd: random.Random) -> str:
    """Photo captions with credits, and page furniture, set between paragraphs and articles."""
    return render(inserted_between(case.units, case.built.articles, rnd), None, rnd.choice(("paragraph", "none")))


def other_encoding(case: Case, rnd: random.Random) -> bytes:
    """The page as GB18030, UTF-8 with a BOM or UTF-8, with CRLF or LF line ends."""
    text = case.text.replace("\n", "\r\n") if rnd.random() < 0.5 else case.text
    codec = rnd.choice(("gb18030", "utf-8-sig", "utf-8"))
    return text.encode(codec)


FAMILIES = {f.__name__: f for f in (
    wrap_blank_after_every_line, wrap_blank_between_paragraphs, wrap_no_blank_lines, one_line_per_paragraph,
    joined_until_sentence_end, markup_removed, markup_added, punctuation_half_width, punctuation_full_width,
    stray_spaces_in_paragraphs, headlines_at_page_end, headlines_after_their_body, furniture_top_and_bottom,
    other_encoding, bylines_in_other_forms, captions_and_furniture_inserted,
)}
