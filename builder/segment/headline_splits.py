"""Headlines printed apart from their bodies: where one says an article begins, and one
printed after its body that the layout alone sets apart as a caption.

When the page sets its headlines together at the end, the text above reads as
one run where two articles follow each other with no cue between them but the
missing headline. A headline of that cluster that reads like the end of a run
and not like its start, while another headline reads like the start, says the
run holds two articles; it is cut before the first paragraph where the
headline's words begin (after a closed sentence, where the zone changes).
Each cut is weighed on three independent pieces of evidence: the headline's
words found below the cut and not above it, another headline's words found
above it, and a zone named below that the text above never names.
"""
from __future__ import annotations

from dataclasses import replace

from .captions import is_caption_by_words
from .headlines import MIN_SCORE, caption_scores, score, words
from .items import Item
from ..textmatch.trie import WordFinder
from ..textmatch.wordcut import Cutter
from .byline_place import evidence_for
from .runs import AFTER_BODY_NOTE, home_zones
from ..vocab.rule_files import Rules

SPLIT_NOTE = "an article begins here: a headline printed apart reads like the text from here on"


def trailing_headings(items: list[Item]) -> list[Item]:
    """The headings printed after the page's last paragraph (a cluster at the page end)."""
    last = max((i for i, it in enumerate(items) if it.kind == "para"), default=-1)
    return [it for it in items[last + 1:] if it.kind == "heading"]


def _cuts(run, heads: list[frozenset[str]], zones: list[frozenset[str]], names: WordFinder,
          w: dict[str, float]) -> tuple[float, int] | None:
    """The best place to cut one run in two, (weight of the evidence, paragraph index), or None."""
    paras = run.paras
    best = None
    for k in range(1, len(paras)):
        if paras[k - 1].open_end:
            continue  # a sentence runs on across the cut
        above, below = "".join(p.text for p in paras[:k]), "".join(p.text for p in paras[k:])
        named_above, named_below = names.contained(above), names.contained(below)
        new_zone = bool(names.contained(paras[k].text) - named_above)
        for a, wa in enumerate(heads):
            sa_above, sa_below = score(wa, above, {}), score(wa, below, {})
            for b, wb in enumerate(heads):
                sb_above, sb_below = score(wb, above, {}), score(wb, below, {})
                gain = (sa_above - sa_below) + (sb_below - sb_above)
                if a == b or min(sa_above, sb_below) < w["min_share"] or gain < w["min_gain"]:
                    continue
                own_zones = (bool(zones[a] & named_above) and not zones[a] & named_below) + (
                    bool(zones[b] & named_below) and not zones[b] & named_above)
                total = gain + w["new_zone"] * new_zone + w["own_zone"] * own_zones
                if best is None or total > best[0]:
                    best = (total, k)
    return best


def split_points(items: list[Item], runs: list, tok: Cutter, stop: frozenset[str], names: WordFinder,
                 form, w: dict[str, float] | None = None) -> dict[int, str]:
    """{item index of a paragraph: why} where a run of text holds two articles.

    Arguments:
        runs: the runs of text cut so far (``runs.Run``), each with its paragraphs
        form: whether a heading has a headline's own form (marked, or subject：headline)
        w: the weights (``headline_splits`` of byline_place.evidence_for)
    """
    heads = trailing_headings(items)
    # More headlines in the cluster than runs of text without one: some run holds two articles.
    extra = sum(1 for h in heads if form(h)) - sum(1 for r in runs if r.paras and not r.pre)
    if extra < 1:
        return {}
    w = w or evidence_for()["headline_splits"]
    index = {id(it): i for i, it in enumerate(items)}
    head_words = [words(h.text, tok, stop) for h in heads]
    zones = [names.contained(h.text) for h in heads]
    found = []
    for run in runs:
        best = _cuts(run, head_words, zones, names, w)
        if best is not None and best[0] >= w["decide"]:
            found.append((best[0], index[id(run.paras[best[1]])]))
    return {i: SPLIT_NOTE for _, i in sorted(found, reverse=True)[:extra]}


AFTER_BODY_CAPTION = ("headline printed after its body: names the article's zone and reads like it "
                      "(set apart as a caption by layout alone)")


def headline_after_body(drafts: list, runs: list, bodies: list[str], tools: tuple[Cutter, frozenset[str], WordFinder, Rules],
                        printed: list[int]) -> None:
    """A draft with no headline takes the line set apart as a caption by layout alone (not by its
    words: 图为…) printed right after its last paragraph, when the line names the draft's zone and
    reads like it more than like any other body: a headline printed after its body, the wide gap
    after it being the space between articles.

    Arguments:
        drafts, runs: the page's ``runs.Draft`` and ``runs.Run`` records (changed in place)
        tools: the word cutter, the stop words, the zone names, the rules
        printed: the line numbers of every item printed on the page
    """
    tok, stop, names, rules = tools
    for run in runs:
        for c in list(run.captions):
            if c.kind != "caption" or is_caption_by_words(c.text, rules):
                continue
            owner = _after_body_owner(c, drafts, bodies, tools, printed)
            if owner is not None:
                run.captions.remove(c)
                owner.title = replace(c, kind="heading", note=AFTER_BODY_CAPTION)
                owner.notes.append(f"headline printed after its body (line {c.lines[0]})")
    for host in drafts:
        for h in [it for it in host.body if it.kind == "heading"]:
            # A subhead of another article, in a headline's form, naming a zone its host is not about.
            if not any(rx.search(h.text) for rx in rules.headline_patterns) \
                    or names.contained(h.text) & home_zones(host, names):
                continue
            k = drafts.index(host)
            rest = "\n".join(it.text for it in host.body if it is not h)
            owner = _after_body_owner(h, drafts, bodies[:k] + [rest] + bodies[k + 1:], tools, printed)
            if owner is not None and owner is not host:
                host.body.remove(h)
                owner.title = replace(h, note=AFTER_BODY_SUBHEAD)
                owner.notes.append(f"headline printed after its body (line {h.lines[0]})")


AFTER_BODY_SUBHEAD = ("headline printed after its body: names the article's zone and reads like it "
                      "(set inside the next article's text, read there as a subhead)")


def _after_body_owner(c: Item, drafts: list, bodies: list[str], tools: tuple, printed: list[int]):
    """The draft with no headline whose last paragraph is printed right above line c (nothing
    between), when c names its zone and reads like it more than like any other body; or None."""
    tok, stop, names, _ = tools
    owner = next((d for d in drafts if d.title is None and not d.inset and d.last_line < c.lines[0]
                  and not any(d.last_line < no < c.lines[0] for no in printed)), None)
    if owner is None or not names.contained(c.text) & names.contained(owner.text()):
        return None
    scores = caption_scores(c.text, bodies, tok, stop)
    mine = scores[drafts.index(owner)]
    return None if mine < MIN_SCORE or mine < max(scores) else owner


def headline_after_lead(drafts: list, tok: Cutter, stop: frozenset[str], rules: Rules) -> bool:
    """A draft with no headline whose first heading comes right after its first paragraph, in a
    headline's form or using the body's words, has its headline printed after the lead. A draft
    that is a lone lead with no headline, followed by an article whose marked (#) headline uses
    the lead's words while that article has no lead of its own, is that article's lead, printed
    before its headline (the # says only that an article's headline begins there).

    Returns:
        whether a lead was joined to the article after it (``drafts`` changed in place)
    """
    joined = False
    for d in list(drafts):
        if d.title is not None or d.inset or not d.body or d.body[0].kind != "para":
            continue
        if len(d.body) >= 3 and d.body[1].kind == "heading":
            h = d.body[1]
            form = any(rx.search(h.text) for rx in rules.headline_patterns)
            if form or score(words(h.text, tok, stop), d.text(), {}) >= MIN_SCORE:
                d.body.remove(h)
                d.title = h
                d.notes.append(f"headline printed after the first paragraph (line {h.lines[0]})")
        elif len(d.body) == 1 and d.body[0].lead and _takes_lead(drafts, d, tok, stop):
            nxt = drafts[drafts.index(d) + 1]
            nxt.body[:0] = d.body
            for field in ("captions", "authors", "byline_items", "subtitles"):
                getattr(nxt, field)[:0] = getattr(d, field)
            nxt.notes += d.notes + [f"its lead printed before its headline (line {d.first_line})"]
            drafts.remove(d)
            joined = True
    return joined


def _takes_lead(drafts: list, d, tok: Cutter, stop: frozenset[str]) -> bool:
    """The draft after ``d`` has a marked headline after d's lead, reading like it, and neither
    a lead nor a byline of its own."""
    k = drafts.index(d) + 1
    if k >= len(drafts):
        return False
    nxt = drafts[k]
    h = nxt.title
    if h is None or h.level != 1 or nxt.inset or nxt.authors or nxt.byline_items or nxt.pre[:1] != [h] \
            or not nxt.body or nxt.body[0].kind != "para" or nxt.body[0].lead or h.lines[0] < d.last_line:
        return False
    return score(words(h.text, tok, stop), d.text(), {}) >= MIN_SCORE


RESUMED_NOTE = "goes on after another article's headline printed after its body, its last paragraph inside this one"


def rejoin_across_headline(drafts: list, names: WordFinder) -> list:
    """A draft whose only headline above is another article's, printed after that article's body
    (runs.AFTER_BODY_NOTE), is the rest of the draft above it when that headline names none of the
    zones the draft above is about, while the draft names those zones and no other, and has no lead
    and no byline of its own: the other article's last paragraph was printed inside the draft above
    (moved back by ``runs.return_strays``) and its headline after it cut this article in two."""
    k = 1
    while k < len(drafts):
        d, prev = drafts[k], drafts[k - 1]
        paras = [it for it in d.body if it.kind == "para"]
        home = home_zones(prev, names)
        zones = names.contained(d.text())
        if (d.inset or prev.inset or not paras or paras[0].lead or d.byline_items or not d.pre or prev.authors
                or any(AFTER_BODY_NOTE not in h.note for h in d.pre) or not home or not zones or not zones <= home
                or names.contained("".join(h.text for h in d.pre)) & home
                or any(b.lines[0] > prev.first_line for b in prev.byline_items)):
            k += 1
            continue
        prev.body.extend(d.body)
        prev.captions += d.captions
        prev.subtitles += d.subtitles
        prev.notes.append(f"{RESUMED_NOTE} (line {d.first_line})")
        drafts.pop(k)
    return drafts


TITLE_GOES_ON = "the headline goes on here: a headline that is only its subject, set apart by layout alone right below it"


def title_goes_on_in_caption(drafts: list, runs: list, names: WordFinder, rules: Rules, printed: list[int]) -> None:
    """A headline that names only its subject (肇庆高新区, nothing after the zone) goes on in the line
    printed right below it that layout alone sets apart as a caption (not its words: 图为…), when that
    line names no zone of its own: a headline over two lines, the wide gap after it read as a caption's."""
    for d in drafts:
        t = d.title
        if t is None:
            continue
        first = names.longest(t.text[:16])
        if not first or not t.text.startswith(first[0]) or t.text[len(first[0]):].strip(" ：:，,　"):
            continue
        for run in runs:
            c = next((c for c in run.captions if c.kind == "caption" and c.lines[0] > t.lines[-1]
                      and not any(t.lines[-1] < no < c.lines[0] for no in printed)), None)
            if c is None or is_caption_by_words(c.text, rules) or names.contained(c.text) \
                    or len(c.text) > rules.heading_max_chars:
                continue
            run.captions.remove(c)
            d.title = Item("heading", t.lines + c.lines, t.text + c.text, gap=t.gap, gap_before=t.gap_before,
                           level=t.level, note=TITLE_GOES_ON)
            d.notes.append(f"headline continued on line {c.lines[0]}, set apart as a caption by layout alone")
            break


INSET_GOES_ON = "goes on with the column set inside another article above: cut from it by a headline printed after its body"


def inset_goes_on(drafts: list, names: WordFinder) -> bool:
    """A draft with no headline of its own (the one above it went to the article it ends, printed
    after that body), no lead, naming only the zones of a column set inside another article above
    (``insets``) whose last sentence is still open, is the rest of that column: joined to it.

    Returns:
        whether a draft was joined (``drafts`` changed in place)
    """
    joined = False
    for d in list(drafts):
        paras = [it for it in d.body if it.kind == "para"]
        if d.title is not None or d.inset or not d.pre or not paras or paras[0].lead \
                or not any(h is o.title for h in d.pre for o in drafts if o is not d):
            continue
        zones = names.contained(d.text())
        host = next((o for o in reversed(drafts) if o.inset and o.last_line < d.first_line), None)
        host_paras = [it for it in host.body if it.kind == "para"] if host is not None else []
        if not host_paras or not host_paras[-1].open_end or not zones or not zones <= names.contained(host.text()):
            continue
        host.body.extend(d.body)
        for field in ("captions", "authors", "byline_items", "subtitles"):
            getattr(host, field).extend(getattr(d, field))
        host.notes.append(f"{INSET_GOES_ON} (line {d.first_line})")
        drafts.remove(d)
        joined = True
    return joined
