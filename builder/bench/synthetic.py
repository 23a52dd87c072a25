"""A synthetic archive for the benchmark and the scale tests: page files made from the seeds.

Each synthetic page is written in the seeds' own layout (headline line, byline
line, paragraphs separated by blank lines), so any segmenter splits it cleanly.
The text is the seeds' body paragraphs, recombined: nothing is stored here but
the recipe, and the same arguments always give byte-identical files.
"""
from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

from ..sources import read_pages
from ..textmatch.trie import trie_pattern
from ..vocab import Vocabulary, Zone

CJK = r"\u3400-\u9fff"
_SPACE = re.compile(rf"(?<=[{CJK}，。、；：！？“”（）,])[ \u3000\t]+(?=[{CJK}，。、；：！？“”（）,])")
# Lines carrying OCR debris or captions are left out: the archive should be clean text.
_DEBRIS = re.compile(r"\^\{|<|>|^#|▶|图片|图为|摄$|记者|通讯员")
_ENDS = "。！？”"
# A recombined paragraph opens an article in the middle, so it must neither start
# a story (本报讯…) nor be the tail of a sentence wrapped from the line before.
_LEAD = re.compile(r"^(本报讯|本报记者|记者|讯)\s*([(（][^)）]{0,40}[)）])?")
_SENTENCE_END = re.compile(r"[。！？][”’]?$")
_NAME = re.compile(rf"^[{CJK}]{{2,3}}$")
# Headline verbs and, when the vocabulary has none, topics; the zone name leads the headline.
VERBS = ("推进", "打造", "聚焦", "加快", "深化", "做强", "培育", "布局", "激活", "提速")
TOPICS = ("产业集群", "科技创新", "营商环境", "人才引育", "数字经济", "绿色发展", "开放合作", "重大项目")
MIN_PARAGRAPH = 40


@dataclass(frozen=True)
class Material:
    """What the archive is made of, read from the seeds.

    Arguments:
        paragraphs: clean body paragraphs, in the order first seen
        names: personal names from the bylines
        zones: the gazetteer's zones, or stand-ins when it has none
        topics: headline topics (domain terms, else TOPICS)
    """
    paragraphs: tuple[str, ...]
    names: tuple[str, ...]
    zones: tuple[Zone, ...]
    topics: tuple[str, ...]


def read_material(seeds: Path, vocab: Vocabulary) -> Material:
    pages, _ = read_pages(seeds)
    paragraphs: list[str] = []
    names: list[str] = []
    seen: set[str] = set()
    for page in pages:
        previous = ""
        for raw in page.lines:
            if raw.strip().startswith("▶"):
                names += [n for n in raw.strip()[1:].split() if _NAME.match(n) and n not in names]
            line = _SPACE.sub("", raw.strip())
            if not line:
                continue
            # A hard-wrapped line continues the one before: keep only lines that start a sentence.
            starts = not previous or bool(_SENTENCE_END.search(previous))
            previous = line
            line = _LEAD.sub("", line)
            if not starts or len(line) < MIN_PARAGRAPH or line[-1] not in _ENDS or _DEBRIS.search(line) or line in seen:
                continue
            seen.add(line)
            paragraphs.append(line)
    if not paragraphs:
        raise ValueError(f"no body paragraphs found in {seeds}: cannot make a synthetic archive")
    zones = vocab.gazetteer.zones or (Zone("示范高新区", "示范高新技术产业开发区", "示范", "示范"),)
    topics = tuple(t for t in vocab.domain_terms if 2 <= len(t) <= 6) or TOPICS
    return Material(tuple(paragraphs), tuple(names) or ("本报记者",), tuple(zones), topics)


def _zone_pattern(zones: tuple[Zone, ...]) -> re.Pattern:
    # Longest name first, so 东莞松山湖高新区 is replaced whole, not as 松山湖高新区.
    return re.compile(trie_pattern({n for z in zones for n in z.names}))


def _headline(rng: random.Random, zone: Zone, material: Material) -> str:
    # The segmenter knows a headline by the zone name or a colon.
    joint = "" if zone.name.endswith("高新区") else "："
    return f"{zone.name}{joint}{rng.choice(VERBS)}{rng.choice(material.topics)}"


def _article(rng: random.Random, material: Material, zones_rx: re.Pattern) -> str:
    zone = rng.choice(material.zones)
    target = rng.randint(1200, 1800)  # characters, like a printed article
    body: list[str] = []
    size = 0
    for i in rng.sample(range(len(material.paragraphs)), len(material.paragraphs)):
        # Every zone a recombined paragraph names becomes this article's zone.
        para = zones_rx.sub(zone.name, material.paragraphs[i])
        body.append(para)
        size += len(para)
        if size >= target:
            break
    byline = "▶ " + " ".join(rng.sample(material.names, min(len(material.names), rng.randint(1, 3))))
    return "\n\n".join([_headline(rng, zone, material), byline, *body])


def make_archive(material: Material, out: Path, articles: int, seed: int = 0) -> list[Path]:
    """Write page files holding ``articles`` articles in all, three to six to a page.

    Returns:
        the page files written, in printing (file-name) order.
    """
    rng = random.Random(seed)
    zones_rx = _zone_pattern(material.zones)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    left = articles
    while left > 0:
        n = min(left, rng.randint(3, 6))
        left -= n
        text = "\n\n".join(_article(rng, material, zones_rx) for _ in range(n)) + "\n"
        data = text.encode("utf-8")
        # Named like the seeds (number, content hash) so the files sort in printing order.
        path = out / f"{len(written):05d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        path.write_bytes(data)
        written.append(path)
    return written
