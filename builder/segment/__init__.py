"""Split a repaired page into the articles a reader sees.

The steps, each in its own module, in the order they run:
``unwrap`` (a page cut every N characters read back one line per paragraph) →
``furniture`` (date lines, page numbers, editors, notices: set apart first,
the printed issue date kept) → ``line_shapes`` (what each line looks like;
``glued``: a headline, byline or the next article glued to a sentence on a
line-joined page split off again; ``joined``: the page's own line shape tells
such a page, and there a headline glued to a plain sentence, several
headlines on one line, captions, credits and furniture glued into the text
are split off by weighing several signs) → ``items`` (headings, bylines, captions,
paragraphs; wrapped lines joined by ``joins``, each heading-shaped line
decided by the ordered table of ``heading_rules``) → ``duplicates`` (text
printed twice) → ``runs`` (runs of text between headlines and bylines; ``insets``: a column of one
article set inside another, ``glued_breaks``: its breaks glued into sentences on a line-joined page;
``byline_place``: whose a byline left between two bodies is; ``headline_splits``: a run cut where
headlines printed at the page end say two articles follow each other) →
headlines matched to bodies by content (``headlines``, here; a headline printed
after its body, and the rest of a column it cut off, ``headline_splits``),
captions and loose bylines (here) → ``assemble`` (Articles, and a Placement for
every line of the page, whose note says which rule decided when it is worth saying).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from . import bylines as bl
from .byline_place import evidence_for
from .column_breaks import BREAK_NOTE, CONTINUED_NOTE, column_breaks
from .conventions import LABEL_NOTE, LABELS, label_items, mark_continued, regroup, sign_pictures
from .assemble import finish
from .duplicates import duplicate_lines, paragraph_copies, read_once_over
from .furniture import Apart, set_apart
from .glued import GLUED_NOTE
from .headline_splits import (headline_after_body, headline_after_lead, inset_goes_on, rejoin_across_headline,
                              split_points, title_goes_on_in_caption)
from .headlines import MIN_SCORE, Candidate, best_body, caption_scores, match
from .items import Item, build_items
from .joined import line_joined
from .joins import cut_word, strays_out
from .page_layout import measure
from .unwrap import Edges, spread, unwrap
from .runs import (Draft, Run, drafts_of, merge_headings, resume_interrupted, return_strays, runs_of,
                   zone_finder)
from ..model import Article, Line, Placement, RepairedPage, SegmentedPage
from ..textmatch.trie import WordFinder
from ..textmatch.wordcut import Cutter, vocab_cutter
from ..vocab import Vocabulary
from ..vocab.rule_files import Rules, rules_for

__all__ = ["segment_page", "zone_finder"]

# A caption goes to another article than the one it stands in only when it
# names that article's subject this clearly (share of its words).
CAPTION_MOVE = 0.5
# A subject：headline whose headline part is this short is unfinished when a heading follows right below;
# a heading of at most half as many characters right below a title is no more than its wrapped end (两成).
SHORT_PREDICATE = 6
# A headline's words after its subject seldom run longer than this.
LONGEST_PREDICATE = 20
# A headline matched below this score is noted as unsure.
SURE_HEADLINE = 0.6


@dataclass(frozen=True)
class _Tools:
    """What every step is given: the rules, the word cutter, the stop words, the zone names."""
    rules: Rules
    tok: Cutter
    stop: frozenset[str]
    names: WordFinder
    evidence: dict[str, dict[str, float]]  # the weights of placement_evidence.yaml


def segment_page(repaired: RepairedPage, vocab: Vocabulary) -> SegmentedPage:
    """Split a repaired page into articles and place every line.

    Returns:
        a SegmentedPage: the articles in reading order and one Placement per line.
    """
    return _segment(repaired, _Tools(rules_for(vocab.data_dir), vocab_cutter(vocab), frozenset(vocab.stopwords),
                                     zone_finder(vocab), evidence_for(vocab.data_dir)))


def _segment(repaired: RepairedPage, tools: _Tools, edges: Edges = Edges()) -> SegmentedPage:
    # A page cut every N characters read one line per paragraph (each placement given back to its lines).
    cut = unwrap(repaired.lines, tools.rules, tools.tok, edges)
    joined = line_joined(cut.lines, tools.rules)  # read on the lines as printed, before anything is cut off
    stray_notes: dict[int, str] = {}  # first: stray spaces split furniture's pieces too (地方传 真)
    apart = set_apart(tuple(strays_out(ln, tools.tok, stray_notes) for ln in cut.lines), tools.rules, joined)
    notes = stray_notes | dict(apart.glued)
    lines, placed = _lines_apart(apart, notes)
    items, bare_leads = _items(lines, tools, placed, joined, len(stray_notes), cut_lines=frozenset(cut.groups))
    items, pictures = label_items(items, {no: why.rpartition(": ")[2] for no, (_, why) in apart.roles.items()
                                          if why.endswith(LABELS)}, tools.rules, {ln.no: ln.text for ln in lines})
    runs = _runs(items, tools, notes, pictures)
    # Another article's column read as the rest of a line at the column edge: read again, cut there.
    found = column_breaks(runs, cut, repaired.lines, tools.names, tools.rules, tools.tok)
    if not found <= edges:
        return _segment(repaired, tools, edges | found)
    drafts = drafts_of(runs, tools.names, tools.rules, tools.tok if joined else None)  # (joined: breaks glued)
    drafts = return_strays(resume_interrupted(drafts, tools.names), tools.names)
    drafts = regroup(rejoin_across_headline(drafts, tools.names), runs, tools.rules)
    bodies = [d.text() for d in drafts]
    printed = sorted(no for it in items for no in it.lines)
    loose = _give_headlines(drafts, runs, bodies, tools, printed)
    if headline_after_lead(drafts, tools.tok, tools.stop, tools.rules):
        bodies = [d.text() for d in drafts]  # a lead joined its article
    headline_after_body(drafts, runs, bodies, (tools.tok, tools.stop, tools.names, tools.rules), printed)
    title_goes_on_in_caption(drafts, runs, tools.names, tools.rules, printed)
    if inset_goes_on(drafts, tools.names):
        bodies = [d.text() for d in drafts]
    _give_captions(drafts, runs, bodies, loose, tools, placed)
    _give_loose_bylines(drafts, runs, placed)
    sign_pictures(drafts, pictures, items, tools.rules, {ln.no: ln.spaced or ln.raw for ln in lines})
    articles = [finish(n, d, repaired.page.name, tools.rules, tools.tok, placed) for n, d in enumerate(drafts, start=1)]
    articles = _attach_bare_leads(articles, bare_leads, placed)
    _place_split_lines(items, placed)
    placements = tuple(_with_note(placed.get(ln.no, Placement(ln.no, "unplaced", note="no rule placed this line")),
                                  notes.get(ln.no)) for ln in lines)
    placements, articles = spread(placements, tuple(articles), cut.groups, cut.inner)
    edge_notes = dict.fromkeys(edges.opened, BREAK_NOTE) | dict.fromkeys(edges.continued, CONTINUED_NOTE)
    placements = tuple(_with_note(p, edge_notes.get(p.line)) for p in placements)
    articles = mark_continued(articles, placements, repaired.page.lines, tools.rules)
    return SegmentedPage(repaired.page, articles, placements, repaired.fixes + cut.fixes, issue_date=apart.issue_date)


def _runs(items: list[Item], tools: _Tools, notes: dict[int, str], first: dict[int, str]) -> list[Run]:
    """The runs of text, cut at ``first`` (item index: why) and again where headlines printed apart
    say a run holds two articles (one cut per run at a time, until the headlines say no more)."""
    starts = dict(first)
    bylines = tools.evidence["byline_between_bodies"]
    runs = runs_of(items, tools.names, tools.rules, tools.tok, starts, bylines)
    for _ in range(len(items)):
        more = split_points(items, runs, tools.tok, tools.stop, tools.names, lambda h: _headline_form(h, tools.rules),
                            tools.evidence["headline_splits"])
        if not more.keys() - starts.keys():
            break
        starts.update(more)
        runs = runs_of(items, tools.names, tools.rules, tools.tok, starts, bylines)
    notes.update((items[i].lines[0], why) for i, why in starts.items())
    return runs


def _lines_apart(apart: Apart, notes: dict[int, str]) -> tuple[tuple[Line, ...], dict[int, Placement]]:
    """The lines with furniture and notices marked as debris, and the placements of every debris line.

    Arguments:
        notes: filled with a note for each line whose text was changed here
    """
    lines = tuple(replace(ln, debris=apart.roles[ln.no][0]) if ln.no in apart.roles else read_once_over(ln, notes)
                  for ln in apart.lines)
    placed = {ln.no: Placement(ln.no, ln.debris, note=apart.roles.get(ln.no, ("", ""))[1])
              for ln in lines if ln.debris}
    return lines, placed


def _items(lines: tuple[Line, ...], tools: _Tools, placed: dict[int, Placement],
           joined: bool = False, strays: int = 0, cut_lines: frozenset[int] = frozenset()) -> tuple[list[Item], list[Item]]:
    """The page's items, lines and paragraphs printed twice placed as duplicates; and the bare lead markers."""
    rules = tools.rules
    # Bylines and leads (本报讯（特约通讯员 cut at the column edge) recur on a page by right.
    exempt = frozenset(ln.no for ln in lines if not ln.debris and (bl.names_in(ln.text, rules) or bl.lead_marker(ln.text, rules)))
    dups = duplicate_lines(lines, measure(lines, rules).wrapped, exempt, lambda a, b: cut_word(a, b, tools.tok))
    for no, first in dups.items():
        placed[no] = Placement(no, "duplicate", note=f"printed before at line {first}")
    built, layout = build_items(lines, rules, tools.tok, skip=frozenset(dups), names=tools.names, joined=joined,
                                strays=strays, cut_lines=cut_lines)
    items = merge_headings(built, rules, layout.gap, layout.width if layout.wrapped else 0.0, tools.tok, tools.names)
    # Whole paragraphs printed twice (narrow columns: only now are they whole).
    items, copied = paragraph_copies(items, rules.caption_max_chars, rules.sentence_end)
    for no, first in copied.items():
        placed[no] = Placement(no, "duplicate", note=f"printed before at line {first}")
    return _split_bare_leads(items, rules)


def _headline_form(h: Item, rules: Rules) -> bool:
    """Marked as a first-level heading, or in a headline's form (subject：headline)."""
    return h.level == 1 or any(rx.search(h.text) for rx in rules.headline_patterns)


def _candidates(drafts: list[Draft], runs: list[Run], rules: Rules) -> tuple[list[Candidate], list[Item]]:
    """Every heading that stands between articles, a candidate headline for any of them."""
    cands: list[Candidate] = []
    cand_items: list[Item] = []
    run_first: dict[int, int] = {}
    for i, d in enumerate(drafts):
        if not d.inset:
            run_first.setdefault(d.run, i)
    for r, run in enumerate(runs):
        above = run_first.get(r)
        # (on a line-joined page the text before may end on the headings' own line)
        prev_lines = [i for i, d in enumerate(drafts) if run.pre and i != above and d.last_line <= run.pre[0].lines[0]]
        below = max(prev_lines, key=lambda i: drafts[i].last_line) if prev_lines else None
        for k, h in enumerate(run.pre):
            last = k == len(run.pre) - 1
            # The heading right above a body is its own or the one's above; earlier ones may be a cluster.
            form = _headline_form(h, rules)
            signed = last and above is not None and (bool(run.top) and run.top[0].lines[0] > h.lines[-1] or LABEL_NOTE in h.note)
            cands.append(Candidate(len(cands), h.text, above, below, last_above=last,
                                   anywhere=above is None or not last, form=form, signed=signed))
            cand_items.append(h)
    return cands, cand_items


def _give_headlines(drafts: list[Draft], runs: list[Run], bodies: list[str], tools: _Tools,
                    printed: list[int]) -> list[Item]:
    """Give each draft its headline (matched by content) and kicker; returns the headings no body took."""
    cands, cand_items = _candidates(drafts, runs, tools.rules)
    taken = match(cands, bodies, tools.tok, tools.stop, tools.names)
    used = set()
    for b, (key, s) in taken.items():
        drafts[b].title = cand_items[key]
        used.add(key)
        if s < SURE_HEADLINE:
            drafts[b].notes.append(f"headline matched with low confidence {s:.2f}")
        if cands[key].above != b:
            drafts[b].notes.append(f"headline printed apart from the body (line {cand_items[key].lines[0]})")
    _continue_titles(drafts, cand_items, used, printed, bodies, tools)
    _give_kickers(drafts, cand_items, used, printed)
    return [cand_items[k] for k in range(len(cands)) if k not in used]


def _adjacent(upper: Item, lower: Item, printed: list[int], same_line: bool = False) -> bool:
    """Nothing is printed between the two (blank lines aside).

    Arguments:
        same_line: pieces of one line (a line-joined page) count as adjacent
    """
    if same_line and upper is not lower and upper.lines[-1] == lower.lines[0]:
        return True
    return upper.lines[-1] < lower.lines[0] and not any(upper.lines[-1] < no < lower.lines[0] for no in printed)


def _predicate(title: str, names: WordFinder) -> str:
    """A headline's words after its subject (after the colon, or after the zone it opens with)."""
    if "：" in title:
        return title.rpartition("：")[2]
    first = names.longest(title[:16])
    return title[len(first[0]):] if first and title.startswith(first[0]) else title


def _give_kickers(drafts: list[Draft], cand_items: list[Item], used: set[int], printed: list[int]) -> None:
    """Kicker: the unused heading printed right above the title, nothing between them (or right
    above the body, when the title was printed apart)."""
    key_of = {id(h): k for k, h in enumerate(cand_items)}
    for d in drafts:
        if d.title is None or not d.pre:
            continue
        if d.title in d.pre:
            pos = next(i for i, h in enumerate(d.pre) if h is d.title)
            kicker = d.pre[pos - 1] if pos and _adjacent(d.pre[pos - 1], d.title, printed, same_line=True) else None
        else:
            kicker = d.pre[-1]
        if kicker is not None and key_of[id(kicker)] not in used:
            d.kicker = kicker
            used.add(key_of[id(kicker)])


def _continue_titles(drafts: list[Draft], cand_items: list[Item], used: set[int], printed: list[int],
                     bodies: list[str], tools: _Tools) -> None:
    """A headline split over two lines in mid-phrase (天津滨海高新区：信创产业 / 营收增长超两成): an
    unused heading right below a title, with no subject of its own, continues it when its words read
    most like the same body or the title's part after the colon is too short to stand alone."""
    key_of = {id(h): k for k, h in enumerate(cand_items)}
    for k, h in enumerate(cand_items):
        if k in used:
            continue
        # A piece after the title on the same line (a line-joined page) may continue it too: the
        # nearest title before it on that line (a line of glued headlines holds several).
        owner = next((d for d in drafts if d.title is not None and _adjacent(d.title, h, printed)), None) or max(
            (d for d in drafts if d.title is not None and d.title.lines[-1] == h.lines[0]
             and key_of.get(id(d.title), k) < k), key=lambda d: key_of[id(d.title)], default=None)
        if owner is None or len(owner.title.text) + len(h.text) > 2 * tools.rules.heading_max_chars:
            continue
        if any(rx.search(h.text) for rx in tools.rules.headline_patterns) or tools.names.contained(h.text):
            continue  # a headline of its own
        scores = caption_scores(h.text, bodies, tools.tok, tools.stop)
        mine = scores[drafts.index(owner)]
        predicate = len(_predicate(owner.title.text, tools.names))
        if predicate + len(h.text) > LONGEST_PREDICATE:
            continue  # longer than a headline's words after its subject run: a caption below it
        if predicate > SHORT_PREDICATE and (mine < MIN_SCORE or mine < max(scores)) and len(h.text) > SHORT_PREDICATE // 2:
            continue
        t = owner.title
        owner.title = Item("heading", t.lines + h.lines, t.text + h.text, gap=t.gap, gap_before=t.gap_before,
                           level=t.level, note=t.note)
        owner.notes.append(f"headline continued on line {h.lines[0]} (its words read like this body)")
        used.add(k)


def _give_captions(drafts: list[Draft], runs: list[Run], bodies: list[str], loose: list[Item],
                   tools: _Tools, placed: dict[int, Placement]) -> None:
    """Captions and credits to the article they stand in, unless they name another one clearly;
    headings no body took are kept as captions of the article they read like most."""
    for r, run in enumerate(runs):
        for c in run.captions:
            _place_caption(c, drafts, bodies, r, tools)
    for h in loose:
        b, s = best_body(h.text, bodies, tools.tok, tools.stop)
        target = drafts[b] if b is not None else _nearest(drafts, h.lines[0])
        if target is not None:
            target.captions.append(h)
            target.notes.append(f"heading-like line {h.lines[0]} matched no body; kept as a caption")
        else:
            placed[h.lines[0]] = Placement(h.lines[0], "unplaced", note="heading with no article")


def _give_loose_bylines(drafts: list[Draft], runs: list[Run], placed: dict[int, Placement]) -> None:
    """Bylines of runs with no text (printed apart): to the nearest article that has none."""
    for run in runs:
        if run.paras:
            continue
        for byl in run.top + run.end:
            target = _orphan_target(drafts, byl.lines[0])
            if target is None:
                placed[byl.lines[0]] = Placement(byl.lines[0], "unplaced", note="byline with no article")
                continue
            target.byline_items.append(byl)
            target.notes.append(f"byline at line {byl.lines[0]} printed apart; given to the nearest article without one")


def _attach_bare_leads(articles: list[Article], bare_leads: list[Item], placed: dict[int, Placement]) -> list[Article]:
    """A lead marker printed alone goes with the next article."""
    for it in bare_leads:
        after = [a for a in articles if a.lines[0] > it.lines[0]] or articles[-1:]
        for no in it.lines:
            placed[no] = (Placement(no, "byline", after[0].number, note="lead marker printed on its own line")
                          if after else Placement(no, "unplaced", note="lead marker with no article"))
        if after:
            a = after[0]
            articles[a.number - 1] = replace(a, lines=(min(a.lines[0], *it.lines), max(a.lines[1], *it.lines)))
    return articles


def _place_split_lines(items: list[Item], placed: dict[int, Placement]) -> None:
    """A line split in pieces (a headline glued to its first sentence) is placed as the body it
    ends in, with a note of the pieces split off and the rule that split them."""
    for it in items:
        if it.kind != "para" or not it.note.startswith(GLUED_NOTE):
            continue
        no = it.lines[0]
        p = placed.get(no)
        article = p.article if p is not None and p.role == "body" else None
        if article is None:
            continue
        placed[no] = Placement(no, "body", article, note=it.note)


def _with_note(p: Placement, note: str | None) -> Placement:
    return replace(p, note=f"{p.note}; {note}" if p.note else note) if note else p


def _split_bare_leads(items: list[Item], rules: Rules) -> tuple[list[Item], list[Item]]:
    """Lead markers printed alone (本报讯 on a line of its own, even above the
    headline): never an article by themselves, they go with the next article."""
    bare = [it for it in items if it.kind == "para" and bl.lead_byline(it.text, rules)[2]
            and not bl.lead_byline(it.text, rules)[0].strip(" 　")]
    return [it for it in items if it not in bare], bare


def _nearest(drafts: list[Draft], line: int) -> Draft | None:
    before = [d for d in drafts if d.first_line <= line]
    return before[-1] if before else (drafts[0] if drafts else None)


def _orphan_target(drafts: list[Draft], line: int) -> Draft | None:
    free = [d for d in drafts if not d.byline_items and not d.authors]
    if not free:
        return None
    return min(free, key=lambda d: min(abs(d.last_line - line), abs(d.first_line - line)))


def _place_caption(c: Item, drafts: list[Draft], bodies: list[str], run: int, tools: _Tools) -> None:
    home = [d for d in drafts if d.run == run]
    if home:
        target = min(home, key=lambda d: 0 if d.first_line <= c.lines[0] <= d.last_line + 2 else 1)
    else:
        target = _nearest(drafts, c.lines[0])
    scores = caption_scores(c.text, bodies, tools.tok, tools.stop)
    b = max(range(len(scores)), key=lambda i: scores[i]) if scores else None
    home_score = scores[drafts.index(target)] if target in drafts else 0.0
    if b is not None and scores[b] >= CAPTION_MOVE and drafts[b] is not target and home_score < scores[b] / 2:
        target = drafts[b]
        target.notes.append(f"caption at line {c.lines[0]} names this article; moved here")
    if target is not None:
        target.captions.append(c)
