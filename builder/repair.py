"""OCR repair, line by line: every change is recorded as a Fix (what, where)."""
from __future__ import annotations

import re

from .model import Fix, Line, Page, RepairedPage
from .vocab import Vocabulary

CJK = r"\u3400-\u9fff"
_MARKUP = re.compile(r"\^\{|</?mark>|^#+\s*|(?<=[" + CJK + r"：:])\}")
_CJK_SPACE = re.compile(rf"(?<=[{CJK}，。、；：！？“”（）])[ \u3000\t]+(?=[{CJK}，。、；：！？“”（）])")


def repair_line(no: int, raw: str) -> tuple[Line, list[Fix]]:
    fixes: list[Fix] = []
    text = raw.strip()
    if not text:
        return Line(no, raw, "", "blank"), fixes
    for kind, rx in (("markup", _MARKUP), ("space", _CJK_SPACE)):
        new = rx.sub("", text).strip()
        if new != text:
            fixes.append(Fix(kind, no, text, new))
            text = new
    if not text:
        return Line(no, raw, "", "markup"), fixes
    return Line(no, raw, text), fixes


def repair_page(page: Page, vocab: Vocabulary) -> RepairedPage:
    lines: list[Line] = []
    fixes: list[Fix] = []
    for no, raw in enumerate(page.lines, start=1):
        line, line_fixes = repair_line(no, raw)
        lines.append(line)
        fixes.extend(line_fixes)
    return RepairedPage(page, tuple(lines), tuple(fixes))
