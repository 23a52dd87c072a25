"""Related articles again for only the entries an edit can have changed (``mkdocs serve``).

An entry's list depends on its own query terms, zone and themes, on the champion lists of
its query terms, on its zone's members, and on what it reads of each candidate (zone, themes,
date rank, id). After an edit only the changed entries' terms (old and new) can have other
champion lists; of those, a term matters where its list changed or holds a changed entry.
Likewise a zone of a changed entry matters where its members changed or include it. An entry
none of whose query terms matters, whose zone does not, and which did not change itself keeps
its list. Other ids, or another set of issue dates, make every list again.
``tests/enrich/test_related_again.py`` checks the lists against ``related_ids`` after random changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Entry
from ..runtime.workers import map_forked
from .related import QUERY_TERMS, Ranker


def _inputs(e: Entry) -> tuple:
    return (e.term_weights, e.zone_key or e.zone, frozenset(t.theme for t in e.themes), e.date)


@dataclass
class RelatedMemo:
    """The last build's lists and what they were made from; ``again`` counts the lists made anew."""
    ids: list = field(default_factory=list)
    inputs: list = field(default_factory=list)
    dates: list | None = None
    lists: dict = field(default_factory=dict)
    ranker: Ranker | None = None
    again: int = 0


def related_ids_again(entries: tuple[Entry, ...], memo: RelatedMemo) -> dict[str, tuple[str, ...]]:
    """The same lists as ``related_ids(entries)``, made anew only where they can differ from the last build's."""
    ranker = Ranker(entries)
    ids, inputs = ranker.ids, [_inputs(e) for e in entries]
    if memo.dates is None or ids != memo.ids or ranker.dates != memo.dates:
        todo = list(range(len(entries)))
        lists: dict = {}
    else:
        changed = {i for i, (new, old) in enumerate(zip(inputs, memo.inputs)) if new != old}
        terms = {t for t in {t for i in changed for side in (inputs[i], memo.inputs[i]) for t, _ in side[0]}
                 if _matters(ranker.champions(t), memo.ranker.champions(t), changed)}
        zones = {z for z in {side[1] for i in changed for side in (inputs[i], memo.inputs[i])} - {None}
                 if _matters((ranker.zone_mates(z),), (memo.ranker.zone_mates(z),), changed)}
        todo = [i for i, e in enumerate(entries)
                if i in changed or inputs[i][1] in zones or any(t in terms for t, _ in e.term_weights[:QUERY_TERMS])]
        lists = dict(memo.lists)
    lists.update(zip((ids[i] for i in todo), map_forked(ranker.related_to, todo)))
    memo.ids, memo.inputs, memo.dates, memo.lists, memo.again = ids, inputs, ranker.dates, lists, len(todo)
    memo.ranker = ranker
    return lists


def _matters(new: tuple, old: tuple, changed: set[int]) -> bool:
    """A champion list (or a zone's members), (positions, …) now and before: other, or holding a changed entry."""
    return new != old or not changed.isdisjoint(new[0])
