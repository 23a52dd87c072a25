"""A line of the page with what its shape says about it, and what the shape of a line may depend on beyond it."""
from __future__ import annotations

from dataclasses import dataclass

from .bylines import lead_marker
from ..model import Line
from ..textmatch.trie import WordFinder
from ..vocab.rule_files import Rules


@dataclass(frozen=True)
class PageLine:
    """A non-blank line with what the layout says about it.

    Arguments:
        line: the repaired line
        gap: blank (or markup-only) lines before it
        shape: byline, credit, heading or body
        names: the names when it is a byline
        caption: for a credit line, the caption printed before the credit on the same line
        trailing: names printed after the last sentence of the line (…青睐。 廖祥); text leaves them out
    """
    line: Line
    gap: int
    shape: str
    names: tuple[str, ...] = ()
    caption: str = ""
    trailing: tuple[str, ...] = ()
    names_at: int = 0  # where the trailing names (or the source mark) begin in the repaired text
    source: str = ""  # a source mark after the last sentence of the line (…万家。（高新）); text leaves it out
    piece: str = ""  # the part of a line split in several (a headline glued to a sentence)
    piece_spaced: str = ""  # that part with its printed spaces, when known
    note: str = ""  # which rule decided, when it is worth saying
    continued: bool = False  # a continuation marker follows (下转第6版): its text goes on elsewhere

    @property
    def text(self) -> str:
        if self.piece:
            return self.piece
        if self.trailing or self.source:
            return self.line.text[:self.names_at]
        return self.line.text

    @property
    def ends_article(self) -> bool:
        """Names or a source mark follow its last sentence, or a continuation marker: an article ends here."""
        return bool(self.trailing or self.source or self.continued)

    @property
    def no(self) -> int:
        return self.line.no


def heading_shaped(text: str, rules: Rules) -> bool:
    if not text or len(text) > rules.heading_max_chars:
        return False
    if any(c in rules.sentence_end for c in text):
        return False
    if text[-1] in rules.continuation_end_marks and text[-1] != "：":
        return False
    return text.count("，") <= 2 and not lead_marker(text, rules)


@dataclass(frozen=True)
class Page:
    """What a line's shape may depend on beyond the line: is the page line-joined, the zone names,
    the text of the lines after each line (on a line-joined page: the body a glued headline heads)."""
    joined: bool = False
    names: WordFinder | None = None
    after: dict[int, str] | None = None
    before: dict[int, str] | None = None  # the text of the line before each line
    above: dict[int, str] | None = None  # the text of the three lines before each line
