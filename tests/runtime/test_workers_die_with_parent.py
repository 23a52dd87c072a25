"""Worker processes never outlive a build that is killed (SIGKILL) or stopped (SIGTERM)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from builder.runtime import workers

    pids = Path(sys.argv[1])
    PARENT = os.getpid()

    def slow(item, data_dir=None):
        if os.getpid() == PARENT:  # map_pages does its first batch here, before the workers start
            return item
        (pids / str(os.getpid())).touch()
        time.sleep(120)
        return item

    def slow_batch(batch, data_dir):
        return [slow(x) for x in batch]

    if sys.argv[2] == "forked":
        workers.map_forked(slow, list(range(8)), workers=2, min_items=1)
    else:
        workers.map_pages(slow_batch, list(range(40)), Path("."), workers=2, min_pages=1)
""")


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has exited; only its parent's parent has not reaped it


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", ["forked", "pages"])
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_die_when_the_build_is_killed(tmp_path, sig, how):
    (tmp_path / "run.py").write_text(SCRIPT, encoding="utf-8")
    pids = tmp_path / "pids"
    pids.mkdir()
    build = subprocess.Popen([sys.executable, str(tmp_path / "run.py"), str(pids), how], cwd=ROOT,
                             env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            workers = [int(p.name) for p in pids.iterdir()]
            if len(workers) >= 2:
                break
            time.sleep(0.1)
        assert len(workers) >= 2, "the workers did not start"
        build.send_signal(sig)
        build.wait(30)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(alive(p) for p in workers):
            time.sleep(0.1)
        survivors = [p for p in workers if alive(p)]
        for p in survivors:
            os.kill(p, signal.SIGKILL)
        assert not survivors, f"workers {survivors} outlived the killed build"
    finally:
        if build.poll() is None:
            build.kill()


CRASH = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from builder.runtime import workers

    PARENT = os.getpid()

    def double(batch, data_dir):
        if os.getpid() != PARENT and batch[0] == 16:
            os._exit(9)  # a worker dies (out of memory, killed by hand)
        return [x * 2 for x in batch]

    print(workers.map_pages(double, list(range(64)), Path("."), workers=2, min_pages=1) == [x * 2 for x in range(64)])
""")


def test_a_worker_that_dies_does_not_cost_the_build(tmp_path):
    (tmp_path / "crash.py").write_text(CRASH, encoding="utf-8")
    result = subprocess.run([sys.executable, str(tmp_path / "crash.py")], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "True"
