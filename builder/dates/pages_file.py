"""``seeds/pages.yaml``: the editors' issue dates, page numbers and sections, checked.

::

    2024-06-17_a.txt:
      date: 2024-06-17
      page: 5
      section: 园区动态

Each entry is checked on its own: an unknown key, a bad date or page number is
reported naming the file, the page file and the key, and the rest of the entry
and of the file still apply. A YAML syntax error is reported with its line.
"""
from __future__ import annotations

import datetime
from pathlib import Path

import yaml

from ..sources import editor_yaml

from ..model import Problem

KEYS = ("date", "page", "section")
KIND = "pages"


def _problem(path: Path, reason: str, node=None) -> Problem:
    line = node.start_mark.line + 1 if node is not None else None
    return Problem(str(path), reason, line, kind=KIND)


def _date(value) -> str | None:
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(str(value).strip()).isoformat() if len(str(value).strip()) == 10 else None
    except ValueError:
        return None


def _value(node):
    """A scalar node's value as safe_load gives it (dates become datetime.date)."""
    try:
        return yaml.SafeLoader("").construct_object(node, deep=True)
    except ValueError:  # 2024-02-30 looks like a date to YAML but is none
        return node.value


def _check_entry(path: Path, name: str, node, known: set[str]) -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []
    if name not in known:
        problems.append(_problem(path, f"{name}：没有这个版面文件", node))
    if not isinstance(node, yaml.MappingNode):
        return {}, problems + [_problem(path, f"{name}：应写成 date、page、section 的映射", node)]
    entry: dict = {}
    for key_node, value_node in node.value:
        key = key_node.value
        value = _value(value_node)
        if key not in KEYS:
            problems.append(_problem(path, f"{name}：未知的键 {key}（可用的键：{'、'.join(KEYS)}）", key_node))
        elif key == "date":
            date = _date(value)
            if date is None:
                problems.append(_problem(path, f"{name}：date 不是有效日期 {value!r}（应写成 2024-06-17）", value_node))
            else:
                entry["date"] = date
        elif key == "page":
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                entry["page"] = value
            else:
                problems.append(_problem(path, f"{name}：page 应是正整数，而不是 {value!r}", value_node))
        elif isinstance(value, str) and value.strip():
            entry["section"] = value.strip()
        else:
            problems.append(_problem(path, f"{name}：section 应是文字，而不是 {value!r}", value_node))
    return entry, problems


def load_pages_file(path: Path | None, page_names) -> tuple[dict[str, dict], tuple[Problem, ...]]:
    """The checked entries of the editors' pages file by page file name, and what was wrong.

    Arguments:
        path: ``seeds/pages.yaml`` (a missing file is no error: nothing is set by hand)
        page_names: the page files of the build, to report entries naming none of them
    """
    if path is None or not Path(path).is_file():
        return {}, ()
    path = Path(path)
    # Read with the guards of every editors' file: bounded size, no links out, no aliases.
    try:
        loader, root = editor_yaml.read_tree(path)
        loader.dispose()
    except editor_yaml.YamlSyntax as err:
        return {}, (Problem(str(path), f"YAML 语法错误：{str(err).removeprefix('not valid YAML: ')}", err.line, kind=KIND),)
    except editor_yaml.YamlRefused as err:
        return {}, (Problem(str(path), f"未读取：{err}", err.line, kind=KIND),)
    if root is None:
        return {}, ()
    if not isinstance(root, yaml.MappingNode):
        return {}, (_problem(path, "应是以版面文件名为键的映射", root),)
    known = set(page_names)
    entries: dict[str, dict] = {}
    problems: list[Problem] = []
    for key_node, value_node in root.value:
        entry, found = _check_entry(path, str(key_node.value), value_node, known)
        problems += found
        if entry and key_node.value in known:
            entries[key_node.value] = entry
    return entries, tuple(problems)
