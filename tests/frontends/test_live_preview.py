"""Live preview: ``mkdocs serve`` rebuilds once per change of a page file, the
corrections file, a template or a vocabulary, and writes nothing into what it watches.

Runs ``mkdocs serve`` on a free localhost port over a copy of the project,
with the pages in a folder outside it (``DIGEST_SEEDS``, which the hook adds
to the watched paths), edits each kind of file and waits for the served page
to change. Waits are bounded; nothing about time is asserted.
"""
from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SAMPLES, copy_project, mkdocs_env

pytestmark = pytest.mark.slow

PAGE = "corrections_page.txt"
BUILDS = "Building documentation..."


def finished_builds(log: str) -> int:
    """Builds that ran to the end: the first before "Serving on", each rebuild before "Reloading browsers".

    Not "Documentation built in N seconds": MkDocs drops a build-log message it has
    logged before, so a rebuild that takes exactly as long as an earlier one prints none.
    """
    return log.count("Reloading browsers") + ("Serving on" in log)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(check, what: str, limit: float = 180.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    pytest.fail(f"gave up waiting for {what}")


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _snapshot(*folders: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def test_mkdocs_yml_watches_pages_templates_and_vocabularies():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert {"seeds", "site_templates", "builder/data"} <= set(config["watch"])


def _project_with_a_page(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the project, and a folder of pages outside it holding one sample page."""
    project = copy_project(tmp_path / "project")
    seeds = tmp_path / "pages"
    seeds.mkdir()
    (seeds / PAGE).write_bytes((SAMPLES / PAGE).read_bytes())
    return project, seeds


def _serve(project: Path, seeds: Path, log_path: Path, base: str, **env: str) -> subprocess.Popen:
    """``mkdocs serve`` of the copy on ``base``, the pages from ``seeds``, its output in ``log_path``."""
    with open(log_path, "wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", base[7:-1]], cwd=project, stdout=out,
            stderr=subprocess.STDOUT, env=mkdocs_env(PYTHONPATH=str(project), DIGEST_SEEDS=str(seeds), **env))


def test_serve_rebuilds_once_per_change_and_writes_nothing_it_watches(tmp_path):
    project, seeds = _project_with_a_page(tmp_path)
    log_path = tmp_path / "serve.log"
    base = f"http://127.0.0.1:{_free_port()}/"
    watched = [project / "content", project / "seeds", project / "site_templates", project / "builder" / "data", seeds]

    def log() -> str:
        return log_path.read_text(encoding="utf-8", errors="replace")

    def settled(builds: int) -> bool:
        """That many builds finished, and the log has been still for a few polling rounds."""
        text = log()
        if text.count(BUILDS) < builds or finished_builds(text) < text.count(BUILDS):
            return False
        time.sleep(3)
        return log() == text

    proc = _serve(project, seeds, log_path, base)
    try:
        _wait_for(lambda: "Serving on" in log(), "mkdocs serve to start")
        _wait_for(lambda: settled(1), "the first build")
        data = json.loads(_get(base + "data/articles.json"))
        hengyang = next(a for a in data["articles"] if "衡阳" in a["title"])
        page_url = base + hengyang["url"].lstrip("/")
        before = _snapshot(*watched)

        def edit_page():
            path = seeds / PAGE
            path.write_text(path.read_text(encoding="utf-8").replace("揭牌。", "揭牌启用。"), encoding="utf-8")

        def edit_corrections():
            (seeds / "corrections.yaml").write_text(f"{hengyang['id']}:\n  retitle: 衡阳高新区实训基地正式启用\n",
                                                   encoding="utf-8")

        def edit_template():
            path = project / "site_templates" / "article.md.j2"
            path.write_text(path.read_text(encoding="utf-8") + "\n模板已更新\n", encoding="utf-8")

        def edit_vocabulary():
            path = project / "builder" / "data" / "themes.yaml"
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["themes"].append({"name": "实训基地建设",
                                   "terms": ["实训基地", "职业院校", "专业方向", "技能人才", "高级工"]})
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

        changes = [("page file", edit_page, "揭牌启用"),
                   ("corrections file", edit_corrections, "衡阳高新区实训基地正式启用"),
                   ("template", edit_template, "模板已更新"),
                   ("vocabulary", edit_vocabulary, "实训基地建设")]
        for builds, (what, edit, shown) in enumerate(changes, start=2):
            assert shown not in _get(page_url), what
            edit()
            _wait_for(lambda: shown in _get(page_url), f"the served page to show the {what} change")
            _wait_for(lambda: settled(builds), f"the rebuild after the {what} change")
            assert log().count(BUILDS) == builds, f"one rebuild for the {what} change:\n{log()}"

        after = _snapshot(*watched)
        edited = {str(seeds / PAGE), str(seeds / "corrections.yaml"),
                  str(project / "site_templates" / "article.md.j2"), str(project / "builder" / "data" / "themes.yaml")}
        assert set(after) - set(before) == {str(seeds / "corrections.yaml")}, "nothing generated in watched folders"
        assert {p for p in after if after[p] != before.get(p)} == edited
        assert "Traceback" not in log()
        # A preview skips the search index (each rebuild would index the whole archive).
        assert "search index skipped while serving" in log()
        assert not _get(base + "pagefind/pagefind.js")
        assert not _get(base + "sitemap.xml")  # nor the sitemap, which lists every page
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_builds_the_search_index_when_asked(tmp_path):
    project, seeds = _project_with_a_page(tmp_path)
    log_path = tmp_path / "serve.log"
    base = f"http://127.0.0.1:{_free_port()}/"
    proc = _serve(project, seeds, log_path, base, DIGEST_SERVE_SEARCH="1")
    try:
        _wait_for(lambda: "Serving on" in log_path.read_text(encoding="utf-8", errors="replace"), "mkdocs serve")
        assert "pagefind indexed" in log_path.read_text(encoding="utf-8", errors="replace")
        assert _wait_for(lambda: _get(base + "pagefind/pagefind.js"), "the served search index")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
