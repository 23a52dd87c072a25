"""Print conventions that give text to another article than the one its place says.

- an editor's note (编者按：…) printed above a series' kicker and headline introduces the
  article below it: it opens that article, it is no article of its own and no tail of the
  article above;
- a picture-news item (图片新闻, a caption and a credit) is an item of its own: its caption is
  its text and its photographer its author, never a caption of the article above;
- an article continued from or to another page (（上接第1版）, （下转第6版）) records the page.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .bylines import names_in
from .captions import credit_split
from .items import Item
from .line_shapes import CAPTION_BY_WORDS
from .runs import EDITOR_NOTE, Draft, Run
from ..model import Article, Placement
from ..vocab.rule_files import Rules



def editor_note(text: str, rules: Rules) -> bool:
    """A paragraph that opens with an editor's note marker (编者按：)."""
    return any(rx.match(text) for rx in rules.editor_notes)


def regroup(drafts: list[Draft], runs: list[Run], rules: Rules) -> list[Draft]:
    """Sidebars back to the article above them, editor's notes on to the article below them. A
    sidebar's label is no candidate headline of any article (taken out of the runs' headings)."""
    for run in runs:
        run.pre = [h for h in run.pre if h.note != SIDEBAR_NOTE]
    return notes_to_next(sidebars_to_previous(drafts), rules)


def sidebars_to_previous(drafts: list[Draft]) -> list[Draft]:
    """A draft headed by nothing but a sidebar's label (【链接】, 编后) is the end of the article above
    it: its label a subhead there, its paragraphs that article's."""
    out: list[Draft] = []
    for d in drafts:
        if out and d.pre and not d.inset and all(h.note == SIDEBAR_NOTE for h in d.pre):
            prev = out[-1]
            prev.body += d.pre + d.body
            prev.byline_items += d.byline_items
            prev.captions += d.captions
            prev.notes.append(f"line {d.pre[0].lines[0]}: {SIDEBAR_NOTE}")
            continue
        out.append(d)
    return out


def notes_to_next(drafts: list[Draft], rules: Rules) -> list[Draft]:
    """An editor's note with nothing but its own paragraphs after it in its draft goes to the front
    of the next draft, printed after it (a note never closes an article: 编后 does); a draft left
    empty is dropped. A note under a heading of its own (a series' introduction with its own
    title) stays where it is."""
    out: list[Draft] = []
    for k, d in enumerate(drafts):
        nxt = drafts[k + 1] if k + 1 < len(drafts) else None
        at = _note_at(d, rules)
        if at is None or nxt is None or nxt.inset or min(it.lines[0] for it in nxt.pre + nxt.body) < d.body[at].lines[-1]:
            out.append(d)
            continue
        moved = [replace(it, note=EDITOR_NOTE) for it in d.body[at:]]
        del d.body[at:]
        nxt.body[:0] = moved
        nxt.notes.append(f"line {moved[0].lines[0]}: {EDITOR_NOTE}")
        if d.body:
            out.append(d)
    return out


def _note_at(d: Draft, rules: Rules) -> int | None:
    """Where the draft's last editor's note begins, when only paragraphs follow it (the first
    paragraph may be a note moved here from above the headline)."""
    for i in range(len(d.body) - 1, 0 if d.pre else -1, -1):
        it = d.body[i]
        if it.kind != "para":
            return None
        if editor_note(it.text, rules):
            return i
    return None


PICTURE_LABEL = "picture label"  # the furniture kind of the label over a picture-news item
FIGURES_LABEL = "figures label"  # the label over a box of key figures (数读)
LABELS = (PICTURE_LABEL, FIGURES_LABEL, "column label")  # furniture kinds of a label printed over a piece
PICTURE_NOTE = "a picture-news item: the caption under its label is its text"
LABEL_NOTE = "under a column label"
LABEL_START = "a column label ends the article above"
BRIEF_START = "a bulleted brief under a column label"
FIGURES_NOTE = "a line of the box of figures under its label (数读)"
SIDEBAR_NOTE = "a sidebar's label after an article: it and its text are the article's"


def label_items(items: list[Item], labels: dict[int, str], rules: Rules,
                plain: dict[int, str]) -> tuple[list[Item], dict[int, str]]:
    """What a label printed over a piece says (line: its furniture kind): under a column label
    (短评, 快讯) a new article begins; under a picture-news label (图片新闻) a headline if printed,
    the caption (its text, read as a paragraph) and the credit make an item of their own, as they
    do under a headline of their own with no label.
    ``plain``: each line's text (a heading's own has its spaces read as separators).
    Returns the items, those captions made paragraphs, and where articles start (item index: why)."""
    out = [replace(it, kind="heading", note=SIDEBAR_NOTE) if it.kind != "byline" and rules.sidebar_labels.match(it.text)
           else it for it in items]
    starts: dict[int, str] = {}
    for label, kind in sorted(labels.items()):
        first = next((i for i, it in enumerate(out) if it.lines[0] > label), None)
        if first is None:
            continue
        if kind == FIGURES_LABEL:
            _figures_box(out, first, rules)
            continue
        if kind != PICTURE_LABEL:
            _bulleted_briefs(out, first, rules, starts)
        if kind != PICTURE_LABEL and not first:
            continue  # a label over the page's first piece: no article above to end
        if kind != PICTURE_LABEL and out[first].kind == "para" and rules.furniture_section_name.search(plain.get(label, "")):
            continue  # the page band's section name read between two paragraphs: no piece under it
        if kind != PICTURE_LABEL:
            # a heading-shaped line read as a caption for the gap the label leaves above it, with
            # text below it, is the piece's headline
            if out[first].kind == "caption" and out[first].note.startswith("caption:") and first + 1 < len(out) \
                    and out[first + 1].kind in ("para", "byline"):
                out[first] = replace(out[first], kind="heading", note=f"heading: {LABEL_NOTE}, above text")
            elif out[first].kind == "heading":
                out[first] = replace(out[first], note=f"{out[first].note}; {LABEL_NOTE}".lstrip("; "))
            starts.setdefault(first, LABEL_START)
            continue
        _picture(out, first, rules, starts, plain)
    for i in _unlabelled_pictures(out, rules):
        _picture(out, i, rules, starts, plain)
    return out, starts


def _picture(out: list[Item], first: int, rules: Rules, starts: dict[int, str], plain: dict[int, str]) -> None:
    """The picture-news item from item ``first`` on: a headline or two (a heading with the caption
    below it, not the caption's own first line wrapped), the caption made its text, the credit."""
    i = first
    while i < len(out) and out[i].kind == "heading" and i - first < 2 and i + 1 < len(out) \
            and out[i + 1].kind in ("heading", "caption", "para"):
        i += 1
    texts, open_text = 0, False
    # the caption's lines: captions and credits, and a paragraph or heading that opens it or goes on
    # with its open sentence (a caption wrapped in a narrow column)
    while i < len(out) and (out[i].kind in ("caption", "credit")
                            or (out[i].kind in ("para", "heading") and (not texts or open_text))):
        it = out[i]
        caption, credit = credit_split(it.text, rules) if it.kind == "credit" else (_plain(it, plain), "")
        if caption:
            # its text as printed, the symbol that marks a caption (▲) aside; a credit on the
            # caption's last line (…康复设备。 （王磊 摄）) signs it as names after a last sentence do
            text = caption.lstrip(rules.byline_symbols + "△▼ 　")
            open_text = not rules.ends_sentence(text)
            out[i] = replace(it, kind="para", text=text, note=PICTURE_NOTE, open_end=open_text,
                             names=photographers(credit, rules) if credit else ())
            texts += 1
        i += 1
        if credit:
            break
    if not texts:
        return
    starts[first] = PICTURE_NOTE
    if i < len(out):
        starts[i] = "after a picture-news item"


def _plain(it: Item, plain: dict[int, str]) -> str:
    """A heading's text as its lines print it (its spaces not read as separators of its parts), when
    the item is those whole lines."""
    text = "".join(plain.get(no, "") for no in it.lines)
    return text if it.kind == "heading" and text.replace("，", "") == it.text.replace("，", "") else it.text


def _unlabelled_pictures(out: list[Item], rules: Rules) -> list[int]:
    """Headlines over nothing but a photo's caption in its own words (图为…, ▲…) and then its
    credit, before the next headline or the page end: a picture-news item printed without its
    label (no article's photo stands alone under a headline of its own; a headline printed after
    its body may stand over another photo's credit, never over its caption's words)."""
    found = []
    for i, it in enumerate(out):
        if it.kind != "heading" or (i and out[i - 1].kind == "heading") or i + 2 >= len(out) \
                or out[i + 1].kind != "caption" or out[i + 1].note != CAPTION_BY_WORDS:
            continue
        j = i + 2
        while j < len(out) and out[j].kind == "para" and not rules.ends_sentence(out[j - 1].text):
            j += 1  # the rest of the caption's sentence, wrapped onto the next lines
        k = j
        while k < len(out) and out[k].kind == "credit":
            k += 1
        if k > j and (k == len(out) or out[k].kind == "heading"):
            found.append(i)
    return found


def _bulleted_briefs(out: list[Item], first: int, rules: Rules, starts: dict[int, str]) -> None:
    """Under a column label, paragraphs each opening with a bullet (■ 近日，…; a symbol a byline may
    open with, here before no names) are briefs of their own, the bullet no part of their text."""
    i = first
    while i < len(out) and out[i].kind == "para" and out[i].text[:1] in rules.byline_symbols \
            and out[i].text[:1] not in "▲△▼":
        out[i] = replace(out[i], text=out[i].text[1:].lstrip(" 　"), spaced=out[i].spaced.lstrip(rules.byline_symbols + " 　"))
        if i > first:
            starts.setdefault(i, BRIEF_START)
        i += 1


def _figures_box(out: list[Item], first: int, rules: Rules) -> None:
    """The short lines with a figure under a figures label (数读: 186亿元　一季度营收) are one box:
    one caption, given as a whole to the article it reads like, never headlines or text."""
    i = first
    while i < len(out) and out[i].kind in ("heading", "caption", "para") and any(c.isdigit() for c in out[i].text) \
            and len(out[i].text) <= rules.heading_max_chars:
        i += 1
    if i > first:
        box = out[first:i]
        out[first:i] = [Item("caption", tuple(no for it in box for no in it.lines), "；".join(it.text for it in box),
                             gap=box[0].gap, gap_before=box[0].gap_before, note=FIGURES_NOTE)]


def sign_pictures(drafts: list[Draft], starts: dict[int, str], items: list[Item], rules: Rules,
                  spaced: dict[int, str]) -> None:
    """A picture-news item is signed by its credit: the photographer is its author."""
    firsts = {items[i].lines[0] for i, why in starts.items() if why == PICTURE_NOTE}
    for d in drafts:
        lines = {no for it in d.body + d.pre for no in it.lines}
        if not lines & firsts or d.authors or d.byline_items:
            continue
        for c in d.captions:
            if c.kind == "credit":
                d.authors += list(photographers(spaced.get(c.lines[0], c.text), rules))


def photographers(credit: str, rules: Rules) -> tuple[str, ...]:
    """The names of a photo credit (（本报记者 甲 摄）, 甲 乙 摄), () when it names none."""
    inner = credit.strip().strip("（()）").strip()
    if not inner.endswith("摄") and not inner.endswith("摄影"):
        return ()
    return names_in(inner.removesuffix("摄影").removesuffix("摄").strip(), rules) or ()


_PAGE_NO = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?=\s*版)")


def mark_continued(articles: tuple[Article, ...], placements: tuple[Placement, ...], raw: tuple[str, ...],
                   rules: Rules) -> tuple[Article, ...]:
    """The page an article comes from or goes on to, by the continuation markers the page prints
    as furniture: （上接第1版） above an article brings it from page 1, （下转第6版） closing one (on
    its last line, or on a line of its own after it) sends it on to page 6."""
    markers = [rx for kind, _, rx in rules.furniture_pieces if kind == "continuation marker"]
    out = list(articles)
    for p in placements:
        if p.role != "furniture" and "furniture" not in p.note:
            continue
        for rx in markers:
            for m in rx.finditer(raw[p.line - 1]):
                page = _PAGE_NO.search(m.group(0))
                if page is None:
                    continue
                onward = any(w in m.group(0) for w in rules.continued_on_words)
                k = _owner(out, p, onward)
                if k is not None:
                    field = "continued_to" if onward else "continued_from"
                    out[k] = replace(out[k], **{field: f"第{page.group(0)}版"})
    return tuple(out)


def _owner(articles: list[Article], p: Placement, onward: bool) -> int | None:
    """The article a marker at placement p belongs to: its own line's, else the one it is printed
    inside (under its headline: 株洲高新区：… / （上接第1版）), else the one before it (going on)
    or after it (coming from)."""
    if p.article is not None:
        return p.article - 1
    inside = next((k for k, a in enumerate(articles) if a.lines[0] < p.line < a.lines[1]), None)
    if inside is not None:
        return inside
    if onward:
        before = [k for k, a in enumerate(articles) if a.lines[0] < p.line]
        return before[-1] if before else None
    return next((k for k, a in enumerate(articles) if a.lines[0] > p.line), None)
