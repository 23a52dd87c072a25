"""Whose is a byline printed between two bodies, with no headline beside it?

Where the headlines are printed apart from their bodies (clustered at the page
end, or after the body), a byline that stood under its headline is left between
the end of one article and the start of the next. The layout alone cannot say
whether it signs the article above (a closing byline) or the one below (a top
byline); independent pieces of evidence are weighed (weights in
``data/placement_evidence.yaml``), and the ones that counted are named in the
line's placement note.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import bylines as bl
from .items import Item
from .joins import starts_mid_sentence
from ..textmatch.trie import WordFinder
from ..textmatch.wordcut import Cutter
from ..vocab.rule_files import DATA_DIR, Rules, read_yaml

_SKIP = ("caption", "credit", "subtitle")


@lru_cache(maxsize=4)
def evidence_for(data_dir: Path = DATA_DIR) -> dict[str, dict[str, float]]:
    """The weights of ``placement_evidence.yaml`` in ``data_dir``, or the package's own when that
    folder has none: {section: {evidence: weight}}."""
    path = Path(data_dir) / "placement_evidence.yaml"
    raw = read_yaml(path if path.exists() else DATA_DIR / "placement_evidence.yaml")
    return {section: {k: float(v) for k, v in rows.items()} for section, rows in raw.items()}


def _next(items: list[Item], i: int) -> Item | None:
    return next((it for it in items[i + 1:] if it.kind not in _SKIP), None)


@dataclass(frozen=True)
class Habit:
    """How the page signs its articles, from the bylines whose place is certain.

    Arguments:
        side: +1 on top, -1 at the end, 0 when it cannot say
        top_forms, end_forms: the forms (leading symbol or first marker) of the certain top and end bylines
    """
    side: int = 0
    top_forms: frozenset[str] = frozenset()
    end_forms: frozenset[str] = frozenset()


def form(text: str, rules: Rules) -> str:
    """A byline's form: its leading symbol (▶, □), else the marker it opens with (本报记者), else its bracket."""
    t = text.strip()
    if t[:1] and t[:1] in rules.byline_symbols:
        return t[:1]
    marker = next((m for m in sorted(rules.byline_markers, key=len, reverse=True) if t.startswith(m)), "")
    return marker or ("(" if t[:1] in "(（" else "")


def page_habit(items: list[Item], rules: Rules) -> Habit:
    """Counted over the bylines whose place is certain (no text above them since the last headline
    or the page top; text above and a headline or the page end below) and names after a last sentence."""
    top: list[str] = []
    end: list[str] = []
    text_above = False
    for i, it in enumerate(items):
        if it.kind == "heading":
            text_above = False
        elif it.kind == "para":
            text_above = True
            end += ["names"] * bool(it.names)
        elif it.kind == "byline":
            nxt = _next(items, i)
            if not text_above:
                top.append(form(it.text, rules))
            elif nxt is None or nxt.kind == "heading":
                end.append(form(it.text, rules))
    return Habit((len(top) > len(end)) - (len(end) > len(top)), frozenset(top) - {""}, frozenset(end) - {""})


def _signed_below(items: list[Item], i: int, rules: Rules) -> bool:
    """The text below byline i signs itself: its lead holds names, names follow its last sentence,
    or a byline closes it with a headline or the page end below (before the next heading or lead)."""
    for k, it in enumerate(items[i + 1:], start=i + 1):
        if it.kind == "byline":  # its closing byline: one with a headline or the page end below it
            nxt = _next(items, k)
            return nxt is None or nxt.kind == "heading"
        if it.kind == "heading" or (k > i + 1 and it.kind == "para" and it.lead):
            return False
        if it.kind == "para" and (it.names or (it.lead and bl.lead_byline(it.text, rules, it.spaced)[1])):
            return True
    return False


def _closing_form(text: str, rules: Rules) -> bool:
    t = text.strip()
    return bl.author_note(t, rules) or (t[:1] in "(（" and t[-1:] in ")）")


def opens_next(items: list[Item], i: int, above_signed: bool, habit: Habit, rules: Rules,
               w: dict[str, float] | None = None, tok: Cutter | None = None) -> tuple[bool, str]:
    """Does byline i, printed right after a body and right before another, sign the body below?

    Arguments:
        above_signed: the article above has a byline already
        habit: the page's habit (page_habit)
        w: the weights (``byline_between_bodies`` of evidence_for)
        tok: the word cutter (without it, where the text below begins is not weighed)
    Returns:
        (it opens the article below, the evidence that counted, for the placement note)
    """
    nxt = _next(items, i)
    if nxt is None or nxt.kind != "para":
        return False, ""
    if items[i - 1].lines[-1] == items[i].lines[0] or nxt.lines[0] == items[i].lines[-1]:
        return False, ""  # a piece of a line split again (glued): the split decided where it goes
    w = w or evidence_for()["byline_between_bodies"]
    text = items[i].text
    shape = form(text, rules)
    side = habit.side
    evidence = {
        "the article above is signed already": w["above_signed"] * above_signed,
        "the page signs its articles on top" if side > 0 else "the page signs its articles at their end":
            w["page_signs_on_top"] * side,
        "the form of the page's top bylines" if shape in habit.top_forms else "the form of the page's end bylines":
            w["form_of_page_top"] * ((shape in habit.top_forms) - (shape in habit.end_forms)),
        "a closing byline's form": w["closing_form"] * _closing_form(text, rules),
        "bare names going on from the names after the last sentence above": w["continues_names"] * bool(
            i and items[i - 1].kind == "para" and items[i - 1].names and not bl.strip_markers(text, rules)[1]),
        "the text below is signed by itself": w["below_signed"] * _signed_below(items, i, rules),
        "the text below begins mid-sentence": w["below_mid_sentence"] * bool(
            tok is not None and starts_mid_sentence(nxt.text, rules, tok)),
    }
    total = sum(evidence.values())
    why = ", ".join(k for k, v in evidence.items() if v)
    if total > 0:
        return True, f"byline between two bodies, signs the one below: {why}"
    return False, f"byline between two bodies, signs the one above: {why}" if why else ""


def signers(top: list[Item], trailing: dict[int, tuple[str, ...]], first: Item | None, rules: Rules) -> set[str]:
    """The names that sign a run of text already: its top bylines, its lead, names after a sentence."""
    out = {n for b in top for n in bl.names_in(b.text, rules) or ()}
    out |= {n for names in trailing.values() for n in names}
    if first is not None and first.lead:
        out |= set(bl.lead_byline(first.text, rules, first.spaced)[1])
    return out


def signed_again_below(items: list[Item], i: int, signed_by: set[str], rules: Rules, zones: WordFinder) -> bool:
    """Heading i, in a run signed already, over text naming no zone that closes with other names
    before the next heading (a byline right after a paragraph, or names after its last sentence),
    heads a new article: an article is seldom signed twice (a commentary whose names close it:
    以“耐心资本”…). Text below that names a zone is left to the zones: the names may close a
    column of another article set inside this one."""
    for k in range(i + 1, len(items)):
        x = items[k]
        if x.kind == "heading" or (x.kind == "para" and zones.contained(x.text)):
            return False
        if x.kind == "para" and (x.lead or x.names):
            return bool(x.names) and set(x.names).isdisjoint(signed_by)
        if x.kind == "byline":
            found = bl.names_in(x.text, rules)
            return bool(found) and items[k - 1].kind == "para" and set(found).isdisjoint(signed_by)
    return False
