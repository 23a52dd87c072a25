"""Photo captions and credits (图片来源：…, (图片由…提供)): they leave the body."""
from __future__ import annotations

from ..vocab.rule_files import Rules


def credit_split(text: str, rules: Rules) -> tuple[str, str]:
    """Split a line into the caption before a photo credit and the credit.

    Returns:
        (caption, credit); credit is "" when the line holds none.
    """
    for rx, required in rules.credit_steps:
        m = rx.search(text) if required in text else None  # a line without the required text cannot match
        if m:
            return text[:m.start()].strip(), text[m.start():].strip()
    return text, ""


def is_caption_by_words(text: str, rules: Rules) -> bool:
    """A caption by its opening words (图为…, ▲…), one sentence at most."""
    body = text.rstrip(rules.sentence_end + rules.closing_marks)
    return len(text) <= rules.caption_max_chars * 3 and not any(c in rules.sentence_end for c in body) \
        and any(rx.match(text) for rx in rules.caption_patterns)


def is_subtitle(text: str, rules: Rules) -> bool:
    """A subtitle under a headline (——…), as short as a headline."""
    return len(text) <= rules.heading_max_chars + 2 and any(rx.match(text) for rx in rules.subtitle_patterns)


def is_caption_by_layout(prev_kind: str | None, gap_before: bool, gap_after: bool,
                         next_kind: str | None) -> bool:
    """A heading-shaped line is a caption when the layout sets it apart as one.

    Arguments:
        prev_kind: what stands before it (heading, caption, credit, body, byline; None at the top)
        gap_before, gap_after: whether a wider gap than the page's paragraphs surrounds it
        next_kind: what follows (lead, byline, credit, heading, body; None at the end)
    """
    if next_kind == "credit":
        return True
    if gap_after or (gap_before and next_kind is None):
        return True
    if gap_before and prev_kind in ("heading", "caption"):
        return True
    if gap_before and next_kind == "body":
        return True
    return False
