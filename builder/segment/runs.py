"""Items → runs of text → drafts of articles.

A run is the text between headline groups and bylines; a run becomes one
draft, or two when another article's column is set inside it (``insets``).
Each rule that starts a new run is a named step, so the reason is plain.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .bylines import author_note, lead_byline, names_in
from .byline_place import form, opens_next, page_habit, signed_again_below, signers
from .glued_breaks import split_breaks
from .insets import split_threads, thread_signs, threads_apart
from .items import Item
from .joins import cut_word, kicker_over, starts_mid_sentence
from ..textmatch.wordcut import Cutter
from ..textmatch.trie import WordFinder
from ..vocab import Vocabulary, once_per_vocabulary
from ..vocab.rule_files import Rules


SECOND_BYLINE_NOTE = "a second byline set as the one closing the article above: not that article's"
AFTER_BODY_NOTE = "a headline's form naming the zone of the text above and not of the text below: ends the article above"
# An editor's note opening an article (conventions.py) speaks of the series, not of what the article
# is about: its words are no evidence for the article's headline or zone.
EDITOR_NOTE = "an editor's note printed above the headline: it opens the article below it"


@dataclass
class Run:
    """Working record: one run of text between headline groups and bylines."""
    pre: list[Item] = field(default_factory=list)
    body: list[Item] = field(default_factory=list)
    top: list[Item] = field(default_factory=list)
    end: list[Item] = field(default_factory=list)
    captions: list[Item] = field(default_factory=list)
    subtitles: list[Item] = field(default_factory=list)
    trailing: dict[int, tuple[str, ...]] = field(default_factory=dict)
    closed: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def paras(self) -> list[Item]:
        return [it for it in self.body if it.kind == "para"]


@dataclass
class Draft:
    """Working record: one article being assembled."""
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
        """The body's text, an editor's note left out."""
        return "\n".join(it.text for it in self.body if it.note != EDITOR_NOTE)


def _zone_names(vocab: Vocabulary) -> WordFinder:
    return WordFinder(n for z in vocab.gazetteer.zones for n in z.names)


def zone_finder(vocab: Vocabulary) -> WordFinder:
    """The zone names of the gazetteer, compiled once per vocabulary."""
    return once_per_vocabulary(vocab, _zone_names)


def _cut_at_the_edge(prev: Item, it: Item, width: float, tok: Cutter) -> bool:
    """The first line runs to the column's width and a word runs across the break (紧密结 / 合)."""
    return len(prev.lines) == 1 and len(prev.text) >= 0.9 * width and it.gap == prev.gap and cut_word(prev.text, it.text, tok)


def merge_headings(items: tuple[Item, ...], rules: Rules, usual_gap: int, width: float = 0.0,
                   tok: Cutter | None = None, names: WordFinder | None = None) -> list[Item]:
    """One headline printed over two lines is one heading: set tighter than the page's paragraphs
    (unless the upper line is a kicker, ``joins.kicker_over``), its first line ending in ：, its
    first line only the subject (肇庆高新区), or cut at the column edge in the middle of a word."""
    out: list[Item] = []
    for it in items:
        prev = out[-1] if out else None
        subject = prev is not None and (prev.text.endswith("：") or bool(rules.headline_subject.match(prev.text)))
        # Headlines cut apart on one line (a line-joined page) were cut on purpose.
        if it.kind == "heading" and prev is not None and prev.kind == "heading" and it.lines[0] != prev.lines[-1] and (
                (it.gap < usual_gap and not (names and tok and kicker_over(prev.text, it.text, names, tok)))
                or subject or (tok is not None and width and _cut_at_the_edge(prev, it, width, tok))) \
                and len(prev.text) + len(it.text) <= 2 * rules.heading_max_chars \
                and not (it.level == 1 and prev.level != 1 and not subject):
            # A line marked # opens a headline of its own (a kicker above it is no part of it), unless the
            # line above is the headline's subject (郴州高新区 湖南自贸区郴州片区 / # 2022年…): no kicker has that
            # form, and OCR marks a headline printed over two lines on one of them only.
            out[-1] = Item("heading", prev.lines + it.lines, prev.text + it.text, gap=prev.gap,
                           gap_before=prev.gap_before, level=prev.level)
            continue
        out.append(it)
    return out


def _next_kind(items: list[Item], i: int) -> str | None:
    """What follows item i past captions, credits and further headings: lead, byline, para or None."""
    for it in items[i + 1:]:
        if it.kind in ("caption", "credit", "heading", "subtitle"):
            continue
        if it.kind == "para":
            return "lead" if it.lead else "para"
        return it.kind
    return None


class _Cutter:
    """Cuts a page's items into runs; one method per kind of item."""

    def __init__(self, items: list[Item], names: WordFinder, rules: Rules, tok: Cutter,
                 starts: dict[int, str] | None = None, weights: dict[str, float] | None = None):
        self.items = items
        self.starts = starts or {}
        self.weights = weights
        self.names = names
        self.rules = rules
        self.tok = tok
        self.runs = [Run()]
        self.habit = page_habit(items, rules)

    def zones_of(self, run: Run) -> frozenset[str]:
        return self.names.contained("".join(p.text for p in run.paras))

    def heading(self, i: int, it: Item) -> None:
        cur = self.runs[-1]
        if not cur.paras:
            cur.pre.append(it)
            return
        nxt = _next_kind(self.items, i)
        if self.headline_of_run_above(i, it, cur):
            self.runs.append(Run(pre=[replace(it, note=f"{it.note}; {AFTER_BODY_NOTE}" if it.note else AFTER_BODY_NOTE)]))
        elif cur.closed or it.level == 1 or i in self.starts or nxt in ("lead", "byline", None) \
                or self.new_article_below(i, it, cur) \
                or (self.signed(cur) and signed_again_below(self.items, i, self.signers(cur), self.rules, self.names)) \
                or self.subject_below(i, it, cur):
            self.runs.append(Run(pre=[it]))
        else:
            cur.body.append(it)  # a subhead

    def new_article_below(self, i: int, it: Item, cur: Run) -> bool:
        """A heading inside a run heads a new article (not a subhead) when it names a zone the run
        has not named and the text below it does, or when the text below starts mid-sentence
        (an article cut at the page edge: no subhead is followed by half a sentence)."""
        below: list[Item] = []
        for x in self.items[i + 1:]:
            if x.kind == "heading" and below:
                break  # the headings right below it are its own group (a headline over lines)
            if x.kind == "para":
                below.append(x)
        if not below:
            return False
        if starts_mid_sentence(below[0].text, self.rules, self.tok, word_cut=False):
            return True
        here = self.names.contained(it.text)
        return bool(here) and not here & self.zones_of(cur) and \
            any(here & self.names.contained(x.text) for x in below)

    def subject_below(self, i: int, it: Item, cur: Run) -> bool:
        """A heading in a headline's own form (浙江大学台州研究院：…) heads a new article where the
        text below names its subject and the text above does not, or where another headline of that
        form follows it before any text (a cluster of headlines): no subhead has that form."""
        form = lambda h: any(rx.search(h.text) for rx in self.rules.headline_patterns)  # noqa: E731
        subject = it.text.partition("：")[0]
        nxt = next((k for k in range(i + 1, len(self.items)) if self.items[k].kind == "heading"), len(self.items))
        following = next((x for x in self.items[i + 1:] if x.kind not in ("caption", "credit", "subtitle")), it)
        return form(it) and ((subject in "".join(x.text for x in self.items[i + 1:nxt])
                              and not any(subject in p.text for p in cur.paras))
                             or (following.kind == "heading" and form(following)
                                 and following.text.partition("：")[0] != subject))

    def signers(self, run: Run) -> set[str]:
        return signers(run.top, run.trailing, run.paras[0] if run.paras else None, self.rules)

    def signed(self, run: Run) -> bool:
        """The run's article has a byline already: on top, in its lead, after its last sentence, at its end."""
        paras = run.paras
        return bool(run.top or run.trailing or any(names_in(b.text, self.rules) for b in run.end)
                    or (paras and paras[0].lead and lead_byline(paras[0].text, self.rules, paras[0].spaced)[1]))

    def headline_of_run_above(self, i: int, it: Item, cur: Run) -> bool:
        """A heading in a headline's own form (宝鸡高新区：…) that names the zone of the text above it,
        while the text below names another zone and not this one, is the headline of the article
        above printed after its body (no subhead names its article's zone in that form): the run
        ends here, and the headlines are matched to bodies by their words."""
        here = self.names.contained(it.text)
        if not here or not any(rx.search(it.text) for rx in self.rules.headline_patterns) \
                or not here & self.zones_of(cur):
            return False
        below = next((x for x in self.items[i + 1:] if x.kind == "para"), None)
        zones_below = self.names.contained(below.text) if below is not None else frozenset()
        return bool(zones_below) and not zones_below & here

    def byline(self, i: int, it: Item) -> None:
        cur = self.runs[-1]
        if not cur.paras:
            cur.top.append(it)
            return
        if cur.end and form(it.text, self.rules) and form(it.text, self.rules) == form(cur.end[-1].text, self.rules) \
                and not author_note(it.text, self.rules):  # (作者系…) after the names that close a commentary
            # A second byline set as the one that closed this article: not this article's (seldom signed twice).
            self.runs.append(Run(top=[replace(it, note=SECOND_BYLINE_NOTE)]))
            return
        below, why = opens_next(self.items, i, self.signed(cur), self.habit, self.rules, self.weights, self.tok)
        it = replace(it, note=why) if why else it
        if below:
            self.runs.append(Run(top=[it]))
            return
        cur.end.append(it)
        cur.closed = True

    def caption(self, i: int, it: Item) -> None:
        self.runs[-1].captions.append(it)

    def subtitle(self, i: int, it: Item) -> None:
        self.runs[-1].subtitles.append(it)

    def new_zone_opening(self, i: int, it: Item, cur: Run) -> bool:
        """With no gap to show it: a paragraph after a closed one that opens as a lead does (近日，…),
        names a zone the run has not named, and is followed by none of the run's zones."""
        if not it.text.startswith(self.rules.lead_openings) or cur.paras[-1].open_end:
            return False
        here, before = self.names.contained(it.text), self.zones_of(cur)
        if not here or not before or here & before:
            return False
        for later in self.items[i + 1:]:
            if later.kind == "heading":
                break
            if later.kind == "para" and self.names.contained(later.text) & before:
                return False
        return True

    def para(self, i: int, it: Item) -> None:
        cur = self.runs[-1]
        here = self.names.contained(it.text) if it.gap_before else frozenset()
        # A new article: a lead (本报讯), after a closing byline, or a wide gap where the zone changes.
        if cur.paras and (it.lead or cur.closed or (bool(here) and not here & self.zones_of(cur))
                          or self.new_zone_opening(i, it, cur) or i in self.starts):
            cur = Run(notes=[f"{self.starts[i]} (line {it.lines[0]})"] if i in self.starts else [])
            self.runs.append(cur)
        cur.body.append(it)
        if it.names:  # names after its last sentence: the article ends here
            cur.trailing[len(cur.body) - 1] = it.names
        cur.closed = cur.closed or bool(it.names or it.source)


def runs_of(items: list[Item], names: WordFinder, rules: Rules, tok: Cutter,
            starts: dict[int, str] | None = None, weights: dict[str, float] | None = None) -> list[Run]:
    """Cut the page into runs of text: a new one at a headline group, a lead (本报讯),
    after a byline that closes an article, after a wide gap where the zone changes, and
    at the given starts (item index: why; headline_splits). ``weights``: those of a byline
    between two bodies (byline_place)."""
    cutter = _Cutter(items, names, rules, tok, starts, weights)
    step = {"heading": cutter.heading, "byline": cutter.byline, "caption": cutter.caption,
            "credit": cutter.caption, "subtitle": cutter.subtitle, "para": cutter.para}
    for i, it in enumerate(items):
        step[it.kind](i, it)
    return cutter.runs


def split_run(run_no: int, run: Run, names: WordFinder, rules: Rules,
              joined: tuple[Cutter, list[str]] | None = None) -> list[Draft]:
    """One draft per thread of a run (two when another article's column is set inside it); ``joined`` (a
    line-joined page: the word cutter, the sentences the articles before leave open) first splits the
    paragraphs a column break was glued into."""
    if not run.paras:
        return []
    if joined is not None:
        home = thread_signs(run, names, rules)[3]
        run = replace(run, body=split_breaks(run.body, home, joined[1], names, rules, joined[0]))
    thread = split_threads(*thread_signs(run, names, rules))
    if thread is None:
        return [Draft(run_no, list(run.body), list(run.pre))]
    home_body, inset_body = threads_apart(run.body, thread)
    inset = Draft(run_no, inset_body, [], inset=True)
    inset.notes.append("a column of this article was printed inside another; moved back in reading order")
    return [Draft(run_no, home_body, list(run.pre)), inset]


def drafts_of(runs: list[Run], names: WordFinder, rules: Rules, tok: Cutter | None = None) -> list[Draft]:
    """The drafts of every run, in page order, with the run's bylines and trailing names given out:
    the top byline to the run's own article, the closing one to whoever owns the last paragraph
    (``tok``: given on a line-joined page, where a column break may be glued into a sentence)."""
    drafts: list[Draft] = []
    for r, run in enumerate(runs):
        opens = [d.body[-1].text for d in drafts if d.body and d.body[-1].kind == "para" and d.body[-1].open_end]
        got = split_run(r, run, names, rules, (tok, opens) if tok is not None else None)
        if not got:
            continue
        got[0].byline_items += run.top
        got[0].notes += run.notes
        got[0].subtitles += run.subtitles
        last_para_line = max(p.lines[-1] for p in run.paras)
        owner = next(d for d in got if any(p.lines[-1] == last_para_line for p in d.body))
        owner.byline_items += run.end
        for idx, names_ in run.trailing.items():
            item = run.body[idx]
            # (an item split in two: the names follow its last piece)
            holder = next((d for d in got if any(x.lines == item.lines and item.text.endswith(x.text) for x in d.body)))
            holder.authors += list(names_)
        drafts.extend(d for d in got if not (d.inset and _resume(d, drafts, names)))
    drafts.sort(key=lambda d: d.first_line)
    return drafts


def _resume(inset: Draft, earlier: list[Draft], names: WordFinder) -> bool:
    """An inset is the rest of an earlier article that broke off mid-sentence and names its zone
    (璧山 breaks off before the 自贡 headline; its rest is printed inside 自贡): joined to it."""
    zones = names.contained(inset.text())
    for d in reversed(earlier):
        paras = [it for it in d.body if it.kind == "para"]
        if d.inset or not paras or not paras[-1].open_end or not zones & home_zones(d, names):
            continue
        d.body.extend(inset.body)
        d.byline_items += inset.byline_items
        d.authors += inset.authors
        d.captions += inset.captions
        d.notes.append(f"continued at line {inset.first_line}, inside another article")
        return True
    return False


def home_zones(d: Draft, names: WordFinder) -> frozenset[str]:
    """The zones a draft is about: those its headings name, else those its first paragraph names.
    A heading read as the headline of the text above it (printed after its body) is not this draft's."""
    paras = [it for it in d.body if it.kind == "para"]
    own = "".join(h.text for h in d.pre if AFTER_BODY_NOTE not in h.note)
    return names.contained(own) or (names.contained(paras[0].text) if paras else frozenset())


def return_strays(drafts: list[Draft], names: WordFinder) -> list[Draft]:
    """A paragraph printed inside a later article that opens with the zone of an earlier article
    (营口高新区相关负责人表示… inside the 唐山 article) and names none of its host's zones is the
    earlier article's: moved back to its end, noted on both."""
    homes = [home_zones(d, names) for d in drafts]
    for k, d in enumerate(drafts):
        paras = [it for it in d.body if it.kind == "para"]
        for p in paras[1:]:
            first = names.longest(p.text[:12])
            opening = first[0] if first and p.text.startswith(first[0]) else None
            if opening is None or names.contained(p.text) & homes[k]:
                continue
            owner = next((j for j in range(k - 1, -1, -1) if opening in homes[j] and not drafts[j].inset), None)
            if owner is None:
                continue
            d.body.remove(p)
            drafts[owner].body.append(p)
            d.notes.append(f"paragraph at line {p.lines[0]} opens with another article's zone; moved to it")
            drafts[owner].notes.append(f"its paragraph at line {p.lines[0]} was printed inside a later article")
    return drafts


def resume_interrupted(drafts: list[Draft], names: WordFinder) -> list[Draft]:
    """A lead paragraph (本报讯) with no headline, printed inside an article: the paragraphs after it
    that go on naming that article's zone (and none other), and those between, are the article's,
    resumed after the intrusion; the lead keeps what follows them (its own article's rest)."""
    homes = [home_zones(d, names) for d in drafts]
    for k in range(1, len(drafts)):
        d, prev = drafts[k], drafts[k - 1]
        paras = [it for it in d.body if it.kind == "para"]
        if d.pre or d.inset or not paras or not paras[0].lead or not homes[k - 1] or homes[k]:
            continue
        resumed = [i for i, p in enumerate(paras) if names.contained(p.text) and
                   names.contained(p.text) <= homes[k - 1]]
        heads = [i for i, it in enumerate(d.body) if it.kind == "heading"]
        if not resumed:
            continue
        last = paras[resumed[-1]]
        if heads and d.body.index(last) > heads[0]:
            continue
        back = [it for it in d.body if it is not paras[0] and it.lines[0] <= last.lines[0]]
        for it in back:
            d.body.remove(it)
        prev.body.extend(back)
        prev.notes.append(f"resumed at line {back[0].lines[0]} after another article's lead printed inside it")
        d.notes.append("its lead was printed inside another article")
    return drafts
