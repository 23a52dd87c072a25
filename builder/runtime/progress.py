"""What a long build is doing: each phase logged with its counts and seconds.

The builder logs to the ``zone_digest`` logger at INFO; the command line prints it
to the terminal and the MkDocs hook hands it to MkDocs' log, so a build of ten
thousand articles says what it does instead of being silent for minutes. Logging
is never part of the output files, so it cannot change them.
"""
from __future__ import annotations

import logging
import time

log = logging.getLogger("zone_digest")


class Steps:
    """Times consecutive phases: ``done(message)`` logs the message with the seconds
    since the previous one (or since the start)."""

    def __init__(self, logger: logging.Logger = log):
        self.logger = logger
        self.last = self.start = time.perf_counter()

    def done(self, message: str) -> float:
        now = time.perf_counter()
        seconds, self.last = now - self.last, now
        self.logger.info("%s (%.2f s)", message, seconds)
        return seconds

    def total(self) -> float:
        return time.perf_counter() - self.start


class Counter:
    """Logs ``every`` items of a long loop (``MkDocs pages written: 3,000 of 12,724``)."""

    def __init__(self, what: str, total: int | None = None, every: int = 1000, logger: logging.Logger = log):
        self.what, self.total, self.every, self.logger = what, total, every, logger
        self.count = 0
        self.start = time.perf_counter()

    def add(self, n: int = 1) -> None:
        before, self.count = self.count, self.count + n
        if before // self.every != self.count // self.every:
            of = f" of {self.total:,}" if self.total else ""
            self.logger.info("%s: %s%s (%.1f s)", self.what, f"{self.count:,}", of, time.perf_counter() - self.start)
