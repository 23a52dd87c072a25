"""Serve a built site on 127.0.0.1 for a moment (the benchmark's browser run)."""
from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the benchmark prints one JSON line and nothing else
        pass


@contextmanager
def serve_folder(folder: Path):
    """Yields the base URL (``http://127.0.0.1:PORT/``) of a server for ``folder``."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
