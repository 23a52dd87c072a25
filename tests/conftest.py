"""Shared fixtures: the seeds built once with MkDocs, served on localhost, and a headless Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = Path(__file__).resolve().parent / "samples"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def mkdocs_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    env.update(extra)
    return env


def mkdocs_build(site_dir: Path, strict: bool = True, project: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    """``mkdocs build [--strict]`` of this repository (or a copy of it) into ``site_dir``."""
    env.setdefault("PYTHONPATH", str(project))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--site-dir", str(site_dir)],
        cwd=project, env=mkdocs_env(**env), capture_output=True, text=True, timeout=900,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built from seeds/ with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@pytest.fixture(scope="session")
def serve():
    """Serve folders on 127.0.0.1 (a free port each); returns a function folder -> base URL."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_Quiet, directory=str(folder))
        server = _Server(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site, serve) -> str:
    return serve(built_site)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"headless Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()


class PageWatch:
    """A browser page that records console errors and every host it requests."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.hosts: set[str] = set()
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.hosts.add(r.url.split("/")[2] if "://" in r.url else r.url))


@pytest.fixture
def watched(browser):
    context = browser.new_context()
    page = context.new_page()
    yield PageWatch(page)
    context.close()


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def copy_project(dest: Path, pages: list[Path] = ()) -> Path:
    """A copy of the site's sources (config, builder, templates, content) whose seeds are ``pages``."""
    keep = ("mkdocs.yml", "builder", "site_templates", "content")
    for name in keep:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dest / name)
    (dest / "seeds").mkdir(parents=True, exist_ok=True)
    for page in pages:
        shutil.copy(page, dest / "seeds" / page.name)
    return dest


def run_build(seeds, out, *extra: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m builder build --seeds SEEDS --out OUT …`` as a user runs it (``env``: instead of ours)."""
    return subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", str(seeds), "--out", str(out), *extra],
                          cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


def copy_seeds(dest: Path, names: list[str] | None = None) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        if names is None or path.name in names:
            shutil.copy(path, dest / path.name)
    return dest
