"""CBOR (RFC 8949) as Pagefind writes its index files: unsigned and negative integers, text
strings and arrays of known length, each in its shortest form. Nothing else is needed, so no
library: Pagefind's own files come out byte for byte the same (a test re-encodes them)."""
from __future__ import annotations

_SIZES = ((24, 1), (25, 2), (26, 4), (27, 8))


def _head(major: int, n: int, out: bytearray) -> None:
    if n < 24:
        out.append(major << 5 | n)
        return
    for info, size in _SIZES:
        if n < 1 << (8 * size):
            out.append(major << 5 | info)
            out += n.to_bytes(size, "big")
            return
    raise ValueError(f"CBOR: {n} does not fit in 64 bits")


def encode(value, out: bytearray | None = None) -> bytearray:
    """``value``: an int, a str, or a list or tuple of such values (nested at will)."""
    out = bytearray() if out is None else out
    if isinstance(value, bool):  # a bool is an int to Python, not to Pagefind
        raise TypeError("CBOR: booleans are not written")
    if isinstance(value, int):
        _head(0, value, out) if value >= 0 else _head(1, -1 - value, out)
    elif isinstance(value, str):
        data = value.encode("utf-8")
        _head(3, len(data), out)
        out += data
    elif isinstance(value, (list, tuple)):
        _head(4, len(value), out)
        for item in value:
            encode(item, out)
    else:
        raise TypeError(f"CBOR: {type(value).__name__} is not written")
    return out


def decode(data: bytes):
    """The value of :func:`encode`'s bytes (also arrays of unknown length, which Pagefind may
    write): for tests and for reading an index back."""
    pos = 0

    def argument(info: int) -> int:
        nonlocal pos
        if info < 24:
            return info
        size = 1 << (info - 24)
        pos += size
        return int.from_bytes(data[pos - size:pos], "big")

    def item():
        nonlocal pos
        head = data[pos]
        pos += 1
        major, info = head >> 5, head & 31
        if major == 4 and info == 31:
            items = []
            while data[pos] != 0xFF:
                items.append(item())
            pos += 1
            return items
        n = argument(info)
        if major == 0:
            return n
        if major == 1:
            return -1 - n
        if major in (2, 3):
            pos += n
            raw = data[pos - n:pos]
            return raw.decode("utf-8") if major == 3 else bytes(raw)
        if major == 4:
            return [item() for _ in range(n)]
        raise ValueError(f"CBOR: major type {major} is not read")

    value = item()
    if pos != len(data):
        raise ValueError("CBOR: bytes left after the value")
    return value


# -- the index's hot path: integers and heads as ready bytes (a chunk holds millions)
def _uint(n: int) -> bytes:
    out = bytearray()
    _head(0, n, out)
    return bytes(out)


_SMALL = tuple(_uint(n) for n in range(1 << 16))  # 2 MB, once


def uint(n: int) -> bytes:
    """The encoding of an unsigned integer."""
    return _SMALL[n] if n < 65536 else _uint(n)


def array_head(n: int) -> bytes:
    """The head of an array of ``n`` items (the items follow it)."""
    out = bytearray()
    _head(4, n, out)
    return bytes(out)


def text(value: str) -> bytes:
    data = value.encode("utf-8")
    out = bytearray()
    _head(3, len(data), out)
    return bytes(out + data)
