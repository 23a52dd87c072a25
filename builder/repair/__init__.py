"""OCR repair, line by line: every change is recorded as a Fix (what, where).

Joining wrapped lines and dropping repeated blocks need the page's layout and
are done by the segmenter (``segment.items``, ``segment.duplicates``); here each line is mended on
its own, and place names against the page's own text (``place_misreadings``).
"""
from __future__ import annotations

from dataclasses import replace

from . import line_fixes
from ..textmatch.cjk import remove_cjk_spaces
from .invisible import has_words, remove_invisible
from ..segment.bylines import names_in
from ..model import Fix, FixKind, Line, Page, RepairedPage, Role
from .place_misreadings import place_fixes
from ..vocab.rule_files import Rules, rules_for
from ..vocab import Vocabulary


def repair_line(no: int, raw: str, rules: Rules, quotes: dict[str, bool] | None = None) -> tuple[Line, list[Fix]]:
    """Mend one printed line.

    Arguments:
        quotes: the straight-quote state carried over from the line before (see line_fixes.fullwidth_punct)

    Returns:
        the Line (``debris`` set when nothing is left of it) and the fixes made.
    """
    fixes: list[Fix] = []
    text = raw.strip()
    if not text:
        return Line(no, raw, "", Role.BLANK), fixes

    def step(kind: FixKind, new: str) -> None:
        nonlocal text
        new = new.strip()
        if new != text:
            fixes.append(Fix(kind, no, text, new))
            text = new

    step(FixKind.INVISIBLE, remove_invisible(text))  # first: no rule below should see a control character
    if not text:
        return Line(no, raw, "", "markup"), fixes
    stripped, level = line_fixes.strip_markup(text, rules)
    step(FixKind.MARKUP, stripped)
    if text and not has_words(text):
        step(FixKind.MARKUP, "")  # punctuation or ornament only: no headline, no sentence
    if not text:
        return Line(no, raw, "", Role.MARKUP), fixes
    step(FixKind.SPACE, line_fixes.close_marker_spaces(text, rules))
    if names_in(text, rules):
        # A byline: its spaces separate names and stay.
        return Line(no, raw, text, heading_level=level), fixes
    if rules.sentence_end_chars.isdisjoint(text):
        step(FixKind.DOUBLED, line_fixes.undouble(text, rules.fullwidth))  # bold headlines: never a sentence
    step(FixKind.MISREADING, line_fixes.fix_misreadings(text, rules))
    step(FixKind.PUNCTUATION, line_fixes.collapse_doubled_punct(line_fixes.fullwidth_punct(text, rules, quotes)))
    if quotes is not None and rules.ends_sentence(text):
        # A paragraph may end here: the next quote opens.
        quotes.update({'"': True, "'": True})
    spaced = text
    step(FixKind.SPACE, remove_cjk_spaces(text))
    if spaced != text:
        # A stray space can stand between a misreading and the words that show it (成功 人选).
        step(FixKind.MISREADING, line_fixes.fix_misreadings(text, rules))
    return Line(no, raw, text, heading_level=level, spaced=spaced if spaced != text else ""), fixes


def _rejoin_line_ends(lines: list[Line], fixes: list[Fix], rules: Rules) -> None:
    """A line of marks alone that ends a sentence (%。 ”。) is the end of the line before it, which a
    narrow column wrapped past the edge: put back on that line, when that line leaves its sentence open."""
    for k, line in enumerate(lines):
        marks = line.raw.strip()
        if line.debris != Role.MARKUP or not marks or has_words(marks) or not rules.ends_sentence(marks):
            continue
        prev = next((j for j in range(k - 1, max(k - 3, -1), -1) if not lines[j].debris), None)
        if prev is None or not lines[prev].text or rules.ends_sentence(lines[prev].text) \
                or not all(lines[j].debris for j in range(prev + 1, k)):
            continue
        before = lines[prev].text
        lines[prev] = replace(lines[prev], text=before + marks,
                              spaced=lines[prev].spaced + marks if lines[prev].spaced else "")
        fixes.append(Fix(FixKind.PUNCTUATION, lines[prev].no, before, before + marks))


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _misreadings_across_breaks(lines: list[Line], fixes: list[Fix], rules: Rules) -> None:
    """A Latin misreading a narrow column wrapped (布局 and / 核心): read with the character across
    the break, each line mended on its side of it."""
    texts = [k for k, ln in enumerate(lines) if not ln.debris and ln.text]
    for i, j in zip(texts, texts[1:]):
        a, b = lines[i], lines[j]
        if j - i > 2:
            continue
        # With the printed spaces: the Latin word is a word only where a space sets it off. A line
        # opening with an ASCII mark, not a letter, starts no Latin word ((本报记者 甲 乙) keeps its spaces).
        if _latin(a.text[-1:]) and not b.text[:1].isascii():
            mended = remove_cjk_spaces(line_fixes.fix_misreadings((a.spaced or a.text) + " " + b.text[0], rules))
            k, line, text = i, a, mended[:-1].rstrip() if mended.endswith(b.text[0]) else a.text
        elif _latin(b.text[:1]) and not a.text[-1:].isascii():
            mended = remove_cjk_spaces(line_fixes.fix_misreadings(a.text[-1] + " " + (b.spaced or b.text), rules))
            k, line, text = j, b, mended[1:].lstrip() if mended.startswith(a.text[-1]) else b.text
        else:
            continue
        if text != line.text:
            fixes.append(Fix(FixKind.MISREADING, line.no, line.text, text))
            lines[k] = replace(line, text=text)


def repair_page(page: Page, vocab: Vocabulary) -> RepairedPage:
    """Repair every line of a page.

    Returns:
        a RepairedPage with one Line per printed line and every Fix made.
    """
    rules = rules_for(vocab.data_dir)
    lines: list[Line] = []
    fixes: list[Fix] = []
    quotes = {'"': True, "'": True}
    for no, raw in enumerate(page.lines, start=1):
        line, made = repair_line(no, raw, rules, quotes)
        lines.append(line)
        fixes.extend(made)
    _rejoin_line_ends(lines, fixes, rules)
    _misreadings_across_breaks(lines, fixes, rules)
    for i, wrong, right, where in place_fixes([ln.text for ln in lines], vocab):
        before = lines[i].text
        if where == "end":
            after = before[:len(before) - len(wrong)] + right
        elif where == "start":
            after = right + before[len(wrong):]
        else:
            after = before.replace(wrong, right)
        # The line as printed with its spaces (read for a headline's parts) is mended alike.
        spaced = lines[i].spaced.replace(wrong, right) if where == "" else lines[i].spaced
        lines[i] = replace(lines[i], text=after, spaced=spaced)
        fixes.append(Fix(FixKind.PLACE_NAME, lines[i].no, before, after))
    fixes.sort(key=lambda f: f.line)
    return RepairedPage(page, tuple(lines), tuple(fixes))
