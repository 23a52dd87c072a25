"""The editors' corrections file: read it, check every entry, remember its line.

``seeds/corrections.yaml`` maps an article id to what an editor changed about
it; a page file name maps to lines of that page that are debris::

    heng-yang-gao-xin-qu-da-zao-shu-zhi-6f0e83:
      retitle: 衡阳高新区打造"数智工匠"摇篮
      rezone: 衡阳高新区
      themes: [人才培育]
      tags: [数智工匠, 职业教育]
    kun-shan-gao-xin-qu-ju-li-xia-hao-zi-08e599:
      merge: ning-bo-gao-xin-qu-shou-dan-shu-ju-zhi-94a41d
      split: 5                 # or the text its first paragraph starts with
      debris: [2, "图片来源"]   # paragraph numbers (from 1) or starting text
      drop: 重复刊登            # or: true
    000_e871fc29704ad4c6.txt:
      debris: [12, 13]         # line numbers of the page file

Everything that can be checked without the articles (kinds, types, zones,
themes) is checked here; whether an id still exists is checked when the
corrections are applied (``apply.py``). Each mistake becomes a Problem naming
the file, the line and the reason, and the other corrections still apply.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from ..model import CorrectionKind, Problem, ProblemKind
from ..sources import editor_yaml
from ..sources.editor_yaml import cut, short
from ..vocab import Vocabulary

# In the order they are applied (see apply.py).
ARTICLE_KINDS = tuple(CorrectionKind)
PAGE_KINDS = (CorrectionKind.DEBRIS,)
# How each kind's value is read: text as written (`retitle: 010` is "010", not 8),
# numbers in decimal (`split: 010` is 10); the others as YAML builds them (`drop: true`).
_READ = {**dict.fromkeys((CorrectionKind.RETITLE, CorrectionKind.THEMES, CorrectionKind.TAGS,
                          CorrectionKind.MERGE), editor_yaml.text),
         **dict.fromkeys((CorrectionKind.SPLIT, CorrectionKind.DEBRIS), editor_yaml.number_or_text)}
MAX_TITLE = 120
# No article needs more: a list longer than this is a mistake, and would be slow to check and show.
MAX_ITEMS = 50


def is_page(target: str) -> bool:
    """A key naming a page file (its debris lines), not an article id."""
    return target.lower().endswith(".txt")


@dataclass(frozen=True)
class Correction:
    """One checked correction.

    Arguments:
        target: the article id, or the page file name for ``debris`` by line
        kind: one of ARTICLE_KINDS
        value: the value, normalised (see ``_check`` for each kind's shape)
        line: 1-based line of the kind in the corrections file
    """
    target: str
    kind: CorrectionKind
    value: object
    line: int

    @property
    def on_page(self) -> bool:
        return is_page(self.target)


@dataclass(frozen=True)
class Rezone:
    """Where an article is about, as an editor set it; all None means "no zone"."""
    zone: str | None
    province: str | None
    city: str | None


@dataclass(frozen=True)
class Corrections:
    """The corrections that passed their checks, and a Problem for each that did not."""
    file: str
    items: tuple[Correction, ...] = ()
    problems: tuple[Problem, ...] = ()

    def of_kind(self, kind: CorrectionKind) -> tuple[Correction, ...]:
        return tuple(c for c in self.items if c.kind == kind)


class _Invalid(Exception):
    """A value that does not validate; the message is the reason shown to the editor."""


def load_corrections(path: Path | None, vocab: Vocabulary, link_roots: tuple[Path, ...] = ()) -> Corrections:
    """Read and check a corrections file. A missing file means no corrections.

    Arguments:
        link_roots: folders besides its own that the file, when it is a symbolic link, may lead into

    Returns:
        Corrections; ``problems`` holds one Problem (file, line, reason) per
        entry that was left out.
    """
    if path is None or not (Path(path).exists() or Path(path).is_symlink()):
        return Corrections(file=Path(path).name if path else "")
    name = Path(path).name
    try:
        text = editor_yaml.read_text(Path(path), link_roots)  # size-bounded, a regular file in its folder
    except editor_yaml.YamlRefused as err:
        return Corrections(name, problems=(_problem(name, err.line, str(err)),))
    return _parse(name, text, vocab)


def _parse(name: str, text: str, vocab: Vocabulary) -> Corrections:
    """The checked corrections of a file's text (``name`` for the messages). No aliases; the
    nodes keep their line numbers, and values are built node by node so a bad value is
    reported at its own line."""
    try:
        loader, root = editor_yaml.compose(text)
    except editor_yaml.YamlSyntax as err:
        return _readable_part(name, text, vocab, err)
    except editor_yaml.YamlRefused as err:
        return Corrections(name, problems=(_problem(name, err.line, str(err)),))
    try:
        return _read_root(name, loader, root, vocab)
    finally:
        loader.dispose()


def _read_root(name: str, loader, root, vocab: Vocabulary) -> Corrections:
    if root is None:
        return Corrections(name)
    if not isinstance(root, yaml.MappingNode):
        return Corrections(name, problems=(_problem(
            name, _line(root), "expected article ids (or page file names) as keys, each with its corrections"),))
    items: list[Correction] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for key_node, value_node in root.value:
        target = _target(loader, name, key_node, value_node, seen)
        if isinstance(target, Problem):
            problems.append(target)
            continue
        given: dict[str, int] = {}
        for kind_node, arg_node in value_node.value:
            found = _correction(loader, name, target, kind_node, arg_node, vocab, given)
            (problems if isinstance(found, Problem) else items).append(found)
    return Corrections(name, tuple(items), tuple(problems))


def _target(loader, name: str, key_node: yaml.Node, value_node: yaml.Node, seen: dict[str, int]) -> str | Problem:
    """The article id or page file name of one key, or the Problem that leaves the key out."""
    target = _scalar(loader, key_node)
    line = _line(key_node)
    if not isinstance(target, str) or not target.strip():
        return _problem(name, line, f"{cut(target)} is not an article id or page file name")
    target = target.strip()
    if target in seen:
        return _problem(name, line, f"{cut(target)} appears twice (first at line {seen[target]}); "
                                    "put all its corrections under one key")
    seen[target] = line
    if not isinstance(value_node, yaml.MappingNode):
        return _problem(name, line, f"{cut(target)}: expected its corrections below it, e.g. `retitle: 新标题`")
    return target


def _correction(loader, name: str, target: str, kind_node: yaml.Node, arg_node: yaml.Node,
                vocab: Vocabulary, given: dict[str, int]) -> Correction | Problem:
    """One checked correction of ``target``, or the Problem that leaves it out; ``given``: the
    kinds of this target read so far (the first of a kind given twice is kept)."""
    kinds = PAGE_KINDS if is_page(target) else ARTICLE_KINDS
    kind = _scalar(loader, kind_node)
    line = _line(kind_node)
    if kind not in kinds:
        what = "a page file" if kinds is PAGE_KINDS else "an article"
        return _problem(name, line, f"{cut(target)}: unknown correction {short(kind)} for {what} "
                                    f"(known: {', '.join(kinds)})")
    kind = CorrectionKind(kind)
    if kind in given:
        return _problem(name, line, f"{cut(target)}: {kind} given twice (first at line {given[kind]}, "
                                    "which is applied); this one is left out")
    given[kind] = line
    try:
        return Correction(target, kind, _check(kind, _READ.get(kind, editor_yaml.value)(loader, arg_node),
                                               vocab, target), line)
    except editor_yaml.YamlRefused as err:
        return _problem(name, err.line or line, f"{cut(target)}: {kind}: {err}")
    except _Invalid as err:
        return _problem(name, line, f"{cut(target)}: {kind}: {err}")


def _readable_part(name: str, text: str, vocab: Vocabulary, err: "editor_yaml.YamlSyntax") -> Corrections:
    """The corrections above a YAML syntax error, and the error at its line (where the broken
    piece starts, see ``editor_yaml.YamlSyntax``). Entries before the one holding it are read
    as if the file ended there."""
    problem = _problem(name, err.line, str(err))
    lines = text.split("\n")
    starts = [i for i, ln in enumerate(lines[: err.line or 0]) if ln[:1] not in ("", " ", "\t", "#")]
    if not starts or starts[-1] == 0:
        return Corrections(name, problems=(problem,))
    before = _parse(name, "\n".join(lines[: starts[-1]]), vocab)
    return replace(before, problems=before.problems + (problem,))


def _problem(name: str, line: int | None, reason: str) -> Problem:
    return Problem(name, reason, line, kind=ProblemKind.CORRECTIONS)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(loader, node: yaml.Node) -> object:
    if not isinstance(node, yaml.ScalarNode):
        return None
    try:
        return editor_yaml.value(loader, node)
    except editor_yaml.YamlRefused:
        return None


# --- one checker per kind ---------------------------------------------------

def _check(kind: CorrectionKind, value: object, vocab: Vocabulary, target: str) -> object:
    """Check one value and return it in its normal shape.

    Returns:
        retitle: str; rezone: Rezone; themes, tags, merge: tuple[str, ...];
        split and article debris: tuple of paragraph selectors (int from 1, or str);
        page debris: tuple[int, ...]; drop: str (the reason, "" when none given).
    """
    return _CHECKS[kind](value, vocab, target)


def _themes(value: object, vocab: Vocabulary) -> tuple[str, ...]:
    known = [t.name for t in vocab.themes]
    themes = _texts(value, "a theme")
    for theme in themes:
        if theme not in known:
            raise _Invalid(f"unknown theme {short(theme)} (themes.yaml has: {', '.join(known)})")
    return themes


def _merge(value: object, target: str) -> tuple[str, ...]:
    ids = _texts(value, "an article id")
    if not ids:
        raise _Invalid("give the id of the article to append")
    if target in ids:
        raise _Invalid("an article cannot be merged with itself")
    return ids


def _split(value: object) -> tuple[int | str, ...]:
    at = _selectors(value)
    if any(s == 1 for s in at):
        raise _Invalid("paragraph 1 cannot start the second article: nothing would be left before it")
    return at


def _debris(value: object, target: str) -> tuple[int | str, ...]:
    selectors = _selectors(value)
    if is_page(target) and any(isinstance(s, str) for s in selectors):
        raise _Invalid("for a page file, give line numbers (from the source view)")
    return selectors


def _drop(value: object) -> str:
    if value is True:
        return ""
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise _Invalid("write `drop: true`, or the reason (`drop: 重复刊登`)")


# kind -> checker(value, vocab, target); every kind has one.
_CHECKS = {
    CorrectionKind.RETITLE: lambda value, vocab, target: _title(value),
    CorrectionKind.REZONE: lambda value, vocab, target: _rezone(value, vocab),
    CorrectionKind.THEMES: lambda value, vocab, target: _themes(value, vocab),
    CorrectionKind.TAGS: lambda value, vocab, target: _texts(value, "a tag"),
    CorrectionKind.MERGE: lambda value, vocab, target: _merge(value, target),
    CorrectionKind.SPLIT: lambda value, vocab, target: _split(value),
    CorrectionKind.DEBRIS: lambda value, vocab, target: _debris(value, target),
    CorrectionKind.DROP: lambda value, vocab, target: _drop(value),
}


def _title(value: object) -> str:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise _Invalid("the new headline must be text")
    text = str(value).strip()
    if not text:
        raise _Invalid("the new headline is empty")
    if "\n" in text:
        raise _Invalid("the new headline must be one line")
    if len(text) > MAX_TITLE:
        raise _Invalid(f"the new headline has {len(text)} characters ({MAX_TITLE} at most)")
    return text


def _texts(value: object, what: str) -> tuple[str, ...]:
    """A list of strings (one string is a list of one), without repeats."""
    items = _bounded(value if isinstance(value, list) else [value])
    out: dict[str, None] = {}
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
            raise _Invalid(f"{short(item)} is not {what}: give text, or a list of texts")
        text = str(item).strip()
        if "\n" in text:
            raise _Invalid(f"{what} must be one line")
        out.setdefault(text)
    return tuple(out)


def _bounded(items: list) -> list:
    if len(items) > MAX_ITEMS:
        raise _Invalid(f"a list of {len(items):,} items ({MAX_ITEMS} at most)")
    return items


def _selectors(value: object) -> tuple[int | str, ...]:
    """Paragraph or line numbers (from 1) or starting texts; one or a list."""
    items = _bounded(value if isinstance(value, list) else [value])
    out: list[int | str] = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (int, str)):
            raise _Invalid(f"{short(item)} is neither a number (from 1) nor the text it starts with")
        if isinstance(item, int) and item < 1:
            raise _Invalid(f"{item} is not a number from 1")
        if isinstance(item, str) and not item.strip():
            raise _Invalid("empty text")
        out.append(item.strip() if isinstance(item, str) else item)
    if not out:
        raise _Invalid("give a number (from 1) or the text it starts with")
    return tuple(out)


def _rezone(value: object, vocab: Vocabulary) -> Rezone:
    """``rezone: 衡阳高新区`` (province and city from the gazetteer), ``rezone: null``
    (about no zone), or ``rezone: {zone: …, province: …, city: …}`` for a zone the
    gazetteer does not list yet."""
    gaz = vocab.gazetteer
    if value is None:
        return Rezone(None, None, None)
    known = gaz.zone_by_name
    if isinstance(value, str):
        zone = known.get(value.strip())
        if zone is None:
            raise _Invalid(f"unknown zone {short(value)}: add it to builder/data/gazetteer.yaml, "
                           "or give `zone:`, `province:` and `city:`")
        return Rezone(zone.name, zone.province, zone.city)
    if not isinstance(value, dict):
        raise _Invalid("give a zone name, or `zone:`, `province:` and `city:`")
    unknown = set(value) - {"zone", "province", "city"}
    if unknown:
        raise _Invalid(f"unknown field(s) {short(', '.join(map(str, sorted(unknown, key=str))))} "
                       "(known: zone, province, city)")
    name = value.get("zone")
    if not isinstance(name, str) or not name.strip():
        raise _Invalid("`zone:` must be the zone's name")
    name = name.strip()
    listed = known.get(name)
    province = _province(value.get("province"), gaz.provinces) if value.get("province") else None
    city = value.get("city")
    if city is not None and (not isinstance(city, str) or city.strip() not in gaz.cities):
        raise _Invalid(f"unknown city {short(city)}: add it to the gazetteer's cities")
    city = city.strip() if isinstance(city, str) else None
    if listed:
        province, city = province or listed.province, city or listed.city
        name = listed.name
    if province is None and city:
        province = gaz.cities[city]
    if province is None:
        raise _Invalid(f"unknown zone {short(name)}: give its `province:` (and `city:`)")
    if city and gaz.cities[city] != province:
        raise _Invalid(f"{city} is in {gaz.cities[city]}, not in {province}")
    return Rezone(name, province, city)


def _province(value: object, provinces: dict[str, str]) -> str:
    """A province by its short (湖南) or full (湖南省) name; returns the short one."""
    if isinstance(value, str):
        text = value.strip()
        if text in provinces:
            return text
        for short, full in provinces.items():
            if text == full:
                return short
    raise _Invalid(f"unknown province {short(value)}")
