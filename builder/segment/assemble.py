"""A draft → the Article a reader sees, and the placement of each of its lines.

Named steps, each returning what it decided: the body paragraphs (lead
markers and bylines taken off, orphan fragments left out), the authors, the
captions, the title (printed, or made from the lead), the truncation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import bylines as bl
from .captions import credit_split
from .headlines import title_from_lead
from .joins import list_item, starts_mid_sentence
from .runs import Draft
from ..model import Article, Placement
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules
from ..textmatch.cjk import is_cjk

# A closed paragraph this short that continues nothing is an orphan fragment.
ORPHAN = 6


# A sentence this short, set off by a space at the start of a paragraph, that begins
# in the middle of a word is a torn-off tail (运产业果浆度。): it continues nothing.
TORN_TAIL = 8
_TORN = re.compile(rf"^([^。！？]{{1,{TORN_TAIL}}}[。！？])[ \u3000]+\S")


def torn_tail(text: str, spaced: str, rules: Rules, tok: Cutter) -> str:
    """The torn-off tail a paragraph opens with, or "" (see TORN_TAIL)."""
    m = _TORN.match(spaced)
    if not m:
        return ""
    tail = re.sub(r"\s", "", m.group(1))
    first = tok.cut(tail[:8])[0]
    if not text.startswith(tail) or len(first) != 1 or not is_cjk(first) \
            or first in rules.sentence_start_chars:
        return ""
    return tail


@dataclass
class _Body:
    """What the body step decided."""
    paragraphs: list[str] = field(default_factory=list)
    subheads: list[int] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    truncated_start: bool = False


def _body(number: int, d: Draft, rules: Rules, tok: Cutter, placed: dict[int, Placement]) -> _Body:
    """The body paragraphs: wrapped pieces joined, lead markers and their bylines taken off."""
    out = _Body(truncated_start=d.inset)
    open_prev = False
    first_para = True
    for it in d.body:
        if it.kind == "heading":
            out.subheads.append(len(out.paragraphs))
            out.paragraphs.append(it.text)
            for no in it.lines:
                placed[no] = Placement(no, "subhead", number)
            open_prev = False
            continue
        text, note = it.text, ""
        if first_para or it.lead:
            text, lead_names, marker = bl.lead_byline(text, rules, it.spaced)
            out.authors += lead_names
            if marker:
                note = f"lead marker {marker} left out of the body"
            elif first_para and not d.inset and starts_mid_sentence(text, rules, tok):
                out.truncated_start = True
                d.notes.append("starts mid-sentence: cut at the page edge")
        elif not open_prev and (tail := torn_tail(text, it.spaced, rules, tok)):
            text = text[len(tail):]
            note = f"torn-off tail {tail} left out: it begins mid-word and continues nothing"
            d.notes.append(f"line {it.lines[0]}: {note}")
        if it.names:
            note = (note + "; " if note else "") + "names after the last sentence: " + " ".join(it.names)
        if it.source:
            note = (note + "; " if note else "") + f"source mark after the last sentence, no author: {it.source}"

        if (open_prev or _says_who(text, out.paragraphs, rules)) and out.paragraphs \
                and not list_item(out.paragraphs[-1], text, rules):
            out.paragraphs[-1] += text
        elif not it.open_end and len(text) <= ORPHAN and not first_para:
            for no in it.lines:
                placed[no] = Placement(no, "unplaced", note="orphan fragment: continues nothing on this page")
            d.notes.append(f"orphan fragment at line {it.lines[0]} left out: {text}")
            continue
        else:
            out.paragraphs.append(text)
        for no in it.lines:
            placed[no] = Placement(no, "body", number, note)
        open_prev = it.open_end and not it.names
        first_para = False
    return out


def _says_who(text: str, paragraphs: list[str], rules: Rules) -> bool:
    """A line saying who spoke the quote the paragraph before closes (……时代。” / 谭爱平说。, or the
    closing mark on the line below: ……时代。 / ”谭爱平说。): the end of that paragraph."""
    if not paragraphs or not rules.quote_attribution.match(text):
        return False
    before = paragraphs[-1].rstrip()
    closes = before[-1:] in "”\"" and rules.ends_sentence(before)
    return closes or (text[:1] in "”\"" and (before.count("“") > before.count("”") or before.count('"') % 2 == 1))


def _keep_body(placed: dict[int, Placement], p: Placement) -> None:
    """Place a line, unless part of it is already placed as body (a line split in pieces)."""
    old = placed.get(p.line)
    if old is None or old.role != "body":
        placed[p.line] = p


def _authors(number: int, d: Draft, lead: list[str], rules: Rules, placed: dict[int, Placement]) -> tuple[str, ...]:
    """The names of the lead, the byline lines and the names trailing a paragraph, each once, in order."""
    authors, after = list(lead), []
    last = d.last_line
    for byl in d.byline_items:
        # A byline printed below the body comes after the names trailing its last sentence
        # (…迈进。 丁子航 / 刘 晴: the names wrapped onto the next line).
        (after if byl.lines[0] > last else authors).extend(byl.names or bl.names_in(byl.text, rules) or ())
        _keep_body(placed, Placement(byl.lines[0], "byline", number, byl.note))
    return tuple(dict.fromkeys(authors + d.authors + after))


def _captions(number: int, d: Draft, rules: Rules, placed: dict[int, Placement]) -> tuple[str, ...]:
    captions: list[str] = []
    for c in sorted(d.captions, key=lambda c: c.lines[0]):
        # A caption and its credit on one line are kept as two.
        caption, credit = credit_split(c.text, rules)
        captions.extend(t for t in (caption, credit) if t)
        for no in c.lines:
            placed[no] = Placement(no, "credit" if c.kind == "credit" else "caption", number, c.note)
    return tuple(captions)


def _title(number: int, d: Draft, body: _Body, rules: Rules, placed: dict[int, Placement]) -> str:
    """The printed headline, or one made from the lead (from the second sentence when the first began elsewhere)."""
    if d.title is not None:
        for no in d.title.lines:
            _keep_body(placed, Placement(no, "headline", number, d.title.note))
        return d.title.text
    paragraphs = body.paragraphs
    lead = paragraphs[0] if paragraphs else ""
    if body.truncated_start:
        rest = "".join(p for i, p in enumerate(paragraphs) if i not in body.subheads)
        cut = next((i + 1 for i, ch in enumerate(rest) if ch in rules.sentence_end), 0)
        lead = rest[cut:].lstrip("”’") or lead
    d.notes.append("the page prints no headline; title made from the lead")
    return title_from_lead(lead, rules)


def _kicker(number: int, d: Draft, placed: dict[int, Placement]) -> str | None:
    for sub in d.subtitles:
        for no in sub.lines:
            _keep_body(placed, Placement(no, "headline", number, note="subtitle printed under the headline"))
    if d.kicker is None:
        return None
    for no in d.kicker.lines:
        _keep_body(placed, Placement(no, "kicker", number))
    return d.kicker.text


def finish(number: int, d: Draft, page: str, rules: Rules, tok: Cutter, placed: dict[int, Placement]) -> Article:
    """Assemble the Article and the placements of its lines."""
    body = _body(number, d, rules, tok, placed)
    authors = _authors(number, d, body.authors, rules, placed)
    captions = _captions(number, d, rules, placed)
    title = _title(number, d, body, rules, placed)
    kicker = _kicker(number, d, placed)
    truncated_end = bool(body.paragraphs) and not rules.ends_sentence(body.paragraphs[-1])
    if truncated_end:
        d.notes.append("ends mid-sentence: cut at the page edge")
    all_lines = [p.line for p in placed.values() if p.article == number]
    return Article(
        page=page, number=number, title=title, paragraphs=tuple(body.paragraphs), title_generated=d.title is None,
        kicker=kicker, authors=authors, subheads=tuple(body.subheads), captions=captions,
        lines=(min(all_lines), max(all_lines)) if all_lines else (d.first_line, d.last_line),
        truncated=body.truncated_start or truncated_end, notes=tuple(d.notes),
    )
