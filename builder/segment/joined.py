"""Pages where a tool joined the printed lines until a sentence ended.

There no line is a headline of its own: every headline, kicker, subtitle and
byline is glued to the front of the first sentence after it, and headlines
printed together make one line. The page's own line shape tells such a page
(``line_joined``: almost every line ends a sentence, hardly any is
heading-shaped). On it a front with no byline or lead to show its end is split
where independent signs agree (``plain_head``): the join makes no word of
jieba's dictionary, a space was printed there, a news opening, a byline or a
quoted speech follows, the front has a headline's form, its words are the
body's; and that an article begins on the line at all: the line before closes
one (a closing statement, a byline), the line is marked as a heading. A front
of several headlines is cut where the next headline's subject begins, where a
headline read twice in bold ends, and where a caption begins after a headline
longer than headlines run (``split_heads``); each piece is matched to its body
by content later.
The byline of the article before glued to a headline, a lead or a notice, and a
byline glued after the headline are read off the same way (``names_before``,
``names_before_lead``, ``name_before_notice``, ``byline_at_end``); captions and
credits glued into the text in ``glued_captions``. The signs, their weights and
the page cue are in ``repair_rules.yaml`` (``joined_split``, ``joined_page``).
"""
from __future__ import annotations

import re

from .bylines import is_name, lead_marker, names_in
from .glued import Glued, head_shaped, may_end_headline, names_at_front, opens_sentence, sentence_rest_at, spaced_prefix
from .joins import cut_word
from ..model import Line
from ..textmatch.cjk import CJK_RANGE
from ..repair.line_fixes import undouble
from ..textmatch.trie import WordFinder
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules


def line_joined(lines: tuple[Line, ...], rules: Rules) -> bool:
    """The page's lines were joined until a sentence end: nearly all end one, hardly any is heading-shaped."""
    cue = rules.joined_page
    text = [ln.text for ln in lines if not ln.debris and ln.text.strip()]
    if len(text) < cue.get("min_lines", 8):
        return False
    ends = sum(1 for t in text if rules.ends_sentence(t))
    heads = sum(1 for t in text if len(t) <= rules.heading_max_chars and not any(c in rules.sentence_end for c in t))
    return ends >= cue.get("sentence_end_share", 0.85) * len(text) and heads <= cue.get("heading_share", 0.04) * len(text)


def _spaces(text: str, spaced: str) -> frozenset[int]:
    """Positions in ``text`` before which the printed line had a space."""
    out, i = set(), 0
    for c in spaced:
        if c.isspace():
            out.add(i)
        elif i < len(text) and c == text[i]:
            i += 1
    return frozenset(out)


def _content(text: str, tok: Cutter) -> set[str]:
    """The words of the text that say what it is about (no numbers: 百万 and 100万 are one figure)."""
    return {w for w, tag in tok.tag(text) if len(w) >= 2 and not w.isdigit() and tag != "m"}


def person_like(name: str, tok: Cutter) -> bool:
    """A name-shaped word that is no word of the dictionary but a person's name (成效, 成长 are words,
    and so is the front of 成长沈)."""
    tags = tok.tag(name)
    if len(tags[0][0]) >= 2 and not tags[0][1].startswith("nr") or any(t.startswith("u") for _, t in tags):
        return False  # (nor does a name hold a particle: 桂林的)
    return len(tags) > 1 or tags[0][1] == "nr"


def _bare_byline(rest: str, rules: Rules, tok: Cutter) -> tuple[str, ...]:
    """The names of a bare byline glued before the first sentence (陆俊杰桐乡乌镇是…, 邓小山彭彬近日，…:
    up to three names), or ()."""
    names: list[str] = []
    at = 0
    for _ in range(3):
        n = next((n for n in (3, 2) if len(rest) > at + n + 4 and is_name(rest[at:at + n], rules)
                  and person_like(rest[at:at + n], tok) and not cut_word(rest[at:at + n], rest[at + n:], tok)), 0)
        if not n:
            break
        names.append(rest[at:at + n])
        at += n
        if opens_sentence(rest[at:], rules, tok) and not is_name(rest[at:at + 2], rules) \
                and not _joins_on(rest[at:], tok):
            return tuple(names)
    return ()




def _speech_opens(text: str) -> bool:
    """The text opens with a quotation that runs as speech does, over a clause break (“我们公司入驻以后，…),
    not a quoted word inside a headline (“数智工匠”摇篮)."""
    if not text.startswith("“"):
        return False
    close = text.find("”")
    quoted = text[1:close] if close > 0 else text[1:]
    return "，" in quoted or "," in quoted


def _joins_on(text: str, tok: Cutter) -> bool:
    """The text opens with a one-character conjunction (及恒丰银行…): it goes on from what is before it
    (鲁银行 is no name there) and opens no article."""
    word, tag = tok.tag(text[:4])[0]
    return len(word) == 1 and tag == "c"


FRONT_SIGNS = ("a space was printed there", "a byline follows", "the front has a headline's form",
               "a news opening set off by a comma follows", "a quoted speech opens there",
               "a sentence begun on another page goes on there")


def _evidence(text: str, k: int, first_end: int, spaces: frozenset[int], body: set[str], rules: Rules,
              tok: Cutter, mid_sentence: bool = False) -> tuple[float, str]:
    """How strongly the signs say a headline ends at ``k``, and which signs did.

    Arguments:
        body: the words of the article after the line's first sentence
        mid_sentence: the line was marked as a heading, and ``k`` is the last place where the rest
            of a sentence begun on another page may begin (颗粒等15个产品…, 355家，…)
    """
    w = rules.joined_split
    head, rest = text[:k], text[k:]
    body = body | _content(text[k:first_end], tok)
    signs: list[tuple[str, float]] = []
    if k in spaces:
        signs.append(("a space was printed there", w.get("space", 1.0)))
    if m := rules.sentence_openings.match(rest):
        # an opening set off by a comma (近日，从行业分布看，) begins a sentence: nothing before it is its subject
        comma = rest[m.end():m.end() + 1] in ("，", ",")
        signs.append(("a news opening set off by a comma follows" if comma else "a news opening follows",
                      w.get("opening", 1.5)))
    elif names := _bare_byline(rest, rules, tok):
        signs.append(("a byline follows", w.get("byline", 1.5)))
        if rules.sentence_openings.match(rest, sum(map(len, names))):
            signs.append(("a news opening follows it", w.get("opening", 1.5)))
    elif _speech_opens(rest):
        signs.append(("a quoted speech opens there", w.get("opening", 1.5)))
    elif mid_sentence:
        signs.append(("a sentence begun on another page goes on there", w.get("mid_sentence", 1.0)))
    elif opens_sentence(rest, rules, tok):
        signs.append(("a sentence can start there", w.get("sentence_start", 0.5)))
    if any(rx.match(head) for rx in rules.headline_patterns):
        signs.append(("the front has a headline's form", w.get("form", 1.0)))
    mine = _content(head, tok)
    found = len(mine & body) / len(mine) if mine else 0.0
    if found >= w.get("words_share", 0.5):
        signs.append(("its words are the body's", w.get("words", 1.0) * found))
    # A sign of where the front ends is needed besides those of how the rest begins (宁波高新区近日… is one sentence).
    if not any(n in FRONT_SIGNS for n, _ in signs):
        return 0.0, ""
    return sum(s for _, s in signs), ", ".join(n for n, _ in signs)






def plain_head(text: str, spaced: str, body: str, rules: Rules, tok: Cutter, before: str = "",
               marked: bool = False, closed: str = "") -> Glued | None:
    """A headline glued to a first sentence with no byline or lead between (柳州高新区：…突破百万公里一辆…):
    split where the signs weigh most, if they weigh enough.

    Arguments:
        body: the text of the article after the line (its words are the headline's)
        before: the line before (an article's closing statement there says one begins here)
        marked: the line was marked as a heading (#): a headline opens it
        closed: the text of the article a byline closed right before the text: an article begins here,
            and a headline printed after its body reads like that text
    """
    first_end = next((i for i, c in enumerate(text) if c in rules.sentence_end), None)
    if first_end is None or lead_marker(text, rules):
        return None  # no sentence to split a headline off (the line is a headline alone), or a lead opens it
    spaces = _spaces(text, spaced or text)
    words = _content(text[first_end:] + body + closed, tok)
    best: tuple[float, int, str] = (0.0, 0, "")
    places = [k for k in range(4, min(first_end, 2 * rules.heading_max_chars) - 4) if may_end_headline(text, k, rules, tok)]
    mid = sentence_rest_at(text, places, first_end, rules, tok) if marked else None
    for k in places:
        weight, why = _evidence(text, k, first_end, spaces, words, rules, tok, k == mid)
        # a subject：headline runs on as far as the signs hold as strongly (…突破|百万公里|一辆…)
        longer = weight > best[0] - 1e-9 and any(rx.match(text[:k].rstrip()) for rx in rules.headline_patterns)
        if weight and (weight > best[0] + 1e-9 or longer):
            best = (weight, k, why)
    weight, k, why = best
    if weight and (closed or any(rx.search(before) for rx in rules.closing_statements)):
        weight += rules.joined_split.get("closed", 1.0)
        why += ", the line before closes an article"
    if weight and marked:
        weight += rules.joined_split.get("marked", 1.0)
        why += ", the line is marked as a heading"
    if weight < rules.joined_split.get("split_at", 2.75):
        return None
    head, rest = text[:k].strip(), text[k:].strip()
    names = _bare_byline(rest, rules, tok)
    n = sum(map(len, names))
    rule = f"a headline glued to a plain sentence ({why})"
    return Glued(head, rest[:n], names, rest[n:], rule)


def subject_starts(text: str, names: WordFinder, rules: Rules, tok: Cutter, spaces: frozenset[int] = frozenset(),
                   bare: bool = False) -> list[int]:
    """Where, inside ``text``, a headline's subject begins: a zone's name opening a subject：headline
    (宜昌高新区：…), or, with ``bare``, a zone's name after a space or after a piece that names none
    (“五向”发力“四链”融合衡阳高新区打造…: a kicker seldom names the zone). No word may run across."""
    out: list[int] = []
    for at, name in names.everywhere(text):
        if at < 4 or at - (out[-1] if out else 0) < 4 or text[at - len(name):at] == name:
            continue  # (南京高新区南京高新区：：… is one headline read twice)
        left, piece = text[:at].rstrip(), text[at:]
        colon = piece.find("：")
        subject = 0 <= colon - len(name) <= 3 and any(rx.match(piece) for rx in rules.headline_patterns)
        since = left[out[-1] if out else 0:]
        # a subject：headline's words after the colon seldom run longer than this: what follows is another piece
        colon_at = since.find("：") + (out[-1] if out else 0)
        too_long = "：" in since and len(text) - colon_at - 1 > rules.joined_split.get("predicate_max", 20)
        loose = bare and (at in spaces or not names.contained(since) or too_long)
        if not (subject or loose) or cut_word(left, piece, tok) or left[-1:] in rules.continuation_end_marks:
            continue
        if tok.cut(left[-6:])[-1] in rules.continuation_end_words:
            continue
        out.append(at)
    return out


def _space_after_subject(head: str, a: int, b: int, spaces: frozenset[int], rules: Rules, tok: Cutter) -> int | None:
    """The first printed space in head[a:b] after its subject's colon, both sides four characters at least,
    with no word running across it and no quotation left open (a stray space: 老产 业)."""
    colon = head.find("：", a, b)
    if colon < 0 or not any(rx.match(head[a:b]) for rx in rules.headline_patterns):
        return None
    return next((k for k in sorted(spaces) if colon + 5 <= k <= b - 4 and head[k:k + 2] != "——"
                 and head.count("“", a, k) == head.count("”", a, k) and not cut_word(head[:k], head[k:], tok)), None)


def _word_again(head: str, a: int, b: int, rules: Rules, tok: Cutter) -> int | None:
    """In a subject：headline head[a:b] whose words after the colon run longer than a headline's,
    where a word of two characters or more said before in them begins again, or a place's name
    begins (a caption names its subject: …实验室成立|杭州沃镭…车间), four characters on at least
    and no word running across."""
    colon = head.find("：", a, b)
    if colon < 0 or b - colon - 1 <= rules.joined_split.get("predicate_max", 20) or read_once(head[a:b]) != head[a:b]:
        return None  # (a headline read twice in bold says every word again)
    seen: set[str] = set()
    at = colon + 1
    for word, tag in tok.tag(head[colon + 1:b]):
        if (word in seen or tag == "ns") and at - colon > 4 and b - at >= 4 and not cut_word(head[:at], head[at:b], tok):
            return at
        if len(word) >= 2 and not word.isdigit():
            seen.add(word)
        at += len(word)
    return None


def _spaces_between(head: str, a: int, b: int, spaces: frozenset[int], tok: Cutter) -> list[int]:
    """The printed spaces inside head[a:b] with four characters at least on both sides, no word running
    across and no quotation left open."""
    return [k for k in sorted(spaces) if a + 4 <= k <= b - 4 and head.count("“", a, k) == head.count("”", a, k)
            and not cut_word(head[:k], head[k:], tok)]


def split_heads(head: str, spaced: str, names: WordFinder | None, rules: Rules, tok: Cutter) -> list[str]:
    """A front of several headlines (a kicker, a headline, the next article's headline) cut where
    a headline's subject begins inside it."""
    if names is None or len(head) < 12:
        return [head]
    spaces = _spaces(head, spaced)
    cuts = subject_starts(head, names, rules, tok, spaces, bare=True)
    # A headline read twice in bold (数字经济数字经济，，…) begins where the doubling does.
    first = _DOUBLED.search(head)
    doubled = [first.start()] if first and first.start() >= 4 and not cut_word(head[:first.start()], head[first.start():], tok) else []
    # ... and ends where the doubling does (…主战场主战场|怀化高新区…: the next headline, read once).
    end = _doubled_end(head, first.start()) if first else 0
    if 4 <= len(head) - end and not cut_word(head[:end], head[end:], tok):
        doubled.append(end)
    bounds = sorted({0, *cuts, *doubled, len(head)})
    # After a headline in subject：form, a printed space may end it (a caption or the headline's second
    # part follows: the headlines are matched to bodies, and a part continued, later).
    after_subject = {_space_after_subject(head, a, b, spaces, rules, tok) for a, b in zip(bounds, bounds[1:])} - {None}
    bounds = sorted(set(bounds) | after_subject)
    # The piece after such a space has no subject of its own: a further printed space ends it too
    # (…无人系统 联合实验室成立 杭州…车间: the headline's second part, then a caption).
    bounds = sorted(set(bounds) | {k for a, b in zip(bounds, bounds[1:]) if a in after_subject
                                   for k in _spaces_between(head, a, b, spaces, tok)})
    # With no space printed, a predicate longer than a headline's that says a word of it again
    # has another piece begin there (引育|数字经济人才培养基地签约仪式: a caption of the same subject).
    bounds = sorted(set(bounds) | {_word_again(head, a, b, rules, tok) for a, b in zip(bounds, bounds[1:])} - {None})
    # Markup left between the pieces (## before a subhead's or headline's line) goes.
    pieces = [head[a:b].strip(" \u3000#") for a, b in zip(bounds, bounds[1:]) if head[a:b].strip(" \u3000#")]
    # A headline printed twice over (bold type read twice) is one headline.
    return [p for i, p in enumerate(pieces) if not i or p != pieces[i - 1]]


def byline_at_end(head: str, spaced: str, rules: Rules, tok: Cutter,
                  before_byline: bool = False) -> tuple[str, str, tuple[str, ...]] | None:
    """A byline glued after the headline, before a lead (…配套企业集聚沈一帆　金　晓本报讯…):
    (the headline, the byline, its names), read where the printed spaces separate the names.

    Arguments:
        before_byline: more names of the byline follow the head (…耀未来谢嘉|李媛开园…)
    """
    for k in range(max(4, len(head) - 16), len(head) - 1):
        piece = head[k:]
        m = re.search(r"\s*".join(map(re.escape, piece)) + r"\s*$", spaced) or \
            re.search(r"\s*".join(map(re.escape, piece)), spaced)
        found = names_in(m.group(0) if m else piece, rules)
        if not found or _marks_removed(piece, rules) != "".join(found):
            continue  # the names must be all the piece holds but its markers
        marker = next((mk for mk in rules.byline_markers if mk in piece), "")
        if marker and not piece.lstrip(rules.byline_symbols).startswith(marker):
            continue  # a byline with a marker begins with it (营收突破千亿元|通讯员 叶帆)
        if not marker and not all(person_like(n, tok) for n in found):
            continue  # 聚才显|成效: a word, not a name
        if not marker and len(found) < 2 and not before_byline and not (m and m.start() and spaced[m.start() - 1].isspace()):
            continue  # one bare name with no space before it, no byline after it (增长一成半): no sign it is one
        if head_shaped(head[:k], rules, tok) and not cut_word(head[:k], piece, tok):
            return head[:k], piece, found
    return None


def _marks_removed(text: str, rules: Rules) -> str:
    text = re.sub(r"[\s\u3000]", "", text).strip(rules.byline_symbols + "（）()")
    for marker in sorted(rules.byline_markers, key=len, reverse=True):
        text = text.replace(marker, "")
    return text


_DOUBLED = re.compile(f"([{CJK_RANGE}]{{4,}})\\1")
_TWICE = re.compile(f"([{CJK_RANGE}“”‘’《》]{{2,}}?)\\1[，、：]*")


def _doubled_end(head: str, start: int) -> int:
    """Where a run of words each read twice (数字经济数字经济，钱塘创业创新钱塘创业创新…) that begins at ``start`` ends."""
    at = start
    while m := _TWICE.match(head, at):
        at = m.end()
    return at


def names_before(head: str, spaced: str, rules: Rules, tok: Cutter) -> tuple[str, tuple[str, ...], str] | None:
    """Names glued before a headline (the byline that ended the article before: 陶文静　胡　斌六部门…):
    (their text, the names, the headline). Two names at least, read where the printed spaces
    set them apart, and persons' names, not words."""
    found = names_at_front(spaced_prefix(spaced, len(head)), rules, tok)
    if found is None or len(found[0]) < 2 or not all(person_like(n, tok) for n in found[0]):
        return None
    rest = re.sub(r"[\s\u3000]", "", found[1])
    if len(rest) < 4 or not head.endswith(rest):
        return None
    return head[:len(head) - len(rest)], found[0], rest


def names_before_lead(text: str, spaced: str, rules: Rules, tok: Cutter) -> tuple[int, tuple[str, ...]] | None:
    """The names that closed the article before, glued to the next one's lead (廖祥本报讯1月7日，…):
    (where the lead begins, the names), or None."""
    for m in re.finditer("本报|本刊|新华社", text[:17]):
        at = m.start()
        if at < 2 or not lead_marker(text[at:], rules):
            continue
        found = names_in(spaced_prefix(spaced, at), rules)
        if found and all(person_like(n, tok) for n in found) and _marks_removed(text[:at], rules) == "".join(found):
            return at, found
    return None


def read_once(head: str) -> str:
    """A headline read twice in bold, word by word (数字经济数字经济，钱塘…主战场主战场), read once; its
    doubled marks were already made single, so they are doubled again to undo the doubling."""
    once = undouble(head)
    if once != head:
        return once
    again = undouble(re.sub(r"([，：、])", r"\1\1", head))
    return again if len(again) * 2 <= len(head) + 2 else head


def name_before_notice(head: str, rules: Rules, tok: Cutter) -> int:
    """The closing byline of the article before glued to a notice (唐德明2025年度报刊征订…): the
    length of the name when a person's name is all that stands before a notice's title, else 0."""
    for n in (3, 2, 4):
        if is_name(head[:n], rules) and person_like(head[:n], tok) and any(rx.match(head, n) for rx in rules.notice_titles):
            return n
    return 0
