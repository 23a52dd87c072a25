"""Characters a reader cannot see (terminal escapes, bells, C0/C1 controls, bidi overrides,
zero-width characters) are removed by the repair stage and recorded, so feed.xml stays XML,
titles and ids are clean and a zone split by a zero-width space is found."""
from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET

import pytest

from conftest import SAMPLES

from builder.pipeline import build_digest
from builder.repair import repair_line
from builder.repair.invisible import remove_invisible
from builder.settings import Settings
from builder.site import render_site
from builder.vocab import load_vocabulary
from builder.vocab.rule_files import rules_for

PAGE = "invisible_characters.txt"


def unseen(text: str) -> list[str]:
    return [hex(ord(c)) for c in text if c != "\t" and unicodedata.category(c) in ("Cc", "Cf")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("pages")
    (seeds / PAGE).write_bytes((SAMPLES / PAGE).read_bytes())
    digest = build_digest(Settings.for_seeds(seeds, workers=1))
    vocab = load_vocabulary()
    return digest, render_site(digest, vocab, Settings.for_seeds(seeds).templates)


@pytest.mark.parametrize("dirty, clean", [
    ("\x1b[31m红色\x1b[0m标题\a", "红色标题"),
    ("昆\u200b山高新区", "昆山高新区"),
    ("\u202e反转\u202c的标题", "反转的标题"),
    ("标题\x1b]0;window title\x07", "标题"),
    ("分\t栏", "分\t栏"),
    ("\x85\x9b\x7f正文\ufeff\u2066", "正文"),
])
def test_invisible_characters_are_removed_and_tab_kept(dirty, clean):
    assert remove_invisible(dirty) == clean


def test_the_removal_is_a_recorded_repair_and_a_line_of_escapes_only_is_debris():
    rules = rules_for(load_vocabulary().data_dir)
    line, fixes = repair_line(3, "\x1b[1m衡阳高新区\x1b[0m", rules)
    assert line.text == "衡阳高新区"
    assert [(f.kind, f.after) for f in fixes] == [("invisible", "衡阳高新区")]
    line, fixes = repair_line(4, "\x1b[2J", rules)
    assert line.debris == "markup" and line.text == "" and fixes[0].kind == "invisible"


def test_feed_xml_stays_valid_xml_and_titles_ids_and_text_are_clean(built):
    digest, files = built
    ET.fromstring(files["feed.xml"])  # raises on a control character
    assert len(digest.entries) == 2
    for e in digest.entries:
        assert not unseen(e.title) and e.id.isascii()
        assert not any(unseen(p) for p in e.article.paragraphs)


def test_a_zone_split_by_a_zero_width_space_is_found(built):
    digest, _ = built
    first = min(digest.entries, key=lambda e: e.article.number)
    assert first.title.startswith("昆山高新区")
    assert first.zone == "昆山高新区"


def test_the_removed_set_is_every_control_and_format_character_of_unicode_but_tab():
    wanted = {c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and chr(c) != "\t"
              and (unicodedata.category(chr(c)) in ("Cc", "Cf") or chr(c) in "\ufffe\uffff")}
    removed = {c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and remove_invisible(f"a{chr(c)}b") == "ab"}
    assert removed == wanted


def test_a_headline_of_punctuation_only_is_no_title(tmp_path):
    (tmp_path / "p.txt").write_bytes((SAMPLES / "punctuation_headline.txt").read_bytes())
    digest = build_digest(Settings.for_seeds(tmp_path, workers=1))
    assert digest.entries
    for e in digest.entries:
        assert any(ch.isalnum() for ch in e.title), e.title
        assert not e.id.startswith("x-")
    hengyang = next(e for e in digest.entries if "衡阳" in e.title)
    assert hengyang.article.title_generated and hengyang.article.authors == ("邓小山",)
    page = digest.pages[0]
    ornament = [n for n, raw in enumerate(page.page.lines, 1) if raw.strip() and not any(c.isalnum() for c in raw)]
    assert ornament and all(page.placements[n - 1].role == "markup" for n in ornament)
    files = render_site(digest, load_vocabulary(), Settings.for_seeds(tmp_path).templates)
    assert "[](" not in files["index.md"] and "# \n" not in "".join(files.values())
