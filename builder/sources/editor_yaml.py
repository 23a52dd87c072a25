"""Read an editors' YAML file (``corrections.yaml``, ``pages.yaml``) into nodes, safely.

The file is written by hand and may be hostile, so before anything is built:

- its size is bounded (``MAX_BYTES``), read without following it into a pipe or device;
- anchors and aliases (``&a`` / ``*a``) are refused: a few hundred bytes of
  nested aliases expand to gigabytes, and an editor never needs them; so is
  nesting deeper than ``MAX_DEPTH`` (``[[[[…]]]]`` exhausts the stack);
- the nodes keep their line numbers, so each value is checked, and reported,
  at its own line (``text``, ``number``: scalars read as the schema wants them,
  so ``retitle: 010`` stays the text 010).
libyaml parses when it is installed (ten times faster), else PyYAML's own parser.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from .safe_read import Refused, TooLarge, read_limited, resolve_entry

# Corrections for tens of thousands of articles fit in a few MB; beyond, the file is not hand-written.
MAX_BYTES = 4_000_000
# The deepest file editors write is three levels (id, kind, a list or mapping).
MAX_DEPTH = 10
# Any value shown in a message is cut to this many characters.
SHOWN = 60
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_DECIMAL = re.compile(r"[0-9]+")


class YamlRefused(Exception):
    """The file cannot be read; ``line`` (1-based, or None) and the message say where and why."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason)
        self.line = line


def short(value: object) -> str:
    """``repr(value)``, cut to a length a message can show."""
    text = repr(value)
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def cut(text: str, most: int = SHOWN) -> str:
    """Text from the file, cut to a length a message can show."""
    return text if len(text) <= most else text[:most - 1] + "…"


class YamlSyntax(YamlRefused):
    """Text that is not YAML. ``line`` is where the broken piece starts (an unclosed bracket
    or quote, a key without its colon: PyYAML's context mark), else where the parser stopped."""


def read_text(path: Path, link_roots: tuple[Path, ...] = ()) -> str:
    """An editors' file's text: a regular file (or a link into its folder or ``link_roots``),
    at most ``MAX_BYTES``, UTF-8 (with or without BOM).

    Raises:
        YamlRefused: too large, not a regular file, or not UTF-8.
    """
    path = Path(path)
    roots = tuple(Path(os.path.realpath(r)) for r in (path.parent, *link_roots))
    try:
        data = read_limited(resolve_entry(path, roots), MAX_BYTES)
    except TooLarge as err:
        raise YamlRefused(f"the file is {err.size:,} bytes or more ({MAX_BYTES:,} at most): "
                          "not a file editors write by hand") from None
    except Refused as err:
        raise YamlRefused(str(err).replace("seeds folder", "folder")) from None
    except OSError as err:
        raise YamlRefused(f"cannot be read: {err.strerror or err}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise YamlRefused(f"not UTF-8 (byte 0x{data[err.start]:02X} at byte {err.start:,})") from None


def compose(text: str) -> tuple[yaml.BaseLoader, yaml.Node | None]:
    """The text's root node (None when empty) and the loader that composed it.

    Raises:
        YamlSyntax: not valid YAML;
        YamlRefused: anchors or aliases, or nesting too deep.
    """
    try:
        return _compose(text, Loader)
    except yaml.YAMLError:
        if Loader is yaml.SafeLoader:
            raise YamlSyntax("not valid YAML") from None
    try:  # PyYAML's own parser says what is wrong in the words the README shows
        return _compose(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        context, problem = err.context_mark, err.problem_mark
        mark = context if context and (not problem or context.line <= problem.line) else problem
        raise YamlSyntax(f"not valid YAML: {cut(err.problem or str(err), 200)}",
                         mark.line + 1 if mark else None) from None
    except yaml.YAMLError as err:
        raise YamlSyntax(f"not valid YAML: {cut(str(err), 200)}") from None


def read_tree(path: Path, link_roots: tuple[Path, ...] = ()) -> tuple[yaml.BaseLoader, yaml.Node | None]:
    """The file's root node (None for an empty file) and the loader that composed it.

    Arguments:
        link_roots: folders besides the file's own that a symbolic link in its place may lead into
            (as for page files: a ``corrections.yaml`` linked to ``/etc/passwd`` is refused)
    Raises:
        YamlRefused: too large, not a regular file, not UTF-8, not valid YAML, or holding an alias.
    """
    return compose(read_text(path, link_roots))


def _compose(text: str, loader_class) -> tuple[yaml.BaseLoader, yaml.Node | None]:
    _refuse_aliases(text, loader_class)
    loader = loader_class(text)
    try:
        return loader, loader.get_single_node()
    except BaseException:
        loader.dispose()
        raise


def _refuse_aliases(text: str, loader_class) -> None:
    # Events come before nodes: an alias, or nesting deep enough to exhaust the
    # stack of the recursive composer, is refused before anything is built.
    depth = 0
    for event in yaml.parse(text, Loader=loader_class):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlRefused(f"values nested more than {MAX_DEPTH} levels deep", event.start_mark.line + 1)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            name = event.anchor
            raise YamlRefused("YAML anchors and aliases (&name, *name) are not allowed: "
                              f"write the value out where it is needed (found {short(name)})",
                              event.start_mark.line + 1)


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def value(loader: yaml.BaseLoader, node: yaml.Node) -> object:
    """A node built as YAML builds it (``true``, numbers, lists, mappings).

    Raises:
        YamlRefused: the value cannot be built (a bad timestamp, a mapping key used twice).
    """
    _refuse_repeated_keys(node)
    try:
        return loader.construct_object(node, deep=True)
    except yaml.MarkedYAMLError as err:
        raise YamlRefused(str(err.problem or err), line(node)) from None


def text(loader: yaml.BaseLoader, node: yaml.Node) -> object:
    """Like :func:`value`, but every scalar but ``null`` is its text as written.

    For values the schema wants as text: ``retitle: 010`` is "010", not 8;
    ``tags: [5G, 2024]`` are two texts.
    """
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag == _NULL else node.value
    if isinstance(node, yaml.SequenceNode):
        return [text(loader, item) for item in node.value]
    return value(loader, node)


def number_or_text(loader: yaml.BaseLoader, node: yaml.Node) -> object:
    """Like :func:`value`, but a number is read in decimal (``010`` is 10) and other scalars as text."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _NULL:
            return None
        plain = not node.style  # libyaml says "", PyYAML None
        if plain and _DECIMAL.fullmatch(node.value):
            return int(node.value, 10)
        return value(loader, node) if plain and node.tag != _STR else node.value
    if isinstance(node, yaml.SequenceNode):
        return [number_or_text(loader, item) for item in node.value]
    return value(loader, node)


def _refuse_repeated_keys(node: yaml.Node) -> None:
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            seen: dict[object, int] = {}
            for k, v in n.value:
                key = k.value if isinstance(k, yaml.ScalarNode) else id(k)
                if key in seen:
                    raise YamlRefused(f"{short(key)} is given twice (first at line {seen[key]})", line(k))
                seen[key] = line(k)
                stack.append(v)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
