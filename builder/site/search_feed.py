"""The search index fed page by page while MkDocs writes the site.

Running the Pagefind binary over the finished site (``search.index_site``) reads
every page back from disk on one core after MkDocs is done, while the other core
waits. Pagefind also runs as a service (``pagefind --service``, the process its
Python and Node APIs drive): each searched page is handed to it as soon as MkDocs
has rendered it, so indexing runs on the second core alongside MkDocs, and at the
end only the index files are left to write.

The service is spoken to directly, not through the ``pagefind`` package's asyncio
client: that client sleeps a tenth of a second before reading each answer, which
makes a thousand pages take a hundred seconds whatever the indexer does. The
protocol is small: each message is base64 of a JSON object, ended by a comma;
answers carry the ``message_id`` of their request.

The service answers ``WriteFiles`` while its last files may still be in flight
(tokio hands each write to a background thread), and it exits at once when its
input is closed, so closing it straight after the answer could leave the last file
empty. ``finish`` waits until the service holds no file of the index open, then
takes the hidden field out of the fragments (``search_fragments``).
"""
from __future__ import annotations

import base64
import json
import subprocess
import threading
import time
from pathlib import Path

from .search import executable
from .search_fragments import trim_fragments

WAIT_SECONDS = 900  # for the last pages and the index files, however large the archive
STOP_SECONDS = 60   # for the service to finish writing and stop once its input is closed
POLL_SECONDS = 0.01


class SearchFeedError(RuntimeError):
    pass


class SearchFeed:
    """A Pagefind index taking pages one at a time.

    Arguments:
        output: the folder the index files go to (``site/pagefind``)
    """

    def __init__(self, output: Path):
        self.output = Path(output)
        self._process = subprocess.Popen([str(executable()), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._answers: dict[int, dict] = {}
        self._ready = threading.Condition()
        self._next_id = 0
        self._pages: list[int] = []
        self._reader = threading.Thread(target=self._read, name="pagefind-feed", daemon=True)
        self._reader.start()
        self._index = self._ask({"type": "NewIndex", "config": None})["index_id"]

    # -- the protocol
    def _send(self, payload: dict) -> int:
        self._next_id += 1
        message = {"message_id": self._next_id, "payload": payload}
        try:
            self._process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
            self._process.stdin.flush()
        except (BrokenPipeError, ValueError) as err:
            raise SearchFeedError("the Pagefind service stopped") from err
        return self._next_id

    def _read(self) -> None:
        buffer = b""
        stream = self._process.stdout
        while chunk := stream.read1(1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for raw in messages:
                answer = json.loads(base64.b64decode(raw))
                with self._ready:
                    self._answers[answer.get("message_id", -1)] = answer["payload"]
                    self._ready.notify_all()
        with self._ready:  # the service ended: wake whoever waits
            self._answers[-2] = {"type": "Error", "message": "the Pagefind service stopped"}
            self._ready.notify_all()

    def _wait(self, message_id: int) -> dict:
        with self._ready:
            if not self._ready.wait_for(lambda: message_id in self._answers or -2 in self._answers, WAIT_SECONDS):
                raise SearchFeedError(f"no answer from the Pagefind service in {WAIT_SECONDS} s")
            answer = self._answers.pop(message_id, None) or self._answers[-2]
        if answer.get("type") == "Error":
            raise SearchFeedError(f"Pagefind: {answer.get('message')}")
        return answer

    def _ask(self, payload: dict) -> dict:
        return self._wait(self._send(payload))

    # -- the index
    def add(self, url: str, html: str) -> None:
        """Queue one page (its site-root URL, ``/articles/x/``, and its whole HTML)."""
        self._pages.append(self._send({"type": "AddFile", "index_id": self._index, "url": url,
                                       "file_path": None, "file_contents": html}))

    def finish(self) -> int:
        """Wait for every queued page, write the index files, stop the service.

        Returns:
            the number of pages that gave the index words.
        """
        try:
            pages = sum(1 for m in self._pages if self._wait(m).get("page_word_count", 0) > 0)
            self._ask({"type": "WriteFiles", "index_id": self._index, "output_path": str(self.output)})
            wait_for_writes(self._process.pid, self.output)
            trim_fragments(self.output)
            return pages
        finally:
            self.close()

    def close(self) -> None:
        """Stop the service (without writing, when ``finish`` was not called).

        The service is let go by closing its input, and waited for: it may still be
        writing index files after it answered ``WriteFiles``, and a terminated service
        would leave one cut short. Only one that does not stop is terminated.
        """
        if self._process.poll() is None:
            try:
                self._process.stdin.close()
            except OSError:
                pass
            try:
                self._process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self._process.terminate()
                try:
                    self._process.wait(STOP_SECONDS)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
        self._reader.join(STOP_SECONDS)


def open_files_under(pid: int, folder: Path) -> list[str] | None:
    """The files under ``folder`` that process ``pid`` holds open (None: not knowable here)."""
    fds = Path(f"/proc/{pid}/fd")
    if not fds.is_dir():
        return None
    inside = str(Path(folder).resolve()) + "/"
    found = []
    for fd in fds.iterdir():
        try:
            target = str(fd.readlink())
        except OSError:  # closed while we looked
            continue
        if target.startswith(inside):
            found.append(target)
    return found


def wait_for_writes(pid: int, folder: Path, seconds: float = STOP_SECONDS) -> None:
    """Return once process ``pid`` has closed every file under ``folder``.

    A file is closed only when its last write is done. Where open files cannot be
    seen (no ``/proc``), the folder is waited on until its sizes stop changing.
    """
    deadline = time.monotonic() + seconds
    if open_files_under(pid, folder) is None:
        _wait_until_still(folder, deadline)
        return
    while open_files_under(pid, folder):
        if time.monotonic() > deadline:
            raise SearchFeedError(f"the Pagefind service still writes {folder} after {seconds} s")
        time.sleep(POLL_SECONDS)


def _wait_until_still(folder: Path, deadline: float) -> None:
    def sizes():
        return sorted((str(p), p.stat().st_size) for p in Path(folder).rglob("*") if p.is_file())
    last = None
    while (now := sizes()) != last and time.monotonic() < deadline:
        last = now
        time.sleep(0.5)
