"""Bylines printed in other forms, and captions and page furniture set between paragraphs, for the
relayout families of ``relayout.py``.

Bylines: each article's byline (where the page as printed gives its authors in a byline line, a lead
``本报讯（记者 甲）`` or names after its last sentence) is taken away and its names printed again in a
form drawn at random among those the paper uses, in the place that form takes: a line over the body
(``□ 本报记者 甲``, ``■ 本报记者 甲 通讯员 乙``, ``文/甲 图/乙``, ``记者 甲 通讯员 乙 报道``,
``本报记者 甲``), a lead opening the first paragraph (``本报讯（记者 甲）``, ``本报天津9月6日电（记者 甲）``),
or names in brackets after the last paragraph (``（甲 乙）``, ``（本报记者 甲）``), on their own line or
after its last sentence; brackets and spaces of either width.

Inserted text: photo captions (``图为…``, ``▲…``) with their credits (``（甲 摄）``), and lines of
page furniture (dates, ``第5版``, column labels, the editors' line, e-mail and phone, ``下转``/``上接``),
set between paragraphs or between articles (``下转`` after an article's last paragraph); none of it
is any article's text.

Units are the ``relayout.Unit`` of the page; new ones are made with ``dataclasses.replace`` so this
module does not import ``relayout``.
"""
from __future__ import annotations

import random
from dataclasses import replace

from relayout_text import CN_DIGITS, WEEKDAYS, cn_number

from builder.segment.bylines import lead_byline, names_in, trailing_names
from builder.vocab.rule_files import DATA_DIR, load_rules

_RULES = []


def rules():
    if not _RULES:
        _RULES.append(load_rules(DATA_DIR / "repair_rules.yaml"))
    return _RULES[0]


CITIES = ("天津", "北京", "上海", "成都", "武汉", "西安", "长沙", "合肥", "南京", "杭州", "郑州", "济南", "沈阳", "昆明")
BRACKETS = (("（", "）"), ("(", ")"))
SENTENCE_END = "。！？!?”’）)"


# --- a byline's text -------------------------------------------------------------------

def _names(names: tuple[str, ...], sep: str, rnd: random.Random) -> str:
    """The names set apart by ``sep``; a two-character name now and then set to the width of three (严　蕊)."""
    return sep.join(n[0] + "\u3000" + n[1] if len(n) == 2 and rnd.random() < 0.2 else n for n in names)


def _with_roles(names: tuple[str, ...], reporter: str, sep: str, rnd: random.Random) -> str:
    """``记者 甲 通讯员 乙``: the first names the reporters', the rest (if any) the correspondents'."""
    k = rnd.randint(1, len(names))
    text = f"{reporter} {_names(names[:k], sep, rnd)}"
    return text + (f"{sep}通讯员 {_names(names[k:], sep, rnd)}" if k < len(names) else "")


def byline_form(names: tuple[str, ...], rnd: random.Random, places: tuple[str, ...]) -> tuple[str, str]:
    """(place, text): a byline for ``names`` in a form drawn at random among those whose place is in
    ``places`` (top: a line over the body; lead: opening the first paragraph; end: a line after the
    last paragraph; tail: after its last sentence, on its line)."""
    sep = rnd.choice((" ", "\u3000"))
    left, right = rnd.choice(BRACKETS)
    forms = []
    if "top" in places:
        symbol = rnd.choice("□■") + rnd.choice(("", " "))
        slash = rnd.choice("/／")
        credit = (f"文{slash}{_names(names[:-1], sep, rnd)}{sep}图{slash}{names[-1]}" if len(names) > 1
                  else f"文{slash}{_names(names, sep, rnd)}")
        forms += [("top", symbol + _with_roles(names, "本报记者", sep, rnd)), ("top", credit),
                  ("top", _with_roles(names, "记者", sep, rnd) + " 报道"),
                  ("top", _with_roles(names, "本报记者", sep, rnd))]
    if "lead" in places:
        m, d = rnd.randint(1, 12), rnd.randint(1, 28)
        forms += [("lead", f"本报讯{left}{_with_roles(names, '记者', sep, rnd)}{right}"),
                  ("lead", f"本报{rnd.choice(CITIES)}{m}月{d}日电{left}{_with_roles(names, '记者', sep, rnd)}{right}")]
    for place in ("end", "tail"):
        if place in places:
            inner = rnd.choice((_names(names, sep, rnd), _with_roles(names, "本报记者", sep, rnd)))
            forms.append((place, f"{left}{inner}{right}"))
    return rnd.choice(forms)


# --- where an article's byline is, and printing it again -----------------------------------

def _taken_off(units: list, article) -> tuple[list, tuple[str, ...], bool, str]:
    """The units of the page with ``article``'s byline taken off (its byline lines, the byline in
    its lead, the names after its last sentence), the names found, whether a byline line stood
    right over the body, and the side it was printed on (top: over the body or in its lead; end)."""
    r = rules()
    mine = [i for i, u in enumerate(units) if u.article == article.number and u.kind == "text"]
    body = [i for i in mine if units[i].role == "body"]
    if not body:
        return units, (), False, ""
    out = list(units)
    top, lead, end, over = (), (), (), False
    first, last = body[0], body[-1]
    for i in mine:
        if out[i].role == "byline" and (found := names_in(out[i].text, r)):
            if i < first:
                top, over = top + found, over or i == first - 1
            else:
                end += found
            out[i] = None
    rest, found, _ = lead_byline(out[first].text.strip(), r)
    if found:
        lead = found
        out[first] = replace(out[first], text=rest)
    text, found = trailing_names(out[last].text, r)
    if found:
        end += found
        out[last] = replace(out[last], text=text.rstrip())
    return out, top + lead + end, over, "top" if top or lead else "end"


def _places(headed: bool, over: bool, side: str, closes: bool) -> tuple[str, ...]:
    """Where the byline may go. Under a headline of its own: anywhere. An article printed without
    its headline over it (the headlines set apart) keeps its byline on the side it was printed,
    for there the byline may be what tells it from the article before (a line over its body only
    where one stood)."""
    if headed:
        return ("top", "lead") + ("end", "tail") * closes
    if side == "end" and closes:
        return "end", "tail"
    return ("lead",) + ("top",) * over


def reprinted_bylines(units: list, articles, rnd: random.Random) -> list:
    """The page's units with every article's byline printed again in another form (articles whose
    names are not all found in one of the forms above keep their byline as printed)."""
    for article in articles:
        if not article.authors:
            continue
        changed, names, over, side = _taken_off(units, article)
        if names != article.authors:
            continue
        body = [i for i, u in enumerate(changed) if u and u.article == article.number and u.role == "body"]
        first, last = body[0], body[-1]
        before = next((u for u in reversed(changed[:first]) if u), None)
        headed = before is not None and before.kind == "head" and before.article == article.number
        places = _places(headed, over, side, changed[last].text.rstrip()[-1:] in SENTENCE_END)
        place, text = byline_form(names, rnd, places)
        if place == "lead":  # in place of a lead marker printed without names (本报讯 近日…)
            rest = lead_byline(changed[first].text.strip(), rules())[0]
            changed[first] = replace(changed[first], text=text + rest)
        elif place == "tail":
            changed[last] = replace(changed[last], text=changed[last].text + rnd.choice(("", " ", "\u3000")) + text)
        else:
            at = first if place == "top" else last + 1
            changed.insert(at, replace(changed[first], text=text, role="byline", gap=0))
        units = [u for u in changed if u]
    return units


# --- captions and furniture set between paragraphs --------------------------------------------

SURNAMES, GIVEN = "王李张刘陈杨赵黄周吴", "晓明丽华伟芳军静磊洋"
SUBJECTS = ("园区一角", "企业生产车间", "研发人员在调试设备", "项目建设现场", "智能生产线", "产业园全景")


def person(rnd: random.Random) -> str:
    return rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.randint(1, 2)))


def caption_lines(place: str, rnd: random.Random) -> list[str]:
    """A photo caption (``图为…``, ``▲…``) about ``place``, and its credit on its line or the next."""
    left, right = rnd.choice(BRACKETS)
    caption = rnd.choice(("图为", "▲ ", "▲")) + place + rnd.choice(SUBJECTS) + rnd.choice(("。", ""))
    credit = f"{left}{rnd.choice(('', '本报记者 ', '通讯员 '))}{person(rnd)} 摄{right}"
    return [caption + credit] if rnd.random() < 0.4 else [caption, credit]


def furniture_lines(rnd: random.Random) -> list[str]:
    """A line of page furniture (or the date and page over two lines)."""
    y, m, d = rnd.randint(2019, 2026), rnd.randint(1, 12), rnd.randint(1, 28)
    date = rnd.choice((f"{y}年{m}月{d}日", "".join(CN_DIGITS[int(c)] for c in str(y)) + f"年{cn_number(m)}月{cn_number(d)}日"))
    weekday = f"星期{rnd.choice(WEEKDAYS)}"
    label = "·".join(rnd.sample(["园区", "区域", "创新", "产业", "动态", "前沿", "观察"], 2))
    forms = [
        [f"{date} {weekday}"], [f"{date}\u3000{weekday}\u3000\u3000第{rnd.randint(1, 16)}版"],
        [f"第{rnd.randint(1, 16)}版\u3000\u3000{label}"], [label], [f"{rnd.randint(1, 16):02d}  {label}"],
        [f"责任编辑：{person(rnd)}  美编：{person(rnd)}"],
        [f"本版编辑：{person(rnd)}  电话：010-{rnd.randint(10000000, 99999999)}"],
        [f"投稿邮箱：{''.join(rnd.choice('abcdefgh') for _ in range(5))}{rnd.randint(10, 99)}@126.com"],
    ]
    return rnd.choice(forms)


def continuation_line(rnd: random.Random, on: bool) -> str:
    """``（下转第6版）`` (``on``: the article goes on to another page) or ``（上接第1版）``."""
    left, right = rnd.choice(BRACKETS)
    return f"{left}下转第{rnd.randint(2, 16)}版{right}" if on else f"{left}上接第{rnd.randint(1, 8)}版{right}"


def _ends(unit) -> bool:
    return unit.text.rstrip()[-1:] in SENTENCE_END


def _place_of(article) -> str:
    """What a caption of the article names: its headline's subject (成都高新区), or nothing."""
    subject = article.title.split("：")[0]
    return subject if len(subject) <= 10 else ""


def inserted_between(units: list, articles, rnd: random.Random) -> list:
    """The page's units with captions set between the paragraphs of some articles, lines of
    furniture between paragraphs or articles, and now and then ``下转`` after an article's last paragraph or ``上接`` under a headline."""
    out = list(units)
    for article in articles:
        body = [i for i, u in enumerate(out) if u.article == article.number and u.role == "body"]
        gaps = [i + 1 for i, j in zip(body, body[1:]) if j == i + 1 and _ends(out[i])]
        if gaps and rnd.random() < 0.6:
            at = rnd.choice(gaps)
            lines = caption_lines(_place_of(article), rnd)
            out[at:at] = [replace(out[at], text=t, role="caption" if k == 0 else "credit", gap=0)
                          for k, t in enumerate(lines)]
    for _ in range(rnd.randint(1, 3)):
        # between two units of text, the first ending a sentence, or before a headline
        spots = [i for i in range(1, len(out)) if out[i].kind in ("head", "text") and out[i - 1].kind == "text"
                 and _ends(out[i - 1])]
        if not spots:
            break
        at = rnd.choice(spots)
        out[at:at] = [replace(out[at], kind="other", text=t, article=None, role="furniture", gap=0)
                      for t in furniture_lines(rnd)]
    if rnd.random() < 0.5:
        # an article going on to another page: the marker after its last paragraph
        ends = [i + 1 for i, u in enumerate(out) if u.role == "body" and _ends(u)
                and not any(v.article == u.article and v.role == "body" for v in out[i + 1:])]
        if ends:
            at = rnd.choice(ends)
            out.insert(at, replace(out[at - 1], kind="other", text=continuation_line(rnd, True), article=None,
                                   role="furniture", gap=0))
    if rnd.random() < 0.3:
        # an article brought from another page: the marker under its headline
        starts = [i for i, u in enumerate(out) if i and u.role == "body" and out[i - 1].kind == "head"
                  and out[i - 1].article == u.article]
        if starts:
            at = rnd.choice(starts)
            out.insert(at, replace(out[at], kind="other", text=continuation_line(rnd, False), article=None,
                                   role="furniture", gap=0))
    return out
