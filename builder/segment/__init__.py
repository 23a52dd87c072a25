"""Split a repaired page into the articles a reader sees.

The stages, each in its own module:
``line_shapes`` (what each line looks like) → ``items`` (headings, bylines,
captions, paragraphs; wrapped lines joined) → ``duplicates`` (text printed twice)
→ runs of text between headlines and bylines (here) → ``insets`` (a column
of one article set inside another) → ``headlines`` (which headline goes with
which body) → ``captions`` and ``bylines`` → Articles, and a Placement for
every line of the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import bylines as bl
from .items import Item, build_items
from .captions import credit_split
from .duplicates import duplicate_lines, duplicate_paragraphs
from .insets import split_threads
from .furniture import set_apart
from .headlines import Candidate, best_body, caption_scores, match, title_from_lead
from .line_shapes import measure
from ..model import Article, Placement, RepairedPage, SegmentedPage
from ..vocab.rule_files import Rules, rules_for
from ..textmatch.wordcut import vocab_cutter
from ..textmatch.trie import WordFinder
from ..vocab import Vocabulary, compiled

# A caption goes to another article than the one it stands in only when it
# names that article's subject this clearly (share of its words).
CAPTION_MOVE = 0.5
# A closed paragraph this short that continues nothing is an orphan fragment.
ORPHAN = 6


@dataclass
class _Run:
    """Working record (private): one run of text between headline groups and bylines."""
    pre: list[Item] = field(default_factory=list)
    body: list[Item] = field(default_factory=list)
    top: list[Item] = field(default_factory=list)
    end: list[Item] = field(default_factory=list)
    captions: list[Item] = field(default_factory=list)
    subtitles: list[Item] = field(default_factory=list)
    trailing: dict[int, tuple[str, ...]] = field(default_factory=dict)
    closed: bool = False

    @property
    def paras(self) -> list[Item]:
        return [it for it in self.body if it.kind == "para"]


@dataclass
class _Draft:
    """Working record (private): one article being assembled."""
    run: int
    body: list[Item]
    pre: list[Item]
    authors: list[str] = field(default_factory=list)
    byline_items: list[Item] = field(default_factory=list)
    captions: list[Item] = field(default_factory=list)
    subtitles: list[Item] = field(default_factory=list)
    inset: bool = False
    title: Item | None = None
    kicker: Item | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def first_line(self) -> int:
        return min(it.lines[0] for it in self.body)

    @property
    def last_line(self) -> int:
        return max(it.lines[-1] for it in self.body)

    def text(self) -> str:
        return "\n".join(it.text for it in self.body)


def _zone_names(vocab: Vocabulary) -> WordFinder:
    return WordFinder(n for z in vocab.gazetteer.zones for n in z.names)


def zone_finder(vocab: Vocabulary) -> WordFinder:
    """The zone names of the gazetteer, compiled once per vocabulary."""
    return compiled(vocab, _zone_names)


def merge_headings(items: tuple[Item, ...], rules: Rules, usual_gap: int) -> list[Item]:
    """One headline printed over two lines is one heading: set tighter than the
    page's paragraphs, or its first line ending in ：."""
    out: list[Item] = []
    for it in items:
        prev = out[-1] if out else None
        if it.kind == "heading" and prev is not None and prev.kind == "heading" and (
                it.gap < usual_gap or prev.text.endswith("：")) and len(prev.text) + len(it.text) <= 2 * rules.heading_max_chars:
            out[-1] = Item("heading", prev.lines + it.lines, prev.text + it.text, gap=prev.gap,
                           gap_before=prev.gap_before, level=prev.level)
            continue
        out.append(it)
    return out


def _next_kind(items: list[Item], i: int, rules: Rules) -> str | None:
    """What follows item i past captions, credits and further headings: lead, byline, para or None."""
    for it in items[i + 1:]:
        if it.kind in ("caption", "credit", "heading", "subtitle"):
            continue
        if it.kind == "para":
            return "lead" if it.lead else "para"
        return it.kind
    return None


def runs_of(items: list[Item], lines_by_no: dict, rules: Rules, names: WordFinder) -> list[_Run]:
    """Cut the page into runs of text: a new one at a headline group, a lead (本报讯),
    after a byline that closes an article, and after a wide gap where the zone changes."""
    runs = [_Run()]

    def zones_of(run: _Run) -> frozenset[str]:
        return names.contained("".join(p.text for p in run.paras))

    for i, it in enumerate(items):
        cur = runs[-1]
        if it.kind == "heading":
            if not cur.paras:
                cur.pre.append(it)
                continue
            nxt = _next_kind(items, i, rules)
            later = next((x for x in items[i + 1:] if x.kind == "para"), None)
            here = names.contained(it.text)
            new_zone = bool(later) and bool(here & names.contained(later.text)) and not here & zones_of(cur)
            if cur.closed or it.level == 1 or nxt in ("lead", "byline", None) or new_zone:
                runs.append(_Run(pre=[it]))
            else:
                cur.body.append(it)  # a subhead
            continue
        if it.kind == "byline":
            if cur.paras:
                cur.end.append(it)
                cur.closed = True
            else:
                cur.top.append(it)
            continue
        if it.kind in ("caption", "credit"):
            cur.captions.append(it)
            continue
        if it.kind == "subtitle":
            cur.subtitles.append(it)
            continue
        # a paragraph
        here = names.contained(it.text) if it.gap_before else frozenset()
        starts_new = cur.paras and (it.lead or cur.closed or (bool(here) and not here & zones_of(cur)))
        if cur.closed and not cur.paras:
            starts_new = False
        if starts_new:
            cur = _Run()
            runs.append(cur)
        cur.body.append(it)
        if it.names:  # names after its last sentence: the article ends here
            cur.trailing[len(cur.body) - 1] = it.names
            cur.closed = True
    return runs


def split_run(run_no: int, run: _Run, names: WordFinder) -> list[_Draft]:
    """One draft per thread of a run (two when another article's column is set inside it)."""
    paras = run.paras
    if not paras:
        return []
    home = names.contained("".join(h.text for h in run.pre)) or names.contained(paras[0].text)
    thread = split_threads([names.contained(p.text) for p in paras], [p.text for p in paras],
                           [p.open_end for p in paras], home)
    if thread is None:
        return [_Draft(run_no, list(run.body), list(run.pre))]
    home_body, inset_body, k = [], [], 0
    for it in run.body:
        if it.kind == "para":
            (inset_body if thread[k] else home_body).append(it)
            k += 1
        else:
            home_body.append(it)
    inset = _Draft(run_no, inset_body, [], inset=True)
    inset.notes.append("a column of this article was printed inside another; moved back in reading order")
    return [_Draft(run_no, home_body, list(run.pre)), inset]


def starts_mid_sentence(text: str, rules: Rules, tok) -> bool:
    """The first paragraph begins with the end of a sentence begun on another page."""
    text = text.lstrip("“‘《（ ")
    if not text:
        return False
    if text[0] in rules.continuation_start_chars:
        return True
    if re.match(rf"^\d+(\.\d+)?[{re.escape(rules.measure_words)}]", text):
        return True
    if re.match(r"^[\u3400-\u9fff]{1,4}等", text):
        return True
    for i, o in enumerate(rules.ordinals[1:], start=1):
        if o in text and rules.ordinals[0] not in text.split(o)[0]:
            return True
    first = tok.cut(text[:8])[0]
    return len(first) == 1 and "\u3400" <= first <= "\u9fff" and first not in rules.sentence_start_chars


def segment_page(repaired: RepairedPage, vocab: Vocabulary) -> SegmentedPage:
    """Split a repaired page into articles and place every line.

    Returns:
        a SegmentedPage: the articles in reading order and one Placement per line.
    """
    rules = rules_for(vocab.data_dir)
    tok = vocab_cutter(vocab)
    stop = frozenset(vocab.stopwords)
    names = zone_finder(vocab)
    apart = set_apart(repaired.lines, rules)
    lines = tuple(replace(ln, debris=apart.roles[ln.no][0]) if ln.no in apart.roles else ln for ln in apart.lines)
    by_no = {ln.no: ln for ln in lines}
    placed: dict[int, Placement] = {}
    for ln in lines:
        if ln.debris:
            placed[ln.no] = Placement(ln.no, ln.debris, note=apart.roles.get(ln.no, ("", ""))[1])
    exempt = frozenset(ln.no for ln in lines if not ln.debris and bl.names_in(ln.text, rules))
    layout = measure(lines)
    dups = duplicate_lines(lines, layout.wrapped, exempt)
    for no, first in dups.items():
        placed[no] = Placement(no, "duplicate", note=f"printed before at line {first}")
    items, layout = build_items(lines, rules, tok, skip=frozenset(dups))
    items = merge_headings(items, rules, layout.gap)
    # Whole paragraphs printed twice (narrow columns: only now are they whole).
    para_idx = [i for i, it in enumerate(items) if it.kind == "para"]
    pdups = duplicate_paragraphs([items[i].text for i in para_idx])
    for k, first in pdups.items():
        it = items[para_idx[k]]
        for no in it.lines:
            placed[no] = Placement(no, "duplicate", note=f"printed before at line {items[para_idx[first]].lines[0]}")
    drop = {para_idx[k] for k in pdups}
    items, bare_leads = _split_bare_leads([it for i, it in enumerate(items) if i not in drop], rules)

    runs = runs_of(items, by_no, rules, names)
    drafts: list[_Draft] = []
    for r, run in enumerate(runs):
        got = split_run(r, run, names)
        if not got:
            continue
        # Bylines: the top one to the run's own article, the closing one to whoever owns the last paragraph.
        got[0].byline_items += run.top
        got[0].subtitles += run.subtitles
        last_para_line = max(p.lines[-1] for p in run.paras)
        owner = next(d for d in got if any(p.lines[-1] == last_para_line for p in d.body))
        owner.byline_items += run.end
        for idx, names_ in run.trailing.items():
            item = run.body[idx]
            holder = next(d for d in got if item in d.body)
            holder.authors += list(names_)
        drafts.extend(got)
    drafts.sort(key=lambda d: d.first_line)

    # Headlines: every heading that stands between articles is a candidate for any of them.
    bodies = [d.text() for d in drafts]
    cands: list[Candidate] = []
    cand_items: list[Item] = []
    run_first = {}
    for i, d in enumerate(drafts):
        if not d.inset:
            run_first.setdefault(d.run, i)
    for r, run in enumerate(runs):
        above = run_first.get(r)
        prev_lines = [i for i, d in enumerate(drafts) if run.pre and d.last_line < run.pre[0].lines[0]]
        below = max(prev_lines, key=lambda i: drafts[i].last_line) if prev_lines else None
        for k, h in enumerate(run.pre):
            last = k == len(run.pre) - 1
            # The heading right above a body is its own or the one's above; earlier ones may be a cluster.
            cands.append(Candidate(len(cands), h.text, above, below, last_above=last,
                                   anywhere=above is None or not last))
            cand_items.append(h)
    taken = match(cands, bodies, tok, stop, names)
    used = set()
    for b, (key, s) in taken.items():
        drafts[b].title = cand_items[key]
        used.add(key)
        if s < 0.6:
            drafts[b].notes.append(f"headline matched with low confidence {s:.2f}")
        if cands[key].above != b:
            drafts[b].notes.append(f"headline printed apart from the body (line {cand_items[key].lines[0]})")
    # Kicker: the unused heading printed right above the title (or above the body,
    # when the title was printed apart).
    key_of = {id(h): k for k, h in enumerate(cand_items)}
    for d in drafts:
        if d.title is None or not d.pre:
            continue
        if d.title in d.pre:
            pos = next(i for i, h in enumerate(d.pre) if h is d.title)
            kicker = d.pre[pos - 1] if pos else None
        else:
            kicker = d.pre[-1]
        if kicker is not None and key_of[id(kicker)] not in used:
            d.kicker = kicker
            used.add(key_of[id(kicker)])
    # Headings no body took: kept as captions of the article they read like most.
    loose = [cand_items[k] for k in range(len(cands)) if k not in used]

    # Captions and credits: to the article they stand in, unless they name another one clearly.
    for r, run in enumerate(runs):
        for c in run.captions:
            _place_caption(c, drafts, bodies, r, tok, stop)
    for h in loose:
        b, s = best_body(h.text, bodies, tok, stop)
        target = drafts[b] if b is not None else _nearest(drafts, h.lines[0])
        if target is not None:
            target.captions.append(h)
            target.notes.append(f"heading-like line {h.lines[0]} matched no body; kept as a caption")
        else:
            placed[h.lines[0]] = Placement(h.lines[0], "unplaced", note="heading with no article")

    # Bylines of runs with no text (printed apart): to the nearest article that has none.
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

    articles = []
    for n, d in enumerate(drafts, start=1):
        articles.append(_finish(n, d, repaired.page.name, rules, tok, placed, by_no))
    for it in bare_leads:
        after = [a for a in articles if a.lines[0] > it.lines[0]] or articles[-1:]
        for no in it.lines:
            placed[no] = (Placement(no, "byline", after[0].number, note="lead marker printed on its own line")
                          if after else Placement(no, "unplaced", note="lead marker with no article"))
        if after:
            a = after[0]
            articles[a.number - 1] = replace(a, lines=(min(a.lines[0], *it.lines), max(a.lines[1], *it.lines)))
    _place_split_lines(items, placed)
    placements = tuple(_with_note(placed.get(ln.no, Placement(ln.no, "unplaced", note="no rule placed this line")),
                                  apart.glued.get(ln.no)) for ln in lines)
    return SegmentedPage(repaired.page, tuple(articles), placements, repaired.fixes, issue_date=apart.issue_date)


def _place_split_lines(items: list[Item], placed: dict[int, Placement]) -> None:
    """A line split in pieces (a headline glued to its first sentence) is placed as the body it
    ends in, with a note of the pieces split off and the rule that split them."""
    for it in items:
        if it.kind != "para" or not it.note:
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


def _nearest(drafts: list[_Draft], line: int) -> _Draft | None:
    before = [d for d in drafts if d.first_line <= line]
    return before[-1] if before else (drafts[0] if drafts else None)


def _orphan_target(drafts: list[_Draft], line: int) -> _Draft | None:
    free = [d for d in drafts if not d.byline_items and not d.authors]
    if not free:
        return None
    return min(free, key=lambda d: min(abs(d.last_line - line), abs(d.first_line - line)))


def _place_caption(c: Item, drafts: list[_Draft], bodies: list[str], run: int, tok, stop) -> None:
    home = [d for d in drafts if d.run == run]
    if home:
        target = min(home, key=lambda d: 0 if d.first_line <= c.lines[0] <= d.last_line + 2 else 1)
    else:
        target = _nearest(drafts, c.lines[0])
    scores = caption_scores(c.text, bodies, tok, stop)
    b = max(range(len(scores)), key=lambda i: scores[i]) if scores else None
    home_score = scores[drafts.index(target)] if target in drafts else 0.0
    if b is not None and scores[b] >= CAPTION_MOVE and drafts[b] is not target and home_score < scores[b] / 2:
        target = drafts[b]
        target.notes.append(f"caption at line {c.lines[0]} names this article; moved here")
    if target is not None:
        target.captions.append(c)


def _finish(number: int, d: _Draft, page: str, rules: Rules, tok, placed: dict, by_no: dict) -> Article:
    """Assemble the Article and the placements of its lines."""
    paragraphs: list[str] = []
    subheads: list[int] = []
    authors: list[str] = []
    open_prev = False
    first_para = True
    truncated_start = d.inset
    for it in d.body:
        if it.kind == "heading":
            subheads.append(len(paragraphs))
            paragraphs.append(it.text)
            for no in it.lines:
                placed[no] = Placement(no, "subhead", number)
            open_prev = False
            continue
        text = it.text
        note = ""
        if first_para or it.lead:
            text, lead_names, marker = bl.lead_byline(text, rules, it.spaced)
            authors += lead_names
            if marker:
                note = f"lead marker {marker} left out of the body"
            elif first_para and not d.inset and starts_mid_sentence(text, rules, tok):
                truncated_start = True
                d.notes.append("starts mid-sentence: cut at the page edge")
        trailing = it.names
        if trailing:
            note = (note + "; " if note else "") + "names after the last sentence: " + " ".join(trailing)
        if open_prev and paragraphs:
            paragraphs[-1] += text
        elif not it.open_end and len(text) <= ORPHAN and not first_para:
            for no in it.lines:
                placed[no] = Placement(no, "unplaced", note="orphan fragment: continues nothing on this page")
            d.notes.append(f"orphan fragment at line {it.lines[0]} left out: {text}")
            continue
        else:
            paragraphs.append(text)
        for no in it.lines:
            placed[no] = Placement(no, "body", number, note)
        open_prev = it.open_end and not trailing
        first_para = False
    for byl in d.byline_items:
        authors += bl.names_in(byl.text, rules) or ()
        placed[byl.lines[0]] = Placement(byl.lines[0], "byline", number)
    authors += d.authors
    captions = []
    for c in sorted(d.captions, key=lambda c: c.lines[0]):
        # A caption and its credit on one line are kept as two.
        caption, credit = credit_split(c.text, rules)
        captions.extend(t for t in (caption, credit) if t)
        for no in c.lines:
            placed[no] = Placement(no, "credit" if c.kind == "credit" else "caption", number)
    title_generated = d.title is None
    if d.title is not None:
        title = d.title.text
        for no in d.title.lines:
            placed[no] = Placement(no, "headline", number)
    else:
        lead = paragraphs[0] if paragraphs else ""
        if truncated_start:
            # Its first sentence began on another page: take the next one.
            rest = "".join(p for i, p in enumerate(paragraphs) if i not in subheads)
            cut = next((i + 1 for i, ch in enumerate(rest) if ch in rules.sentence_end), 0)
            lead = rest[cut:].lstrip("”’") or lead
        title = title_from_lead(lead, rules)
        d.notes.append("the page prints no headline; title made from the lead")
    for sub in d.subtitles:
        for no in sub.lines:
            placed[no] = Placement(no, "headline", number, note="subtitle printed under the headline")
    kicker = None
    if d.kicker is not None:
        kicker = d.kicker.text
        for no in d.kicker.lines:
            placed[no] = Placement(no, "kicker", number)
    truncated_end = bool(paragraphs) and not rules.ends_sentence(paragraphs[-1])
    if truncated_end:
        d.notes.append("ends mid-sentence: cut at the page edge")
    seen = []
    for a in authors:
        if a not in seen:
            seen.append(a)
    all_lines = [p.line for p in placed.values() if p.article == number]
    return Article(
        page=page, number=number, title=title, paragraphs=tuple(paragraphs), title_generated=title_generated,
        kicker=kicker, authors=tuple(seen), subheads=tuple(subheads), captions=tuple(captions),
        lines=(min(all_lines), max(all_lines)) if all_lines else (d.first_line, d.last_line),
        truncated=truncated_start or truncated_end, notes=tuple(d.notes),
    )
