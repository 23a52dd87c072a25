"""What each repaired line looks like on its own: byline, credit, heading-shaped or body.

Whether a heading-shaped line really is a heading, a caption or the first half
of a wrapped sentence depends on its neighbours; ``items`` decides that.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .bylines import (author_note, names_in, sentence_tail_at, source_line, source_tail, trailing_names,
                      unnamed_byline)
from .captions import credit_split, is_caption_by_words, is_subtitle
from .glued import GLUED_NOTE, Glued, byline_in_front, names_in_front, spaced_prefix, split_glued, undouble_glued
from .page_lines import PageLine, Page as _Page, heading_shaped
from .glued_captions import (caption_before_credit, caption_before_opening, credit_span, front_credit, inner_caption,
                             is_credit, named_caption, spaced_caption, unspaced_caption_credit)
from .joined import (read_once, byline_at_end, line_joined, name_before_notice, names_before, names_before_lead, person_like,
                     plain_head, split_heads, subject_starts)
from ..model import Line, Role
from ..textmatch.trie import WordFinder
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules


def _glued_pieces(line: Line, gap: int, glued: Glued, page: _Page | None = None, rules: Rules | None = None,
                  tok: Cutter | None = None) -> list[PageLine]:
    note = f"{GLUED_NOTE}: {glued.rule}"
    # A bold headline read twice character by character is mended only once it stands alone.
    if page is not None and page.joined and glued.head:
        # names before a bare byline (…耀未来谢嘉|李媛) are its own; a marked byline begins with its marker
        bare = bool(glued.byline) and glued.byline[0] not in rules.byline_symbols \
            and not glued.byline.startswith(rules.byline_markers)
        end = byline_at_end(glued.head, line.spaced or line.text, rules, tok, bare)
        if end is not None:  # the byline's first names were glued to the headline
            glued = replace(glued, head=end[0], byline=end[1] + glued.byline, names=end[2] + glued.names)
    before = names_before(glued.head, line.spaced or line.text, rules, tok) \
        if page is not None and page.joined and glued.head else None
    if before is not None:  # the byline that ended the article before
        glued = replace(glued, head=before[2])
    title, dash, subtitle = glued.head.partition("——")
    heads = split_heads(title, line.spaced or line.text, page.names, rules, tok) if title and page is not None and page.joined else [title]
    if len(heads) > 1:
        note += f"; {len(heads)} headlines glued together cut where a subject begins"
    # A first piece longer than a headline, in clauses, is a sentence left open (an article cut at the page edge).
    open_first = len(heads) > 1 and len(heads[0]) > rules.heading_max_chars and rules.heading_part_separator in heads[0]
    pieces = [PageLine(line, gap if not i else 0, "body" if open_first and not i else "heading",
                       piece=undouble_glued(read_once(h)), note=note)
              for i, h in enumerate(heads) if h]
    pieces = [q for p in pieces for q in _credit_pieces(p, rules)]
    name = name_before_notice(pieces[0].text, rules, tok) if pieces and page is not None and page.joined else 0
    if name:  # a notice is no article: set apart as a caption is, its text in no body
        first = pieces[0]
        pieces[:1] = [replace(first, shape="byline", names=(first.text[:name],), piece=first.text[:name],
                              note=f"{GLUED_NOTE}: a byline before a notice"),
                      replace(first, gap=0, shape="caption", piece=first.text[name:], note=f"{GLUED_NOTE}: a notice")]
    if dash:
        pieces.append(PageLine(line, 0, "subtitle", piece=dash + subtitle, note=note))
    if before is not None:
        pieces.insert(0, PageLine(line, gap, "byline", names=before[1], piece=before[0],
                                  note=f"{GLUED_NOTE}: names of a byline before a headline"))
    if glued.byline:
        pieces.append(PageLine(line, 0 if pieces else gap, "byline", names=glued.names, piece=glued.byline, note=note))
        caption = caption_before_opening(glued.rest, rules, tok) if page is not None and page.joined else 0
        if caption:
            pieces.append(PageLine(line, 0, "caption", piece=glued.rest[:caption], note=f"{note}; a caption before the text"))
            glued = replace(glued, rest=glued.rest[caption:], rest_spaced="")
    return pieces + [PageLine(line, 0, "body", piece=glued.rest, piece_spaced=glued.rest_spaced, note=note)]


def _headline_pieces(line: Line, rest: str, rules: Rules, tok: Cutter, note: str,
                     page: _Page | None = None, spaced: str = "") -> list[PageLine]:
    """What follows names glued to the front: a headline alone, or a headline glued to its text.

    Arguments:
        spaced: the printed line from where ``rest`` begins, when known
    """
    glued = split_glued(rest, spaced, rules, tok, page is not None and page.joined)
    if glued is None and page is not None and page.joined:
        glued = plain_head(rest, spaced, page.after.get(line.no, ""), rules, tok, (page.before or {}).get(line.no, ""))
    if glued is not None:
        return _glued_pieces(line, 0, glued, page, rules, tok)
    shape = "heading" if heading_shaped(rest, rules) else "body"
    return [PageLine(line, 0, shape, piece=rest, note=note)]


# A headline's subject (浙江大学台州研究院：…) is at most this long.
SUBJECT_CHARS = 16


def classify(lines: tuple[Line, ...], rules: Rules, skip: frozenset[int] = frozenset(),
             tok: Cutter | None = None, names: WordFinder | None = None, joined: bool | None = None) -> tuple[PageLine, ...]:
    """Give every non-blank line its shape (see PageLine).

    Arguments:
        skip: lines already placed (duplicates): left out, and not counted as a gap
        names: the zone names (a line of glued headlines is cut where a subject begins)
        joined: the page is line-joined (None: read it from these lines)
    """
    out: list[PageLine] = []
    gap = 0
    page = _Page()
    subjects: frozenset[str] = frozenset()
    if tok is not None and (line_joined(lines, rules) if joined is None else joined):
        text = [ln for ln in lines if not ln.debris and ln.text.strip()]
        page = _Page(True, names, {ln.no: "".join(t.text for t in text[i + 1:i + 4]) for i, ln in enumerate(text)},
                     {ln.no: text[i - 1].text for i, ln in enumerate(text) if i},
                     {ln.no: "".join(t.text for t in text[max(i - 3, 0):i]) for i, ln in enumerate(text)})
    # The blank lines before a line of furniture: furniture is no space between paragraphs. After a
    # continuation marker the text above goes on on another page: nothing below continues it.
    held = 0
    for line in lines:
        if line.debris == Role.FURNITURE:
            held, gap = max(held, gap), 0
            if out and any(kind == "continuation marker" and rx.search(line.text)
                           for kind, _, rx in rules.furniture_pieces):
                out[-1] = replace(out[-1], continued=True)
            continue
        if line.debris:
            gap += 1
            continue
        if line.no in skip:
            gap = max(gap - 1, 0)
            continue
        gap, held = max(held, gap), 0
        across = _names_across(out[-1], line, gap, rules) if out else None
        if across is not None:
            out[-1:] = across
        else:
            shapes = _shapes(line, gap, out[-1] if out else None, rules, tok, page)
            # the subjects of the headlines so far (浙江大学台州研究院：…): what a glued caption may name
            subjects |= {h for pl in shapes if pl.shape == "heading" for h in [pl.text.partition("：")[0]]
                         if "：" in pl.text and 2 < len(h) <= SUBJECT_CHARS}
            out.extend(_captions_apart(shapes, rules, tok, subjects, page.names) if page.joined else shapes)
        gap = 0
    return tuple(out)


CAPTION_BY_WORDS = "a caption by its opening words"

# Names after a paragraph's last sentence that a narrow column wrapped: at most this long on each line.
NAMES_PIECE = 16


def _names_across(prev: PageLine, line: Line, gap: int, rules: Rules) -> list[PageLine] | None:
    """Names printed after a paragraph's last sentence, wrapped onto the next line
    (…长大成人”。 （本报记者 / 何俊鹏）, …发展。李晓兰 曾 / 永洪): the sentence ends the paragraph
    and the names are a byline."""
    if prev.shape != "body" or prev.piece or gap > 1 or len(line.text) > NAMES_PIECE:
        return None
    text = prev.line.text
    at = sentence_tail_at(text, rules)
    if at == len(text) or len(text) - at > NAMES_PIECE or any(c in rules.sentence_end for c in line.text):
        return None
    first = prev.line.spaced or prev.line.raw
    # A name cut at the column edge runs on with no space; a space at the edge stays one.
    glue = " " if prev.line.raw[-1:].isspace() or line.raw[:1].isspace() else ""
    before, names = trailing_names(first.rstrip() + glue + (line.spaced or line.raw).strip(), rules)
    if not names or len(before.rstrip()) > len(first.rstrip()) or len("".join(names)) <= len("".join(prev.trailing)):
        return None
    note = "names after the last sentence, wrapped onto the next line"
    return [replace(prev, piece=text[:at], trailing=(), names_at=0, note=note),
            PageLine(line, gap, "byline", names=names, note=note)]


def _shapes(line: Line, gap: int, prev: PageLine | None, rules: Rules, tok: Cutter | None,
            page: _Page) -> list[PageLine]:
    """The shape of one line, by the first rule that holds (a glued line gives several pieces)."""
    text = line.text
    marked_after = _byline_then_mark(line, rules, tok) if page.joined else None
    if marked_after is not None:
        byline, rest = marked_after
        return [replace(byline, gap=gap)] + _shapes(rest, 0, None, rules, tok, page)
    names = names_in(line.spaced or text, rules)
    prev_open = prev is not None and prev.shape == "body" and not rules.ends_sentence(prev.text)
    marked = text.lstrip()[:1] in rules.byline_symbols + "(（" or any(m in text for m in rules.byline_markers)
    if author_note(text, rules):
        return [PageLine(line, gap, "byline", note="an author's note")]
    if unnamed_byline(text, rules):
        return [PageLine(line, gap, "byline", note="a byline naming no one")]
    if source_line(text, rules):
        return [PageLine(line, gap, "byline", note="a source mark: where the article came from, no author")]
    if is_caption_by_words(text, rules):
        return [PageLine(line, gap, "caption", note=CAPTION_BY_WORDS)]
    if is_subtitle(text, rules) and prev is not None and prev.shape == "heading":
        return [PageLine(line, gap, "subtitle", note="a subtitle (——) under a headline")]
    # A byline never ends with a comma (…机构和下 / 游客户，: a sentence wrapped, no 游 to sign it).
    if names and (marked or not prev_open) and not text.endswith("，"):
        return [PageLine(line, gap, "byline", names=names)]
    caption, credit = credit_split(text, rules)
    if credit and page.joined:  # text glued after the credit (a sentence, a byline) is read apart
        inside = _credit_inside(line, gap, prev, rules, tok, page)
        if inside is not None:
            return inside
    if credit:
        return [PageLine(line, gap, "credit", caption=caption)]
    # With its printed spaces (they set the names apart), stray ones inside words taken out.
    _, trailing = trailing_names(line.spaced or line.raw, rules)
    lead = names_before_lead(text, line.spaced or text, rules, tok) if page.joined else None
    if lead is not None:
        note = f"{GLUED_NOTE}: names of a byline before the next article's lead"
        return [PageLine(line, gap, "byline", names=lead[1], piece=text[:lead[0]], note=note),
                PageLine(line, 0, "body", piece=text[lead[0]:], note=note)]
    front = names_in_front(text, line.spaced, rules, tok) if tok is not None and not trailing and (
        prev is None or rules.ends_sentence(prev.text)) else None
    if front is not None:
        note = f"{GLUED_NOTE}: names of a byline before a headline"
        return [PageLine(line, gap, "byline", names=front[1], piece=front[0], note=note)] + \
            _headline_pieces(line, front[2], rules, tok, note, page, _spaced_rest(line.spaced, front[0], page))
    if not trailing and heading_shaped(text, rules):
        return [PageLine(line, gap, "heading")]
    glued = (split_glued(text, line.spaced, rules, tok, page.joined) or byline_in_front(text, line.spaced, rules, tok)) \
        if tok is not None and not trailing else None
    # the article a byline closed on this line, with the lines before it
    closed = _closed_by(prev) and (page.above or {}).get(line.no, "") + _closed_by(prev)
    if glued is None and page.joined and not trailing and (prev is None or rules.ends_sentence(prev.text) or closed):
        glued = plain_head(text, line.spaced, page.after.get(line.no, ""), rules, tok, (page.before or {}).get(line.no, ""),
                           bool(line.heading_level), closed)
    if glued is not None:
        return _glued_pieces(line, gap, glued, page, rules, tok)
    inside = _headline_inside(line, gap, rules, tok, page) if tok is not None else None
    if inside is None and page.joined and not trailing:
        inside = _article_after_open_end(line, gap, page, rules, tok)
    if inside is not None:
        return inside
    if not trailing and (at := source_tail(text, rules)):
        return [PageLine(line, gap, "body", names_at=at, source=text[at:].strip())]
    names_at = sentence_tail_at(text, rules) if trailing else 0
    return [PageLine(line, gap, "body", trailing=trailing, names_at=names_at)]


def _byline_then_mark(line: Line, rules: Rules, tok: Cutter | None) -> tuple[PageLine, Line] | None:
    """A byline with a heading's mark glued after it (郭伟 李幼君 # 聊城高新区…): the byline, and the
    rest of the line read as a line marked as a heading."""
    at = line.text.find("#")
    if tok is None or at < 2:
        return None
    before, rest = line.text[:at], line.text[at:].lstrip("#").strip()
    found = names_in(spaced_prefix(line.spaced or line.text, at), rules)
    if not found or "".join(found) != before.strip(rules.byline_symbols) or not all(person_like(n, tok) for n in found):
        return None
    spaced = line.spaced[line.spaced.find("#"):].lstrip("#").strip() if line.spaced else ""
    note = f"{GLUED_NOTE}: a byline before a heading's mark"
    return (PageLine(line, 0, "byline", names=found, piece=before, note=note),
            replace(line, text=rest, spaced=spaced if spaced != rest else "", heading_level=1))


def _closed_by(prev: PageLine | None) -> str:
    """The text a byline piece of the same line closed (…共促发展。|李晓兰曾永洪|…), or ""."""
    if prev is None or prev.shape != "byline" or not prev.piece:
        return ""
    return prev.line.text[:max(prev.line.text.find(prev.piece), 0)]


def _headline_inside(line: Line, gap: int, rules: Rules, tok: Cutter, page: _Page) -> list[PageLine] | None:
    """On a line-joined page the next article can be glued after a paragraph's last sentence
    (…迈进。 丁子航　刘　晴蚌埠高新区：…本报讯…): split after the sentence end where names and a
    headline in its own form, or a headline glued to a byline or lead, begin."""
    text, spaced = line.text, line.spaced or line.text
    ends = [i for i, c in enumerate(text) if c in rules.sentence_end]
    spaced_ends = [i for i, c in enumerate(spaced) if c in rules.sentence_end]
    for k, at in enumerate(ends):
        cut = at + 1
        while cut < len(text) and text[cut] in rules.closing_marks:
            cut += 1
        tail = text[cut:].strip()
        if len(tail) < 8:
            continue
        tail_spaced = spaced[spaced_ends[k] + 1:].lstrip(rules.closing_marks + " \u3000") \
            if len(spaced_ends) == len(ends) else tail
        head = PageLine(line, gap, "body", piece=text[:cut], note=f"{GLUED_NOTE}: another article glued after it")
        lead = names_before_lead(tail, tail_spaced, rules, tok) if page.joined else None
        if lead is not None:
            note = f"{GLUED_NOTE}: names of a byline and the next article's lead glued after a paragraph"
            return [head, PageLine(line, 0, "byline", names=lead[1], piece=tail[:lead[0]], note=note),
                    PageLine(line, 0, "body", piece=tail[lead[0]:], note=note)]
        front = names_in_front(tail, tail_spaced, rules, tok)
        if front is not None:
            note = f"{GLUED_NOTE}: names of a byline and a headline glued after a paragraph"
            return [head, PageLine(line, 0, "byline", names=front[1], piece=front[0], note=note)] + \
                _headline_pieces(line, front[2], rules, tok, note, page, _spaced_rest(tail_spaced, front[0], page))
        glued = split_glued(tail, tail_spaced, rules, tok) if any(rx.match(tail) for rx in rules.headline_patterns) \
            else None
        if glued is not None:
            return [head] + _glued_pieces(line, 0, glued, page, rules, tok)
        closing = names_before(tail, tail_spaced, rules, tok) if page.joined else None
        if closing is not None and any(c in rules.sentence_end for c in closing[2]):
            # the byline closing the article, the next one's first sentence glued on (…体系。 赵志高 陈雨萌寒冬…)
            note = f"{GLUED_NOTE}: names of a byline and the next paragraph glued after a paragraph"
            byline = PageLine(line, 0, "byline", names=closing[1], piece=closing[0], note=note)
            after = _shapes(replace(line, text=closing[2], spaced=_spaced_rest(tail_spaced, closing[0], page)), 0, byline,
                            rules, tok, page)
            return [head, byline] + [replace(p, note=p.note or note) for p in after]
    return None


def _article_after_open_end(line: Line, gap: int, page: _Page, rules: Rules, tok: Cutter) -> list[PageLine] | None:
    """On a line-joined page an article cut at the page edge mid-sentence has the next article glued
    on (…取得亮眼成 宜昌高新区：一季度…本报讯…): split where a headline's subject begins and a
    headline glued to its first sentence follows."""
    text = line.text
    if page.names is None:
        return None
    for at in subject_starts(text, page.names, rules, tok):
        if at < 8:
            continue
        tail = text[at:]
        head = PageLine(line, gap, "body", piece=text[:at].rstrip(),
                        note=f"{GLUED_NOTE}: another article glued after a sentence left open")
        if heading_shaped(tail, rules):  # the last line of the page: a headline alone after the text
            return [head, PageLine(line, 0, "heading", piece=tail, note=f"{GLUED_NOTE}: a headline glued after the text")]
        glued = split_glued(tail, "", rules, tok, True) or plain_head(tail, "", page.after.get(line.no, ""), rules, tok)
        if glued is not None:
            return [head] + _glued_pieces(line, 0, glued, page, rules, tok)
    return None


def _spaced_rest(spaced: str, front: str, page: _Page) -> str:
    """On a line-joined page, the printed line after ``front`` (its spaces tell names apart)."""
    if not page.joined or not spaced:
        return ""
    return spaced[len(spaced_prefix(spaced, len(front))):].lstrip()


def _captions_apart(pieces: list[PageLine], rules: Rules, tok: Cutter | None = None,
                    subjects: frozenset[str] = frozenset(), names: WordFinder | None = None) -> list[PageLine]:
    """On a line-joined page a caption or credit that cut a sentence is glued into the body
    (…只需 图为…产线。 / (本报记者 甲 摄) 四周左右…): set apart as its own pieces."""
    out: list[PageLine] = []
    for pl in pieces:
        if pl.shape == "heading" and pl.piece and is_credit(pl.piece, rules):
            out.append(replace(pl, shape="credit", note=f"{GLUED_NOTE}: a photo credit glued to the front of the text"))
            continue
        if pl.shape != "body" or pl.trailing:
            out.append(pl)
            continue
        text, spaced = pl.text, pl.piece_spaced or (pl.line.spaced if not pl.piece else "") or pl.text
        credit = front_credit(text, spaced, rules)
        if credit:
            out.append(replace(pl, shape="credit", piece=text[:credit], piece_spaced="",
                               note=f"{GLUED_NOTE}: a photo credit glued to the front of the text"))
            text, spaced = text[credit:].strip(), ""
            pl = replace(pl, gap=0, piece=text, piece_spaced="")
        inner = inner_caption(text, rules) or spaced_caption(text, spaced, rules, tok) \
            or named_caption(text, subjects, names, rules, tok)
        if inner is None or not text[:inner[0]].strip():
            out.append(pl)
            continue
        start, end = inner
        note = f"{GLUED_NOTE}: a caption glued inside the text"
        out.append(replace(pl, piece=text[:start].rstrip(), piece_spaced=""))
        out.append(replace(pl, gap=0, shape="caption", piece=text[start:end], piece_spaced="", note=note))
        if text[end:].strip():
            out.append(replace(pl, gap=0, piece=text[end:].strip(), piece_spaced="", note=note))
    return out


def _credit_pieces(pl: PageLine, rules: Rules) -> list[PageLine]:
    """A heading piece of glued headlines that holds a photo credit: the caption before it and the credit."""
    caption, credit = credit_split(pl.text, rules) if pl.shape == "heading" else ("", "")
    if not credit:
        return [pl]
    credit_pl = replace(pl, shape="credit", piece=credit, gap=0 if caption else pl.gap)
    return [replace(pl, shape="heading", piece=caption), credit_pl] if caption else [credit_pl]


def _credit_inside(line: Line, gap: int, prev: PageLine | None, rules: Rules, tok: Cutter,
                   page: _Page) -> list[PageLine] | None:
    """A line-joined page: a photo credit with text glued before and after it. What comes before is a
    caption (heading-shaped) or text; what comes after is read as a line of its own."""
    span = credit_span(line.text, line.spaced or line.text, rules, tok)
    unspaced = None if span else unspaced_caption_credit(
        line.text, page.names, (page.after or {}).get(line.no, "") + (page.above or {}).get(line.no, ""), rules, tok)
    if span is None and unspaced is None:
        return None
    start, end = span or unspaced[1:]
    note = f"{GLUED_NOTE}: a photo credit glued inside the line"
    before, rest = line.text[:start].strip(), line.text[end:].strip()
    caption = caption_before_credit(before, line.spaced, rules) if span else start - unspaced[0]
    if caption:  # the sentence goes on after the caption and the credit
        out = [PageLine(line, gap, "body", piece=before[:-caption], note=note),
               PageLine(line, 0, "caption", piece=before[-caption:], note=note)]
    elif any(c in rules.sentence_end for c in before):
        out = [PageLine(line, gap, "body", piece=before, note=note)]
    elif before[:1] in rules.byline_symbols:  # a byline and the headline it follows, read as a line of their own
        spaced = spaced_prefix(line.spaced, len(re.sub(r"\s", "", line.text[:start]))) if line.spaced else ""
        out = _shapes(replace(line, text=before, spaced=spaced.strip()), gap, prev, rules, tok, page)
    elif heading_shaped(before, rules) or not before:  # a caption
        out = [PageLine(line, gap, "caption", piece=before, note=note)] if before else []
    else:  # headlines glued together, the credit of the photo beside them after them
        out = [PageLine(line, gap if not i else 0, "heading", piece=read_once(h), note=note)
               for i, h in enumerate(split_heads(before, line.spaced or line.text, page.names, rules, tok))]
    out.append(PageLine(line, 0 if out else gap, "credit", piece=line.text[start:end], note=note))
    spaced = line.spaced[len(spaced_prefix(line.spaced, end)):].strip() if line.spaced else ""
    # A credit closes what stands before it: the text after it is read as a line after a sentence end
    # (a heading's mark there, # 标题…, marks that line).
    level = len(rest) - len(rest.lstrip("#"))
    after = _shapes(replace(line, text=rest.lstrip("# "), spaced=spaced.lstrip("# "), heading_level=level or line.heading_level),
                    0, None, rules, tok, page)
    return out + [replace(p, note=p.note or note) for p in after]
