"""How long an editor waits, under ``mkdocs serve --dirty`` of the whole archive, for an edit of
one page file to show (``bench --serve``).

The server is started on the archive and left to build it once; then a sentence is added to
one page file, and the clock runs until the article's page, fetched from the server, holds it:
the builder stage again (what the last build made is kept in the server's process: phase one's
results, the related lists, the rendered pages with what each read), the pages an edit changed
rendered and written again (``frontends/builder_apart.build_for_serve``), and MkDocs rendering
those alone.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ADDED = "编辑刚刚补充了这一句话。"  # no page of the archive prints it
START_SECONDS = 3600  # the first build of a large archive
EDIT_SECONDS = 600


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise RuntimeError(f"mkdocs serve: {what} did not happen within {seconds} s")


def edited_page(seeds: Path) -> tuple[Path, str]:
    """The page file to edit and its text with a sentence added at the end of its last line."""
    page = sorted(seeds.glob("*.txt"))[0]
    text = page.read_text(encoding="utf-8").rstrip("\n")
    return page, text + ADDED + "\n"


def measure(seeds: Path, cache: Path, site_root: Path, env: dict[str, str]) -> dict:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(env, DIGEST_SEEDS=str(seeds), DIGEST_CACHE=str(cache))
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=site_root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: _get(base + "data/articles.json"), START_SECONDS, "the first build")
        first = time.perf_counter() - start
        page, text = edited_page(seeds)
        page.write_text(text, encoding="utf-8")
        edited = time.perf_counter()

        def shown() -> bool:
            data = _get(base + "data/articles.json")
            urls = [a["url"] for a in json.loads(data)["articles"] if ADDED in "".join(a["paragraphs"])] if data else []
            return bool(urls) and ADDED in (_get(base + urls[0].lstrip("/")) or "")
        _wait_for(shown, EDIT_SECONDS, "the edit showing")
        return {"serve_first_build_seconds": round(first, 2),
                "serve_edit_seconds": round(time.perf_counter() - edited, 2)}
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
