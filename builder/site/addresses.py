"""``seeds/addresses.yaml``: the article addresses the site has published, so none is lost.

An article's id is made from its page file's name and its headline as printed
(``ids.py``). When an editor corrects a headline in the page file itself, the
id changes; the ledger remembers each published id with the article's page file
and opening words, and a build writes a redirect page at every recorded address
that is gone, to the article of the same page file that opens with the same words.

``python -m builder addresses --seeds seeds`` records the build's ids (keeping
those recorded before); run it after each publication.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from ..sources import editor_yaml

from ..model import Entry


def opening(entry: Entry) -> str:
    """A short fingerprint of the article's opening words (its headline is not part of it)."""
    text = "".join(entry.article.paragraphs)[:60]
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def read_ledger(path: Path | None) -> dict[str, dict]:
    """The recorded ids: id -> {page, opening}. A missing or unreadable file records nothing."""
    if path is None or not Path(path).is_file():
        return {}
    try:  # with the guards of every editors' file: bounded size, no links out, no aliases
        loader, root = editor_yaml.read_tree(Path(path))
        try:
            raw = loader.construct_document(root) if root is not None else {}
        finally:
            loader.dispose()
    except (editor_yaml.YamlRefused, yaml.YAMLError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): v for k, v in raw.items() if isinstance(v, dict) and "page" in v and "opening" in v}


def moved_ids(ledger: dict[str, dict], entries) -> dict[str, str]:
    """Recorded ids no longer in the build -> the id of the same article now."""
    current = {e.id for e in entries}
    by_fingerprint = {(e.article.page, opening(e)): e.id for e in entries}
    out = {}
    for old, rec in sorted(ledger.items()):
        new = by_fingerprint.get((rec["page"], rec["opening"]))
        if old not in current and new:
            out[old] = new
    return out


def ledger_text(ledger: dict[str, dict], entries) -> str:
    """The ledger with the build's ids added (ids recorded before are kept: their addresses were published)."""
    merged = dict(ledger)
    for e in entries:
        merged.setdefault(e.id, {"page": e.article.page, "opening": opening(e)})
    head = ("# Article addresses the site has published (builder/site/addresses.py); kept so that an\n"
            "# address whose id changed still leads to its article. Made by `python -m builder addresses`.\n")
    body = "".join(f"{id_}: {{page: {yaml.safe_dump(rec['page']).strip().splitlines()[0]}, opening: '{rec['opening']}'}}\n"
                   for id_, rec in sorted(merged.items()))
    return head + body
