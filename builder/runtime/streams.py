"""Two forked processes sharing work: a table of claims, and messages over pipes.

``frontends/pages_apart.py`` splits MkDocs' pages between its process and a helper: each
takes the next page nobody has taken (:class:`Claims`), and results travel as pickled
messages, each with its length first (:func:`frame`, :class:`Frames`, :class:`Sender`); the
helper names its process (:func:`name_process`) for `ps` and the bench.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
from pathlib import Path

PIPE_BYTES = 1 << 20  # a larger pipe: the helper rarely waits for the other side to read
_READ_BYTES = 1 << 20


class Claims:
    """Which process converts each page: the first to take it."""

    def __init__(self, n: int):
        context = multiprocessing.get_context("fork")
        self._table = context.RawArray("b", n)
        self._lock = context.Lock()

    def take(self, k: int, who: int) -> bool:
        """Whether page ``k`` is ``who``'s: taken now, or by ``who`` before."""
        with self._lock:
            if not self._table[k]:
                self._table[k] = who
            return self._table[k] == who


def frame(message) -> bytes:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(8, "big") + data


class Frames:
    """Messages cut from the bytes read from a pipe."""

    def __init__(self, fd: int):
        self.fd, self._buffer = fd, bytearray()

    def read(self) -> list:
        data = os.read(self.fd, _READ_BYTES)
        if not data:
            raise EOFError("the pages' helper process ended")
        self._buffer += data
        messages = []
        while len(self._buffer) >= 8:
            size = int.from_bytes(self._buffer[:8], "big")
            if len(self._buffer) < 8 + size:
                break
            messages.append(pickle.loads(bytes(self._buffer[8:8 + size])))
            del self._buffer[:8 + size]
        return messages


def pipe() -> tuple[int, int]:
    read, write = os.pipe()
    try:
        import fcntl
        fcntl.fcntl(write, 1031, PIPE_BYTES)  # F_SETPIPE_SZ (Linux)
    except (ImportError, OSError):
        pass
    return read, write


class Sender:
    """Blocking sends of whole messages."""

    def __init__(self, fd: int):
        self.fd = fd

    def __call__(self, message) -> None:
        data = memoryview(frame(message))
        while data:
            data = data[os.write(self.fd, data):]


def name_process(name: str) -> None:
    try:
        Path("/proc/self/comm").write_text(name)
    except OSError:  # no /proc: the name is only for reading figures
        pass
