"""Score built articles against gold annotations (``tests/eval/corpus/FORMAT.md``).

Each gold article is matched to at most one built article by its ``must``
sentences, and each built article stands for at most one gold article, so an
output that lumps two articles together is found for one of them only. The
figures are those of issue 19's table: segF1, complete, pure, title, zone,
authors, extra (built articles matching no gold one) and noise (OCR debris left
in titles and bodies).

Text is compared in a normalised form (NFKC, then only CJK ideographs and ASCII
letters and digits), so whitespace, line breaks and punctuation style never
matter.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath

_KEEP = re.compile(r"[^\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9]")
# Debris a reader should never see in a title or body, by kind.
NOISE = {
    "cjk-space": re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]"),
    "markup": re.compile(r"<mark>|</mark>|\^\{|^#", re.M),
    "double-punct": re.compile(r"，，|。。|：：|、、"),
    "doubled-run": re.compile(r"([\u4e00-\u9fff]{4,})\1"),
}
# Paragraphs shorter than this (normalised) are not counted as duplicated paragraphs.
DUP_PARAGRAPH_MIN = 12
METRICS = ("segF1", "complete", "pure", "title", "zone", "authors")  # shares: higher is better
COUNTS = ("extra", "noise")                                          # counts: lower is better


def norm(text: str | None) -> str:
    return _KEEP.sub("", unicodedata.normalize("NFKC", text or ""))


def article_body(record: dict) -> str:
    paragraphs = record.get("paragraphs")
    if isinstance(paragraphs, list):
        return "\n".join(paragraphs)
    return record.get("text") or record.get("body") or ""


def page_of(record: dict) -> str:
    source = record.get("source") or {}
    name = source.get("file") if isinstance(source, dict) else source
    return PurePath(name or "?").name


@dataclass(frozen=True)
class PageScore:
    """One page's counts: gold articles, found, and per figure how many were right."""
    page: str
    gold: int
    found: int
    complete: float
    pure: int
    title: int
    zone: int
    authors: int
    extra: int
    noise: int = 0


@dataclass(frozen=True)
class Scores:
    pages: tuple[PageScore, ...]
    noise: dict[str, int] = field(default_factory=dict)

    def total(self, name: str) -> float:
        return sum(getattr(p, name) for p in self.pages)

    @property
    def figures(self) -> dict[str, float]:
        """The table's figures: shares in [0, 1] for METRICS, counts for COUNTS."""
        n = self.total("gold") or 1
        found, extra = self.total("found"), self.total("extra")
        precision = found / max(found + extra, 1)
        recall = found / n
        out = {"segF1": 2 * precision * recall / max(precision + recall, 1e-9)}
        for name in ("complete", "pure", "title", "zone", "authors"):
            out[name] = self.total(name) / n
        out["extra"] = int(extra)
        out["noise"] = sum(self.noise.values())
        return out


def count_noise(records: list[dict]) -> dict[str, int]:
    noise: Counter = Counter({k: 0 for k in (*NOISE, "dup-paragraph")})
    for r in records:
        text, title = article_body(r), r.get("title") or ""
        for kind, rx in NOISE.items():
            noise[kind] += len(rx.findall(text)) + len(rx.findall(title))
        paragraphs = [norm(p) for p in r.get("paragraphs") or [] if len(norm(p)) >= DUP_PARAGRAPH_MIN]
        noise["dup-paragraph"] += len(paragraphs) - len(set(paragraphs))
    return dict(noise)


def _assign(golds: list[dict], texts: list[str]) -> dict[int, tuple[int, int]]:
    """Gold article index -> (built article index, must sentences found), one to one.

    A built article is a candidate for a gold one when it holds its first must
    sentence or at least half of them; the best-covered pairs are taken first
    (ties: the one holding the first sentence, then page order).
    """
    candidates = []
    for gi, g in enumerate(golds):
        musts = [norm(m) for m in g["must"]]
        for i, text in enumerate(texts):
            hits = sum(m in text for m in musts)
            if hits and (musts[0] in text or hits >= len(musts) / 2):
                candidates.append(((-hits / len(musts), musts[0] not in text, gi, i), gi, i, hits))
    assigned: dict[int, tuple[int, int]] = {}
    taken: set[int] = set()
    for _, gi, i, hits in sorted(candidates):
        if gi not in assigned and i not in taken:
            assigned[gi] = (i, hits)
            taken.add(i)
    return assigned


def _zone_agrees(gold: str, built: str) -> bool:
    if not gold or not built:
        return gold == built
    return gold in built or built in gold


def _authors_agree(gold_article: dict, built: list[str]) -> bool:
    got = sorted(norm(a) for a in built)
    readings = [gold_article.get("authors") or []] + list(gold_article.get("authors_alt") or [])
    return any(sorted(norm(a) for a in reading) == got for reading in readings)


def score_page(page: str, gold: dict, records: list[dict]) -> PageScore:
    golds = gold["articles"]
    texts = [norm(article_body(r)) for r in records]
    assigned = _assign(golds, texts)
    musts_of = {g["key"]: [norm(m) for m in g["must"]] for g in golds}
    complete, pure, title, zone, authors = 0.0, 0, 0, 0, 0
    for gi, g in enumerate(golds):
        if gi not in assigned:
            continue
        i, hits = assigned[gi]
        record, text = records[i], texts[i]
        complete += hits / len(g["must"])
        foreign = any(m in text for key, ms in musts_of.items() if key != g["key"] for m in ms)
        unwanted = any(norm(m) and norm(m) in text for m in g.get("must_not") or [])
        repeats = any(text.count(norm(m)) != 1 for m in g.get("repeated") or [])
        pure += not (foreign or unwanted or repeats)
        gold_title = norm(g.get("title"))
        title += (norm(record.get("title")) == gold_title) if gold_title else bool(norm(record.get("title")))
        zone += _zone_agrees(norm(g.get("zone")), norm(record.get("zone")))
        authors += _authors_agree(g, record.get("authors") or [])
    return PageScore(page, len(golds), len(assigned), complete, pure, title, zone, authors,
                     len(records) - len(assigned), sum(count_noise(records).values()))


def score(golds: dict[str, dict], records: list[dict], manifest: dict[str, str] | None = None) -> Scores:
    """Score ``records`` (articles.json's articles) against ``golds`` (gold file stem -> gold).

    ``manifest`` maps a page file name to the page whose gold applies to it; without
    it every gold file scores the page it names (its ``seed``).
    """
    by_page: dict[str, list[dict]] = {}
    for r in records:
        by_page.setdefault(page_of(r), []).append(r)
    manifest = manifest or {}
    names = sorted(manifest) if manifest else sorted(g["seed"] for g in golds.values())
    rows = []
    for page in names:
        gold = golds.get(PurePath(manifest.get(page, page)).stem)
        if gold:
            rows.append(score_page(page, gold, by_page.get(page, [])))
    return Scores(tuple(rows), count_noise(records))
