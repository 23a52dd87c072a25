"""Open a page file safely: only a regular file inside the seeds folder, read up to a limit.

A seeds folder is input written by many hands. A symbolic link could publish
any file of the machine (``/etc/passwd``), a named pipe would block the build
forever, a device such as ``/dev/zero`` never ends. So an entry is judged by
``lstat`` before it is opened, opened without following links and without
blocking, checked again on the open descriptor, and read up to ``limit + 1``
bytes: a file larger than a page is refused by its size, never read whole.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path


class Refused(Exception):
    """An entry that is not read; the message is the reason shown to the editor."""


class TooLarge(Refused):
    """A file over the limit; ``size`` is its size in bytes (or the bytes read when it grew)."""

    def __init__(self, reason: str, size: int):
        super().__init__(reason)
        self.size = size


_KINDS = (
    (stat.S_ISDIR, "a folder, not a page file"),
    (stat.S_ISFIFO, "a named pipe (FIFO), not a page file"),
    (stat.S_ISCHR, "a device, not a page file"),
    (stat.S_ISBLK, "a device, not a page file"),
    (stat.S_ISSOCK, "a socket, not a page file"),
)


def not_regular(mode: int) -> str | None:
    """Why an entry of this mode is not a page file, or None for a regular file."""
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "not a regular file"


def resolve_entry(path: Path, roots: tuple[Path, ...]) -> Path:
    """The file to read for one entry of the seeds folder.

    A symbolic link is followed only when it ends at a regular file inside one
    of ``roots`` (the seeds folder itself, or folders the caller trusts, such as
    the pages a preview links to); anything else is refused.

    Raises:
        Refused: the entry is not a regular file the build may read.
    """
    st = os.lstat(path)
    if not stat.S_ISLNK(st.st_mode):
        reason = not_regular(st.st_mode)
        if reason:
            raise Refused(reason)
        return path
    target = Path(os.path.realpath(path))
    if not any(target == r or r in target.parents for r in roots):
        raise Refused("a symbolic link to a file outside the seeds folder: only the folder's own files are read")
    try:
        mode = os.stat(target).st_mode
    except OSError:
        raise Refused("a symbolic link to nothing (broken link)") from None
    reason = not_regular(mode)
    if reason:
        raise Refused(f"a symbolic link to {reason.split(',')[0]}")
    return target


def read_limited(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file, without following a link or blocking.

    Raises:
        Refused: not a regular file, or larger than ``limit`` bytes (by its size
            when it says so, else after ``limit + 1`` bytes were read).
        OSError: the file cannot be opened or read.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        reason = not_regular(st.st_mode)  # it may have been swapped since it was judged
        if reason:
            raise Refused(reason)
        if st.st_size > limit:
            raise TooLarge(too_large(st.st_size, limit), st.st_size)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise TooLarge(f"file grows past {limit:,} bytes while it is read: larger than a printed page", len(data))
        return data
    finally:
        os.close(fd)


def too_large(size: int, limit: int) -> str:
    return f"file is {size:,} bytes, larger than a printed page ({limit:,} at most)"
