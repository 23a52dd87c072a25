"""Split a repaired page into articles: headline, byline, body."""
from __future__ import annotations

import re

from .model import Article, Placement, RepairedPage, SegmentedPage
from .vocab import Vocabulary

_END = "。！？”…；"
_BYLINE = re.compile(r"^(▶\s*)?(本报记者\s*)?([\u4e00-\u9fff]{2,4})(\s+[\u4e00-\u9fff]{2,4})*$")


def is_headline(text: str) -> bool:
    return 4 <= len(text) <= 40 and text[-1] not in _END + "，、" and ("高新区" in text or "：" in text)


def segment_page(repaired: RepairedPage, vocab: Vocabulary) -> SegmentedPage:
    articles: list[dict] = []
    placements: list[Placement] = []
    current: dict | None = None
    for line in repaired.lines:
        if line.debris:
            placements.append(Placement(line.no, line.debris))
            continue
        text = line.text
        if is_headline(text):
            current = {"title": text, "authors": [], "paras": [], "first": line.no, "last": line.no}
            articles.append(current)
            placements.append(Placement(line.no, "headline", len(articles) - 1))
            continue
        if current is None:
            placements.append(Placement(line.no, "unplaced"))
            continue
        current["last"] = line.no
        if _BYLINE.match(text) and len(text) <= 20:
            current["authors"] += [n for n in re.split(r"\s+", text.lstrip("▶ ").replace("本报记者", "")) if n]
            placements.append(Placement(line.no, "byline", len(articles) - 1))
            continue
        paras = current["paras"]
        if paras and paras[-1][-1] not in _END:
            paras[-1] += text
        else:
            paras.append(text)
        placements.append(Placement(line.no, "body", len(articles) - 1))
    built = tuple(
        Article(page=repaired.page.name, number=i + 1, title=a["title"], paragraphs=tuple(a["paras"]),
                authors=tuple(a["authors"]), lines=(a["first"], a["last"]))
        for i, a in enumerate(articles)
    )
    return SegmentedPage(repaired.page, built, tuple(placements), repaired.fixes)
