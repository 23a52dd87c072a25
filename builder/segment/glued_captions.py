"""Captions and photo credits glued into the text on a line-joined page: a credit at the front of
the text or inside a line, a caption by its opening words inside a sentence, a caption glued before
the first sentence after a byline. Read off so that the text around them is whole again."""
from __future__ import annotations

import re

from .captions import credit_split
from .joins import cut_word
from ..textmatch.trie import WordFinder
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules


_BRACKETED = re.compile(r"^[(（][^()（）]{2,30}[)）]")


def front_credit(text: str, spaced: str, rules: Rules) -> int:
    """Length of a photo credit glued to the front of the text ((本报记者 甲 摄) 四周左右…), or 0."""
    m = _BRACKETED.match(text)
    if m and is_credit(m.group(0), rules):
        return m.end()
    at = text.find("摄", 2, 14)  # 杨　舒　摄还帮助企业…
    if at > 0 and is_credit(text[:at + 1], rules):
        return at + 1
    return 0


def is_credit(text: str, rules: Rules) -> bool:
    """The whole text is a photo credit."""
    caption, credit = credit_split(text, rules)
    return bool(credit) and not caption


def inner_caption(text: str, rules: Rules) -> tuple[int, int] | None:
    """A caption by its opening words glued inside the text (…只需 图为…产线。 四周左右…): (start, end)."""
    for rx in rules.caption_patterns:
        pattern = re.compile(rx.pattern.lstrip("^"))
        for m in pattern.finditer(text, 1):
            end = next((i + 1 for i in range(m.end(), len(text)) if text[i] in rules.sentence_end), len(text))
            while end < len(text) and text[end] in rules.closing_marks:
                end += 1
            if end - m.start() <= rules.caption_max_chars * 3:
                return m.start(), end
    return None


def credit_span(text: str, spaced: str, rules: Rules, tok: Cutter | None = None) -> tuple[int, int] | None:
    """A photo credit inside a line with text after it ((图片由…提供), 图片来源：… up to a printed
    space, or with none printed up to where a sentence opens): (start, end) in ``text``, or None
    when its end cannot be told."""
    for rx in rules.credit_patterns:
        m = rx.search(text)
        if m is None:
            continue
        end = m.end()
        if text[end - 1] in ":：":  # a label: the source runs to the next printed space
            seen = len(re.sub(r"[\s\u3000]", "", text[:end]))
            gaps = [len(re.sub(r"[\s\u3000]", "", spaced[:g.start()])) for g in re.finditer(r"[\s\u3000]+", spaced)]
            end = next((g for g in gaps if g > seen), None) or (_source_end(text, m.end(), rules, tok) if tok else None)
            if end is None:
                return None
        return (m.start(), end) if text[end:].strip() else None
    return None


# What the first word of a sentence may be, and a source's name never ends in: a preposition or a conjunction.
_OPENING_TAGS = ("p", "c")


def _source_end(text: str, at: int, rules: Rules, tok: Cutter) -> int | None:
    """Where the source after a credit's label ends when no space was printed (图片来源：重庆高新区
    党群工作部为了让…): before the first word that opens a sentence, a name's length on."""
    pos = at
    for word, tag in tok.tag(text[at:at + rules.caption_max_chars + 4]):
        if pos - at >= 4 and (tag in _OPENING_TAGS or rules.sentence_openings.match(text, pos)):
            return pos
        if word[:1] in rules.sentence_end + "，":
            return None
        pos += len(word)
    return None


def caption_before_opening(rest: str, rules: Rules, tok: Cutter) -> int:
    """After a byline glued into a line, a caption glued before the first sentence (衢州高新区全景图近年来，…):
    its length when a news opening follows a short piece with no sentence end and no clause, else 0."""
    for m in rules.sentence_openings.finditer(rest, 4, rules.caption_max_chars + 1):
        piece = rest[:m.start()]
        if not any(c in rules.sentence_end + "，、" for c in piece) and not cut_word(piece, rest[m.start():], tok):
            return m.start()
    return 0


def spaced_caption(text: str, spaced: str, rules: Rules, tok: Cutter | None) -> tuple[int, int] | None:
    """A caption naming what the photo shows glued inside a sentence, set between printed spaces
    (…实现 浙江大学台州研究院园区图 高新化提升。): a short piece with no mark in it whose last word
    ends captions (``caption_end_words``), the sentence open before it; (start, end) in ``text``."""
    pieces = spaced.split()
    if tok is None or len(pieces) < 3 or "".join(pieces) != text:
        return None
    start = len(pieces[0])
    for before, piece in zip(pieces, pieces[1:-1]):
        end = start + len(piece)
        if 2 < len(piece) <= rules.caption_max_chars and before[-1] not in rules.sentence_end + "，、；：" \
                and not re.search(r"[^\w]", piece) and tok.cut(piece)[-1] in rules.caption_end_words:
            return start, end
        start = end
    return None


def named_caption(text: str, subjects: frozenset[str], names: WordFinder | None, rules: Rules,
                  tok: Cutter | None) -> tuple[int, int] | None:
    """A caption glued inside a sentence with no space printed around it (…实现浙江大学台州研究院园区图
    高新化提升。): from a subject the page's headlines name (浙江大学台州研究院：…) or a zone's name, to
    a word that ends captions (``caption_end_words``), with no mark between and the sentence going
    on before and after it; (start, end) in ``text``."""
    if tok is None:
        return None
    pos = 0
    for word in tok.cut(text):
        end = pos + len(word)
        pos = end
        if word not in rules.caption_end_words or end >= len(text) or not text[end].isalnum():
            continue
        lo = max(1, end - rules.caption_max_chars)
        found = list(names.everywhere(text[lo:end])) if names is not None else []
        found += [(text.find(w, lo, end) - lo, w) for w in subjects if text.find(w, lo, end) >= 0]
        for at, w in sorted(found):  # the longest piece first: from the earliest name
            start = lo + at
            if start + len(w) <= end - len(word) and text[start - 1].isalnum() \
                    and not re.search(r"[^\w]", text[start:end]):
                return start, end
    return None


def caption_before_credit(before: str, spaced: str, rules: Rules) -> int:
    """The caption set between printed spaces right before a photo credit glued inside a sentence
    (…；今年以来，…15名博士或高层次 中国动力谷自主创新园 图片来源：… 人才。): its length, when what
    stands before it is text, a sentence ended in it and the next one left open (headlines glued
    together end none), else 0."""
    if not spaced or not any(c in before for c in rules.sentence_end):
        return 0
    seen, printed = 0, spaced
    for i, c in enumerate(spaced):  # the printed text up to where ``before`` ends
        if seen == len(before):
            printed = spaced[:i]
            break
        seen += not c.isspace()
    pieces = printed.split()
    last = pieces[-1] if len(pieces) >= 2 else ""
    if 4 <= len(last) <= rules.caption_max_chars and not re.search(r"[^\w]", last) and before.endswith(last) \
            and pieces[-2][-1:] not in rules.sentence_end + rules.closing_marks:
        return len(last)
    return 0


def unspaced_caption_credit(text: str, names: WordFinder | None, context: str, rules: Rules,
                            tok: Cutter | None) -> tuple[int, int, int] | None:
    """A caption and a photo credit glued inside a sentence with no space printed (…高层次中国动力谷
    自主创新园图片来源：株洲高新区人才。): the credit's source is a zone's name, and the caption
    before it names what the text around names too (the longest such piece, no mark in it, no word
    running across its start). (caption start, credit start, credit end) in ``text``, or None."""
    if names is None or tok is None:
        return None
    for rx in rules.credit_patterns:
        m = rx.search(text, 4)
        if m is None or text[m.end() - 1] not in ":：":
            continue
        zone = names.longest(text[m.end():m.end() + 24])
        end = m.end() + len(zone[0]) if zone and text.startswith(zone[0], m.end()) else 0
        if not end or not text[end:].strip() or text[end] in rules.sentence_end + rules.closing_marks:
            return None
        around = text[end:] + context
        for a in range(max(1, m.start() - rules.caption_max_chars), m.start() - 3):
            piece = text[a:m.start()]
            if not re.search(r"[^\w]", piece) and piece in around and text[a - 1] not in rules.sentence_end \
                    and not cut_word(text[:a], piece, tok):
                return a, m.start(), end
        return None
    return None
