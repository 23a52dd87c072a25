"""The publishing workflow passes actionlint (with shellcheck over its scripts), asks each
job for only the permissions it needs, never cancels a deployment, and builds with the
README's command before deploying."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/pages.yml"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    assert Path(found).exists(), f"{name} is installed by the test extra (pip install -e .[test])"
    return found


def _flow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_workflow_passes_actionlint_with_shellcheck():
    result = subprocess.run([_tool("actionlint"), "-no-color", f"-shellcheck={_tool('shellcheck')}", str(WORKFLOW)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_strict_and_deploys_to_pages():
    flow = _flow()
    steps = [s for job in flow["jobs"].values() for s in job.get("steps", [])]
    uses = [s.get("uses", "") for s in steps]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert "./scripts/build" in runs and "--strict" in (ROOT / "scripts/build").read_text()
    assert "./scripts/test" in runs


def test_each_job_has_the_permissions_it_needs_and_no_more():
    flow = _flow()
    assert flow["permissions"] == {}
    jobs = flow["jobs"]
    assert jobs["test"]["permissions"] == {"contents": "read"}
    # configure-pages reads the repository's Pages settings.
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_a_deployment_is_never_cancelled():
    flow = _flow()
    deploy = flow["jobs"]["deploy"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    # The workflow-wide group cancels only pull requests' runs.
    assert "pull_request" in str(flow["concurrency"]["cancel-in-progress"])


def test_pip_and_the_builders_cache_are_kept_between_runs():
    for name in ("test", "build"):
        python = [s for s in _flow()["jobs"][name]["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
        assert python and python[0]["with"]["cache"] == "pip", name
        assert python[0]["with"]["cache-dependency-path"] == "requirements/lock.txt"
    caches = [s for s in _flow()["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/cache@")]
    assert caches and caches[0]["with"]["path"] == ".cache/digest"
