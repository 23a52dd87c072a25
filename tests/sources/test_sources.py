"""Reading page files: encodings, line ends, and bad files reported by name and reason."""
from __future__ import annotations

from builder.sources import read_pages

TEXT = "桐乡乌镇：“红色引擎”激发产业动能\n\n陆俊杰\n\n乌镇的数字经济企业数量从12家增长到1165家。\n"


def test_utf8_bom_gb18030_and_crlf_read_the_same(tmp_path):
    (tmp_path / "a.txt").write_bytes(TEXT.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "c.txt").write_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    pages, problems = read_pages(tmp_path)
    assert not problems
    assert [p.text for p in pages] == [TEXT] * 3
    assert [p.encoding for p in pages] == ["utf-8", "utf-8", "gb18030"]


def test_bad_files_are_reported_and_good_ones_kept(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 \xff\xfe\xfd".encode("latin-1"))
    (tmp_path / "oneline.txt").write_bytes(("数" * 3_000_00).encode("utf-8"))
    (tmp_path / "page.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    pages, problems = read_pages(tmp_path)
    assert [p.name for p in pages] == ["good.txt"]
    reasons = {p.file: p.reason for p in problems}
    assert "empty" in reasons["empty.txt"]
    assert "blank" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "neither UTF-8 nor GB18030" in reasons["latin1.txt"]
    assert "line of" in reasons["oneline.txt"]
    assert "not a .txt" in reasons["page.md"]
    assert "folder" in reasons["folder.txt"]


def test_corrections_file_is_not_a_page(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "corrections.yaml").write_text("{}\n", encoding="utf-8")
    pages, problems = read_pages(tmp_path)
    assert len(pages) == 1 and not problems
