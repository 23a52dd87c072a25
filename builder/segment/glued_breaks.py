"""A column break glued into a sentence, on a page where a tool joined the printed lines until a
sentence ended.

Where a column of another article is set inside an article, the page breaks a sentence off at
the column's end, and the column opens with the rest of a sentence begun elsewhere (…新机型 /
20吉瓦时，可为…). Joined until a sentence ends, the two make one sentence (…新机型20吉瓦时，可为…
配套。): the paragraph before the column ends a sentence and ``insets`` sees no break. Where the
column ends and the article resumes, the same (…完善创新攀称，公司刚入园时…). The break is found
again inside the paragraph where independent signs agree:

- a space was printed there between ideographs (a tool that joins lines with a space);
- the piece's words are the other thread's (the column's, or the resumed article's);
- the piece goes on a sentence left open elsewhere (…年产能将达到 + 20吉瓦时, an article broken off
  at a headline; 董事长柴 + 攀称, a name cut at the column's end);
- the piece opens as the rest of a sentence does: a figure or an opening quote into the column,
  a lone character that seldom opens a sentence where the article resumes;
- a surname left alone before the break (董事长柴|“黄金布耕”。) whose name goes on where the
  column ends (…完善创新|攀称，…): the two breaks are found as one, the second past the last of
  the column's own words.

No word may run across the break. The signs and their weights are in ``repair_rules.yaml``
(``joined_break``).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from .bylines import is_name
from .insets import SHORT
from .items import Item
from .joins import cut_word, starts_mid_sentence
from ..textmatch.cjk import is_cjk
from ..textmatch.trie import WordFinder
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import Rules

NOTE = "a column break glued into a sentence (line-joined page): split there"
RESUMED = "the sentence it breaks off goes on where the column ends"
# What a sentence's rest cut at a column's end opens with, besides a figure.
_OPENING_MARKS = "“‘《（("


def _words(text: str, tok: Cutter) -> set[str]:
    """The words that say what the text is about (no figures)."""
    return {w for w, tag in tok.tag(text) if len(w) >= 2 and not w.isdigit() and tag != "m"}


def _spaces(text: str, spaced: str) -> frozenset[int]:
    """Positions in ``text`` before which the printed text had a space between two ideographs, or
    before an opening quote (no typesetter sets one there; beside a figure or a Latin word many do)."""
    out, i = set(), 0
    for c in spaced:
        if c.isspace():
            if 0 < i < len(text) and is_cjk(text[i - 1]) and (is_cjk(text[i]) or text[i] in _OPENING_MARKS):
                out.add(i)
        elif i < len(text) and c == text[i]:
            i += 1
    return frozenset(out)


def _sentence_starts(text: str, rules: Rules) -> list[int]:
    """Where the sentences of the text begin."""
    out = [0]
    for i, c in enumerate(text):
        if c in rules.sentence_end:
            j = i + 1
            while j < len(text) and (text[j] in rules.closing_marks or text[j] in rules.sentence_end):
                j += 1
            if j < len(text) and j != out[-1]:
                out.append(j)
    return out


def _places(text: str, lo: int, rules: Rules, tok: Cutter) -> list[int]:
    """Where in text[lo:] a break may fall: inside a sentence, not before a mark that closes or
    goes on, not inside an opening quote, no word running across."""
    starts = set(_sentence_starts(text, rules))
    bad_start = rules.continuation_start_chars + rules.closing_marks
    return [k for k in range(max(lo, 2), len(text) - 2)
            if k not in starts and text[k] not in bad_start and text[k - 1] not in _OPENING_MARKS
            and not cut_word(text[:k], text[k:], tok)]


def goes_on(open_text: str, piece: str, rules: Rules, tok: Cutter, name_only: bool = False) -> bool:
    """The piece goes on the sentence ``open_text`` leaves open: a lone surname has the rest of the
    name after it (董事长柴|攀称), or (unless ``name_only``: between any two places of a page some
    word is made by chance, 新|会) a word runs across, or a verb or a preposition left without its
    object has a figure or a noun after it (达到|20吉瓦时)."""
    if not open_text or not piece:
        return False
    last, first = tok.tag(open_text[-6:])[-1], tok.tag(piece[:6])[0]
    if not name_only and (cut_word(open_text, piece, tok) or (
            last[1][:1] in ("v", "p") and len(last[0]) >= 2 and first[1][:1] in ("m", "n"))):
        return True
    return _lone_surname(open_text, rules, tok) and len(first[0]) == 1 and is_cjk(first[0]) \
        and is_name(open_text[-1] + first[0], rules)


def _lone_surname(text: str, rules: Rules, tok: Cutter) -> bool:
    """The text ends in a surname standing alone after a word (董事长柴, not 20吉): a name cut off."""
    tags = tok.tag(text[-6:])
    return len(tags) > 1 and len(tags[-1][0]) == 1 and tags[-1][0] in rules.surnames and tags[-1][1].startswith("nr") \
        and len(tags[-2][0]) >= 2 and all(is_cjk(c) for c in tags[-2][0])


def _share(words: set[str], of: set[str]) -> float:
    return len(words & of) / len(words) if words else 0.0


def _into_column(p: Item, inset_words: set[str], opens: list[str], resumed: Callable[[str], bool], rules: Rules,
                 tok: Cutter) -> tuple[float, int, str]:
    """The best place in the last sentence of ``p`` where the column's first piece begins:
    (weight, place, the signs); of places that weigh the same, the first (the piece runs back as
    far as the signs hold).

    Arguments:
        resumed: whether the text the column breaks off is found going on where the column ends
    """
    w = rules.joined_break
    text, spaces = p.text, _spaces(p.text, p.spaced or p.text)
    best = (0.0, 0, "")
    for k in _places(text, _sentence_starts(text, rules)[-1] + 1, rules, tok):
        piece = text[k:]
        mine = _words(piece, tok)
        if len(piece) > 2 * SHORT + 6:
            continue
        signs = []
        if k in spaces:
            signs.append(("a space was printed there", w.get("space", 1.5)))
        share = _share(mine, inset_words)
        if share >= w.get("words_share", 0.5):
            signs.append(("its words are the column's", w.get("words", 1.0) * share))
        if any(goes_on(o, piece, rules, tok) for o in opens):
            signs.append(("it goes on a sentence left open before", w.get("goes_on", 1.0)))
        if piece[0].isdigit() or piece[0] in _OPENING_MARKS:
            signs.append(("it opens as a sentence's rest does", w.get("opens", 0.5)))
        if not is_cjk(piece[0]) and _lone_surname(text[:k], rules, tok):
            signs.append(("a name is cut off there", w.get("name_cut", 0.5)))
            if resumed(text[:k]):
                signs.append((RESUMED, w.get("goes_on", 1.0)))
        weight = sum(s for _, s in signs)
        if weight > best[0] + 1e-9:
            best = (weight, k, ", ".join(n for n, _ in signs))
    return best


def _out_of_column(p: Item, zone_end: int, home_words: set[str], inset_words: set[str], home_open: str,
                   rules: Rules, tok: Cutter, found: bool = False) -> tuple[float, int, str]:
    """The best place in ``p`` (past the last zone of the column it names) where the interrupted
    article's text resumes: (weight, place, the signs).

    Arguments:
        found: the break into the column was found because a name it cut goes on in ``p``: only such places are weighed (none before which the column's own words still
            stand), and the best is taken whatever it weighs
    """
    w = rules.joined_break
    text, spaces = p.text, _spaces(p.text, p.spaced or p.text)
    best = (0.0, 0, "")
    for k in _places(text, zone_end, rules, tok):
        piece = text[k:]
        mine = _words(piece, tok)
        if found and (not goes_on(home_open, piece, rules, tok, name_only=True) or mine & (inset_words - home_words)):
            continue  # (the article resumed uses none of the column's own words)
        signs = []
        if k in spaces:
            signs.append(("a space was printed there", w.get("space", 1.5)))
        share = _share(mine, home_words)
        if share >= w.get("words_share", 0.5) and share > _share(mine, inset_words):
            signs.append(("its words are the article's", w.get("words", 1.0) * share))
        if goes_on(home_open, piece, rules, tok):
            signs.append(("it goes on the sentence broken off before the column", w.get("goes_on", 1.0)))
        if starts_mid_sentence(piece, rules, tok):
            signs.append(("it opens as a sentence's rest does", w.get("opens", 0.5)))
        weight = sum(s for _, s in signs) + found * rules.joined_break.get("split_at", 2.0)
        if weight > best[0] + 1e-9:
            best = (weight, k, ", ".join(n for n, _ in signs))
    return best


def _printed_at(spaced: str, k: int) -> int:
    """Where in the printed text the k-th character other than spaces stands."""
    seen = 0
    for i, c in enumerate(spaced):
        if not c.isspace():
            if seen == k:
                return i
            seen += 1
    return len(spaced)


def _cut(p: Item, k: int, why: str) -> tuple[Item, Item]:
    """The paragraph in two at ``k``: the sentence broken off, and the piece after the break."""
    spaced = p.spaced or p.text
    at = _printed_at(spaced, k)
    note = f"{NOTE} ({why})"
    return (replace(p, text=p.text[:k], spaced=spaced[:at].rstrip(), open_end=True, names=(), source="", note=note),
            replace(p, text=p.text[k:], spaced=spaced[at:].lstrip(), gap=0, gap_before=False, lead=False, note=note))


def split_breaks(body: list[Item], home: frozenset[str], opens: list[str], names: WordFinder, rules: Rules,
                 tok: Cutter) -> list[Item]:
    """A run's items with a column break glued into a paragraph split there: before the column
    (the paragraph before the first one naming another zone ends a sentence) and after it (the
    article's sentence broken off before the column is still open where the column ends).

    Arguments:
        home: the zones of the run's article
        opens: the text of sentences left open at the end of the articles before the run
    """
    paras = [it for it in body if it.kind == "para"]
    zones = [names.contained(p.text) for p in paras]
    foreign = [bool(z) and not (z & home) for z in zones]
    first = next((i for i, f in enumerate(foreign) if f), None)
    if not home or not first:
        return body
    split_at = rules.joined_break.get("split_at", 2.0)
    words = [_words(p.text, tok) for p in paras]
    inset_words = set().union(*(ws for ws, f in zip(words, foreign) if f))
    home_words = set().union(*(ws for i, (ws, f) in enumerate(zip(words, foreign)) if not f and i != first - 1))
    before, cuts = paras[first - 1], {}
    last = first
    while last + 1 < len(paras) and foreign[last + 1]:
        last += 1
    p = paras[last]
    zone_end = max(p.text.rfind(z) + len(z) for z in zones[last] - home)
    ends = _places(p.text, zone_end, rules, tok) if last + 1 < len(paras) and not p.open_end else []
    home_open, found = (before.text if before.open_end else ""), False
    if not before.open_end:
        def resumed(text: str) -> bool:
            return any(goes_on(text, p.text[k:], rules, tok, name_only=True) for k in ends)
        weight, k, why = _into_column(before, inset_words, opens, resumed, rules, tok)
        if weight >= split_at:
            cuts[id(before)] = _cut(before, k, why)
            home_open, found = before.text[:k], RESUMED in why
    if home_open and ends:
        column_words = set().union(*(ws for i, (ws, f) in enumerate(zip(words, foreign)) if f and i != last))
        weight, k, why = _out_of_column(p, zone_end, home_words, column_words, home_open, rules, tok, found)
        if weight >= split_at:
            cuts[id(p)] = _cut(p, k, why)
    return [piece for it in body for piece in cuts.get(id(it), (it,))]
