"""Chinese throughout: the notes of the source view and the reasons of the build report are
shown in Chinese (data/interface_zh.yaml), on the seeds and on sample pages of every kind of damage."""
from __future__ import annotations

import re
import shutil

import pytest

from builder.pipeline import build_digest
from builder.settings import Settings
from conftest import ROOT
from builder.site import render_site
from builder.site.chinese import in_chinese
from builder.vocab import DATA_DIR, default_vocabulary

SEGMENT_SAMPLES = ROOT / "tests" / "samples" / "segment"
# An English word (lower case: not a name like AIGC), outside an e-mail address the page prints.
_LATIN_WORDS = re.compile(r"(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])")
_ADDRESS = re.compile(r"[\w.\-]+@[\w.\-]+")


@pytest.fixture(scope="module")
def digests(tmp_path_factory):
    out = [build_digest(Settings.for_seeds(ROOT / "seeds", cache_dir=None))]
    pages = tmp_path_factory.mktemp("segment")
    for path in SEGMENT_SAMPLES.glob("*.txt"):
        shutil.copy(path, pages / path.name)
    out.append(build_digest(Settings.for_seeds(pages, cache_dir=None)))
    return out


def notes(digest):
    for page in digest.pages:
        yield from (p.note for p in page.placements if p.note)
    for e in digest.entries:
        yield from e.article.notes


def test_every_note_of_the_source_view_and_report_has_its_chinese(digests):
    found = {n for d in digests for n in notes(d)}
    assert found, "the sample pages give notes"
    untranslated = sorted(n for n in found if _LATIN_WORDS.search(_ADDRESS.sub("", in_chinese(n, DATA_DIR))))
    assert not untranslated, untranslated


def test_the_reasons_a_page_file_is_skipped_are_shown_in_chinese(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(next((ROOT / "seeds").glob("000_*.txt")), seeds)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (seeds / "notes.docx").write_bytes(b"x")
    (seeds / "folder").mkdir()
    digest = build_digest(Settings.for_seeds(seeds, cache_dir=None))
    assert len([p for p in digest.problems if p.kind == "page"]) == 4
    report = render_site(digest, default_vocabulary(), ROOT / "site_templates")["report.md"]
    section = report.split("## 跳过的文件", 1)[1].split("##", 1)[0]
    for name in ("notes\\.docx", "binary\\.txt", "empty\\.txt", "folder", "\\.txt"):  # file names, and the kind of file wanted
        section = section.replace(name, "")
    assert not _LATIN_WORDS.search(section), section


def test_the_report_names_undated_pages_and_a_missing_site_url():
    digest = build_digest(Settings.for_seeds(ROOT / "seeds", cache_dir=None))
    report = render_site(digest, default_vocabulary(), ROOT / "site_templates")["report.md"]
    assert "**日期不详**的版面 5 个" in report
    assert "没有设置网站地址" in report
    dated = render_site(digest, default_vocabulary(), ROOT / "site_templates", "https://example.org/")["report.md"]
    assert "没有设置网站地址" not in dated
