"""Print conventions that give a paragraph to another article than the one its place says.

- an editor's note (编者按：…) printed above a series' kicker and headline introduces the
  article below it: it opens that article, it is no article of its own and no tail of the
  article above.
"""
from __future__ import annotations

from .items import Item
from .runs import Draft
from ..vocab.rule_files import Rules

EDITOR_NOTE = "an editor's note printed above the headline: it opens the article below it"


def editor_note(text: str, rules: Rules) -> bool:
    """A paragraph that opens with an editor's note marker (编者按：)."""
    return any(rx.match(text) for rx in rules.editor_notes)


def notes_to_next(drafts: list[Draft], rules: Rules) -> list[Draft]:
    """An editor's note with nothing but its own paragraphs after it in its draft, and headings
    printed between it and the next draft, goes to the front of the next draft; a draft left
    empty is dropped. A note under a heading of its own (a series' introduction with its own
    title) stays where it is."""
    out: list[Draft] = []
    for k, d in enumerate(drafts):
        nxt = drafts[k + 1] if k + 1 < len(drafts) else None
        at = _note_at(d, rules)
        if at is None or nxt is None or not nxt.pre or nxt.inset \
                or nxt.pre[0].lines[0] < d.body[at].lines[-1] or (at == 0 and d.pre):
            out.append(d)
            continue
        moved: list[Item] = d.body[at:]
        del d.body[at:]
        nxt.body[:0] = moved
        nxt.notes.append(f"line {moved[0].lines[0]}: {EDITOR_NOTE}")
        if d.body:
            out.append(d)
    return out


def _note_at(d: Draft, rules: Rules) -> int | None:
    """Where an editor's note begins in the draft's body, when only paragraphs follow it."""
    for i, it in enumerate(d.body):
        if it.kind == "para" and editor_note(it.text, rules):
            return i if all(x.kind == "para" for x in d.body[i:]) else None
    return None
