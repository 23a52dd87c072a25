"""Page furniture and notices: what a page prints that belongs to no article.

Furniture is the paper's own apparatus: date lines (2024年6月17日 星期一,
二〇二四年九月二日), page numbers (第5版), column labels (园区·区域), the
paper's name, editors' lines (责任编辑：… 美编：…), e-mail and phone lines, and
continuation markers (（下转第6版）). A line is furniture when every piece of it
(pieces are set apart by spaces) is one of these, and at least one piece is a
sure sign (a date, a page number, an editors' label, a marker): a bare number
or a short label counts only beside one. On a line-joined page the furniture
is glued to the front of the first headline; the pieces are taken off the front.

Notices (征稿启事, 更正说明, 声明) and advertisements (订阅《…》) are not
articles: a notice title and the lines set tight under it, up to a wider gap or
the start of an article.

The patterns are data (``repair_rules.yaml``, section furniture).
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace
from functools import lru_cache

from .bylines import lead_marker, names_in, strip_markers
from ..model import Line
from ..vocab.rule_files import Rules

_PIECES = re.compile(r"[\s\u3000]+")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


@dataclass(frozen=True)
class Apart:
    """Lines set apart before segmentation.

    Arguments:
        roles: {line number: (role, note)}: ``furniture`` or ``notice`` lines
        lines: the page's lines, furniture taken off the front of glued lines
        glued: {line number: note} for lines whose front was furniture
        issue_date: the date the page prints (ISO), or None
    """
    roles: dict[int, tuple[str, str]]
    lines: tuple[Line, ...]
    glued: dict[int, str]
    issue_date: str | None


def _cn_number(text: str) -> int:
    """二〇二四 → 2024, 十二 → 12, 二十三 → 23."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def iso_date(text: str, rules: Rules) -> str | None:
    """The ISO date of a date piece (2024年9月2日, 二〇二四年九月二日, 2024.9.23)."""
    for rx in rules.furniture_dates:
        m = rx.fullmatch(text)
        if m:
            y, mo, d = m.group("y"), m.group("m"), m.group("d")
            try:
                nums = [int(v) if v.isdigit() else _cn_number(v) for v in (y, mo, d)]
            except (KeyError, ValueError):
                return None
            if 1 <= nums[1] <= 12 and 1 <= nums[2] <= 31:
                return f"{nums[0]:04d}-{nums[1]:02d}-{nums[2]:02d}"
    return None


def piece_kind(piece: str, rules: Rules) -> tuple[str, bool] | None:
    """What a piece of a line is: (kind, sure), or None when it is not furniture."""
    if iso_date(piece, rules):
        return "date line", True
    for kind, sure, rx in rules.furniture_pieces:
        if rx.fullmatch(piece):
            return kind, sure
    return None


def line_kind(text: str, rules: Rules) -> str | None:
    """The furniture a whole line holds (``date line, page number``), or None."""
    for kind, rx in rules.furniture_lines:
        if rx.search(text):
            return kind
    kinds = [piece_kind(p, rules) for p in _PIECES.split(text.strip()) if p]
    if not kinds or None in kinds or not any(sure for _, sure in kinds):
        return None
    return ", ".join(dict.fromkeys(k for k, _ in kinds))


def _sure_prefix(text: str, pos: int, rules: Rules) -> re.Match | None:
    """A sure piece of furniture that starts at pos (with more text glued after it, or at the end)."""
    for rx in rules.furniture_dates + rules.furniture_prefixes:
        m = rx.match(text, pos)
        if m:
            return m
    return None


def glued_front(text: str, rules: Rules) -> tuple[str, str] | None:
    """Furniture glued to the front of a headline (2024年10月14日 星期一 第10版临沂高新区：…), as
    pieces set apart by spaces or glued to one another (第9版2024年10月21日 星期一 农历九月十九孝感…).

    Returns:
        (the furniture, the rest), or None. At least two pieces, or a page number,
        must be furniture, so a sentence opening with a date keeps it.
    """
    text = text.strip()
    taken: list[str] = []
    pos = 0
    page_number = False
    weak_from: int | None = None  # where the trailing run of weak pieces (bare labels) began
    while pos < len(text):
        end = next((m.start() for m in _PIECES.finditer(text, pos)), len(text))
        kind = piece_kind(text[pos:end], rules)
        if kind is not None:
            taken.append(text[pos:end])
            weak_from = weak_from if not kind[1] and weak_from is not None else (None if kind[1] else pos)
        else:
            m = _sure_prefix(text, pos, rules)
            if m is None:
                break
            taken.append(m.group(0))
            page_number |= bool(rules.furniture_page_prefix.fullmatch(m.group(0)))
            end = m.end()
            weak_from = None
        pos = end
        while pos < len(text) and text[pos] in " \u3000\t":
            pos += 1
    if weak_from is not None:  # a bare label after the last sure piece is the headline's (链上协同 芯屏联动)
        taken = taken[:len(taken) - len(_PIECES.split(text[weak_from:pos].strip()))]
        pos = weak_from
    if not taken or not (page_number or (len(taken) >= 2 and any(
            (piece_kind(q, rules) or ("", True))[1] for q in taken))):
        return None
    return " ".join(taken), text[pos:]


def glued_tail(spaced: str, rules: Rules) -> int | None:
    """Furniture glued after the last sentence on a line-joined page (…同比增长 （下转第8版） 编辑：…):
    where in ``spaced`` it begins, or None. It begins after a space or a sentence end, and all
    of it is furniture: a furniture line, or sure pieces with nothing or a furniture line after them."""
    for p in range(1, len(spaced)):
        tail = spaced[p:].strip()
        apart = spaced[p - 1].isspace() or spaced[p - 1] in rules.sentence_end + rules.closing_marks
        # An editors' line or a bracketed marker (（下转第4版）) tells itself apart even glued on.
        marked = tail[:1] in "（(" or bool(rules.furniture_lines and rules.furniture_lines[0][1].match(tail))
        if spaced[p].isspace() or not (apart or marked):
            continue
        if line_kind(tail, rules) or _sure_pieces(tail, rules):
            return p
    return None


def _sure_pieces(text: str, rules: Rules) -> bool:
    """Sure pieces of furniture (（下转第8版）, a date), then nothing or a furniture line."""
    rest, m = text, _sure_prefix(text, 0, rules)
    while m is not None:
        rest = rest[m.end():].strip()
        m = _sure_prefix(rest, 0, rules) if rest else None
    return rest != text and (not rest or bool(line_kind(rest, rules)))


@lru_cache(maxsize=4)
def _closing_markers(rules: Rules) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(f"(?:{rx.pattern})\\s*$") for kind, _, rx in rules.furniture_pieces
                 if kind == "continuation marker")


def _marker_closes(text: str, rules: Rules) -> bool:
    """A continuation marker closing a line of text (…将有效提升（下转第6版）): on any page, since
    the bracketed marker is never a sentence's own, even where the sentence breaks off before it."""
    return any((m := rx.search(text)) is not None and m.start() > 0 for rx in _closing_markers(rules))


def _cut_tail(ln: Line, rules: Rules) -> tuple[Line, str] | None:
    """The line without the furniture glued after its last sentence, and that furniture."""
    spaced = ln.spaced or ln.text
    at = glued_tail(spaced, rules)
    if at is None:
        return None
    furniture = spaced[at:].strip()
    key = re.sub(r"\s", "", furniture)[:6]
    cut = ln.text.rfind(key)
    text = ln.text[:cut].rstrip() if cut > 0 else ""
    if not text:
        return None
    return replace(ln, text=text, spaced=spaced[:at].rstrip() if ln.spaced else ""), furniture


def _gaps(lines: tuple[Line, ...]) -> dict[int, int]:
    """{line number: blank lines before it} for the non-blank lines."""
    out, run = {}, 0
    for ln in lines:
        if ln.debris:
            run += 1
            continue
        out[ln.no] = run
        run = 0
    return out


def _reporter_byline(text: str, rules: Rules) -> bool:
    """A byline with a reporter's marker (□本报记者 甲): an article begins; no notice is signed so."""
    return strip_markers(text, rules)[1] and names_in(text, rules) is not None


def _notice_lines(lines: list[Line], gaps: dict[int, int], usual: int, rules: Rules) -> dict[int, str]:
    """The lines of notices and advertisements: a notice title and what is set tight under it."""
    out: dict[int, str] = {}
    i = 0
    while i < len(lines):
        title = lines[i].text
        if not any(rx.fullmatch(title) for rx in rules.notice_titles):
            i += 1
            continue
        out[lines[i].no] = f"notice ({title}): not an article"
        j, chars = i + 1, 0
        # Lines or characters: a narrow column sets a short notice over many lines.
        while j < len(lines) and (j - i <= rules.notice_max_lines or chars + len(lines[j].text) <= rules.notice_max_chars):
            ln = lines[j]
            chars += len(ln.text)
            # A blank as between paragraphs stays inside (a page whose paragraphs' lines are set tight).
            if gaps[ln.no] > max(usual, 1) or any(rx.search(ln.text) for rx in rules.headline_patterns) \
                    or lead_marker(ln.text, rules) or _reporter_byline(ln.text, rules):
                break
            out[ln.no] = f"notice ({title}), line {j - i}"
            j += 1
        i = j
    return out


def _inside_sentence(lines: tuple[Line, ...], k: int, roles: dict[int, tuple[str, str]], rules: Rules) -> bool:
    """A line that reads as a column label alone (怀化学院·高新产业) set tight between two lines of text,
    the one above leaving its sentence open: a narrow column's line of a paragraph."""
    if k == 0 or k + 1 >= len(lines):
        return False
    prev, nxt = lines[k - 1], lines[k + 1]
    # (a caption or a credit above leaves no sentence open: ▲ 园区全景（甲 摄） / 区域·动态)
    return not prev.debris and not nxt.debris and prev.no not in roles and bool(prev.text) \
        and not rules.ends_sentence(prev.text) and not line_kind(prev.spaced or prev.text, rules) \
        and not any(rx.search(prev.text) for rx in rules.caption_patterns + rules.credit_patterns)


def set_apart(lines: tuple[Line, ...], rules: Rules, joined: bool = False) -> Apart:
    """Find the page's furniture and notices (see the module docstring).

    Arguments:
        joined: the page is line-joined (furniture may be glued after a paragraph too)
    """
    gaps = _gaps(lines)
    usual = statistics.mode(gaps.values()) if gaps else 1
    text_lines = [ln for ln in lines if not ln.debris]
    roles: dict[int, tuple[str, str]] = {no: ("notice", note)
                                         for no, note in _notice_lines(text_lines, gaps, usual, rules).items()}
    dates: list[str] = []
    glued: dict[int, str] = {}
    out = list(lines)
    for k, ln in enumerate(lines):
        if ln.debris or ln.no in roles:
            continue
        spaced = ln.spaced or ln.text
        kind = line_kind(spaced, rules)
        if kind == "column label" and _inside_sentence(lines, k, roles, rules):
            kind = None
        if kind:
            roles[ln.no] = ("furniture", f"page furniture: {kind}")
            dates += [d for d in map(lambda p: iso_date(p, rules), _PIECES.split(spaced)) if d]
            continue
        front = glued_front(spaced, rules)
        if front and not front[1]:  # pieces glued to one another, nothing after them
            roles[ln.no] = ("furniture", f"page furniture: {front[0]}")
            dates += [d for d in map(lambda p: iso_date(p, rules), front[0].split()) if d]
        elif front:
            furniture, rest = front
            dates += [d for d in map(lambda p: iso_date(p, rules), furniture.split()) if d]
            glued[ln.no] = f"page furniture glued to the front left out: {furniture}"
            front_text = re.sub(r"\s", "", furniture)
            text = ln.text[len(front_text):] if ln.text.startswith(front_text) else rest
            out[k] = replace(ln, text=text.strip(), spaced=rest if rest != text else "", heading_level=0)
        tail = _cut_tail(out[k], rules) if joined or _marker_closes(out[k].text, rules) else None
        if tail is not None:
            out[k] = tail[0]
            dates += [d for d in map(lambda p: iso_date(p, rules), _PIECES.split(tail[1])) if d]
            note = f"page furniture glued to the end left out: {tail[1]}"
            glued[ln.no] = f"{glued[ln.no]}; {note}" if ln.no in glued else note
        notice = _glued_notice(out[k].text, rules) if joined else None
        if notice == 0:
            roles[ln.no] = ("notice", "notice: its title opens a line-joined line; not an article")
        elif notice:
            cut = out[k]
            title = cut.text[notice:notice + 4]
            note = f"notice glued after the text left out: {cut.text[notice:notice + 12]}…"
            raw_at = cut.raw.find(title)
            out[k] = replace(cut, text=cut.text[:notice].rstrip(), spaced="",
                             raw=cut.raw[:raw_at].rstrip() if raw_at > 0 else cut.raw)
            glued[ln.no] = f"{glued[ln.no]}; {note}" if ln.no in glued else note
    return Apart(roles, tuple(out), glued, dates[0] if dates else None)


def _glued_notice(text: str, rules: Rules) -> int | None:
    """On a line-joined page a notice (更正说明…, 征稿启事…) glued after the last sentence of an article or
    its closing byline, running to the line's end: where its title begins, 0 when it opens the line, or None."""
    for rx in rules.notice_titles:
        for m in rx.finditer(text):
            at = m.start()
            if m.end() < len(text) and (at == 0 or text[at - 1] in rules.sentence_end + "）)"):
                # an article glued on after it (a lead, a byline) keeps the line
                after = text[m.end():]
                if any(mk in after for mk in rules.lead_markers + rules.byline_markers):
                    return None
                return at
    return None
