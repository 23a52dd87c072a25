"""Decode a page file's bytes, or say exactly why they cannot be read.

Tried in this order:

1. a byte-order mark: UTF-8, UTF-16 or UTF-32 (little or big endian), decoded strictly;
2. UTF-8 (self-checking: text in another encoding almost never passes);
3. GB18030, accepted only when the result is plausible Chinese.

GB18030 gives a character to almost every pair of bytes, so bytes of another
encoding (Big5, Shift-JIS, EUC-KR) decode without error into nonsense.
Simplified Chinese print uses the characters of GB2312 almost exclusively
(hanzi from row 0xB0 on, and the punctuation rows); Big5 read as GB18030 turns
into kana, box drawing, Greek and rare hanzi outside GB2312. So the share of
GB2312's hanzi and punctuation among the non-ASCII characters decides.

An invalid byte skips the page (its text would be changed silently by a
replacement character); the message gives the line, the column and the byte
offset, so an editor finds it at once.
"""
from __future__ import annotations

import codecs

# Share of GB2312 hanzi and punctuation among non-ASCII characters below which
# GB18030 is judged the wrong encoding; real pages are above 0.99, Big5 below 0.6.
MIN_COMMON_SHARE = 0.9
# GB2312 rows a Chinese newspaper prints: punctuation (0xA1), numbers (0xA2),
# full-width forms (0xA3), hanzi (0xB0-0xF7).
# At most this many invalid sequences among twenty times as many valid characters:
# a UTF-8 file with stray bytes, not another encoding.
MAX_STRAY_BYTES = 8
_COMMON_ROWS = frozenset({0xA1, 0xA2, 0xA3, *range(0xB0, 0xF8)})
_BOMS = (  # longest first: UTF-32-LE's mark begins with UTF-16-LE's
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


class Undecodable(Exception):
    """Bytes that are not page text; the message is the reason shown to the editor."""


def where(data: bytes, offset: int) -> str:
    """``line 12, byte 7 of the line (offset 345 in the file)``: line and byte from 1, offset from 0."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return f"line {line}, byte {offset - start + 1} of the line (offset {offset:,} in the file)"


def _strict(data: bytes, codec: str, label: str, skip: int = 0) -> str:
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as err:
        at = err.start + skip
        raise Undecodable(f"invalid {label} byte 0x{data[at]:02X} at {where(data, at)}") from None


def common_share(text: str) -> float:
    """Share of GB2312's hanzi and punctuation among the text's non-ASCII characters (1.0 when none)."""
    rows = {}
    total = common = 0
    for ch in text:
        if ch < "\x80":
            continue
        total += 1
        row = rows.get(ch)
        if row is None:
            try:
                row = ch.encode("gb2312")[0]
            except UnicodeEncodeError:
                row = 0
            rows[ch] = row
        common += row in _COMMON_ROWS
    return common / total if total else 1.0


def decode_page(data: bytes) -> tuple[str, str]:
    """Decode page bytes.

    Returns:
        (text, encoding) with line ends normalised to ``\\n``.
    Raises:
        Undecodable: the reason, with the place of the first bad byte.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _lines(_strict(data, codec, label.upper(), len(bom))), label
    if b"\x00" in data:
        for codec, order in (("utf-16-le", "little"), ("utf-16-be", "big")):
            if _plausible(data, codec):
                raise Undecodable(f"looks like UTF-16 ({order} endian) without a byte-order mark: save it as UTF-8")
        raise Undecodable("binary file (contains NUL bytes), not page text")
    try:
        return _lines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = f"invalid UTF-8 byte 0x{data[err.start]:02X} at {where(data, err.start)}"
    bad, good = _utf8_counts(data)
    if bad <= MAX_STRAY_BYTES and good >= 20 * bad:
        # UTF-8 with a stray byte or two: GB18030 would read it whole, as nonsense.
        more = f" ({bad} invalid sequences in all)" if bad > 1 else ""
        raise Undecodable(f"{utf8_error}{more}: fix or remove it, or save the file again as UTF-8")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise Undecodable(f"bytes are neither UTF-8 nor GB18030: {utf8_error}") from None
    share = common_share(text)
    if share < MIN_COMMON_SHARE:
        raise Undecodable(f"read as GB18030 only {share:.0%} of its characters are common Chinese: "
                          "another encoding (Big5?); save it as UTF-8")
    return _lines(text), "gb18030"


def _plausible(data: bytes, codec: str) -> bool:
    """Whether the bytes read in ``codec`` are Chinese text with no NUL character."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    return "\x00" not in text and common_share(text) >= MIN_COMMON_SHARE


def _utf8_counts(data: bytes) -> tuple[int, int]:
    """Invalid sequences UTF-8 finds, and valid non-ASCII characters it reads."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    return bad, sum(1 for ch in text if ch >= "\x80") - bad


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> tuple[str, str] | None:
    """:func:`decode_page`, None instead of the reason."""
    try:
        return decode_page(data)
    except Undecodable:
        return None
