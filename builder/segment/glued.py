"""Headlines glued to the first sentence, as on pages where a tool joined the
printed lines until a sentence ended (``临沂高新区：…迈向“千亿级”□ 本报记者 邵明辉今年以来，…``).

A reader still sees where the headline ends: a byline or a lead starts there.
So a line is split when a byline marker (□, ▶, 本报记者 …) or a lead
(本报讯, 本报天津9月6日电) stands after a start that has a headline's shape
(no sentence end, not longer than a headline, not ending in a word that needs
more: 向记者 …). The names after a byline marker end where the first sentence
begins: the longest name after which the text opens with a word of two or
more characters or a character that opens sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .bylines import is_name, lead_marker, names_in
from .joins import cut_word, starts_mid_sentence
from ..textmatch.cjk import remove_cjk_spaces
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules
from ..textmatch.cjk import is_cjk

_SPACES = re.compile(r"[\s\u3000]+")
# How the placement note of a split line begins.
GLUED_NOTE = "headline glued to the front split off"
# A front of headlines glued together on a line-joined page is at most this many headlines long.
CLUSTER_HEADLINES = 6
# A byline glued into a line is trusted only with the paper's own markers.
_GLUED_BYLINE_WORDS = ("本报记者", "本报通讯员", "本报特约记者", "本报实习生")


@dataclass(frozen=True)
class Glued:
    """A line split into the headline glued to its front, a byline, and the paragraph.

    Arguments:
        head: the headline text
        byline: the byline text ("" when a lead follows the headline)
        names: the byline's names
        rest: the paragraph, from the lead or the first sentence on
        rule: which sign decided the split (for the line's placement note)
    """
    head: str
    byline: str
    names: tuple[str, ...]
    rest: str
    rule: str
    rest_spaced: str = ""  # the paragraph with its printed spaces (a lead's names are read there)


@lru_cache(maxsize=4)
def _marker_rx(symbols: str) -> re.Pattern:
    words = "|".join(map(re.escape, _GLUED_BYLINE_WORDS))
    return re.compile(f"[{re.escape(symbols)}]|{words}")


def head_shaped(head: str, rules: Rules, tok: Cutter) -> bool:
    title = head.split("——")[0]
    if not 4 <= len(title) <= rules.heading_max_chars or len(head) > 2 * rules.heading_max_chars \
            or any(c in rules.sentence_end for c in head):
        return False
    if head[-1] in rules.continuation_end_marks or head.count("，") > 1:
        return False
    words = tok.cut(head[-6:])
    return bool(words) and words[-1] not in rules.continuation_end_words


def undouble_glued(head: str) -> str:
    """A bold headline read twice character by character, glued to its text: its doubled marks were
    already made single (孝孝感感高高新新区区：光光…), so pairs are read once and single marks kept."""
    out, i, pairs = [], 0, 0
    while i < len(head):
        if i + 1 < len(head) and head[i] == head[i + 1]:
            out.append(head[i])
            pairs += 1
            i += 2
        elif not is_cjk(head[i]):
            out.append(head[i])
            i += 1
        else:
            return head
    return "".join(out) if pairs >= 4 else head


def opens_sentence(text: str, rules: Rules, tok: Cutter) -> bool:
    """The text opens with a word of two or more characters, or a character that opens sentences."""
    if not text:
        return False
    first = tok.cut(text[:8])[0]
    return len(first) >= 2 or first in rules.sentence_start_chars or not is_cjk(first[0])


def _name_then_text(token: str, rules: Rules, tok: Cutter) -> tuple[str, str] | None:
    """A name glued to the first sentence (邵明辉今年以来): the longest that leaves a sentence start."""
    for n in (4, 3, 2):
        if len(token) > n and is_name(token[:n], rules) and opens_sentence(token[n:], rules, tok):
            return token[:n], token[n:]
    return None


def _end_of_name(names: list[str], ch: str, after: str, rules: Rules, tok: Cutter) -> bool:
    """One character after a two-character name ends it (a stray space between them) when the text
    after it opens a name or a sentence and the name alone does not end where a sentence opens."""
    if not names or len(names[-1]) != 2 or not is_name(names[-1] + ch, rules) or not after \
            or opens_sentence(ch + after, rules, tok):
        return False
    return is_name(after, rules) or _name_then_text(after, rules, tok) is not None or opens_sentence(after, rules, tok)


def _foreign_name(token: str, rules: Rules, tok: Cutter) -> bool:
    """A name of two to four characters with no common surname (阿依努尔): no word of the dictionary, no opening."""
    return 2 <= len(token) <= 4 and all(is_cjk(c) for c in token) and len(tok.cut(token)) > 1 \
        and not rules.sentence_openings.match(token) and token[0] not in rules.sentence_start_chars


def _foreign_then_text(token: str, rules: Rules, tok: Cutter) -> tuple[str, str] | None:
    """A name with no common surname glued to the first sentence, after a name that has one
    (王　欢　阿依努尔戈壁深处…): the longest front that the dictionary reads as no words of its
    own (single characters, and words only the names' tag fits), after which a sentence opens, no
    word running across (漓江之畔, 初秋的 are words and a place)."""
    words = tok.cut(token[:12])
    ends = {sum(map(len, words[:i])) for i in range(1, len(words))}
    for n in (4, 3):
        front, rest = token[:n], token[n:]
        tags = tok.tag(front)
        if n in ends and len(rest) >= 4 and _foreign_name(front, rules, tok) and any(len(w) == 1 for w, _ in tags) \
                and all(len(w) == 1 or t.startswith("nr") for w, t in tags) \
                and opens_sentence(rest, rules, tok) and not cut_word(front, rest, tok):
            return front, rest
    return None


def _marker_cut(token: str, nxt: str, rules: Rules) -> bool:
    """A byline marker cut in two by a stray space: the two pieces begin with a longer marker than
    the first holds."""
    both = token + nxt
    longest = max((m for m in rules.byline_markers if both.startswith(m)), key=len, default="")
    return len(longest) > len(token)


def names_at_front(spaced: str, rules: Rules, tok: Cutter) -> tuple[tuple[str, ...], str] | None:
    """The names at the front of ``spaced`` (markers between them allowed) and the text after them."""
    tokens = [t for t in _SPACES.split(spaced.strip()) if t]
    names: list[str] = []
    i = 0
    after_surname = None  # what follows a name set as surname　name, should no further name follow
    while i < len(tokens):
        t = tokens[i].lstrip(rules.byline_symbols)
        if i + 1 < len(tokens) and _marker_cut(t, tokens[i + 1], rules):
            tokens[i + 1] = t + tokens[i + 1]  # a stray space inside a marker (本报 通讯员)
            i += 1
            continue
        for marker in sorted(rules.byline_markers, key=len, reverse=True):
            if t.startswith(marker):
                t = t[len(marker):]
                break
        if not t:
            i += 1
            continue
        if i + 1 < len(tokens) and is_name(t, rules):
            nxt = tokens[i + 1]
            if len(t) == 2 and len(nxt) > 1 and is_name(t + nxt[0], rules) and not opens_sentence(nxt, rules, tok) \
                    and opens_sentence(nxt[1:], rules, tok):  # a stray space cut the name: 邵明 辉今年以来
                names.append(t + nxt[0])
                return tuple(names), " ".join([nxt[1:]] + tokens[i + 2:])
            names.append(t)
            i += 1
            continue
        if len(t) == 1 and i + 1 < len(tokens) and _end_of_name(names, t, tokens[i + 1], rules, tok):
            names[-1] += t  # a stray space inside a name: 叶建 平　郑晓雯在…
            i += 1
            continue
        if len(t) == 1 and t in rules.surnames and i + 1 < len(tokens):  # 钱　悦日前…
            nxt = tokens[i + 1]
            # two characters of the given name where one leaves no sentence start (邵 明辉今年以来)
            given = 2 if len(nxt) > 3 and not opens_sentence(nxt[1:], rules, tok) and opens_sentence(nxt[2:], rules, tok) \
                and is_name(t + nxt[:2], rules) else 1
            if given == 2:
                names.append(t + nxt[:2])
                return tuple(names), " ".join([nxt[2:]] + tokens[i + 2:])
            if len(nxt) == 2 and i + 2 < len(tokens) and is_name(t + nxt, rules):  # 郑 晓雯 在…: more may follow
                names.append(t + nxt)
                i += 2
                continue
            names.append(t + tokens[i + 1][0])
            if len(tokens[i + 1]) == 1 and i + 2 < len(tokens):  # 白　璐　特约记者 …: more names may follow
                after_surname = (tuple(names), " ".join(tokens[i + 2:]))
                i += 2
                continue
            return tuple(names), " ".join([tokens[i + 1][1:]] + tokens[i + 2:])
        split = _name_then_text(t, rules, tok) or (_foreign_then_text(t, rules, tok) if names else None)
        if split is None and names and i + 1 < len(tokens) and _foreign_name(t, rules, tok):
            names.append(t)  # 王　欢　阿依努尔 戈壁深处…: a name with no common surname beside one that has
            i += 1
            continue
        if split is None and names and opens_sentence(t, rules, tok):
            return tuple(names), " ".join([t] + tokens[i + 1:])  # the names end at a space: 邓小山 彭彬 近日，…
        if split is None and names and _end_of_name(names, t[0], t[1:], rules, tok):
            names[-1] += t[0]  # 郑晓 雯在乐清…: the name's last character cut off by a stray space
            return tuple(names), " ".join([t[1:]] + tokens[i + 1:])
        if split is None:
            return after_surname
        names.append(split[0])
        return tuple(names), " ".join([split[1]] + tokens[i + 1:])
    return None


def _opening(text: str, rules: Rules, tok: Cutter) -> Glued | None:
    """A headline in its own form (宜昌高新区：…) glued to a sentence that opens as news does
    (近日, 1月8日, 今年以来): split where the opening starts, when no word runs across."""
    if not any(rx.match(text) for rx in rules.headline_patterns):
        return None
    for m in rules.sentence_openings.finditer(text, 6, rules.heading_max_chars + 1):
        head = text[:m.start()]
        if "：" in head[:-3] and head_shaped(head, rules, tok) and not cut_word(head, text[m.start():], tok):
            return Glued(head, "", (), text[m.start():], f"a sentence opening ({m.group(0)}) after a headline")
    return None


def spaced_prefix(spaced: str, n: int) -> str:
    """The start of the spaced text that holds its first n characters other than spaces."""
    seen = 0
    for i, c in enumerate(spaced):
        if seen == n:
            return spaced[:i]
        seen += not c.isspace()
    return spaced


def names_in_front(text: str, spaced: str, rules: Rules, tok: Cutter) -> tuple[str, tuple[str, ...], str] | None:
    """Names glued to the front of a headline (the byline that ended the article before, on a
    line-joined page: 魏伟威海高新区：…): (their text, the names, the rest), or None."""
    spaced = spaced or text
    for k in range(min(len(text) - 4, 14), 1, -1):
        rest = text[k:]
        if not any(rx.match(rest) for rx in rules.headline_patterns) or cut_word(text[:k], rest, tok):
            continue
        found = names_in(spaced_prefix(spaced, k), rules)
        if found and not any(_institution(n, tok) for n in found):
            return text[:k], found, rest
    return None


def _institution(name: str, tok: Cutter) -> bool:
    """A name-shaped piece the dictionary knows as an institution (北京大学长三角…研究院: the headline's subject)."""
    tags = tok.tag(name)
    return len(tags) == 1 and tags[0][1] == "nt"


def byline_in_front(text: str, spaced: str, rules: Rules, tok: Cutter) -> Glued | None:
    """A byline glued to the front of the first sentence (本报记者 刘思源说起景德镇，…): the names end
    where the sentence begins. Returns a Glued with no headline."""
    spaced = spaced or text
    m = _marker_rx(rules.byline_symbols).match(text)
    if m is None:
        return None
    found = names_at_front(spaced[spaced.find(m.group(0)):], rules, tok)
    if found is None or not found[0]:
        return None
    rest = remove_cjk_spaces(found[1]).strip()
    if not rest or len(rest) >= len(text):
        return None
    rest = text[len(text) - len(rest):]
    return Glued("", text[:len(text) - len(rest)], found[0], rest, f"a byline marker ({m.group(0)}) glued to the text")


def split_glued(text: str, spaced: str, rules: Rules, tok: Cutter, cluster: bool = False) -> Glued | None:
    """Split a headline (and byline) glued to the front of a paragraph; None when the line shows none.

    Arguments:
        cluster: the front may be several headlines glued together (a line-joined page)
    """
    spaced = spaced or text
    return _at_marker(text, spaced, rules, tok, cluster) or _opening(text, rules, tok)


def _cluster_shaped(head: str, rules: Rules, tok: Cutter) -> bool:
    """Several headlines glued together: no sentence end, and the last ends as a headline does."""
    return len(head) <= CLUSTER_HEADLINES * rules.heading_max_chars and not any(c in rules.sentence_end for c in head) \
        and head_shaped(head[-rules.heading_max_chars:], rules, tok)


def _at_marker(text: str, spaced: str, rules: Rules, tok: Cutter, cluster: bool = False) -> Glued | None:
    """Split at a byline marker or a lead after a headline-shaped start."""
    lead = next((m.start() for m in re.finditer("本报|本刊|新华社", text)
                 if 4 <= m.start() and lead_marker(text[m.start():], rules)), None)
    m = _marker_rx(rules.byline_symbols).search(text, 4)
    at = min(p for p in (lead, m.start() if m else None) if p is not None) if (lead is not None or m) else None
    # A subtitle (——…) glued after the headline makes the start longer.
    longest = rules.heading_max_chars * (2 if at is not None and "——" in text[:at] else 1)
    if cluster:
        longest = CLUSTER_HEADLINES * rules.heading_max_chars
    if at is None or at > longest:
        return None
    # A marker written before the paper's own (文/本报记者 甲) is the byline's too.
    at -= next((len(mk) for mk in rules.byline_markers if mk[-1] in "/／:：" and text[:at].endswith(mk)), 0)
    head = text[:at].strip()
    if not (head_shaped(head, rules, tok) or cluster and _cluster_shaped(head, rules, tok)):
        return None
    if at == lead:
        k = next((m.start() for m in re.finditer("本报|本刊|新华社", spaced) if lead_marker(spaced[m.start():], rules)), -1)
        return Glued(head, "", (), text[at:], "a lead (本报讯) after a headline-shaped start",
                     rest_spaced=spaced[k:] if k >= 0 else "")
    # The same marker in the spaced text: the names are read there, where spaces separate them.
    marker = m.group(0)
    printed = re.search(r"[\s\u3000]*".join(map(re.escape, marker)), spaced)  # (a stray space inside it: 本报 通讯员)
    k = printed.start() if printed else -1
    found = names_at_front(spaced[k:], rules, tok) if k >= 0 else None
    if found is None or not found[0]:
        return None
    names, rest_spaced = found
    rest = remove_cjk_spaces(rest_spaced).strip()
    if not rest or len(rest) >= len(text) - len(head):
        return None
    rest = text[len(text) - len(rest):]  # the repaired text (place names mended there, not in spaced)
    return Glued(head, text[at:len(text) - len(rest)], names, rest,
                 f"a byline marker ({marker}) after a headline-shaped start")


def _needs_its_noun(head: str, tok: Cutter) -> bool:
    """The front ends in 一 and a measure word (…公里一辆): the noun it counts follows, no headline ends so."""
    word, tag = tok.tag(head[-4:])[-1]
    return tag == "m" and len(word) == 2 and word[0] == "一"


def may_end_headline(text: str, k: int, rules: Rules, tok: Cutter) -> bool:
    """A headline may end at ``k``: it has a headline's shape, leaves no quotation open and no noun
    to count, no word runs across, and the rest opens no continuation."""
    head, rest = text[:k].rstrip(), text[k:].lstrip()
    return not (rest[:1] in rules.continuation_start_chars + rules.closing_marks or not head_shaped(head, rules, tok)
                or cut_word(head, rest, tok) or head.count("“") != head.count("”") or _needs_its_noun(head, tok))


def sentence_rest_at(text: str, places: list[int], first_end: int, rules: Rules, tok: Cutter) -> int | None:
    """The last of the places in the line's first clause where the rest of a sentence begun on another
    page may begin (投产|颗粒等…, not 投产颗粒等…; 发布|355家，…, not …由1.|96%增长…); a lone first
    character that seldom opens a sentence (鲁银行 for 齐鲁银行) only when no surer sign holds."""
    clause = next((i for i, c in enumerate(text) if c in "，,、；"), first_end)
    for word_cut in (False, True):
        at = max((k for k in places if k < clause and starts_mid_sentence(text[k:].lstrip(), rules, tok, word_cut)),
                 default=None)
        if at is not None:
            return at
    return None
