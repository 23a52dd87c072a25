"""A call run in a process of its own gives what it gives here, errors included."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from builder.frontends import builder_apart
from builder.pipeline import build_site
from builder.settings import Settings
from conftest import ROOT

# In a fresh interpreter: this test process may run threads (other tests' servers),
# and then run_apart rightly works here instead of forking.
SCRIPT = textwrap.dedent("""
    import os, sys
    from builder.runtime.apart import ApartFailed, run_apart
    from builder.vocab.rule_files import RuleFileError

    def pid_and(x):
        return os.getpid(), x * 2

    def fails():
        raise RuleFileError("places.yaml: unknown key 'x'")

    def dies():
        os._exit(3)

    def unpicklable():
        return lambda: 0

    child, doubled = run_apart(pid_and, 21)
    print("forked", child != os.getpid(), doubled)
    for fn in (fails, dies, unpicklable):
        try:
            run_apart(fn)
        except (RuleFileError, ApartFailed) as err:
            print(fn.__name__, type(err).__name__, str(err).splitlines()[0])
""")


def test_a_call_apart_returns_its_result_and_raises_its_errors():
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "forked True 42"
    # the same error type and message as here, so the hook still reports a bad rule file in one line
    assert lines[1] == "fails RuleFileError places.yaml: unknown key 'x'"
    assert lines[2].startswith("dies ApartFailed") and "exit code 3" in lines[2]
    assert lines[3].startswith("unpicklable ApartFailed") and "could not be sent back" in lines[3]


def test_with_threads_running_the_call_runs_here():
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        from builder.runtime.apart import run_apart
        assert run_apart(os.getpid) == os.getpid()
    finally:
        stop.set()
        thread.join()


def test_the_staged_build_writes_the_files_the_build_makes(tmp_path, monkeypatch):
    # Here (threads may run) or forked, the staging folder holds every rendered file, byte for byte,
    # the pages written one by one as rendered (render_site's sink) against the files it returns.
    settings = Settings.for_site(ROOT, ROOT / "seeds", cache_dir=None)
    built = builder_apart.build_staged(settings)
    site = build_site(settings, search_markers=True)
    folder = built.folder
    assert built.paths == tuple(sorted(site.files))
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == sorted(site.files)
    for path, content in site.files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        assert (folder / path).read_bytes() == data, path
    assert built.problems == tuple(p.message for p in site.digest.problems)
    builder_apart.clean_staging()
    assert not folder.exists()


def test_a_serve_rebuild_rewrites_only_the_pages_an_edit_changed(tmp_path):
    # mkdocs serve --dirty renders again only pages whose source is newer than their output.
    import shutil
    import time

    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    settings = Settings.for_site(ROOT, seeds, cache_dir=tmp_path / "cache")
    first = builder_apart.build_for_serve(settings)
    times = {p: (first.folder / p).stat().st_mtime_ns for p in first.paths}
    page = sorted(seeds.glob("*.txt"))[0]
    text = page.read_text(encoding="utf-8")
    time.sleep(0.05)
    page.write_text(text.replace("崭新篇章", "全新篇章", 1), encoding="utf-8")
    second = builder_apart.build_for_serve(settings)
    assert second.folder == first.folder and second.paths == first.paths
    changed = [p for p in second.paths if (second.folder / p).stat().st_mtime_ns != times[p]]
    edited = [p for p in changed if p.startswith("articles/")
              and "全新篇章" in (second.folder / p).read_text(encoding="utf-8")]
    assert len(edited) == 1, changed
    assert len(changed) < len(second.paths) / 4, changed
