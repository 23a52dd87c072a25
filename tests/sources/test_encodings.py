"""Bytes become text only in an encoding they are: UTF-16/32 by their mark, UTF-8,
GB18030 when the result is plausible Chinese; anything else named with the place of the bad byte."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.sources import read_pages
from builder.sources.decoding import Undecodable, common_share, decode_page

ROOT = Path(__file__).resolve().parents[2]
TEXT = "桐乡乌镇：“红色引擎”激发产业动能\n\n陆俊杰\n\n乌镇的数字经济企业数量从12家增长到1165家。\n"
# Traditional Chinese as a Taiwanese paper prints it: Big5 encodes it, GB18030 reads its bytes as other characters.
TRADITIONAL = "臺北市政府今日宣布新竹科學園區擴建計畫，將投資新臺幣三百億元，發展半導體與人工智慧產業。\n" * 4


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path, codec):
    data = TEXT.encode(codec)
    if codec.endswith(("-le", "-be")):
        data = ("\ufeff" + TEXT).encode(codec)
    (tmp_path / "a.txt").write_bytes(data)
    pages, problems = read_pages(tmp_path)
    assert not problems
    assert pages[0].text == TEXT


def test_utf16_without_a_mark_is_named_as_such():
    with pytest.raises(Undecodable, match=r"UTF-16 \(little endian\) without a byte-order mark"):
        decode_page(TEXT.encode("utf-16-le"))


def test_big5_bytes_are_not_published_as_gb18030_mojibake(tmp_path):
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # the trap: GB18030 reads it without an error
    (tmp_path / "big5.txt").write_bytes(data)
    pages, problems = read_pages(tmp_path)
    assert not pages
    assert "GB18030" in problems[0].reason and "Big5" in problems[0].reason


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.name)
def test_every_seed_saved_as_gb18030_is_still_read(path):
    text = path.read_text(encoding="utf-8")
    assert decode_page(text.encode("gb18030")) == (text, "gb18030")
    assert common_share(text) > 0.98


def test_one_invalid_byte_names_line_and_byte_offset(tmp_path):
    good = "第一行文字。\n第二行文字。\n第三行文字。\n".encode("utf-8")
    at = good.index("第三".encode("utf-8")) + 3  # inside the third line, after one character
    (tmp_path / "a.txt").write_bytes(good[:at] + b"\xff" + good[at:])
    pages, problems = read_pages(tmp_path)
    assert not pages
    reason = problems[0].reason
    assert "0xFF" in reason and "line 3" in reason and "byte 4 of the line" in reason
    assert f"offset {at} in the file" in reason


def test_latin1_is_neither_utf8_nor_gb18030():
    with pytest.raises(Undecodable, match="neither UTF-8 nor GB18030"):
        decode_page("caf\xe9 \xff\xfe\xfd".encode("latin-1"))
